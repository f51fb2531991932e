import { setTimeout as sleep } from 'node:timers/promises';
import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { InputError } from '../errors/culturekit-error.js';
import type { EvalRunner } from '../eval/evaluate.js';
import type { PlannedTask } from '../eval/plan.js';
import { tallyResult, type EvalProgress, type RunEvalInput, type RunEvalOutcome } from '../eval/run-eval.js';
import type { CulturalDescription } from '../schema/description.js';
import type { QueueSettings } from '../settings/run-settings.js';
import { parseResultRow } from '../store/read-result-rows.js';
import { sha256Hex } from '../util/hash.js';
import { judgeQueueName, queueName, runKey, runsKey, type BatchJob, type BatchResult, type QueuedRun } from './queue-contract.js';
import { connectRedis } from './redis-connection.js';

/** What the coordinator saw of the workers, beyond the engine's progress. */
export interface QueueStats {
  /** Batches queued by this invocation (a re-attach finds most already there). */
  batches: number;
  /** Deliveries of a batch after the first (its worker was killed or lost its lock): each may repeat the calls it had in flight. */
  redelivered: number;
  /** Model calls the workers reported for the batches collected (answers from a cache not counted). */
  calls: number;
}

/**
 * Runs a plan on queue workers: `evaluate({ runner: createQueueRunner(settings) })` plans the run and stores it as a
 * local run does; this runner queues the tasks the store lacks as batches (one BullMQ job per batch, with a job id
 * from the batch's place in the plan and its tasks, so queuing again — a resumed coordinator — adds nothing twice),
 * and collects the workers' results into the store, where the engine's output writer reads them.
 *
 * @example
 * await evaluate({ dataset, models, dbPath, runner: createQueueRunner(resolveQueueSettings({ queue: 'redis://127.0.0.1:6379' })) });
 */
export function createQueueRunner(
  settings: QueueSettings,
  hooks: { onWarning?: (message: string) => void; onStats?: (stats: QueueStats) => void } = {},
): EvalRunner {
  return { remote: true, run: (input) => runOnQueue(settings, input, hooks) };
}

async function runOnQueue(
  settings: QueueSettings,
  input: RunEvalInput,
  hooks: { onWarning?: (message: string) => void; onStats?: (stats: QueueStats) => void },
): Promise<RunEvalOutcome> {
  const { store, manifest, signal } = input;
  const grounded = manifest.options.conditions.filter((condition) => condition !== 'plain');
  if (grounded.length > 0) {
    throw new InputError(`--queue runs the plain condition only for now (workers hold no knowledge base); run ${grounded.join(', ')} without --queue`);
  }
  const redis = await connectRedis(settings);
  const queues = manifest.models.map((_, modelIndex) => new Queue(queueName(manifest.id, modelIndex), { connection: redis, prefix: settings.prefix }));
  const judgeQueues = (manifest.judges ?? []).map(
    (_, judgeIndex) => new Queue(judgeQueueName(manifest.id, judgeIndex), { connection: redis, prefix: settings.prefix }),
  );
  for (const queue of [...queues, ...judgeQueues]) queue.on('error', () => {});
  const progress: EvalProgress = { done: 0, total: 0, skipped: 0, errors: 0, invalid: 0, cached: 0 };
  const extraction = { rules: 0, model: 0, unread: 0 };
  const stats: QueueStats = { batches: 0, redelivered: 0, calls: 0 };
  const statsKey = `${runKey(settings.prefix, manifest.id)}:stats`;
  try {
    const published: QueuedRun = { manifest, useCache: input.useCache ?? true };
    // The counts go on from where an earlier coordinator of the run left them.
    const before = await redis.hgetall(statsKey);
    stats.calls = Number(before.calls ?? 0);
    stats.redelivered = Number(before.redelivered ?? 0);
    await redis.set(runKey(settings.prefix, manifest.id), JSON.stringify(published));
    for (const [modelIndex, model] of manifest.models.entries()) {
      // BullMQ's global rate limit holds across every worker: a batch of n tasks starts at most once per n calls' share of a minute.
      if (model.requestsPerMinute) await queues[modelIndex].setGlobalRateLimit(1, Math.ceil((60_000 * settings.batchSize) / model.requestsPerMinute));
      else await queues[modelIndex].removeGlobalRateLimit();
    }
    for (const [judgeIndex, judge] of (manifest.judges ?? []).entries()) {
      // A judge's queue holds single calls: one call per 1/rpm minutes across all workers.
      if (judge.requestsPerMinute) await judgeQueues[judgeIndex].setGlobalRateLimit(1, Math.ceil(60_000 / judge.requestsPerMinute));
      else await judgeQueues[judgeIndex].removeGlobalRateLimit();
    }
    // A job that failed for good under an earlier coordinator (a worker's internal error) is tried again.
    for (const queue of queues) await queue.retryJobs({ state: 'failed' });
    const expected = new Set<string>();
    const descriptions = input.descriptions ?? new Map();
    const counts = await enqueueBatches(store, manifest.id, input.tasks, settings.batchSize, input.retryErrors ?? false, async (modelIndex, id, tasks) => {
      expected.add(`${modelIndex}/${id}`);
      stats.batches++;
      await queues[modelIndex].add('batch', batchJob(manifest.id, modelIndex, tasks, descriptions), {
        jobId: id,
        attempts: 3,
        backoff: { type: 'fixed', delay: 1_000 },
      });
    });
    progress.total = counts.pending;
    progress.skipped = counts.planned - counts.pending;
    // Listed only once its jobs are there: a worker that finds the run finds work.
    await redis.sadd(runsKey(settings.prefix), manifest.id);
    input.onProgress?.(progress);
    let warned = false;
    while (expected.size > 0 && !signal?.aborted) {
      let collected = 0;
      try {
        for (const [modelIndex, queue] of queues.entries()) {
          for (const job of await queue.getJobs(['completed'], 0, 99, true)) {
            collect(job, store, progress, extraction, stats);
            await job.remove();
            expected.delete(`${modelIndex}/${job.id}`);
            collected++;
          }
          const failed = await queue.getJobs(['failed'], 0, 0);
          if (failed.length > 0) {
            hooks.onWarning?.(`batch ${failed[0].id} of ${manifest.models[modelIndex].spec} failed on a worker: ${failed[0].failedReason}; stopping the run`);
            return { ...progress, interrupted: true, extraction };
          }
        }
        warned = false;
      } catch (error) {
        if (!warned) hooks.onWarning?.(`the queue at ${settings.url} does not answer (${(error as Error).message}); waiting for it`);
        warned = true;
      }
      if (collected > 0) {
        await redis.hset(statsKey, 'calls', stats.calls, 'redelivered', stats.redelivered);
        input.onProgress?.(progress);
        hooks.onStats?.(stats);
      } else await sleep(settings.pollMs, undefined, { signal }).catch(() => {});
    }
    const interrupted = expected.size > 0;
    if (!interrupted) {
      // Done: the run leaves the registry (workers let go of its queues) and its queues are removed.
      await redis.srem(runsKey(settings.prefix), manifest.id);
      await redis.del(runKey(settings.prefix, manifest.id), statsKey);
      for (const queue of [...queues, ...judgeQueues]) await queue.obliterate({ force: true });
    }
    hooks.onStats?.(stats);
    return { ...progress, interrupted, extraction };
  } finally {
    await Promise.allSettled([...queues, ...judgeQueues].map((queue) => queue.close()));
    await quit(redis);
  }
}

/** Saves a finished batch's results (validated: Redis is a boundary) and their model calls, in one transaction. */
function collect(job: Job, store: RunEvalInput['store'], progress: EvalProgress, extraction: RunEvalOutcome['extraction'], stats: QueueStats): void {
  const result = job.returnvalue as BatchResult;
  const where = `queue job ${job.id}`;
  const entries = result.results.map(({ row, cacheEntries }) => ({ row: parseResultRow(row, where), cacheEntries }));
  store.saveResults(entries);
  for (const { row } of entries) tallyResult(row, progress, extraction);
  stats.calls += result.calls;
  stats.redelivered += Math.max(job.attemptsStarted - 1, job.stalledCounter);
}

function batchJob(runId: string, modelIndex: number, tasks: PlannedTask[], descriptions: ReadonlyMap<string, CulturalDescription>): BatchJob {
  const about = new Set(tasks.map((task) => task.item.descriptionId).filter((id): id is string => id !== undefined));
  return {
    runId,
    modelIndex,
    tasks: tasks.map((task) => ({ condition: task.condition, item: task.item })),
    descriptions: [...about].map((id) => descriptions.get(id)).filter((description) => description !== undefined),
  };
}

/**
 * Cuts each model's tasks into batches by their place in the plan and queues, for each batch, the tasks the store
 * lacks (or that ended in error, with `retryErrors`). The job id is the model, the batch's number and a hash of the
 * tasks it carries: the same plan and store give the same ids, so queuing twice adds nothing.
 */
async function enqueueBatches(
  store: RunEvalInput['store'],
  runId: string,
  tasks: Iterable<PlannedTask>,
  batchSize: number,
  retryErrors: boolean,
  add: (modelIndex: number, jobId: string, tasks: PlannedTask[]) => Promise<void>,
): Promise<{ planned: number; pending: number }> {
  const open = new Map<number, { number: number; tasks: PlannedTask[] }>();
  let planned = 0;
  let pending = 0;
  const flush = async (modelIndex: number, batch: { number: number; tasks: PlannedTask[] }) => {
    const waiting: PlannedTask[] = [];
    for (const condition of new Set(batch.tasks.map((task) => task.condition))) {
      const ofCondition = batch.tasks.filter((task) => task.condition === condition);
      const statuses = store.resultStatusesOf(
        runId,
        ofCondition[0].model,
        condition,
        ofCondition.map((task) => task.item.id),
      );
      for (const task of ofCondition) {
        const status = statuses.get(task.item.id);
        if (status === undefined || (retryErrors && status === 'error')) waiting.push(task);
      }
    }
    batch.number++;
    batch.tasks = [];
    if (waiting.length === 0) return;
    pending += waiting.length;
    await add(modelIndex, `m${modelIndex}-b${batch.number - 1}-${sha256Hex(waiting.map((task) => task.key).join('\n')).slice(0, 16)}`, waiting);
  };
  for (const task of tasks) {
    planned++;
    let batch = open.get(task.modelIndex);
    if (!batch) open.set(task.modelIndex, (batch = { number: 0, tasks: [] }));
    batch.tasks.push(task);
    if (batch.tasks.length === batchSize) await flush(task.modelIndex, batch);
  }
  for (const [modelIndex, batch] of open) if (batch.tasks.length > 0) await flush(modelIndex, batch);
  return { planned, pending };
}

/** Closes a connection politely, or at once when Redis is gone. */
export async function quit(redis: Redis): Promise<void> {
  await Promise.race([redis.quit().catch(() => {}), sleep(1_000)]);
  redis.disconnect();
}
