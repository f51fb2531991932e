import type { Dataset } from '../datasets/dataset.js';
import type { BenchmarkRegistry } from '../benchmarks/registry.js';
import { InputError } from '../errors/culturekit-error.js';
import type { ChatMessage, Item } from '../schema/item.js';
import type { RenderOptions } from '../scoring/render-request.js';
import { hashToSeed } from '../util/seeded-random.js';

/** The two query sets whose neurons are compared. */
export const neuronSets = ['knowledge', 'safety'] as const;
export type NeuronSet = (typeof neuronSets)[number];

/** One prompt as the Python side reads it: a chat (rendered with the model's template) or raw text. */
export type PromptRecord = { group: string; id: string } & ({ messages: ChatMessage[] } | { text: string });

/** A group of prompts: one set, one country, one language. */
export interface PromptGroup {
  key: string;
  set: NeuronSet;
  /** The item's country, or `-` when it has none. */
  country: string;
  language: string;
}

/** `knowledge|JP|ja` */
export function groupKey(set: NeuronSet, country: string, language: string): string {
  return `${set}|${country}|${language}`;
}

export function parseGroupKey(key: string): PromptGroup {
  const [set, country, language] = key.split('|');
  if (!(neuronSets as readonly string[]).includes(set) || country === undefined || language === undefined)
    throw new InputError(`neuron statistics group "${key}": expected <knowledge|safety>|<country>|<language>`);
  return { key, set: set as NeuronSet, country, language };
}

export interface PromptSetOptions extends RenderOptions {
  /** At most this many items per group (set × country × language), a seeded choice; null for all. */
  limitPerGroup: number | null;
  seed: number;
}

/**
 * The knowledge and the safety queries of a dataset, rendered exactly as the evaluation engine sends them (each item
 * through its scoring protocol's `render`): a chat for generated answers, the raw context for log-likelihood ones.
 * Capability items are left out. `items` are the items behind the records (the `--limit` sample).
 *
 * @example
 * const { records, groups } = buildPromptSets(dataset, builtinRegistry, { mcqMethod: 'letter', shuffleSeed: null, limitPerGroup: 20, seed: 1 });
 */
export function buildPromptSets(
  dataset: Dataset,
  registry: BenchmarkRegistry,
  options: PromptSetOptions,
): { records: PromptRecord[]; groups: PromptGroup[]; items: Item[] } {
  const byGroup = new Map<string, Item[]>();
  for (const item of dataset.items) {
    if (item.kind !== 'knowledge' && item.kind !== 'safety') continue;
    const key = groupKey(item.kind, item.country ?? '-', item.language);
    let list = byGroup.get(key);
    if (!list) byGroup.set(key, (list = []));
    list.push(item);
  }
  const keys = [...byGroup.keys()].sort();
  const sets = new Set(keys.map((key) => parseGroupKey(key).set));
  for (const set of neuronSets)
    if (!sets.has(set)) throw new InputError(`${dataset.ref}: no ${set} items; neuron analysis compares knowledge with safety queries`);
  const records: PromptRecord[] = [];
  const chosen: Item[] = [];
  for (const key of keys) {
    let items = byGroup.get(key)!;
    if (options.limitPerGroup !== null && items.length > options.limitPerGroup) {
      items = [...items]
        .sort((a, b) => hashToSeed(`${options.seed}\u0000${a.id}`) - hashToSeed(`${options.seed}\u0000${b.id}`) || (a.id < b.id ? -1 : 1))
        .slice(0, options.limitPerGroup);
    }
    chosen.push(...items);
    for (const item of items) {
      const rendered = registry.protocolFor(item).render(item, options);
      records.push(
        rendered.type === 'generate' ? { group: key, id: item.id, messages: rendered.messages } : { group: key, id: item.id, text: rendered.prompt },
      );
    }
  }
  return { records, groups: keys.map(parseGroupKey), items: chosen };
}
