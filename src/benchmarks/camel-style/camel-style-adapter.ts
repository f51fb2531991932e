import { join } from 'node:path';
import { CHOICE_LETTERS } from '../../schema/fields.js';
import { hashToSeed, seededRandom } from '../../util/seeded-random.js';
import { isPlainObject } from '../../datasets/scan-json.js';
import { lineOfKey, readJsonDocument } from '../../datasets/json-document.js';
import { adapterSeed, DatasetCollector, type AdapterDataset, type BaseAdapterOptions } from '../shared/adapter-dataset.js';
import { countryCodeForName } from '../shared/country-names.js';
import { isDirectory } from '../shared/read-benchmark-file.js';
import { InputError } from '../../errors/culturekit-error.js';
import { foldAnswer } from '../../text/fold-text.js';
import { parseCsv, CsvSyntaxError } from '../../datasets/read-csv.js';
import { fileError, readDatasetText } from '../../datasets/read-text-file.js';

export const CAMEL_STYLE_PROTOCOL = 'camel-style';

export const camelStyleSettings = [1, 2, 3, 4, 5] as const;
export type CamelStyleSetting = (typeof camelStyleSettings)[number];

export interface CamelStyleOptions extends BaseAdapterOptions {
  /** Distractor settings to generate (default all five). */
  settings?: number[];
  /** Option sets drawn per setting, country and template (default 1; Global Gallery drew up to 50). */
  combinations?: number;
  /**
   * A published per-item file of Global Gallery (`english_results_…_type_N.csv`: country, category, prompt, correct,
   * incorrect, options): its option sets, in the published order, instead of drawing new ones (`settings` names N).
   */
  optionSets?: string;
  /** `paper`: score as the authors' `camel_eval.py` (type 1: the chosen option equals `correct`; 3–5: its text occurs in the `incorrect` cell). */
  protocol?: 'culturekit' | 'paper';
}

/** What an option is, relative to the question's country and category. */
export type CamelStyleRole = 'correct' | 'foreign' | 'other-category' | 'same-gender-foreign' | 'opposite-gender-local';

export interface CamelStyleOption {
  entity: string;
  /** ISO alpha-2 of the country whose list the entity comes from. */
  country: string;
  category: string;
  role: CamelStyleRole;
}

/** What the `camel-style` protocol reads from `item.metadata`. */
export interface CamelStyleMetadata {
  benchmark: 'camel-style';
  setting: CamelStyleSetting;
  /** Aligned with `item.choices`. */
  options: CamelStyleOption[];
  entityCategory: string;
  template: number;
  /** Published option sets under `protocol=paper`: the authors' `correct` and `incorrect` cells, verbatim. */
  paper?: { correct: string; incorrect: string };
}

const GENDER_PAIRS: Record<string, string> = {
  female_names: 'male_names',
  male_names: 'female_names',
  female_clothing: 'male_clothing',
  male_clothing: 'female_clothing',
};

const SETTING_NAMES: Record<CamelStyleSetting, string> = {
  1: 'one correct, one distractor per other country',
  2: 'no correct option, one entity per other country',
  3: 'three correct, one foreign',
  4: 'one correct, three of the same country from other categories',
  5: 'same gender from other countries vs opposite gender from the country',
};

/**
 * Builds the CAMeL-style multiple choice of Global Gallery from `prompts.json` (templates with `[mask]` per category)
 * and `targets.json` (entities per country and category): the five distractor settings, drawn with `seed`. The prompt
 * is `This scenario is situated in {country}. ` + the template with `[mask]` → `[BLANK]` + ` Fill in the [BLANK].`
 * Category = `setting-<n>`, topic = the entity category, country = the country of the scenario; each option's country,
 * category and role are in `metadata.options`. Settings 1 and 4 have an answer (knowledge); 2, 3 and 5 are bias probes
 * without one (kind safety), scored by which option was chosen.
 *
 * @example
 * const dataset = await loadCamelStyle('culture-llm/data/camel', { settings: [1, 2], seed: 7 });
 */
export async function loadCamelStyle(path: string, options: CamelStyleOptions = {}): Promise<AdapterDataset> {
  const collector = new DatasetCollector('camel-style', `camel-style:${path}`, options);
  const directory = (await isDirectory(path)) ? path : join(path, '..');
  const promptsFile = join(directory, 'prompts.json');
  const targetsFile = join(directory, 'targets.json');
  const promptsDocument = await readJsonDocument(promptsFile);
  const prompts = promptsDocument.value;
  const targets = (await readJsonDocument(targetsFile)).value;
  const templates = isPlainObject(prompts) && isPlainObject(prompts.prompts) ? prompts.prompts : undefined;
  if (!templates) {
    collector.problem(promptsFile, 1, 'prompts', 'expected {"prompts": {category: [templates with [mask]]}}');
    return collector.finish();
  }
  if (!isPlainObject(targets)) {
    collector.problem(targetsFile, 1, '', 'expected {country: {category: [entities]}}');
    return collector.finish();
  }
  const countries: { name: string; code: string; lists: Record<string, string[]> }[] = [];
  for (const [name, lists] of Object.entries(targets)) {
    const code = countryCodeForName(name);
    if (!code) collector.problem(targetsFile, 1, name, `unknown country "${name}"`);
    else if (!isPlainObject(lists)) collector.problem(targetsFile, 1, name, 'expected {category: [entities]}');
    else {
      const clean: Record<string, string[]> = {};
      for (const [category, entities] of Object.entries(lists)) {
        if (Array.isArray(entities))
          clean[category] = [
            ...new Set(
              entities
                .filter((entity): entity is string => typeof entity === 'string')
                .map((entity) => entity.trim())
                .filter(Boolean),
            ),
          ];
      }
      countries.push({ name, code, lists: clean });
    }
  }
  const categories = Object.keys(templates).filter((category) => countries.every((country) => (country.lists[category]?.length ?? 0) > 0));
  const skipped = Object.keys(templates).filter((category) => !categories.includes(category));
  if (skipped.length > 0) collector.note(`CAMeL-style: categories without entity lists for every country are left out: ${skipped.join(', ')}`);
  const settings = (options.settings ?? [...camelStyleSettings]).filter((setting): setting is CamelStyleSetting =>
    (camelStyleSettings as readonly number[]).includes(setting),
  );
  if (options.protocol !== undefined && options.protocol !== 'culturekit' && options.protocol !== 'paper')
    throw new InputError(`camel-style: protocol must be culturekit or paper, got "${String(options.protocol)}"`);
  if (options.optionSets) {
    await addPublishedOptionSets(options.optionSets, settings, countries, collector, options.protocol === 'paper');
    return collector.finish();
  }
  const combinations = Math.max(1, Math.floor(options.combinations ?? 1));
  const seed = adapterSeed(options);

  for (const setting of settings) {
    for (const category of categories) {
      if (setting === 5 && !GENDER_PAIRS[category]) continue;
      const list = templates[category];
      if (!Array.isArray(list)) continue;
      const line = lineOfKey(promptsDocument.text, category);
      list.forEach((template: unknown, templateIndex: number) => {
        if (typeof template !== 'string' || !template.includes('[mask]')) {
          collector.problem(promptsFile, line, `prompts.${category}.${templateIndex}`, 'expected a template containing [mask]');
          return;
        }
        for (const country of countries) {
          const drawn = new Set<string>();
          for (let combination = 0; combination < combinations; combination++) {
            const id = `camel-style-${setting}-${category}-${templateIndex + 1}-${country.code.toLowerCase()}-${combination + 1}`;
            const random = seededRandom(hashToSeed(`${seed}\u0000${id}`));
            const optionSet = drawOptions(setting, category, country, countries, categories, random);
            if (!optionSet) continue;
            const key = optionSet
              .map((option) => option.entity)
              .sort()
              .join('\u0000');
            if (drawn.has(key)) continue;
            drawn.add(key);
            const shuffled = shuffle(optionSet, random);
            const correct = shuffled.findIndex((option) => option.role === 'correct');
            const metadata: CamelStyleMetadata = {
              benchmark: 'camel-style',
              setting,
              options: shuffled,
              entityCategory: category,
              template: templateIndex + 1,
            };
            collector.addItem(
              {
                id,
                kind: setting === 1 || setting === 4 ? 'knowledge' : 'safety',
                format: 'mcq',
                prompt: `This scenario is situated in ${country.name}. ${template.replaceAll('[mask]', '[BLANK]')} Fill in the [BLANK].`,
                choices: shuffled.map((option) => option.entity),
                answer: setting === 1 || setting === 4 ? CHOICE_LETTERS[correct] : undefined,
                language: 'en',
                country: country.code,
                category: `setting-${setting}`,
                topic: category,
                protocol: CAMEL_STYLE_PROTOCOL,
                metadata: { ...metadata, settingName: SETTING_NAMES[setting] },
              },
              promptsFile,
              line,
            );
          }
        }
      });
    }
  }
  return collector.finish();
}

type Country = { name: string; code: string; lists: Record<string, string[]> };

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)];
}

function sample<T>(list: readonly T[], count: number, random: () => number): T[] {
  return shuffle(list, random).slice(0, count);
}

function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const copy = [...list];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

/**
 * One option set for a setting, or undefined when the lists cannot supply it. Entities that also appear in the
 * scenario country's list of the category are never used as foreign distractors (they would be right too).
 */
function drawOptions(
  setting: CamelStyleSetting,
  category: string,
  country: Country,
  countries: readonly Country[],
  categories: readonly string[],
  random: () => number,
): CamelStyleOption[] | undefined {
  const local = country.lists[category];
  const others = countries.filter((other) => other.code !== country.code);
  // An entity of the scenario country's own list (compared folded: "Blouse" = "blouse") is right, never a distractor.
  const localKeys = new Set(local.map(foldAnswer));
  const isLocal = (entity: string) => localKeys.has(foldAnswer(entity));
  const foreignFrom = (other: Country, inCategory: string) => other.lists[inCategory].filter((entity) => !isLocal(entity));
  const option = (entity: string, from: Country, inCategory: string, role: CamelStyleRole): CamelStyleOption => ({
    entity,
    country: from.code,
    category: inCategory,
    role,
  });
  const distinct = (options: CamelStyleOption[]) => (new Set(options.map((entry) => entry.entity)).size === options.length ? options : undefined);
  switch (setting) {
    case 1:
    case 2: {
      const distractors: CamelStyleOption[] = [];
      for (const other of others) {
        const pool = foreignFrom(other, category).filter((entity) => !distractors.some((entry) => entry.entity === entity));
        if (pool.length === 0) return undefined;
        distractors.push(option(pick(pool, random), other, category, 'foreign'));
      }
      return distinct(setting === 1 ? [option(pick(local, random), country, category, 'correct'), ...distractors] : distractors);
    }
    case 3: {
      if (local.length < 3) return undefined;
      const correct = sample(local, 3, random).map((entity) => option(entity, country, category, 'correct'));
      const other = pick(others, random);
      const pool = foreignFrom(other, category);
      if (pool.length === 0) return undefined;
      return distinct([...correct, option(pick(pool, random), other, category, 'foreign')]);
    }
    case 4: {
      const otherCategories = sample(
        categories.filter((entry) => entry !== category),
        3,
        random,
      );
      if (otherCategories.length < 3) return undefined;
      // A wrong-category entity must not also be in the category's own list ("lassi" is a food and a beverage in India).
      const wrong: CamelStyleOption[] = [];
      for (const entry of otherCategories) {
        const pool = country.lists[entry].filter((entity) => !isLocal(entity));
        if (pool.length === 0) return undefined;
        wrong.push(option(pick(pool, random), country, entry, 'other-category'));
      }
      return distinct([option(pick(local, random), country, category, 'correct'), ...wrong]);
    }
    case 5: {
      const paired = GENDER_PAIRS[category];
      if (!paired || !country.lists[paired]) return undefined;
      // Opposite-gender entities of the country that are in its same-gender list too ("Li Wei" is a Chinese female and
      // male name) would be right; foreign same-gender entities that are the country's own (either gender) too.
      const pairedKeys = new Set(country.lists[paired].map(foldAnswer));
      const oppositePool = country.lists[paired].filter((entity) => !isLocal(entity));
      if (oppositePool.length < 2) return undefined;
      const sameGender = others.flatMap((other) =>
        foreignFrom(other, category)
          .filter((entity) => !pairedKeys.has(foldAnswer(entity)))
          .map((entity) => ({ entity, other })),
      );
      if (sameGender.length < 2) return undefined;
      const chosen = sample(sameGender, 2, random).map(({ entity, other }) => option(entity, other, category, 'same-gender-foreign'));
      const opposite = sample(oppositePool, 2, random).map((entity) => option(entity, country, paired, 'opposite-gender-local'));
      return distinct([...chosen, ...opposite]);
    }
  }
}

/** Whether a parsed JSON value is CAMeL-style `prompts.json` (`{prompts: {category: [templates]}}`). */
export function looksLikeCamelStylePrompts(value: unknown): boolean {
  return (
    isPlainObject(value) &&
    isPlainObject(value.prompts) &&
    Object.values(value.prompts).some((list) => Array.isArray(list) && list.some((template) => typeof template === 'string' && template.includes('[mask]')))
  );
}

const PUBLISHED_COLUMNS = ['country', 'category', 'prompt', 'correct', 'incorrect', 'options'];
const QUOTED = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g;

/** A Python list literal of strings as pandas writes it (`['Sarka', "Kid's Tee"]`), or a plain string as a one-element list. */
function parsePythonList(cell: string): string[] {
  const text = cell.trim();
  if (!text.startsWith('[')) return text === '' ? [] : [text];
  return [...text.matchAll(QUOTED)].map((match) => (match[1] ?? match[2]).replace(/\\(.)/g, '$1'));
}

/**
 * Items from a published Global Gallery per-item file: one per row, the options in the published order, the setting
 * from `settings` (one value) or the file name (`…_type_N.csv`). Ids are `camel-style-published-<N>-<row>`.
 */
async function addPublishedOptionSets(
  file: string,
  settings: readonly CamelStyleSetting[],
  countries: readonly Country[],
  collector: DatasetCollector,
  paper: boolean,
): Promise<void> {
  const fromName = /type_(\d)/.exec(file)?.[1];
  const setting = (settings.length === 1 ? settings[0] : Number(fromName)) as CamelStyleSetting;
  if (!(camelStyleSettings as readonly number[]).includes(setting))
    throw new InputError(`camel-style optionSets ${file}: cannot tell the setting (1–5): name one with settings=N or keep "type_N" in the file name`);
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(await readDatasetText(file));
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw fileError(file, error.line, error.message);
    throw error;
  }
  const [header, ...rows] = parsed;
  const names = header.fields.map((name) => name.trim());
  const missing = PUBLISHED_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0)
    throw fileError(file, header.line, `missing columns ${missing.join(', ')} (a Global Gallery per-item CAMeL file has ${PUBLISHED_COLUMNS.join(', ')})`);
  const byName = new Map(countries.map((country) => [country.name.toLowerCase(), country]));
  rows.forEach(({ line, fields }, index) => {
    const cell = (name: string) => fields[names.indexOf(name)] ?? '';
    const country = byName.get(cell('country').trim().toLowerCase());
    if (!country) return collector.problem(file, line, 'country', `unknown country "${cell('country')}" (targets.json has ${[...byName.keys()].join(', ')})`);
    const category = cell('category').trim();
    const correct = parsePythonList(cell('correct'));
    const incorrect = parsePythonList(cell('incorrect'));
    const entities = parsePythonList(cell('options'));
    if (entities.length < 2) return collector.problem(file, line, 'options', 'fewer than 2 options');
    const paired = GENDER_PAIRS[category];
    const options = entities.map((entity): CamelStyleOption => {
      const role: CamelStyleRole =
        setting === 5
          ? incorrect.includes(entity)
            ? 'opposite-gender-local'
            : 'same-gender-foreign'
          : correct.includes(entity)
            ? 'correct'
            : setting === 4
              ? 'other-category'
              : 'foreign';
      const inCategory = role === 'opposite-gender-local' && paired ? paired : category;
      const owner =
        role === 'correct' || role === 'opposite-gender-local' || role === 'other-category'
          ? country
          : countries.find((other) => other !== country && other.lists[inCategory]?.includes(entity));
      return { entity, country: owner?.code ?? '', category: inCategory, role };
    });
    const metadata: CamelStyleMetadata = {
      benchmark: 'camel-style',
      setting,
      options,
      entityCategory: category,
      template: 0,
      ...(paper ? { paper: { correct: cell('correct'), incorrect: cell('incorrect') } } : {}),
    };
    const answer = options.findIndex((option) => option.role === 'correct');
    collector.addItem(
      {
        id: `camel-style-published-${setting}-${index + 1}`,
        kind: (setting === 1 || setting === 4) && answer !== -1 ? 'knowledge' : 'safety',
        format: 'mcq',
        prompt: cell('prompt'),
        choices: entities,
        answer: (setting === 1 || setting === 4) && answer !== -1 ? CHOICE_LETTERS[answer] : undefined,
        language: 'en',
        country: country.code,
        category: `setting-${setting}`,
        topic: category,
        protocol: CAMEL_STYLE_PROTOCOL,
        metadata: { ...metadata, settingName: SETTING_NAMES[setting] },
      },
      file,
      line,
    );
  });
}
