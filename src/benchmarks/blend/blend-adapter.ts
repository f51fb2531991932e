import { InputError } from '../../errors/culturekit-error.js';
import { basename, dirname, join } from 'node:path';
import { readCsvRecords } from '../../datasets/read-csv.js';
import { isPlainObject, jsonTypeName } from '../../datasets/scan-json.js';
import { lineOfKey, readJsonDocument } from '../../datasets/json-document.js';
import { DatasetCollector, nonEmptyString, type AdapterDataset, type BaseAdapterOptions } from '../shared/adapter-dataset.js';
import { isDirectory, listFiles, pathExists } from '../shared/read-benchmark-file.js';

export const BLEND_PROTOCOL = 'blend-sem';

export interface BlendOptions extends BaseAdapterOptions {
  /** Prompt template id of `prompts/{Country}_prompts.csv` (default `inst-4`, as in the paper); `none` sends the bare question. */
  template?: string;
  /** Question languages: `local` (the country's language) and/or `en`; default both. */
  languages?: string[];
  /** Countries to load, by file prefix (`South_Korea`) or ISO code (`KR`); default all. */
  countries?: string[];
  /**
   * `paper`: the authors' scorer (`exact_match.py`): the echoed prompt removed, the response lower-cased, an answer
   * matching as a raw substring (empty answers kept, so they match anything), else all its tokens among the response's
   * (without the authors' lemmatizers). Default `culturekit`: folded text, whole words, empty answers dropped.
   */
  protocol?: 'culturekit' | 'paper';
}

/** One annotation: the answers annotators gave (local language and English) and how many gave it. */
export interface BlendAnnotation {
  answers: string[];
  en_answers: string[];
  count: number;
}

/** What the `blend-sem` protocol reads from `item.metadata`. */
export interface BlendMetadata {
  benchmark: 'blend';
  questionId: string;
  annotations: BlendAnnotation[];
  /** Match the local-language answers too (local-language questions), not only the English ones. */
  matchLocal: boolean;
  /** Scored with the authors' rule (`protocol=paper`). */
  paper?: boolean;
}

/** The 16 countries/regions of BLEnD: ISO code and local language. */
export const BLEND_COUNTRIES: Record<string, { country: string; language: string; region?: string }> = {
  Algeria: { country: 'DZ', language: 'ar' },
  Assam: { country: 'IN-AS', language: 'as' },
  Azerbaijan: { country: 'AZ', language: 'az' },
  China: { country: 'CN', language: 'zh' },
  Ethiopia: { country: 'ET', language: 'am' },
  Greece: { country: 'GR', language: 'el' },
  Indonesia: { country: 'ID', language: 'id' },
  Iran: { country: 'IR', language: 'fa' },
  Mexico: { country: 'MX', language: 'es' },
  North_Korea: { country: 'KP', language: 'ko' },
  Northern_Nigeria: { country: 'NG', language: 'ha', region: 'Northern Nigeria' },
  South_Korea: { country: 'KR', language: 'ko' },
  Spain: { country: 'ES', language: 'es' },
  UK: { country: 'GB', language: 'en' },
  US: { country: 'US', language: 'en' },
  West_Java: { country: 'ID-JB', language: 'su' },
};

const DEFAULT_TEMPLATE = 'inst-4';

/**
 * Loads BLEnD's short-answer questions (the folder with `annotations/`, `questions/`, `prompts/`, or one
 * `annotations/{Country}_data.json`): each question becomes an open item in the local language and one in English
 * (one for English-speaking countries), wrapped in the prompt template `template`, scored by the `blend-sem` protocol
 * (soft exact match against the annotators' answers: `sem_b`, `sem_w`). Questions most annotators could not answer
 * are left out, by the authors' rule: `no-answer + not-applicable >= 3`, `idk >= 5`, or no annotations.
 * Category = topic of the question (Food, Sport…), country = ISO code (Assam `IN-AS`, West Java `ID-JB`).
 *
 * @example
 * const dataset = await loadBlend('/data/blend', { countries: ['South_Korea'], languages: ['local'] });
 */
export async function loadBlend(path: string, options: BlendOptions = {}): Promise<AdapterDataset> {
  if (options.protocol !== undefined && options.protocol !== 'culturekit' && options.protocol !== 'paper')
    throw new InputError(`blend: protocol must be culturekit or paper, got "${String(options.protocol)}"`);
  const collector = new DatasetCollector('blend', `blend:${path}`, options);
  let root = path;
  let annotationFiles: string[];
  if (await isDirectory(path)) {
    annotationFiles = await listFiles(join(path, 'annotations'), (name) => name.endsWith('_data.json'));
  } else {
    annotationFiles = [path];
    root = dirname(dirname(path));
  }
  const wanted = options.countries?.map((entry) => entry.toLowerCase());
  const languages = new Set(options.languages ?? ['local', 'en']);
  const template = options.template ?? DEFAULT_TEMPLATE;
  for (const file of annotationFiles) {
    const name = basename(file).replace(/_data\.json$/, '');
    const info = BLEND_COUNTRIES[name];
    if (!info) {
      collector.problem(file, 1, '', `unknown BLEnD country "${name}" (expected one of ${Object.keys(BLEND_COUNTRIES).join(', ')})`);
      continue;
    }
    if (wanted && !wanted.includes(name.toLowerCase()) && !wanted.includes(info.country.toLowerCase())) continue;
    const topics = await readTopics(join(root, 'questions', `${name}_questions.csv`), collector);
    const templates = template === 'none' ? undefined : await readTemplate(join(root, 'prompts', `${name}_prompts.csv`), template, collector);
    await readCountry(file, name, info, topics, templates, languages, collector, options.protocol === 'paper');
  }
  return collector.finish();
}

async function readTopics(file: string, collector: DatasetCollector): Promise<Map<string, { topic?: string; source?: string }>> {
  const topics = new Map<string, { topic?: string; source?: string }>();
  if (!(await pathExists(file))) {
    collector.note(`${file} not found: BLEnD items of this country have no topic`);
    return topics;
  }
  const { records } = await readCsvRecords(file);
  for (const { value } of records) {
    const id = nonEmptyString(value.ID);
    if (id) topics.set(id, { topic: nonEmptyString(value.Topic), source: nonEmptyString(value.Source) });
  }
  return topics;
}

async function readTemplate(file: string, id: string, collector: DatasetCollector): Promise<{ english: string; local: string } | undefined> {
  if (!(await pathExists(file))) {
    collector.note(`${file} not found: BLEnD questions of this country are sent without a prompt template`);
    return undefined;
  }
  const { records } = await readCsvRecords(file);
  const record = records.find(({ value }) => nonEmptyString(value.id) === id);
  const english = nonEmptyString(record?.value.English);
  const local = nonEmptyString(record?.value.Translation) ?? english;
  if (!record || !english || !local || !english.includes('{q}') || !local.includes('{q}')) {
    collector.note(`${file}: no prompt template "${id}" with a {q} slot: BLEnD questions of this country are sent without a template`);
    return undefined;
  }
  return { english, local };
}

async function readCountry(
  file: string,
  name: string,
  info: { country: string; language: string; region?: string },
  topics: Map<string, { topic?: string; source?: string }>,
  templates: { english: string; local: string } | undefined,
  languages: Set<string>,
  collector: DatasetCollector,
  paper: boolean,
): Promise<void> {
  const document = await readJsonDocument(file);
  if (!isPlainObject(document.value)) {
    collector.problem(file, 1, '', `expected an object keyed by question id, got ${jsonTypeName(document.value)}`);
    return;
  }
  let excluded = 0;
  for (const [questionId, record] of Object.entries(document.value)) {
    const line = isPlainObject(record) ? document.lineOf(record) : lineOfKey(document.text, questionId);
    if (!isPlainObject(record)) {
      collector.problem(file, line, questionId, `expected an object, got ${jsonTypeName(record)}`);
      continue;
    }
    const question = nonEmptyString(record.question);
    const englishQuestion = nonEmptyString(record.en_question);
    const annotations = readAnnotations(record.annotations, paper);
    const idks = isPlainObject(record.idks) ? record.idks : {};
    const count = (key: string) => (typeof idks[key] === 'number' ? (idks[key] as number) : 0);
    if (!question && !englishQuestion) {
      collector.problem(file, line, 'question', 'missing or empty (and so is en_question)');
      continue;
    }
    if (typeof annotations === 'string') {
      collector.problem(file, line, 'annotations', annotations);
      continue;
    }
    if (count('no-answer') + count('not-applicable') >= 3 || count('idk') >= 5 || annotations.length === 0) {
      excluded++;
      continue;
    }
    const { topic, source } = topics.get(questionId) ?? {};
    const variants: { language: string; text: string; template?: string; matchLocal: boolean }[] = [];
    if (info.language !== 'en' && languages.has('local')) {
      if (question) variants.push({ language: info.language, text: question, template: templates?.local, matchLocal: true });
      else collector.problem(file, line, 'question', 'missing or empty: only the English question is used');
    }
    if (languages.has('en') || (info.language === 'en' && languages.has('local'))) {
      if (englishQuestion) variants.push({ language: 'en', text: englishQuestion, template: templates?.english, matchLocal: info.language === 'en' });
      else collector.problem(file, line, 'en_question', 'missing or empty: only the local-language question is used');
    }
    for (const variant of variants) {
      const metadata: BlendMetadata = { benchmark: 'blend', questionId, annotations, matchLocal: variant.matchLocal, ...(paper ? { paper } : {}) };
      collector.addItem(
        {
          id: `blend-${name}-${questionId}-${variant.language}`,
          kind: 'knowledge',
          format: 'open',
          prompt: variant.template ? variant.template.replaceAll('{q}', variant.text) : variant.text,
          language: variant.language,
          country: info.country,
          category: topic,
          protocol: BLEND_PROTOCOL,
          metadata: { ...metadata, blendCountry: name, region: info.region, question: variant.text, source, idks },
        },
        file,
        line,
      );
    }
  }
  if (excluded > 0)
    collector.note(`${file}: left out ${excluded} questions most annotators could not answer (no-answer + not-applicable ≥ 3, idk ≥ 5, or no annotations)`);
}

/** The annotations of a record, or why they are malformed. */
function readAnnotations(value: unknown, keepEmpty: boolean): BlendAnnotation[] | string {
  if (!Array.isArray(value)) return `expected an array of {answers, en_answers, count}, got ${jsonTypeName(value)}`;
  const annotations: BlendAnnotation[] = [];
  for (const [index, entry] of value.entries()) {
    const strings = (list: unknown) =>
      Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string' && (keepEmpty || item.trim() !== '')) : undefined;
    const answers = isPlainObject(entry) ? strings(entry.answers) : undefined;
    const englishAnswers = isPlainObject(entry) ? strings(entry.en_answers) : undefined;
    const count = isPlainObject(entry) ? entry.count : undefined;
    if (!answers || !englishAnswers || typeof count !== 'number' || count <= 0)
      return `annotation ${index}: expected {answers: [..], en_answers: [..], count > 0}`;
    annotations.push({ answers, en_answers: englishAnswers, count });
  }
  return annotations;
}

/** Whether a parsed JSON value looks like a BLEnD annotations file (records with `annotations` and `idks`). */
export function looksLikeBlendAnnotations(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const first = Object.values(value)[0];
  return isPlainObject(first) && 'annotations' in first && 'idks' in first;
}
