import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker, type Job } from 'bullmq';
import { createJudging } from '../eval/judging-setup.js';
import type { PlannedTask } from '../eval/plan.js';
import { runEval } from '../eval/run-eval.js';
import { createLanguageModel, type CreateModelDefaults } from '../models/create-language-model.js';
import type { LanguageModel } from '../models/language-model.js';
import type { ModelEntry } from '../schema/manifest.js';
import type { WorkerSettings } from '../settings/run-settings.js';
import { openStore, Store, type CacheEntry } from '../store/open-store.js';
import { resultKey } from '../store/result-key.js';
import type { ResultRow } from '../schema/result.js';
import { queueName, runKey, runsKey, type BatchJob, type BatchResult, type QueuedRun } from './queue-contract.js';
import { quit } from './queue-runner.js';
import { connectRedis } from './redis-connection.js';

export interface WorkerStats {
  batches: number;
  results: number;
  /** Model calls made (answers from the cache not counted). */
  calls: number;
}

/** A run this worker serves: its queues' BullMQ workers and the models it created for it. */
interface ServedRun {
  queued: QueuedRun;
  workers: Worker[];
  models: Map<string, Promise<LanguageModel>>;
}

/**
 * `culturekit worker`: serves every run published on the queue until `signal` aborts. For each run it pulls batches
 * from the run's model queues (one batch at a time per model; BullMQ's lock, renewed while the batch runs, makes a
 * batch of a killed worker come back after `lockDurationMs`), and runs each batch through the engine's own `runEval`
 * — rendering, the model caller's cache, retries and rate limit, judging, scoring — into a store that hands the rows
 * back as the job's result. The model calls' outcomes also go to the worker's own store (`db`), a cache shared by the
 * workers of one machine: a batch re-delivered after a kill asks again only what was in flight.
 */
export async function runQueueWorker(
  settings: WorkerSettings,
  options: { modelDefaults?: CreateModelDefaults; signal?: AbortSignal; onLog?: (line: string) => void } = {},
): Promise<WorkerStats> {
  const redis = await connectRedis(settings);
  const cache = openStore(settings.db);
  const served = new Map<string, ServedRun>();
  const stats: WorkerStats = { batches: 0, results: 0, calls: 0 };
  const name = `${hostname()}:${process.pid}`;
  const log = options.onLog ?? (() => {});

  const stop = async (runId: string) => {
    const run = served.get(runId);
    if (!run) return;
    served.delete(runId);
    await Promise.allSettled(run.workers.map((worker) => worker.close()));
    for (const model of run.models.values()) await (await model).close().catch(() => {});
    log(`run ${runId}: finished here`);
  };
  const serve = (runId: string, queued: QueuedRun) => {
    const run: ServedRun = { queued, workers: [], models: new Map() };
    const modelFor = (entry: ModelEntry) => {
      let model = run.models.get(entry.spec);
      if (!model) run.models.set(entry.spec, (model = createLanguageModel(entry, options.modelDefaults)));
      return model;
    };
    const processBatch = async (job: Job<BatchJob>): Promise<BatchResult> => {
      const result = await runBatch(job.data, run.queued, cache, modelFor);
      stats.batches++;
      stats.results += result.results.length;
      stats.calls += result.calls;
      log(
        `run ${runId}: batch ${job.id} of ${queued.manifest.models[job.data.modelIndex].spec}: ${result.results.length} results, ${result.calls} model calls`,
      );
      return { ...result, worker: name };
    };
    for (const modelIndex of queued.manifest.models.keys()) {
      const worker = new Worker<BatchJob, BatchResult>(queueName(runId, modelIndex), processBatch, {
        connection: redis,
        prefix: settings.prefix,
        concurrency: 1,
        lockDuration: settings.lockDurationMs,
        stalledInterval: settings.lockDurationMs,
        maxStalledCount: settings.maxStalledCount,
      });
      worker.on('error', () => {});
      worker.on('failed', (job, error) => log(`run ${runId}: batch ${job?.id} failed: ${error.message}`));
      run.workers.push(worker);
    }
    served.set(runId, run);
    log(`run ${runId}: serving ${queued.manifest.models.length} model queue(s)`);
  };

  try {
    log(`worker ${name} waiting for runs on ${settings.url}`);
    while (!options.signal?.aborted) {
      try {
        const listed = new Set(await redis.smembers(runsKey(settings.prefix)));
        for (const runId of served.keys()) if (!listed.has(runId)) await stop(runId);
        for (const runId of listed) {
          if (served.has(runId)) continue;
          const text = await redis.get(runKey(settings.prefix, runId));
          if (text) serve(runId, JSON.parse(text) as QueuedRun);
        }
      } catch {
        // Redis is restarting: BullMQ's workers wait for it too; look again in a moment.
      }
      await sleep(settings.pollMs, undefined, { signal: options.signal }).catch(() => {});
    }
  } finally {
    for (const runId of [...served.keys()]) await stop(runId);
    cache.close();
    await quit(redis);
  }
  return stats;
}

/** A store for one batch: results are kept for the job's return value; the cache is the worker's own store. */
class BatchStore extends Store {
  readonly results: { row: ResultRow; cacheEntries: CacheEntry[] }[] = [];
  calls = 0;

  constructor(private readonly cache: Store) {
    super(':memory:');
  }

  override getCached(key: string): string | undefined {
    return this.cache.getCached(key);
  }

  override putCache(key: string, value: string): void {
    this.cache.putCache(key, value);
  }

  override saveResults(entries: readonly { row: ResultRow; cacheEntries?: readonly CacheEntry[] }[]): void {
    for (const { row, cacheEntries = [] } of entries) {
      for (const entry of cacheEntries) this.cache.putCache(entry.key, entry.value);
      this.calls += cacheEntries.length;
      this.results.push({ row, cacheEntries: [...cacheEntries] });
    }
  }
}

/** Runs one batch with the engine: the run's manifest narrowed to the batch's model, its judges and extractor as they are. */
async function runBatch(
  job: BatchJob,
  queued: QueuedRun,
  cache: Store,
  modelFor: (entry: ModelEntry) => Promise<LanguageModel>,
): Promise<Omit<BatchResult, 'worker'>> {
  const { manifest } = queued;
  const entry = manifest.models[job.modelIndex];
  const narrowed = { ...manifest, models: [entry] };
  const tasks: PlannedTask[] = job.tasks.map(({ condition, item }) => ({
    key: resultKey(entry.spec, condition, item.id),
    modelIndex: 0,
    model: entry.spec,
    condition,
    item,
  }));
  const judges = await Promise.all((manifest.judges ?? []).map(modelFor));
  const store = new BatchStore(cache);
  try {
    await runEval({
      store,
      manifest: narrowed,
      tasks,
      models: [await modelFor(entry)],
      judging: judges.length ? { ...createJudging(), models: judges } : undefined,
      extractor: manifest.extractor ? await modelFor(manifest.extractor) : undefined,
      descriptions: new Map(job.descriptions.map((description) => [description.id, description])),
      useCache: queued.useCache,
    });
  } finally {
    store.close();
  }
  return { results: store.results, calls: store.calls };
}
