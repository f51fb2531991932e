import type { CulturalDescription } from '../schema/description.js';
import type { Item } from '../schema/item.js';
import type { EvalCondition, RunManifest } from '../schema/manifest.js';
import type { ResultRow } from '../schema/result.js';
import type { CacheEntry } from '../store/open-store.js';

/**
 * What the coordinator (`eval --queue`) and the workers (`culturekit worker`) exchange through Redis. A run is published
 * under `<prefix>:run:<id>` and listed in the set `<prefix>:runs`; its tasks wait as BullMQ jobs on one queue per model
 * (batches), and its judges' calls on one queue per judge (so a judge's rate limit and concurrency hold across workers).
 */
export interface QueuedRun {
  manifest: RunManifest;
  /** Read the cache before calling a model. */
  useCache: boolean;
}

/** One job: a batch of one model's tasks, with everything a worker needs to do them (no dataset file on the worker). */
export interface BatchJob {
  runId: string;
  modelIndex: number;
  tasks: { condition: EvalCondition; item: Item }[];
  /** The descriptions the batch's items are about (shown to judges). */
  descriptions: CulturalDescription[];
}

/** A batch's results, as the job's return value: each row with the model calls it came from (for the coordinator's cache). */
export interface BatchResult {
  results: { row: ResultRow; cacheEntries: CacheEntry[] }[];
  /** Model calls this attempt made (not answered from the cache). */
  calls: number;
  /** Who did it (host:pid). */
  worker: string;
}

export const runsKey = (prefix: string): string => `${prefix}:runs`;
export const runKey = (prefix: string, runId: string): string => `${prefix}:run:${runId}`;

/** The queue of one model of a run: batches of tasks (BullMQ queue names take no `:`). */
export const queueName = (runId: string, modelIndex: number): string => `${runId.replaceAll(':', '_')}.model-${modelIndex}`;

/** The queue of one judge of a run: single judge calls, made by whichever worker takes them. */
export const judgeQueueName = (runId: string, judgeIndex: number): string => `${runId.replaceAll(':', '_')}.judge-${judgeIndex}`;
