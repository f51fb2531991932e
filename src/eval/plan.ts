import type { Dataset } from '../datasets/dataset.js';
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
  /** The tasks in plan order (models × conditions × items), made as they are read: a plan holds its items, not one object per task. */
  tasks: PlannedTasks;
}

/**
 * The tasks of a plan, made on demand: iterating gives them in plan order (each model, each condition, each item);
 * `forModel` gives one model's share. A million-task plan costs no more memory than its items.
 */
export class PlannedTasks implements Iterable<PlannedTask> {
  constructor(
    private readonly models: readonly ModelEntry[],
    private readonly conditions: readonly EvalCondition[],
    private readonly items: readonly Item[],
  ) {}

  /** How many tasks the plan has. */
  get size(): number {
    return this.models.length * this.conditions.length * this.items.length;
  }

  /** One model's tasks in plan order: each condition, each item. */
  *forModel(modelIndex: number): Generator<PlannedTask> {
    const model = this.models[modelIndex].spec;
    for (const condition of this.conditions) {
      for (const item of this.items) yield { key: resultKey(model, condition, item.id), modelIndex, model, condition, item };
    }
  }

  /**
   * One share of the plan (`--shard index/count`): every model and condition of the items whose position in the plan
   * modulo `count` is `index`. Deterministic, and the shares of one plan are disjoint and cover it.
   */
  shard(index: number, count: number): PlannedTasks {
    return new PlannedTasks(
      this.models,
      this.conditions,
      this.items.filter((_, position) => position % count === index),
    );
  }

  *[Symbol.iterator](): Generator<PlannedTask> {
    for (let modelIndex = 0; modelIndex < this.models.length; modelIndex++) yield* this.forModel(modelIndex);
  }
}

export interface PlanInput {
  dataset: Dataset;
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
  const items = selectItems(dataset.items, options);
  if (items.length === 0) {
    throw new InputError(`dataset ${dataset.ref} has no items of kind ${options.kinds.join(', ')} to evaluate`);
  }
  const registry = input.registry ?? builtinRegistry;
  const unknownProtocols = [...new Set(items.map((item) => item.protocol))].filter((id): id is string => id !== undefined && !registry.getProtocol(id));
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
