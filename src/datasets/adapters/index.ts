import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { InputError } from '../../errors/culturekit-error.js';
import '../../scoring/protocols/index.js';
import { readDatasetText } from '../read-text-file.js';
import { readJsonDocument } from '../json-document.js';
import { adaCultureSafeFiles, loadAdaCultureSafe, looksLikeAdaCultureSafe, type AdaCultureSafeOptions } from './adaculturesafe.js';
import type { AdapterDataset } from './adapter-dataset.js';
import { loadAEval, looksLikeAEval, type AEvalOptions } from './aeval.js';
import { loadBlend, looksLikeBlendAnnotations, type BlendOptions } from './blend.js';
import { loadCamel, looksLikeCamel, type CamelOptions } from './camel.js';
import { loadCamelStyle, looksLikeCamelStylePrompts, type CamelStyleOptions } from './camel-style.js';
import { chiSafetyFileKind, loadChiSafetyBench, type ChiSafetyOptions } from './chisafety.js';
import { loadGeoMlama, looksLikeGeoMlamaCsv, looksLikeGeoMlamaTsv, type GeoMlamaOptions } from './geomlama.js';
import { isDirectory, pathExists } from './read-benchmark-file.js';

export type { AdapterDataset, BaseAdapterOptions } from './adapter-dataset.js';
export { loadAdaCultureSafe, loadAEval, loadBlend, loadCamel, loadCamelStyle, loadChiSafetyBench, loadGeoMlama };
export type { AdaCultureSafeOptions, AEvalOptions, BlendOptions, CamelOptions, CamelStyleOptions, ChiSafetyOptions, GeoMlamaOptions };

/** The benchmark adapters, as used in `--dataset <name>:<path>`. */
export const adapterNames = ['adaculturesafe', 'chisafety', 'aeval', 'geomlama', 'camel-style', 'camel', 'blend'] as const;
export type AdapterName = (typeof adapterNames)[number];

/** Every adapter's options (each adapter reads its own). */
export type AdapterOptions = AdaCultureSafeOptions & ChiSafetyOptions & AEvalOptions & GeoMlamaOptions & CamelStyleOptions & CamelOptions & BlendOptions;

const LOADERS: Record<AdapterName, (path: string, options: AdapterOptions) => Promise<AdapterDataset>> = {
  adaculturesafe: loadAdaCultureSafe,
  chisafety: loadChiSafetyBench,
  aeval: loadAEval,
  geomlama: loadGeoMlama,
  'camel-style': loadCamelStyle,
  camel: loadCamel,
  blend: loadBlend,
};

type OptionKind = 'number' | 'string' | 'boolean' | 'list' | 'numberList';

/** The options each adapter takes in a dataset reference (`blend:/data/blend?template=pers-3&languages=en`). */
const OPTION_KINDS: Record<AdapterName, Record<string, OptionKind>> = {
  adaculturesafe: { seed: 'number', checkedOnly: 'boolean', strict: 'boolean' },
  chisafety: { answerKey: 'string', strict: 'boolean' },
  aeval: { references: 'string', strict: 'boolean' },
  geomlama: { languages: 'list', language: 'string', noCountry: 'boolean', strict: 'boolean' },
  'camel-style': { seed: 'number', settings: 'numberList', combinations: 'number', strict: 'boolean' },
  camel: { seed: 'number', prompts: 'string', pairs: 'number', strict: 'boolean' },
  blend: { template: 'string', languages: 'list', countries: 'list', strict: 'boolean' },
};

/** Whether a name is one of `adapterNames`. */
export function isAdapterName(name: string): name is AdapterName {
  return (adapterNames as readonly string[]).includes(name);
}

/**
 * Loads a benchmark through its adapter. An unknown adapter name is an `InputError` listing the known ones.
 *
 * @example
 * const dataset = await loadAdapterDataset('blend', '/data/blend', { countries: ['UK'], onWarning: console.warn });
 * console.log(dataset.items.length, dataset.skippedInvalid, dataset.notes);
 */
export async function loadAdapterDataset(name: string, path: string, options: AdapterOptions = {}): Promise<AdapterDataset> {
  if (!isAdapterName(name)) throw new InputError(`unknown benchmark adapter "${name}"; adapters: ${adapterNames.join(', ')}`);
  return LOADERS[name](path, options);
}

/**
 * Splits a dataset reference `<adapter>:<path>[?option=value&…]` into the adapter, the path and typed options
 * (numbers, booleans, comma-separated lists). Returns undefined when the part before `:` is not an adapter name
 * (a plain file path, `builtin:sample`); an unknown or malformed option is an `InputError`.
 *
 * @example
 * parseAdapterRef('camel-style:/data/camel?settings=1,2&seed=7')
 * // { name: 'camel-style', path: '/data/camel', options: { settings: [1, 2], seed: 7 } }
 */
export function parseAdapterRef(ref: string): { name: AdapterName; path: string; options: AdapterOptions } | undefined {
  const colon = ref.indexOf(':');
  if (colon <= 0) return undefined;
  const name = ref.slice(0, colon);
  if (!isAdapterName(name)) return undefined;
  const rest = ref.slice(colon + 1);
  const question = rest.indexOf('?');
  const path = question === -1 ? rest : rest.slice(0, question);
  if (path === '') throw new InputError(`${ref}: no path after "${name}:"`);
  const options: Record<string, unknown> = {};
  if (question !== -1) {
    for (const [key, value] of new URLSearchParams(rest.slice(question + 1))) {
      const kind = OPTION_KINDS[name][key];
      if (!kind) throw new InputError(`${ref}: unknown option "${key}" for ${name}; options: ${Object.keys(OPTION_KINDS[name]).join(', ')}`);
      options[key] = parseOptionValue(ref, key, value, kind);
    }
  }
  return { name, path, options: options as AdapterOptions };
}

function parseOptionValue(ref: string, key: string, value: string, kind: OptionKind): unknown {
  const number = (text: string) => {
    const parsed = Number(text);
    if (text.trim() === '' || !Number.isFinite(parsed)) throw new InputError(`${ref}: option ${key} expects a number, got "${text}"`);
    return parsed;
  };
  switch (kind) {
    case 'number':
      return number(value);
    case 'boolean':
      if (!['true', 'false', '1', '0'].includes(value)) throw new InputError(`${ref}: option ${key} expects true or false, got "${value}"`);
      return value === 'true' || value === '1';
    case 'list':
      return value.split(',').map((entry) => entry.trim()).filter(Boolean);
    case 'numberList':
      return value.split(',').map((entry) => number(entry.trim()));
    default:
      return value;
  }
}

/**
 * The adapter whose file shape a path has, where the shape is unambiguous; undefined otherwise. Folders are
 * recognised by their layout (BLEnD `annotations/`, CAMeL `entities/` + `prompts/`, `prompts.json` + `targets.json`,
 * GeoMLaMA language files, CHiSafetyBench `mcq.json`…, AdaCultureSafe country files), files by their content.
 *
 * @example
 * await detectAdapter('/work/shared/data/blend')                   // 'blend'
 * await detectAdapter('/work/shared/data/culture-llm/geomlama/en.csv') // 'geomlama'
 */
export async function detectAdapter(path: string): Promise<AdapterName | undefined> {
  if (await isDirectory(path)) return detectFolder(path);
  if (!(await pathExists(path))) return undefined;
  const extension = extname(path).toLowerCase();
  if (extension === '.tsv' || extension === '.csv') {
    let text: string;
    try {
      text = await readDatasetText(path);
    } catch {
      return undefined;
    }
    if (extension === '.tsv' ? looksLikeGeoMlamaTsv(text) : looksLikeGeoMlamaCsv(text)) return 'geomlama';
    return undefined;
  }
  if (extension !== '.json') return undefined;
  let value: unknown;
  try {
    value = (await readJsonDocument(path)).value;
  } catch {
    return undefined;
  }
  return detectJson(value, basename(path));
}

function detectJson(value: unknown, fileName: string): AdapterName | undefined {
  if (looksLikeBlendAnnotations(value)) return 'blend';
  if (looksLikeAdaCultureSafe(value)) return 'adaculturesafe';
  if (looksLikeCamelStylePrompts(value) || (fileName === 'targets.json' && looksLikeCamelStyleTargets(value))) return 'camel-style';
  if (looksLikeAEval(value)) return 'aeval';
  if (chiSafetyFileKind(value, fileName)) return 'chisafety';
  return undefined;
}

function looksLikeCamelStyleTargets(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((lists) => typeof lists === 'object' && lists !== null && !Array.isArray(lists));
}

async function detectFolder(directory: string): Promise<AdapterName | undefined> {
  const names = await readdir(directory);
  if (names.includes('annotations') && (await readdir(join(directory, 'annotations'))).some((name) => name.endsWith('_data.json'))) return 'blend';
  if (await looksLikeCamel(directory)) return 'camel';
  if (names.includes('prompts.json') && names.includes('targets.json')) return 'camel-style';
  if (names.some((name) => /^gd_prompt_[a-z]{2,3}\.tsv$/i.test(name))) return 'geomlama';
  for (const name of names.filter((entry) => /^[a-z]{2,3}\.csv$/i.test(entry))) {
    if (looksLikeGeoMlamaCsv(await readDatasetText(join(directory, name)))) return 'geomlama';
  }
  if (names.includes('mcq.json') || names.some((name) => name.startsWith('risky_questions'))) return 'chisafety';
  const json = names.filter((name) => name.toLowerCase().endsWith('.json'));
  if (json.length > 0) {
    const files = await adaCultureSafeFiles(directory);
    try {
      if (files.length > 0 && looksLikeAdaCultureSafe((await readJsonDocument(files[0])).value)) return 'adaculturesafe';
    } catch {
      return undefined;
    }
  }
  return undefined;
}
