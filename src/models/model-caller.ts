import type { ChatMessage } from '../schema/item.js';
import type { CallOutcome } from './call-outcome.js';
import { sha256Hex } from '../util/hash.js';
import type { LanguageModel } from './language-model.js';
import { ModelCallError } from './model-error.js';
import { createRateLimiter } from './rate-limiter.js';
import { withRetries } from './retry.js';

/** One request to a model, as cached: generation or log-likelihoods of continuations. */
export type ModelRequest =
  | {
      type: 'generate';
      messages: ChatMessage[];
      maxTokens: number;
      temperature: number;
      seed?: number;
      responseFormat?: { name: string; schema: Record<string, unknown> };
    }
  | { type: 'loglik'; prompt: string; continuations: string[] };

/** How calls to one model are made, every value decided (see `resolveModelSettings`). */
export interface CallPolicy {
  /** Calls in flight at most. */
  concurrency: number;
  /** Retries of a call that may succeed later. */
  maxRetries: number;
  /** Calls started per minute at most; absent: unlimited. */
  requestsPerMinute?: number;
}

/** The cache the caller reads and writes: the store, or anything with the same two methods. */
export interface CallCache {
  getCached(key: string): string | undefined;
  putCache(key: string, value: string): void;
}

/** A new outcome, to be written to the cache with the result it belongs to. */
export interface NewCacheEntry {
  key: string;
  value: string;
}

export interface ModelCall {
  outcome: CallOutcome;
  cached: boolean;
  attempts: number;
}

/**
 * A model with the run's call policies around it: the cache (read unless disabled; new outcomes are handed back as cache
 * entries to be written with the result), retries with backoff, the requests-per-minute limit, and a concurrency cap.
 *
 * @example
 * const caller = new ModelCaller(model, { concurrency: 8, maxRetries: 4 }, store, true);
 * const { outcome, cached } = await caller.call({ type: 'generate', messages, maxTokens: 512, temperature: 0 }, newEntries);
 */
export class ModelCaller {
  private readonly limiter;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly model: LanguageModel,
    private readonly policy: CallPolicy,
    private readonly cache: CallCache,
    private readonly useCache: boolean,
    /** Write each new outcome to the cache at once (before the next call may start), instead of handing it back. */
    private readonly writeCacheImmediately = false,
  ) {
    this.limiter = createRateLimiter({ requestsPerMinute: policy.requestsPerMinute ?? Infinity });
  }

  /** The cache key of a request to this model. */
  cacheKey(request: ModelRequest): string {
    return sha256Hex(JSON.stringify([this.model.cacheIdentity, request]));
  }

  /**
   * Calls the model (or answers from the cache). A new outcome's cache entry is pushed onto `newEntries`
   * (or written at once with `writeCacheImmediately`).
   * Throws `ModelCallError` when the call failed for good; the error carries `attempts`.
   */
  async call(request: ModelRequest, newEntries: NewCacheEntry[]): Promise<ModelCall> {
    const key = this.cacheKey(request);
    const hit = this.useCache ? this.cache.getCached(key) : undefined;
    if (hit !== undefined) return { outcome: JSON.parse(hit) as CallOutcome, cached: true, attempts: 0 };
    let attempts = 0;
    if (this.active >= this.policy.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      const outcome = await withRetries(
        async (attempt) => {
          attempts = attempt;
          await this.limiter.acquire();
          return this.send(request);
        },
        { maxRetries: this.policy.maxRetries },
      );
      if (this.writeCacheImmediately) this.cache.putCache(key, JSON.stringify(outcome));
      else newEntries.push({ key, value: JSON.stringify(outcome) });
      return { outcome, cached: false, attempts };
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  private async send(request: ModelRequest): Promise<CallOutcome> {
    const { model } = this;
    if (request.type === 'loglik') {
      if (!model.scoreContinuations || !model.capabilities.logLikelihood) {
        throw new ModelCallError(`${model.spec} cannot score log-likelihoods; use --mcq-method letter`, { kind: 'unsupported', isRetryable: false });
      }
      return { type: 'loglik', result: await model.scoreContinuations({ prompt: request.prompt, continuations: request.continuations }) };
    }
    return {
      type: 'generate',
      result: await model.generate({
        messages: request.messages,
        maxTokens: request.maxTokens,
        temperature: request.temperature,
        seed: request.seed,
        responseFormat: request.responseFormat,
      }),
    };
  }
}

export function describeCallError(caught: unknown): string {
  return caught instanceof ModelCallError ? `${caught.kind}: ${caught.message}` : `internal error: ${(caught as Error)?.stack ?? String(caught)}`;
}
