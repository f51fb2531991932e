import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue, QueueEvents, Worker, type Job } from 'bullmq';
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
import { judgeQueueName, queueName, runKey, runsKey, type BatchJob, type BatchResult, type QueuedRun } from './queue-contract.js';
import { answerCall, callThroughQueue, type CallAnswer, type CallJob } from './queued-calls.js';
import { quit } from './queue-runner.js';
import { connectRedis } from './redis-connection.js';

export interface WorkerStats {
  batches: number;
  results: number;
  /** Model calls made (answers from the cache not counted). */
  calls: number;
}

/** A run this worker serves: its queues' BullMQ workers, the judges' queues it sends calls to, and the models it created. */
interface ServedRun {
  queued: QueuedRun;
  workers: Worker[];
  /** Each judge as the batches call it: through the judge's queue. */
  judges: LanguageModel[];
  closers: (() => Promise<unknown>)[];
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
    await Promise.allSettled(run.closers.map((close) => close()));
    for (const model of run.models.values()) await (await model).close().catch(() => {});
    log(`run ${runId}: finished here`);
  };
  const serve = async (runId: string, queued: QueuedRun) => {
    const run: ServedRun = { queued, workers: [], judges: [], closers: [], models: new Map() };
    served.set(runId, run);
    const modelFor = (entry: ModelEntry) => {
      let model = run.models.get(entry.spec);
      if (!model) run.models.set(entry.spec, (model = createLanguageModel(entry, options.modelDefaults)));
      return model;
    };
    const processBatch = async (job: Job<BatchJob>): Promise<BatchResult> => {
      const result = await runBatch(job.data, run, cache, modelFor);
      stats.batches++;
      stats.results += result.results.length;
      stats.calls += result.calls;
      log(
        `run ${runId}: batch ${job.id} of ${queued.manifest.models[job.data.modelIndex].spec}: ${result.results.length} results, ${result.calls} model calls`,
      );
      return { ...result, worker: name };
    };
    const workerOptions = (concurrency: number) => ({
      connection: redis,
      prefix: settings.prefix,
      concurrency,
      lockDuration: settings.lockDurationMs,
      stalledInterval: settings.lockDurationMs,
      maxStalledCount: settings.maxStalledCount,
    });
    const watch = (worker: Worker) => {
      worker.on('error', () => {});
      worker.on('failed', (job, error) => log(`run ${runId}: job ${job?.id} of ${worker.name} failed: ${error.message}`));
      run.workers.push(worker);
    };
    for (const [judgeIndex, entry] of (queued.manifest.judges ?? []).entries()) {
      const name = judgeQueueName(runId, judgeIndex);
      const queue = new Queue(name, { connection: redis, prefix: settings.prefix });
      const eventsConnection = redis.duplicate();
      eventsConnection.on('error', () => {});
      const events = new QueueEvents(name, { connection: eventsConnection, prefix: settings.prefix });
      events.on('error', () => {});
      run.closers.push(
        () => queue.close(),
        async () => {
          await events.close();
          eventsConnection.disconnect();
        },
      );
      await events.waitUntilReady();
      run.judges.push(callThroughQueue(await modelFor(entry), queue, events));
      // This worker answers the judge's calls too, as many at once as the judge's concurrency.
      const answer = async (job: Job<CallJob>): Promise<CallAnswer> => answerCall(await modelFor(entry), job);
      watch(new Worker<CallJob, CallAnswer>(name, answer, workerOptions(entry.concurrency ?? 1)));
    }
    for (const modelIndex of queued.manifest.models.keys())
      watch(new Worker<BatchJob, BatchResult>(queueName(runId, modelIndex), processBatch, workerOptions(1)));
    log(`run ${runId}: serving ${queued.manifest.models.length} model queue(s) and ${run.judges.length} judge queue(s)`);
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
          if (text) await serve(runId, JSON.parse(text) as QueuedRun);
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

/** Runs one batch with the engine: the run's manifest narrowed to the batch's model; judges called through their queues. */
async function runBatch(
  job: BatchJob,
  run: ServedRun,
  cache: Store,
  modelFor: (entry: ModelEntry) => Promise<LanguageModel>,
): Promise<Omit<BatchResult, 'worker'>> {
  const { manifest } = run.queued;
  const entry = manifest.models[job.modelIndex];
  const narrowed = { ...manifest, models: [entry] };
  const tasks: PlannedTask[] = job.tasks.map(({ condition, item }) => ({
    key: resultKey(entry.spec, condition, item.id),
    modelIndex: 0,
    model: entry.spec,
    condition,
    item,
  }));
  const { judges } = run;
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
      useCache: run.queued.useCache,
    });
  } finally {
    store.close();
  }
  return { results: store.results, calls: store.calls };
}
