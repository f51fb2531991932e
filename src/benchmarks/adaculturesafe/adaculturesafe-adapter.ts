import { InputError } from '../../errors/culturekit-error.js';
import { basename } from 'node:path';
import { CHOICE_LETTERS } from '../../schema/fields.js';
import { hashToSeed, seededPermutation } from '../../util/seeded-random.js';
import { isPlainObject, jsonTypeName } from '../../datasets/scan-json.js';
import { readJsonDocument, type JsonDocument } from '../../datasets/json-document.js';
import { adapterSeed, DatasetCollector, nonEmptyString, type AdapterDataset, type BaseAdapterOptions } from '../shared/adapter-dataset.js';
import { countryCodeForName } from '../shared/country-names.js';
import { isDirectory, listFiles } from '../shared/read-benchmark-file.js';

export const ADACULTURESAFE_SAFETY_PROTOCOL = 'adaculturesafe-safety';
export const ADACULTURESAFE_PAPER_KNOWLEDGE_PROTOCOL = 'adaculturesafe-knowledge-paper';
export const ADACULTURESAFE_PAPER_SAFETY_PROTOCOL = 'adaculturesafe-safety-paper';

export interface AdaCultureSafeOptions extends BaseAdapterOptions {
  /** Keep only queries whose `checked` is `"true"` (human-verified); default true. */
  checkedOnly?: boolean;
  /**
   * `paper`: the published option order and the authors' knowledge prompt (a JSON answer) and scorer, safety judged
   * with the authors' wording (`adaculturesafe-paper.ts`). Default `culturekit`: options shuffled, one letter, anchored judges.
   */
  protocol?: 'culturekit' | 'paper';
}

/** `('中国', 'China', 'CN', 'CHN', '156', '是').json`: Chinese name, English name, ISO alpha-2, … */
const FILE_NAME = /^\(\s*'([^']*)'\s*,\s*'([^']*)'\s*,\s*'([A-Z]{2})'/;
const OPTION_LETTERS = ['A', 'B', 'C', 'D'] as const;

/**
 * Loads AdaCultureSafe (one JSON file per country, or a folder of them): each custom becomes a cultural description;
 * its knowledge questions become 4-option multiple choice whose options are shuffled at load time with `seed`
 * (the published gold labels are ≈95% B or C), and its safety queries (`scene + " " + requirement`) become open
 * safety items judged for respectfulness and awareness, linked to the description by `descriptionId`.
 * The country comes from the ISO alpha-2 code in the file name (else from `Location`). Malformed option objects are
 * reported and skipped.
 *
 * @example
 * const dataset = await loadAdaCultureSafe("data/AdaCultureSafe", { seed: 1, onWarning: console.warn });
 * dataset.descriptions.length; // 1,346 on the public sample
 */
export async function loadAdaCultureSafe(path: string, options: AdaCultureSafeOptions = {}): Promise<AdapterDataset> {
  if (options.protocol !== undefined && options.protocol !== 'culturekit' && options.protocol !== 'paper')
    throw new InputError(`adaculturesafe: protocol must be culturekit or paper, got "${String(options.protocol)}"`);
  const collector = new DatasetCollector('adaculturesafe', `adaculturesafe:${path}`, options);
  const files = (await isDirectory(path)) ? await adaCultureSafeFiles(path) : [path];
  if (files.length === 0) collector.problem(path, 1, '', 'no AdaCultureSafe country files (*.json) in this folder');
  for (const file of files) readCountryFile(await readJsonDocument(file), collector, options);
  return collector.finish();
}

/** The country files of a folder: files named like `('中国', 'China', 'CN', …).json`, else every `.json` file. */
export async function adaCultureSafeFiles(directory: string): Promise<string[]> {
  const json = await listFiles(directory, (name) => name.toLowerCase().endsWith('.json'));
  const named = json.filter((file) => FILE_NAME.test(basename(file)));
  return named.length > 0 ? named : json;
}

/** Whether a parsed JSON value has the AdaCultureSafe shape: an object of records with "Cultural Description". */
export function looksLikeAdaCultureSafe(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  const first = Object.values(value)[0];
  return isPlainObject(first) && 'Cultural Description' in first;
}

function readCountryFile(document: JsonDocument, collector: DatasetCollector, options: AdaCultureSafeOptions): void {
  const { file, value } = document;
  if (!isPlainObject(value)) {
    collector.problem(file, 1, '', `expected an object of records keyed by id, got ${jsonTypeName(value)}`);
    return;
  }
  const fromName = FILE_NAME.exec(basename(file));
  const seed = adapterSeed(options);
  const paper = options.protocol === 'paper';
  const checkedOnly = options.checkedOnly ?? true;
  let unchecked = 0;
  for (const [key, record] of Object.entries(value)) {
    if (!isPlainObject(record)) {
      collector.problem(file, 1, key, `expected a record object, got ${jsonTypeName(record)}`);
      continue;
    }
    const line = document.lineOf(record);
    const text = nonEmptyString(record['Cultural Description']);
    if (!text) {
      collector.problem(file, line, 'Cultural Description', 'missing or empty');
      continue;
    }
    const location = nonEmptyString(record.Location);
    const country = fromName?.[3] ?? (location ? countryCodeForName(location) : undefined);
    if (!country) {
      collector.problem(file, line, 'Location', `no ISO country code in the file name and unknown location "${location ?? ''}"`);
      continue;
    }
    const prefix = `acs-${country}-${key}`;
    const source = key.split('-item_')[0] || undefined;
    const description = { id: prefix, country, topic: 'general', language: 'en', text, source };
    if (!collector.addDescription(description, file, line)) continue;

    const knowledge = record['Cultural Knowledge'] ?? [];
    const safety = record['Cultural Safety'] ?? [];
    if (!Array.isArray(knowledge)) collector.problem(file, line, 'Cultural Knowledge', `expected an array, got ${jsonTypeName(knowledge)}`);
    if (!Array.isArray(safety)) collector.problem(file, line, 'Cultural Safety', `expected an array, got ${jsonTypeName(safety)}`);

    (Array.isArray(knowledge) ? knowledge : []).forEach((query: unknown, index) => {
      const field = `Cultural Knowledge.${index}`;
      const queryLine = isPlainObject(query) ? document.lineOf(query) : line;
      if (!isPlainObject(query)) return collector.problem(file, queryLine, field, `expected an object, got ${jsonTypeName(query)}`);
      if (checkedOnly && !isChecked(query.checked)) return void unchecked++;
      const question = nonEmptyString(query.question);
      if (!question) return collector.problem(file, queryLine, `${field}.question`, 'missing or empty');
      const optionProblem = checkOptions(query.options);
      if (optionProblem) return collector.problem(file, queryLine, `${field}.options`, optionProblem);
      const original = OPTION_LETTERS.map((letter) => (query.options as Record<string, string>)[letter].trim());
      const label = typeof query.label === 'string' ? query.label.trim().toUpperCase() : '';
      const labelIndex = OPTION_LETTERS.indexOf(label as (typeof OPTION_LETTERS)[number]);
      if (labelIndex === -1) return collector.problem(file, queryLine, `${field}.label`, `expected one of A, B, C, D, got ${JSON.stringify(query.label)}`);
      const id = `${prefix}-k${index + 1}`;
      const order = paper ? original.map((_, position) => position) : seededPermutation(original.length, hashToSeed(`${seed}\u0000${id}`));
      collector.addItem(
        {
          id,
          kind: 'knowledge',
          format: 'mcq',
          prompt: question,
          choices: order.map((position) => original[position]),
          answer: CHOICE_LETTERS[order.indexOf(labelIndex)],
          language: 'en',
          country,
          descriptionId: prefix,
          ...(paper ? { protocol: ADACULTURESAFE_PAPER_KNOWLEDGE_PROTOCOL } : {}),
          metadata: { benchmark: 'adaculturesafe', key, source, originalLabel: label, optionOrder: order, ...(paper ? { location } : { optionSeed: seed }) },
        },
        file,
        queryLine,
      );
    });

    (Array.isArray(safety) ? safety : []).forEach((query: unknown, index) => {
      const field = `Cultural Safety.${index}`;
      const queryLine = isPlainObject(query) ? document.lineOf(query) : line;
      if (!isPlainObject(query)) return collector.problem(file, queryLine, field, `expected an object, got ${jsonTypeName(query)}`);
      if (checkedOnly && !isChecked(query.checked)) return void unchecked++;
      const scene = nonEmptyString(query.scene);
      const requirement = nonEmptyString(query.requirement);
      if (!scene) return collector.problem(file, queryLine, `${field}.scene`, 'missing or empty');
      if (!requirement) return collector.problem(file, queryLine, `${field}.requirement`, 'missing or empty');
      collector.addItem(
        {
          id: `${prefix}-s${index + 1}`,
          kind: 'safety',
          format: 'open',
          prompt: `${scene} ${requirement}`,
          language: 'en',
          country,
          descriptionId: prefix,
          protocol: paper ? ADACULTURESAFE_PAPER_SAFETY_PROTOCOL : ADACULTURESAFE_SAFETY_PROTOCOL,
          metadata: { benchmark: 'adaculturesafe', key, source, scene, requirement, ...(paper ? { location } : {}) },
        },
        file,
        queryLine,
      );
    });
  }
  if (unchecked > 0) collector.note(`${file}: left out ${unchecked} queries not marked "checked": "true"`);
}

function isChecked(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/** Why an options object is malformed (keys other than A–D, a missing or empty option, repeated texts), or undefined. */
function checkOptions(options: unknown): string | undefined {
  if (!isPlainObject(options)) return `expected an object {A, B, C, D}, got ${jsonTypeName(options)}`;
  const keys = Object.keys(options);
  const unexpected = keys.filter((key) => !(OPTION_LETTERS as readonly string[]).includes(key));
  if (unexpected.length > 0)
    return `unexpected keys ${unexpected.map((key) => JSON.stringify(key)).join(', ')} (expected A, B, C, D; the option text was probably split)`;
  const missing = OPTION_LETTERS.filter((letter) => nonEmptyString(options[letter]) === undefined);
  if (missing.length > 0) return `missing or empty option ${missing.join(', ')}`;
  const texts = OPTION_LETTERS.map((letter) => (options[letter] as string).trim());
  if (new Set(texts).size !== texts.length) return 'two options have the same text';
  return undefined;
}
