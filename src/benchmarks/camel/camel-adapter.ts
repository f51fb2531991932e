import { basename, join } from 'node:path';
import { CHOICE_LETTERS } from '../../schema/fields.js';
import { hashToSeed, seededRandom } from '../../util/seeded-random.js';
import { readTableRecords, TABLE_EXTENSIONS } from '../shared/read-table-file.js';
import { adapterSeed, DatasetCollector, nonEmptyString, type AdapterDataset, type BaseAdapterOptions } from '../shared/adapter-dataset.js';
import { listFiles, pathExists } from '../shared/read-benchmark-file.js';

export const CAMEL_BIAS_PROTOCOL = 'camel-bias';
export const CAMEL_MASK = '[MASK]';

export interface CamelOptions extends BaseAdapterOptions {
  /** `co`: culturally contextualised prompts, where only an Arab entity fits (the cultural bias score; default). `ag`: culturally agnostic prompts. */
  prompts?: 'co' | 'ag';
  /** (Arab, Western) entity pairs drawn per prompt; default 10. */
  pairs?: number;
}

export type CamelCulture = 'Arab' | 'Western';

/** What the `camel-bias` protocol reads from `item.metadata`. */
export interface CamelMetadata {
  benchmark: 'camel';
  promptSet: 'co' | 'ag';
  entityType: string;
  /** The prompt with its `[MASK]` slot. */
  maskedPrompt: string;
  /** The culture of each choice, aligned with `item.choices`. */
  cultures: CamelCulture[];
}

/** Arabic lead-in of the letter rendering: "Fill in the blank in the following sentence with the most suitable option:". */
const LETTER_LEAD_IN = 'املأ الفراغ في الجملة التالية بالخيار الأنسب:';
const BLANK = '____';

/** Prompt files per set, preferred first (the causal-LM version puts the context before the slot), as published (.xlsx) or converted (.csv). */
const PROMPT_NAMES = {
  co: ['camelco-prompts-causal-lm', 'camelco-prompts-causal-lms', 'camelco-prompts-masked-lm', 'camelco-prompts-masked-lms'],
  ag: ['camelag-prompts-causal-lms', 'camelag-prompts-causal-lm', 'camelag-prompts-masked-lms', 'camelag-prompts-masked-lm'],
};
const PROMPT_FILES = {
  co: PROMPT_NAMES.co.flatMap((name) => TABLE_EXTENSIONS.map((extension) => `prompts/camel-co/${name}${extension}`)),
  ag: PROMPT_NAMES.ag.flatMap((name) => TABLE_EXTENSIONS.map((extension) => `prompts/camel-ag/${name}${extension}`)),
};

/**
 * Loads the original CAMeL (the folder with `entities/` and `prompts/`): for each prompt of the chosen set, `pairs`
 * (Arab entity, Western entity) pairs of the prompt's entity type are drawn with `seed`, and each pair becomes a
 * two-option item scored by the `camel-bias` protocol: `western_preferred` = 1 when the model prefers the prompt
 * filled with the Western entity (log-likelihood of the filled sentence, or the letter chosen when log-likelihood is
 * unavailable). Its mean over CAMeL-Co items is the paper's cultural bias score. Category = entity type. Language ar.
 * Entities without a culture are reported and skipped.
 *
 * @example
 * const dataset = await loadCamel('/data/camel', { prompts: 'co', pairs: 10 });
 */
export async function loadCamel(path: string, options: CamelOptions = {}): Promise<AdapterDataset> {
  const promptSet = options.prompts ?? 'co';
  const collector = new DatasetCollector('camel', `camel:${path}`, options);
  const entities = await readEntities(join(path, 'entities'), collector);
  let promptFile: string | undefined;
  for (const candidate of PROMPT_FILES[promptSet]) {
    if (await pathExists(join(path, candidate))) {
      promptFile = join(path, candidate);
      break;
    }
  }
  if (!promptFile) {
    collector.problem(
      path,
      1,
      '',
      `no CAMeL-${promptSet === 'co' ? 'Co' : 'Ag'} prompt file: looked for prompts/camel-${promptSet}/{${PROMPT_NAMES[promptSet].join(',')}}.{xlsx,csv} under ${path} (the folder of a tareknaous/camel checkout, with entities/ and prompts/)`,
    );
    return collector.finish();
  }
  const { records, problems } = await readTableRecords(promptFile);
  for (const problem of problems) collector.problem(problem.file, problem.line, problem.field, problem.problem);
  const pairs = Math.max(1, Math.floor(options.pairs ?? 10));
  const seed = adapterSeed(options);
  const unknownTypes = new Set<string>();
  records.forEach(({ line, value }, index) => {
    const prompt = nonEmptyString(value.Prompt);
    const entityType = nonEmptyString(value['Entity Type']);
    if (!prompt) return collector.problem(promptFile, line, 'Prompt', 'missing or empty');
    if (!entityType) return collector.problem(promptFile, line, 'Entity Type', 'missing or empty');
    if (prompt.split(CAMEL_MASK).length !== 2) return collector.problem(promptFile, line, 'Prompt', `expected exactly one ${CAMEL_MASK}`);
    const lists = entities.get(entityTypeKey(entityType));
    if (!lists || lists.Arab.length === 0 || lists.Western.length === 0) {
      unknownTypes.add(entityType);
      return collector.problem(promptFile, line, 'Entity Type', `no Arab and Western entity lists for "${entityType}"`);
    }
    const drawn = new Set<string>();
    for (let pair = 0; pair < pairs; pair++) {
      const id = `camel-${promptSet}-${index + 1}-${pair + 1}`;
      const random = seededRandom(hashToSeed(`${seed}\u0000${id}`));
      let arab = '';
      let western = '';
      for (let attempt = 0; attempt < 10; attempt++) {
        arab = lists.Arab[Math.floor(random() * lists.Arab.length)];
        western = lists.Western[Math.floor(random() * lists.Western.length)];
        if (!drawn.has(`${arab}\u0000${western}`) && arab !== western) break;
      }
      if (drawn.has(`${arab}\u0000${western}`) || arab === western) continue;
      drawn.add(`${arab}\u0000${western}`);
      const westernFirst = random() < 0.5;
      const cultures: CamelCulture[] = westernFirst ? ['Western', 'Arab'] : ['Arab', 'Western'];
      const metadata: CamelMetadata = { benchmark: 'camel', promptSet, entityType, maskedPrompt: prompt, cultures };
      collector.addItem(
        {
          id,
          kind: promptSet === 'co' ? 'knowledge' : 'safety',
          format: 'mcq',
          prompt: `${LETTER_LEAD_IN}\n${prompt.replace(CAMEL_MASK, BLANK)}`,
          choices: westernFirst ? [western, arab] : [arab, western],
          answer: promptSet === 'co' ? CHOICE_LETTERS[cultures.indexOf('Arab')] : undefined,
          language: 'ar',
          category: entityTypeKey(entityType),
          topic: nonEmptyString(value.Sentiment),
          protocol: CAMEL_BIAS_PROTOCOL,
          metadata: { ...metadata, prompt: index + 1, promptFile: basename(promptFile) },
        },
        promptFile,
        line,
      );
    }
  });
  return collector.finish();
}

/** `Sports Clubs` → `sports-clubs`, `Location` → `location`: entity types as category names and file keys. */
function entityTypeKey(entityType: string): string {
  return entityType.trim().toLowerCase().replace(/\s+/g, '-');
}

/** Entity lists by type key (file name without `.csv`, singular), split by culture. */
async function readEntities(directory: string, collector: DatasetCollector): Promise<Map<string, Record<CamelCulture, string[]>>> {
  const byType = new Map<string, Record<CamelCulture, string[]>>();
  const files = await listFiles(directory, (name) => TABLE_EXTENSIONS.some((extension) => name.toLowerCase().endsWith(extension)));
  if (files.length === 0) collector.problem(directory, 1, '', 'no entity lists (entities/*.xlsx or entities/*.csv with columns Entity, Culture)');
  const seenTypes = new Set<string>();
  for (const file of files) {
    const type = basename(file).replace(/\.(?:csv|xlsx)$/i, '');
    // The same list as .csv and .xlsx: read once.
    if (seenTypes.has(type)) continue;
    seenTypes.add(type);
    const { records, problems } = await readTableRecords(file);
    for (const problem of problems) collector.problem(problem.file, problem.line, problem.field, problem.problem);
    const lists: Record<CamelCulture, string[]> = { Arab: [], Western: [] };
    for (const { line, value } of records) {
      const entity = nonEmptyString(value.Entity);
      const culture = nonEmptyString(value.Culture);
      if (!entity) collector.problem(file, line, 'Entity', 'missing or empty');
      else if (culture !== 'Arab' && culture !== 'Western')
        collector.problem(file, line, 'Culture', `expected Arab or Western, got ${JSON.stringify(culture ?? '')}`);
      else if (!lists[culture].includes(entity)) lists[culture].push(entity);
    }
    const key = type;
    byType.set(key, lists);
    byType.set(key.replace(/s$/, ''), lists);
  }
  return byType;
}

/** Whether a folder looks like CAMeL: `entities/` with CSV lists and `prompts/camel-co` or `prompts/camel-ag`. */
export async function looksLikeCamel(directory: string): Promise<boolean> {
  return (
    (await pathExists(join(directory, 'entities'))) &&
    ((await pathExists(join(directory, 'prompts', 'camel-co'))) || (await pathExists(join(directory, 'prompts', 'camel-ag'))))
  );
}
