import { arrayItemSource, type ItemSource } from '../datasets/dataset.js';
import { InputError } from '../errors/culturekit-error.js';
import type { Item } from '../schema/item.js';
import type { EvalCondition, ModelEntry, RunManifest, RunOptions } from '../schema/manifest.js';
import { randomBytes } from 'node:crypto';
import { canonicalJson, sha256Hex } from '../util/hash.js';
import { resultKey } from '../store/result-key.js';
import { builtinRegistry, type BenchmarkRegistry } from '../benchmarks/registry.js';

/** One unit of work: one item for one model under one condition. */
export interface PlannedTask {
  key: string;
  modelIndex: number;
  model: string;
  condition: EvalCondition;
  item: Item;
}

export interface EvalPlan {
  manifest: RunManifest;
  /** The tasks in plan order (models × conditions × items), made as they are read: a plan holds its item source, not one object per task. */
  tasks: PlannedTasks;
}

/** Tasks looked up (or made) together: one store query and one read of the dataset file for this many. */
export const TASK_BATCH = 500;

/**
 * The tasks of a plan, made on demand: iterating gives them in plan order (each model, each condition, each item);
 * `forModel` gives one model's share. Items are made from their source a batch at a time, so a million-task plan costs
 * no more memory than its item source (an index of the dataset file, or the items held).
 */
export class PlannedTasks implements Iterable<PlannedTask> {
  constructor(
    private readonly models: readonly ModelEntry[],
    private readonly conditions: readonly EvalCondition[],
    private readonly items: ItemSource,
  ) {}

  /** How many tasks the plan has. */
  get size(): number {
    return this.models.length * this.conditions.length * this.items.length;
  }

  /** One model's tasks in plan order: each condition, each item. */
  forModel(modelIndex: number): Generator<PlannedTask> {
    return this.pendingForModel(modelIndex, (ids) => ids.map(() => true));
  }

  /**
   * One model's tasks in plan order that `pending` keeps: it is asked about a batch of item ids of one condition at a
   * time (one store query), and only the items it keeps are made.
   */
  *pendingForModel(modelIndex: number, pending: (ids: string[], model: string, condition: EvalCondition) => boolean[]): Generator<PlannedTask> {
    const model = this.models[modelIndex].spec;
    const { items } = this;
    for (const condition of this.conditions) {
      for (let start = 0; start < items.length; start += TASK_BATCH) {
        const end = Math.min(start + TASK_BATCH, items.length);
        const ids: string[] = [];
        for (let position = start; position < end; position++) ids.push(items.idAt(position));
        const keep = pending(ids, model, condition);
        const positions: number[] = [];
        for (let offset = 0; offset < ids.length; offset++) if (keep[offset]) positions.push(start + offset);
        if (positions.length === 0) continue;
        for (const item of items.itemsAt(positions)) yield { key: resultKey(model, condition, item.id), modelIndex, model, condition, item };
      }
    }
  }

  /**
   * One share of the plan (`--shard index/count`): every model and condition of the items whose position in the plan
   * modulo `count` is `index`. Deterministic, and the shares of one plan are disjoint and cover it.
   */
  shard(index: number, count: number): PlannedTasks {
    const positions: number[] = [];
    for (let position = index; position < this.items.length; position += count) positions.push(position);
    return new PlannedTasks(this.models, this.conditions, itemsAtPositions(this.items, positions));
  }

  *[Symbol.iterator](): Generator<PlannedTask> {
    for (let modelIndex = 0; modelIndex < this.models.length; modelIndex++) yield* this.forModel(modelIndex);
  }
}

/** The items of a source at some of its positions (in that order), as a source. */
function itemsAtPositions(source: ItemSource, positions: readonly number[]): ItemSource {
  return {
    length: positions.length,
    idAt: (position) => source.idAt(positions[position]),
    kindAt: (position) => source.kindAt(positions[position]),
    protocolAt: (position) => source.protocolAt(positions[position]),
    itemsAt: (wanted) => source.itemsAt(wanted.map((position) => positions[position])),
  };
}

/** What a plan needs of a dataset: its items held (`Dataset`) or an item source read on demand. */
export interface PlanDataset {
  ref: string;
  hash: string;
  skippedInvalid: number;
  items: readonly Item[] | ItemSource;
}

export interface PlanInput {
  dataset: PlanDataset;
  models: ModelEntry[];
  /** Judge models (a panel when several). */
  judges?: ModelEntry[];
  options: RunOptions;
  toolVersion: string;
  /** Reuse this id (a resume); otherwise one is derived from the plan and the time. */
  runId?: string;
  createdAt?: string;
  /** The benchmarks and protocols items may name (default: the built-in ones). */
  registry?: BenchmarkRegistry;
}

/** What determines a run's results: a resume must have the same plan hash. Concurrency, rate limits and timeouts do not count. */
export function computePlanHash(datasetHash: string, models: ModelEntry[], options: RunOptions, judges: ModelEntry[] = []): string {
  const identity = (model: ModelEntry) => ({ spec: model.spec, baseUrl: model.baseUrl ?? null });
  return sha256Hex(canonicalJson({ datasetHash, models: models.map(identity), options, ...(judges.length ? { judges: judges.map(identity) } : {}) }));
}

/** The items a run evaluates: filtered by kind, in dataset order, cut at `limit`. */
export function selectItems(items: readonly Item[], options: Pick<RunOptions, 'kinds' | 'limit'>): Item[] {
  const kinds = new Set(options.kinds);
  const selected = items.filter((item) => kinds.has(item.kind));
  return options.limit === null ? selected : selected.slice(0, options.limit);
}

/** `selectItems` on an item source: the same items, none of them made. */
function selectFrom(source: ItemSource, options: Pick<RunOptions, 'kinds' | 'limit'>): ItemSource {
  const kinds = new Set(options.kinds);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const positions: number[] = [];
  for (let position = 0; position < source.length && positions.length < limit; position++) if (kinds.has(source.kindAt(position))) positions.push(position);
  return positions.length === source.length ? source : itemsAtPositions(source, positions);
}

/**
 * Plans a run as plain data: items × models × conditions. Pure: no I/O.
 *
 * @example
 * const { manifest, tasks } = planRun({ dataset, models: [{ spec: 'openai:qwen' }], options, toolVersion: '0.1.0' });
 */
export function planRun(input: PlanInput): EvalPlan {
  const { dataset, models, options } = input;
  const specs = new Set<string>();
  for (const model of models) {
    if (specs.has(model.spec)) throw new InputError(`model "${model.spec}" is given twice`);
    specs.add(model.spec);
  }
  const items = Array.isArray(dataset.items) ? arrayItemSource(selectItems(dataset.items, options)) : selectFrom(dataset.items as ItemSource, options);
  if (items.length === 0) {
    throw new InputError(`dataset ${dataset.ref} has no items of kind ${options.kinds.join(', ')} to evaluate`);
  }
  const registry = input.registry ?? builtinRegistry;
  const protocols = new Set<string>();
  for (let position = 0; position < items.length; position++) {
    const protocol = items.protocolAt(position);
    if (protocol !== undefined) protocols.add(protocol);
  }
  const unknownProtocols = [...protocols].filter((id) => !registry.getProtocol(id));
  if (unknownProtocols.length > 0) {
    throw new InputError(
      `unknown scoring protocol ${unknownProtocols.map((id) => `"${id}"`).join(', ')}; known: ${registry.protocolIds().join(', ') || '(none registered)'}`,
    );
  }
  const judges = input.judges ?? [];
  const planHash = computePlanHash(dataset.hash, models, options, judges);
  const createdAt = input.createdAt ?? new Date().toISOString();
  const runId = input.runId ?? `run-${createdAt.replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')}-${randomBytes(3).toString('hex')}`;
  const manifest: RunManifest = {
    id: runId,
    createdAt,
    toolVersion: input.toolVersion,
    dataset: { ref: dataset.ref, hash: dataset.hash, items: items.length, skippedInvalid: dataset.skippedInvalid },
    models,
    ...(judges.length ? { judges } : {}),
    options,
    planHash,
  };
  return { manifest, tasks: new PlannedTasks(models, options.conditions, items) };
}
