import type { ChatMessage } from '../schema/item.js';
import type { CallOutcome } from './call-outcome.js';
import { sha256Hex } from '../util/hash.js';
import type { LanguageModel } from './language-model.js';
import { ModelCallError } from './model-error.js';
import { AdaptiveLimit } from './adaptive-limit.js';
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
  /** Calls in flight at most (the ceiling when adaptive). */
  concurrency: number;
  /** Adapt the calls in flight to 429s and rising latency (AIMD) below `concurrency`. Default false. */
  adaptiveConcurrency?: boolean;
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
  /** The adaptive limit, when the policy asks for one. */
  readonly adaptive: AdaptiveLimit | undefined;

  constructor(
    readonly model: LanguageModel,
    private readonly policy: CallPolicy,
    private readonly cache: CallCache,
    private readonly useCache: boolean,
    /** Write each new outcome to the cache at once (before the next call may start), instead of handing it back. */
    private readonly writeCacheImmediately = false,
  ) {
    this.limiter = createRateLimiter({ requestsPerMinute: policy.requestsPerMinute ?? Infinity });
    this.adaptive = policy.adaptiveConcurrency ? new AdaptiveLimit({ max: policy.concurrency }) : undefined;
  }

  /** Calls allowed in flight now: the adaptive limit, or the fixed concurrency. */
  get concurrencyLimit(): number {
    return this.adaptive?.current ?? this.policy.concurrency;
  }

  /** Calls in flight now. */
  get inFlight(): number {
    return this.active;
  }

  private async acquireSlot(): Promise<void> {
    if (this.active < this.concurrencyLimit && this.waiting.length === 0) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Lets waiting calls start while there is room under the (possibly changed) limit. */
  private releaseSlots(): void {
    while (this.waiting.length > 0 && this.active < this.concurrencyLimit) {
      this.active++;
      this.waiting.shift()!();
    }
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
    await this.acquireSlot();
    try {
      const outcome = await withRetries(
        async (attempt) => {
          attempts = attempt;
          await this.limiter.acquire();
          if (!this.adaptive) return this.send(request);
          const started = performance.now();
          try {
            const outcome = await this.send(request);
            this.adaptive.onSuccess(performance.now() - started);
            return outcome;
          } catch (error) {
            if (error instanceof ModelCallError && (error.kind === 'rate-limit' || error.statusCode === 429 || error.statusCode === 503))
              this.adaptive.onOverload();
            throw error;
          }
        },
        { maxRetries: this.policy.maxRetries },
      );
      if (this.writeCacheImmediately) this.cache.putCache(key, JSON.stringify(outcome));
      else newEntries.push({ key, value: JSON.stringify(outcome) });
      return { outcome, cached: false, attempts };
    } finally {
      this.active--;
      this.releaseSlots();
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
