import type { ChatMessage } from '../schema/item.js';
import type { ModelEntry } from '../schema/manifest.js';
import type { LanguageModel } from '../models/language-model.js';
import { ModelCallError } from '../models/model-error.js';
import { createRateLimiter } from '../models/rate-limiter.js';
import { withRetries } from '../models/retry.js';
import type { CallOutcome } from '../scoring/call-outcome.js';
import type { CacheEntry, Store } from '../store/open-store.js';
import { sha256Hex } from '../util/hash.js';

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

export interface ModelCall {
  outcome: CallOutcome;
  cached: boolean;
  attempts: number;
}

/**
 * A model with the run's policies around it: the cache (read unless disabled; new outcomes are handed back as cache
 * entries to be written with the result), retries with backoff, the requests-per-minute limit, and a concurrency cap.
 */
export class ModelCaller {
  private readonly limiter;
  private readonly maxRetries: number;
  private readonly concurrency: number;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly model: LanguageModel,
    entry: ModelEntry,
    private readonly store: Store,
    private readonly useCache: boolean,
    defaultConcurrency: number,
    /** Write each new outcome to the cache at once (before the next call may start), instead of handing it back. */
    private readonly writeCacheImmediately = false,
  ) {
    this.limiter = createRateLimiter({ requestsPerMinute: entry.requestsPerMinute ?? Infinity });
    this.maxRetries = entry.maxRetries ?? 4;
    this.concurrency = entry.concurrency ?? defaultConcurrency;
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
  async call(request: ModelRequest, newEntries: CacheEntry[]): Promise<ModelCall> {
    const key = this.cacheKey(request);
    const hit = this.useCache ? this.store.getCached(key) : undefined;
    if (hit !== undefined) return { outcome: JSON.parse(hit) as CallOutcome, cached: true, attempts: 0 };
    let attempts = 0;
    if (this.active >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      const outcome = await withRetries(
        async (attempt) => {
          attempts = attempt;
          await this.limiter.acquire();
          return this.send(request);
        },
        { maxRetries: this.maxRetries },
      );
      if (this.writeCacheImmediately) this.store.putCache(key, JSON.stringify(outcome));
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
