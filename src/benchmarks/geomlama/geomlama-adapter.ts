import { basename } from 'node:path';
import { CHOICE_LETTERS } from '../../schema/fields.js';
import { editDistance } from '../../scoring/normalize-answer.js';
import { foldAnswer } from '../../text/fold-text.js';
import { parseCsv, CsvSyntaxError } from '../../datasets/read-csv.js';
import { fileError, readDatasetText } from '../../datasets/read-text-file.js';
import { DatasetCollector, type AdapterDataset, type BaseAdapterOptions } from '../shared/adapter-dataset.js';
import { countryCodeForName } from '../shared/country-names.js';
import { countriesNamed, noCountryLanguages, removeCountryMention } from './geomlama-country-mentions.js';
import { InputError } from '../../errors/culturekit-error.js';
import { isDirectory, listFiles } from '../shared/read-benchmark-file.js';

export const GEOMLAMA_PROTOCOL = 'geomlama';

export interface GeoMlamaOptions extends BaseAdapterOptions {
  /** Prompt languages to load from a folder (default: every language file found). */
  languages?: string[];
  /** Prompt language of a single file whose name does not say it (`gd_prompt_{lang}.tsv`, `{lang}.csv`). */
  language?: string;
  /** Add the no-country probes (one per concept and prompt language); default true. */
  noCountry?: boolean;
  /**
   * `culturekit` (default): golds repaired to a close candidate, rows whose golds match none skipped, scored per item.
   * `paper`: as Global Gallery's scorer: options and golds split on "," verbatim, a gold that is not an option counts
   * as a miss, the country taken from the row's position, hits and golds pooled per country (`geomlamaPaperTable`).
   */
  protocol?: 'culturekit' | 'paper';
}

/** What the `geomlama` protocol reads from `item.metadata`. */
export interface GeoMlamaMetadata {
  benchmark: 'geomlama';
  setting: 'country' | 'no-country';
  /** Same for a concept × country in every prompt language, so English and local-language prompts pair up. */
  questionId: string;
  /** Indexes of the gold answers in `item.choices` (country setting). */
  golds?: number[];
  /** Gold indexes per country (no-country setting). */
  goldsByCountry?: Record<string, number[]>;
  /** The original masked sentence (`… <mask> …`) of the TSV shape: scored by log-likelihood around the mask. */
  maskedPrompt?: string;
  concept: number;
  context: string;
  promptLanguage: string;
  /** Whether the prompt is in the language of the country asked about (for English vs local-language comparisons). */
  localLanguage?: boolean;
  shape: 'tsv' | 'csv';
  /** Paper mode: the gold answers verbatim (hits are counted against these; a gold that is no option is a miss). */
  paperGolds?: string[];
  /** Paper mode, no-country probes: each country's gold answers verbatim. */
  paperGoldsByCountry?: Record<string, string[]>;
}

/** The countries of GeoMLaMA, in the order the original TSV blocks list them, with their local language. */
const COUNTRY_ORDER = ['us', 'china', 'india', 'iran', 'kenya', 'greece'] as const;
export const GEOMLAMA_LOCAL_LANGUAGES: Record<string, string> = { US: 'en', CN: 'zh', IN: 'hi', IR: 'fa', KE: 'sw', GR: 'el' };

const TSV_NAME = /^gd_prompt_([a-z]{2,3})\.tsv$/i;
const CSV_NAME = /^([a-z]{2,3})\.csv$/i;
const LIST_SEPARATOR = /[,،，]/;

interface GeoRow {
  file: string;
  line: number;
  language: string;
  concept: number;
  countryKey: string;
  question: string;
  maskedPrompt?: string;
  answers: string[];
  candidates: string[];
  context: string;
  shape: 'tsv' | 'csv';
}

type Mode = 'culturekit' | 'paper';

/**
 * Loads GeoMLaMA probes: the original `gd_prompt_{lang}.tsv` (masked prompt + question, 5 countries in blocks) or the
 * Global Gallery CSV `{lang}.csv` (`question, answer, candidate_answers, context, country`, 6 countries), a single file
 * or a folder of them. Each row becomes a multiple-choice item scored by the `geomlama` protocol (log-likelihood of
 * each candidate where the backend can, a letter otherwise; with k gold answers, the golds found in the top k).
 * Country = the country asked about, language = the prompt language, `metadata.questionId` pairs the same question
 * across prompt languages. With `noCountry` (default), each concept also yields a probe with the country removed,
 * scored by which country's gold the model's answer matches.
 *
 * @example
 * const dataset = await loadGeoMlama('culture-llm/data/geomlama', { languages: ['en', 'zh'] });
 */
export async function loadGeoMlama(path: string, options: GeoMlamaOptions = {}): Promise<AdapterDataset> {
  const mode: Mode = options.protocol ?? 'culturekit';
  if (mode !== 'culturekit' && mode !== 'paper') throw new InputError(`geomlama: protocol must be culturekit or paper, got "${String(mode)}"`);
  const collector = new DatasetCollector('geomlama', `geomlama:${path}`, options);
  let files = [path];
  if (await isDirectory(path)) {
    files = await listFiles(path, (name) => TSV_NAME.test(name) || CSV_NAME.test(name));
    if (options.languages) files = files.filter((file) => options.languages!.includes(fileLanguage(file) ?? ''));
    if (files.length === 0) collector.problem(path, 1, '', 'no GeoMLaMA files (gd_prompt_{lang}.tsv or {lang}.csv) in this folder');
  }
  for (const file of files) {
    const language = options.language && files.length === 1 ? options.language : fileLanguage(file);
    if (!language) {
      collector.problem(file, 1, '', 'cannot tell the prompt language from the file name (gd_prompt_{lang}.tsv or {lang}.csv): pass the language option');
      continue;
    }
    const text = await readDatasetText(file);
    const rows = looksLikeGeoMlamaTsv(text) ? readTsv(file, text, language, collector, mode) : readCsv(file, text, language, collector, mode);
    warnAboutOtherCountries(file, rows, collector);
    addItems(rows, collector, options.noCountry ?? true, mode);
  }
  return collector.finish();
}

/** Whether a text starts with the original GeoMLaMA TSV header. */
export function looksLikeGeoMlamaTsv(text: string): boolean {
  const header = text
    .slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'))
    .split('\t')
    .map((cell) => cell.trim());
  return header.includes('Prompt') && header.includes('Corresponding Questions') && header.includes('Candidate Ans');
}

/** Whether a text starts with the Global Gallery GeoMLaMA CSV header. */
export function looksLikeGeoMlamaCsv(text: string): boolean {
  const header = text
    .slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'))
    .split(',')
    .map((cell) => cell.trim());
  return ['question', 'answer', 'candidate_answers', 'context', 'country'].every((column) => header.includes(column));
}

function fileLanguage(file: string): string | undefined {
  const name = basename(file);
  return (TSV_NAME.exec(name) ?? CSV_NAME.exec(name))?.[1].toLowerCase();
}

function splitList(text: string, mode: Mode = 'culturekit'): string[] {
  // The authors' scorer splits on "," and strips spaces, nothing else.
  if (mode === 'paper') return text.split(',').map((part) => part.trim());
  return text
    .split(LIST_SEPARATOR)
    .map((part) =>
      part
        .trim()
        .replace(/[.。!?;:]+$/u, '')
        .trim(),
    )
    .filter((part) => part !== '');
}

function readTsv(file: string, text: string, language: string, collector: DatasetCollector, mode: Mode): GeoRow[] {
  const lines = text.split(/\r?\n/);
  const header = lines[0].split('\t').map((cell) => cell.trim());
  const column = (name: string) => header.indexOf(name);
  const columns = {
    prompt: column('Prompt'),
    question: column('Corresponding Questions'),
    answer: column('Ans'),
    candidates: column('Candidate Ans'),
    context: column('Context'),
  };
  const missing = Object.entries(columns).filter(([, index]) => index === -1);
  if (missing.length > 0) throw fileError(file, 1, `missing columns: Prompt, Corresponding Questions, Ans, Candidate Ans, Context`);
  const blocks: { line: number; cells: string[] }[][] = [];
  let current: { line: number; cells: string[] }[] = [];
  lines.slice(1).forEach((raw, index) => {
    const cells = raw.split('\t').map((cell) => cell.trim());
    if (cells.every((cell) => cell === '')) {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else current.push({ line: index + 2, cells });
  });
  if (current.length > 0) blocks.push(current);
  const rows: GeoRow[] = [];
  blocks.forEach((block, concept) => {
    if (block.length > COUNTRY_ORDER.length) {
      collector.problem(
        file,
        block[0].line,
        '',
        `a block of ${block.length} rows: expected one row per country (${COUNTRY_ORDER.slice(0, 5).join(', ')}) between blank lines`,
      );
      return;
    }
    block.forEach(({ line, cells }, position) => {
      const cell = (index: number) => cells[index] ?? '';
      const row = {
        file,
        line,
        language,
        concept,
        countryKey: COUNTRY_ORDER[position],
        question: cell(columns.question),
        maskedPrompt: cell(columns.prompt),
        answers: splitList(cell(columns.answer), mode),
        candidates: splitList(cell(columns.candidates), mode),
        context: cell(columns.context),
        shape: 'tsv' as const,
      };
      if (!row.maskedPrompt.includes('<mask>')) return collector.problem(file, line, 'Prompt', 'no <mask> in the prompt');
      if (checkRow(row, collector)) rows.push(row);
    });
  });
  return rows;
}

function readCsv(file: string, text: string, language: string, collector: DatasetCollector, mode: Mode): GeoRow[] {
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw fileError(file, error.line, error.message);
    throw error;
  }
  const [header, ...body] = parsed;
  const names = header.fields.map((name) => name.trim());
  const index = (name: string) => names.indexOf(name);
  if (!looksLikeGeoMlamaCsv(names.join(',')))
    throw fileError(file, header.line, 'expected the columns question, answer, candidate_answers, context, country (Global Gallery GeoMLaMA CSV)');
  const rows: GeoRow[] = [];
  let concept = 0;
  const seen = new Set<string>();
  let relabelled = 0;
  body.forEach(({ line, fields }, position) => {
    const cell = (name: string) => (fields[index(name)] ?? '').trim();
    let countryKey = cell('country').toLowerCase();
    // The authors' scorer labels rows by position (us, china, india, iran, kenya, greece, repeated), not by the column.
    if (mode === 'paper' && countryKey !== COUNTRY_ORDER[position % COUNTRY_ORDER.length]) {
      countryKey = COUNTRY_ORDER[position % COUNTRY_ORDER.length];
      relabelled++;
    }
    if (seen.has(countryKey)) {
      concept++;
      seen.clear();
    }
    seen.add(countryKey);
    const row = {
      file,
      line,
      language,
      concept,
      countryKey,
      question: cell('question'),
      answers: splitList(cell('answer'), mode),
      candidates: splitList(cell('candidate_answers'), mode),
      context: cell('context'),
      shape: 'csv' as const,
    };
    if (checkRow(row, collector)) rows.push(row);
  });
  if (relabelled > 0) collector.note(`${file}: ${relabelled} rows labelled by their position (paper protocol), not by their country column`);
  return rows;
}

/** Warns (with a count) about rows whose question names another GeoMLaMA country and not the row's own. */
function warnAboutOtherCountries(file: string, rows: GeoRow[], collector: DatasetCollector): void {
  const examples: string[] = [];
  let count = 0;
  for (const row of rows) {
    const label = countryCodeForName(row.countryKey);
    const named = countriesNamed(row.question, row.language);
    if (!label || !named || named.length === 0 || named.includes(label)) continue;
    count++;
    if (examples.length < 3) examples.push(`line ${row.line} (${label}) asks about ${named.join('/')}`);
  }
  if (count === 0) return;
  const message = `${file}: ${count} row${count === 1 ? '' : 's'} ask about another country than the row's label (a source inconsistency, kept as published): ${examples.join('; ')}`;
  collector.note(message);
}

function checkRow(row: GeoRow, collector: DatasetCollector): boolean {
  const problem: [string, string] | undefined =
    row.question === ''
      ? ['question', 'missing or empty']
      : row.candidates.length < 2
        ? ['candidate_answers', 'fewer than 2 candidate answers']
        : row.answers.length === 0
          ? ['answer', 'missing']
          : countryCodeForName(row.countryKey) === undefined
            ? ['country', `unknown country "${row.countryKey}"`]
            : undefined;
  if (problem) collector.problem(row.file, row.line, problem[0], problem[1]);
  return problem === undefined;
}

/** Distinct candidates (by normalised text) and the index of each gold among them; misspelt golds matched to a unique close candidate. */
function matchGolds(row: GeoRow, collector: DatasetCollector, mode: Mode): { choices: string[]; golds: number[]; display?: number } | undefined {
  if (mode === 'paper') {
    const choices = [...new Set(row.candidates.filter((candidate) => candidate !== ''))];
    const golds = [...new Set(row.answers.map((answer) => choices.indexOf(answer)).filter((index) => index !== -1))];
    const unmatched = row.answers.filter((answer) => !choices.includes(answer));
    if (unmatched.length === 0) return { choices, golds };
    collector.note(
      `${row.file}:${row.line}: gold answer${unmatched.length === 1 ? '' : 's'} ${unmatched.map((answer) => `"${answer}"`).join(', ')} not among the options: counted as a miss (paper protocol)`,
    );
    // The item's `answer` letter (shown in results, not scored in paper mode): the option nearest to the first gold.
    const key = foldAnswer(row.answers[0]);
    const distances = choices.map((choice) => editDistance(foldAnswer(choice), key));
    return { choices, golds, display: golds[0] ?? distances.indexOf(Math.min(...distances)) };
  }
  const choices: string[] = [];
  const keys: string[] = [];
  for (const candidate of row.candidates) {
    const key = foldAnswer(candidate);
    if (key !== '' && !keys.includes(key)) {
      keys.push(key);
      choices.push(candidate);
    }
  }
  const golds: number[] = [];
  for (const answer of row.answers) {
    const key = foldAnswer(answer);
    let index = keys.indexOf(key);
    if (index === -1) {
      const containing = keys.flatMap((candidate, position) =>
        ` ${candidate} `.includes(` ${key} `) || ` ${key} `.includes(` ${candidate} `) ? [position] : [],
      );
      if (containing.length === 1) index = containing[0];
    }
    if (index === -1) {
      const distances = keys.map((candidate) => editDistance(candidate, key));
      const best = Math.min(...distances);
      const allowed = Math.max(1, Math.floor([...key].length / 5));
      if (best <= allowed && distances.filter((distance) => distance === best).length === 1) {
        index = distances.indexOf(best);
        collector.note(`${row.file}:${row.line}: gold answer "${answer}" matched to the candidate "${choices[index]}"`);
      }
    }
    if (index === -1) {
      collector.problem(row.file, row.line, 'answer', `gold answer "${answer}" is not among the candidate answers (${choices.join(', ')})`);
      return undefined;
    }
    if (!golds.includes(index)) golds.push(index);
  }
  return { choices, golds };
}

function addItems(rows: GeoRow[], collector: DatasetCollector, noCountry: boolean, mode: Mode): void {
  const byConcept = new Map<number, { row: GeoRow; country: string; choices: string[]; golds: number[] }[]>();
  for (const row of rows) {
    const matched = matchGolds(row, collector, mode);
    if (!matched) continue;
    const country = countryCodeForName(row.countryKey)!;
    const metadata: GeoMlamaMetadata = {
      benchmark: 'geomlama',
      setting: 'country',
      questionId: `geomlama-${row.concept + 1}-${country.toLowerCase()}`,
      golds: matched.golds,
      maskedPrompt: row.maskedPrompt,
      concept: row.concept + 1,
      context: row.context,
      promptLanguage: row.language,
      localLanguage: GEOMLAMA_LOCAL_LANGUAGES[country] === row.language,
      shape: row.shape,
      ...(mode === 'paper' ? { paperGolds: row.answers } : {}),
    };
    const added = collector.addItem(
      {
        id: `geomlama-${row.language}-${row.concept + 1}-${country.toLowerCase()}`,
        kind: 'knowledge',
        format: 'mcq',
        prompt: row.question,
        choices: matched.choices,
        answer: CHOICE_LETTERS[matched.display ?? matched.golds[0]],
        language: row.language,
        country,
        category: row.context || undefined,
        protocol: GEOMLAMA_PROTOCOL,
        metadata: { ...metadata },
      },
      row.file,
      row.line,
    );
    if (!added) continue;
    const list = byConcept.get(row.concept) ?? [];
    list.push({ row, country, ...matched });
    byConcept.set(row.concept, list);
  }
  if (!noCountry) return;
  const language = rows[0]?.language;
  if (language && !noCountryLanguages.includes(language)) {
    collector.note(`GeoMLaMA ${language}: no rewrites to remove the country from ${language} prompts, so no no-country probes`);
    return;
  }
  for (const [concept, entries] of byConcept) addNoCountryItem(concept, entries, collector, mode);
}

function addNoCountryItem(
  concept: number,
  entries: { row: GeoRow; country: string; choices: string[]; golds: number[] }[],
  collector: DatasetCollector,
  mode: Mode,
): void {
  const source = entries.find((entry) => entry.country === 'US');
  if (!source) return;
  const { row } = source;
  const question = removeCountryMention(row.question, row.language);
  const maskedPrompt = row.maskedPrompt === undefined ? undefined : removeCountryMention(row.maskedPrompt, row.language);
  if (!question || (row.maskedPrompt !== undefined && !maskedPrompt?.includes('<mask>'))) {
    collector.note(`${row.file}:${row.line}: could not remove the country from "${row.question}": no no-country probe for concept ${concept + 1}`);
    return;
  }
  const keys = source.choices.map(foldAnswer);
  const goldsByCountry: Record<string, number[]> = {};
  for (const entry of entries) {
    const golds = entry.golds.map((gold) => keys.indexOf(foldAnswer(entry.choices[gold]))).filter((index) => index !== -1);
    if (golds.length > 0) goldsByCountry[entry.country] = golds;
  }
  const metadata: GeoMlamaMetadata = {
    benchmark: 'geomlama',
    setting: 'no-country',
    questionId: `geomlama-${concept + 1}-no-country`,
    goldsByCountry,
    maskedPrompt,
    concept: concept + 1,
    context: row.context,
    promptLanguage: row.language,
    shape: row.shape,
    ...(mode === 'paper' ? { paperGoldsByCountry: Object.fromEntries(entries.map((entry) => [entry.country, entry.row.answers])) } : {}),
  };
  collector.addItem(
    {
      id: `geomlama-${row.language}-${concept + 1}-no-country`,
      kind: 'safety',
      format: 'mcq',
      prompt: question,
      choices: source.choices,
      language: row.language,
      category: row.context || undefined,
      protocol: GEOMLAMA_PROTOCOL,
      metadata: { ...metadata, sourceQuestion: row.question },
    },
    row.file,
    row.line,
  );
}
