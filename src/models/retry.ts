import { setTimeout as sleepFor } from 'node:timers/promises';
import { ModelCallError } from './model-error.js';

export interface RetryInfo {
  /** The attempt that just failed, counting from 1. */
  attempt: number;
  /** How long we wait before the next attempt. */
  delayMs: number;
  error: ModelCallError;
}

export interface RetryPolicy {
  /** Retries after the first attempt (0: one attempt only). */
  maxRetries: number;
  /** First backoff ceiling; it doubles each retry. Default 500. */
  baseDelayMs?: number;
  /** Largest backoff ceiling. Default 30000. A server's `retry-after` may ask for more and is honoured. */
  maxDelayMs?: number;
  /** Source of jitter in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Waits `ms`; rejects when `signal` aborts. Default: a timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  onRetry?: (info: RetryInfo) => void;
}

/** The error `withRetries` rethrows, with how many attempts were made. */
export type RetriedError = Error & { attempts: number };

const defaultBaseDelayMs = 500;
const defaultMaxDelayMs = 30_000;

/**
 * Delay before retry number `retry` (1 for the first retry): full jitter over an exponential
 * ceiling `min(maxDelayMs, baseDelayMs * 2^(retry-1))`, never shorter than the server's `retryAfterMs`.
 *
 * @example
 * retryDelayMs(3, { retryAfterMs: 2000 }, { maxRetries: 5, random: () => 0.5 }) // max(1000, 2000) = 2000
 */
export function retryDelayMs(retry: number, error: { retryAfterMs?: number }, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const base = policy.baseDelayMs ?? defaultBaseDelayMs;
  const cap = policy.maxDelayMs ?? defaultMaxDelayMs;
  const ceiling = Math.min(cap, base * 2 ** (retry - 1));
  const jittered = Math.floor((policy.random ?? Math.random)() * ceiling);
  const asked = error.retryAfterMs !== undefined && error.retryAfterMs > 0 ? Math.ceil(error.retryAfterMs) : 0;
  return Math.max(jittered, asked);
}

/**
 * Runs `call` until it succeeds, retrying only a `ModelCallError` whose `isRetryable` is true,
 * at most `maxRetries` times, with exponential backoff and full jitter. The last error is rethrown
 * with an `attempts` property. An abort (before an attempt or while waiting) throws an `aborted` error.
 *
 * @example
 * const result = await withRetries((attempt) => model.generate(request, { signal }), {
 *   maxRetries: 3,
 *   signal,
 *   onRetry: ({ attempt, delayMs, error }) => log(`attempt ${attempt} failed (${error.kind}); retrying in ${delayMs} ms`),
 * });
 */
export async function withRetries<T>(call: (attempt: number) => Promise<T>, policy: RetryPolicy): Promise<T> {
  const signal = policy.signal;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw withAttempts(abortedError(signal, undefined), attempt - 1);
    try {
      return await call(attempt);
    } catch (error) {
      if (!(error instanceof ModelCallError) || !error.isRetryable || attempt > policy.maxRetries) {
        throw withAttempts(error, attempt);
      }
      const delayMs = retryDelayMs(attempt, error, policy);
      policy.onRetry?.({ attempt, delayMs, error });
      try {
        await (policy.sleep ?? defaultSleep)(delayMs, signal);
      } catch (sleepError) {
        if (signal?.aborted) throw withAttempts(abortedError(signal, error), attempt);
        throw sleepError;
      }
    }
  }
}

/**
 * How many attempts `withRetries` made before it gave up with `error`, if it came from there.
 *
 * @example
 * try { await withRetries(call, { maxRetries: 2 }) } catch (error) { attemptsOf(error) } // 3
 */
export function attemptsOf(error: unknown): number | undefined {
  const attempts = (error as Partial<RetriedError> | undefined)?.attempts;
  return typeof attempts === 'number' ? attempts : undefined;
}

function withAttempts(error: unknown, attempts: number): unknown {
  if (error !== null && typeof error === 'object') {
    Object.defineProperty(error, 'attempts', { value: attempts, configurable: true, writable: true, enumerable: false });
  }
  return error;
}

function abortedError(signal: AbortSignal, lastError: unknown): ModelCallError {
  return new ModelCallError('the model call was aborted', {
    kind: 'aborted',
    isRetryable: false,
    cause: lastError ?? signal.reason,
  });
}

async function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  await sleepFor(ms, undefined, signal ? { signal } : undefined);
}
