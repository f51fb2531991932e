import type { LanguageModel } from '../models/language-model.js';
import type { CallOutcome } from '../scoring/call-outcome.js';
import { ModelCallError } from '../models/model-error.js';
import { createRateLimiter } from '../models/rate-limiter.js';
import { withRetries } from '../models/retry.js';
import type { RunManifest } from '../schema/manifest.js';
import type { Score } from '../schema/score.js';
import { scoreGeneration, scoreLogLikelihood } from '../scoring/score-result.js';
import type { CacheEntry, Store } from '../store/open-store.js';
import type { ResultRow } from '../store/result-row.js';
import { ResultWriter } from '../store/result-writer.js';
import { sha256Hex } from '../util/hash.js';
import type { PlannedTask } from './plan.js';
import { renderRequest, type RenderedRequest } from './render-request.js';

export interface EvalProgress {
  /** Tasks finished in this invocation (scored, invalid, unscored or error). */
  done: number;
  /** Tasks this invocation has to do. */
  total: number;
  /** Tasks already done before this invocation (resume). */
  skipped: number;
  errors: number;
  invalid: number;
  cached: number;
}

export interface RunEvalInput {
  store: Store;
  manifest: RunManifest;
  tasks: PlannedTask[];
  /** One model per `manifest.models` entry, same order. */
  models: LanguageModel[];
  /** Read the cache before calling a model (results are always written to it). Default true. */
  useCache?: boolean;
  /** Re-ask tasks that ended in `error`. Default false: a resume only does what is missing. */
  retryErrors?: boolean;
  onProgress?: (progress: EvalProgress) => void;
  /** Aborting stops starting new tasks; calls in flight finish and are saved. */
  signal?: AbortSignal;
}

export interface RunEvalOutcome extends EvalProgress {
  interrupted: boolean;
}

const DEFAULT_CONCURRENCY = 8;

/**
 * Runs the planned tasks that the store does not have yet: the one place with I/O and concurrency.
 * Each result is written to the store as it arrives, with the model call it came from (for the cache), in one transaction.
 *
 * @example
 * const outcome = await runEval({ store, manifest, tasks, models });
 */
export async function runEval(input: RunEvalInput): Promise<RunEvalOutcome> {
  const { store, manifest, models, signal } = input;
  const useCache = input.useCache ?? true;
  const existing = store.resultStatuses(manifest.id);
  const pending: PlannedTask[][] = models.map(() => []);
  let skipped = 0;
  for (const task of input.tasks) {
    const status = existing.get(task.key);
    if (status === undefined || (input.retryErrors && status === 'error')) pending[task.modelIndex].push(task);
    else skipped++;
  }
  const progress: EvalProgress = {
    done: 0,
    total: pending.reduce((sum, tasks) => sum + tasks.length, 0),
    skipped,
    errors: 0,
    invalid: 0,
    cached: 0,
  };
  input.onProgress?.(progress);
  const writer = new ResultWriter(store, (row) => {
    progress.done++;
    if (row.status === 'error') progress.errors++;
    else if (row.status === 'invalid') progress.invalid++;
    if (row.cached) progress.cached++;
    input.onProgress?.(progress);
  });

  const runModel = async (modelIndex: number): Promise<void> => {
    const queue = pending[modelIndex];
    if (queue.length === 0) return;
    const model = models[modelIndex];
    const entry = manifest.models[modelIndex];
    const limiter = createRateLimiter({ requestsPerMinute: entry.requestsPerMinute ?? Infinity });
    const maxRetries = entry.maxRetries ?? 4;
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < queue.length && !signal?.aborted) {
        const task = queue[next++];
        const call = await callTask(task, model, manifest, { store, useCache, limiter, maxRetries });
        // Scoring and saving wait for the end of this event-loop turn, so the next request goes out first.
        writer.write(() => finishTask(task, manifest, call));
      }
    };
    const concurrency = Math.min(entry.concurrency ?? DEFAULT_CONCURRENCY, queue.length);
    await Promise.all(Array.from({ length: concurrency }, worker));
  };
  try {
    await Promise.all(models.map((_, modelIndex) => runModel(modelIndex)));
  } finally {
    writer.flush();
  }
  return { ...progress, interrupted: progress.done < progress.total };
}

interface TaskContext {
  store: Store;
  useCache: boolean;
  limiter: { acquire(signal?: AbortSignal): Promise<void> };
  maxRetries: number;
}


/** What one model call produced, before scoring. */
interface TaskCall {
  latencyMs: number;
  rendered?: RenderedRequest;
  outcome?: CallOutcome;
  cached: boolean;
  attempts: number;
  cacheEntry?: CacheEntry;
  error?: string;
}

/** Renders the request and gets its outcome from the cache or the model (with retries and the rate limit). Never throws. */
async function callTask(task: PlannedTask, model: LanguageModel, manifest: RunManifest, context: TaskContext): Promise<TaskCall> {
  const started = performance.now();
  const call: TaskCall = { latencyMs: 0, cached: false, attempts: 0 };
  try {
    const rendered = renderRequest(task.item, manifest.options);
    call.rendered = rendered;
    const request = toModelRequest(rendered, manifest);
    const key = sha256Hex(JSON.stringify([model.cacheIdentity, request]));
    const hit = context.useCache ? context.store.getCached(key) : undefined;
    if (hit !== undefined) {
      call.outcome = JSON.parse(hit) as CallOutcome;
      call.cached = true;
    } else {
      call.outcome = await withRetries(
        async (attempt) => {
          call.attempts = attempt;
          await context.limiter.acquire();
          return callModel(model, rendered, request);
        },
        { maxRetries: context.maxRetries },
      );
      call.cacheEntry = { key, value: JSON.stringify(call.outcome) };
    }
  } catch (caught) {
    const attemptCount = (caught as { attempts?: number }).attempts;
    if (typeof attemptCount === 'number') call.attempts = attemptCount;
    call.error = describeError(caught);
  }
  call.latencyMs = Math.round((performance.now() - started) * 10) / 10;
  return call;
}

function describeError(caught: unknown): string {
  return caught instanceof ModelCallError ? `${caught.kind}: ${caught.message}` : `internal error: ${(caught as Error)?.stack ?? String(caught)}`;
}

/** Scores a call's outcome and builds its result row. Never throws: a scoring failure becomes an `error` row. */
function finishTask(task: PlannedTask, manifest: RunManifest, call: TaskCall): { row: ResultRow; cacheEntry?: CacheEntry } {
  const { item } = task;
  const { rendered, outcome } = call;
  let score: Score;
  let error = call.error;
  try {
    if (error !== undefined || !outcome || !rendered) throw new Error(error);
    score =
      outcome.type === 'loglik'
        ? scoreLogLikelihood(outcome.result.scores, rendered.type === 'loglik' ? rendered.shown.answer : undefined)
        : scoreGeneration(item, outcome.result.text, rendered.type === 'generate' ? rendered.answer : undefined, rendered.type === 'generate' ? rendered.shown?.choices : undefined);
  } catch (caught) {
    error ??= describeError(caught);
    score = { status: 'error', method: 'none', metrics: {}, error };
  }
  const row: ResultRow = {
    runId: manifest.id,
    model: task.model,
    condition: task.condition,
    itemId: item.id,
    kind: item.kind,
    format: item.format,
    language: item.language,
    country: item.country,
    category: item.category,
    topic: item.topic,
    descriptionId: item.descriptionId,
    template: rendered?.template ?? 'unrendered',
    prompt: rendered === undefined ? item.prompt : rendered.type === 'loglik' ? rendered.prompt : rendered.messages,
    choices: rendered?.type === 'loglik' ? rendered.shown.choices : rendered?.shown?.choices,
    choiceOrder: rendered?.type === 'loglik' ? rendered.shown.choiceOrder : rendered?.shown?.choiceOrder,
    answer: rendered?.type === 'loglik' ? rendered.shown.answer : rendered?.answer,
    response: outcome?.type === 'generate' ? outcome.result.text : undefined,
    extracted: score.extracted,
    status: score.status,
    method: score.method,
    metrics: score.metrics,
    details: score.details,
    latencyMs: call.latencyMs,
    usage: outcome?.result.usage ?? { inputTokens: 0, outputTokens: 0 },
    cached: call.cached,
    attempts: call.attempts,
    error,
    completedAt: new Date().toISOString(),
  };
  return { row, cacheEntry: score.status === 'error' ? undefined : call.cacheEntry };
}

function toModelRequest(rendered: RenderedRequest, manifest: RunManifest) {
  if (rendered.type === 'loglik') return { type: 'loglik', prompt: rendered.prompt, continuations: rendered.continuations };
  return {
    type: 'generate',
    messages: rendered.messages,
    maxTokens: manifest.options.maxTokens,
    temperature: manifest.options.temperature,
  };
}

async function callModel(model: LanguageModel, rendered: RenderedRequest, request: ReturnType<typeof toModelRequest>): Promise<CallOutcome> {
  if (rendered.type === 'loglik') {
    if (!model.scoreContinuations || !model.capabilities.logLikelihood) {
      throw new ModelCallError(`${model.spec} cannot score log-likelihoods; use --mcq-method letter`, { kind: 'unsupported', isRetryable: false });
    }
    return { type: 'loglik', result: await model.scoreContinuations({ prompt: rendered.prompt, continuations: rendered.continuations }) };
  }
  const generateRequest = request as { messages: typeof rendered.messages; maxTokens: number; temperature: number };
  return {
    type: 'generate',
    result: await model.generate({ messages: generateRequest.messages, maxTokens: generateRequest.maxTokens, temperature: generateRequest.temperature }),
  };
}
