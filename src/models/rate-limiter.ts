import { setTimeout as sleepFor } from 'node:timers/promises';
import { ModelCallError } from './model-error.js';

export interface RateLimiter {
  /** Resolves when one request may start; callers are served first come, first served. Rejects with an `aborted` error when `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<void>;
}

export interface RateLimiterOptions {
  /** Requests allowed per minute; 0, a negative number or `Infinity` means unlimited. */
  requestsPerMinute: number;
  /** Requests that may start back to back after a quiet spell. Default 1: requests are evenly spaced. */
  burst?: number;
  /** Clock in milliseconds. Default `performance.now`. */
  now?: () => number;
  /** Waits `ms`. Default: a timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  settled: boolean;
}

const resolved = Promise.resolve();
const unlimited: RateLimiter = {
  acquire: (signal) => (signal?.aborted ? Promise.reject(abortedError(signal)) : resolved),
};

/**
 * A smooth token bucket: one token every `60000 / requestsPerMinute` ms, holding at most `burst` tokens.
 * Unlimited rates return a limiter whose `acquire` costs nothing.
 *
 * @example
 * const limiter = createRateLimiter({ requestsPerMinute: 600 });
 * await limiter.acquire(signal); // at most one start every 100 ms
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const rate = options.requestsPerMinute;
  if (!(rate > 0) || rate === Number.POSITIVE_INFINITY) return unlimited;
  return new TokenBucket(rate / 60_000, Math.max(1, options.burst ?? 1), options.now ?? (() => performance.now()), options.sleep ?? defaultSleep);
}

class TokenBucket implements RateLimiter {
  private tokens: number;
  private updatedAt: number;
  private readonly queue: Waiter[] = [];
  private pumping = false;

  constructor(
    private readonly tokensPerMs: number,
    private readonly capacity: number,
    private readonly now: () => number,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortedError(signal));
    if (this.queue.length === 0) {
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return resolved;
      }
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined, settled: false };
      if (signal) {
        waiter.onAbort = () => {
          if (waiter.settled) return;
          waiter.settled = true;
          reject(abortedError(signal));
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      void this.pump();
    });
  }

  private refill(): void {
    const now = this.now();
    const elapsed = now - this.updatedAt;
    if (elapsed > 0) {
      this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.tokensPerMs);
      this.updatedAt = now;
    }
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const head = this.queue[0];
        if (head.settled) {
          this.queue.shift();
          continue;
        }
        this.refill();
        if (this.tokens >= 1 - 1e-9) {
          this.tokens = Math.max(0, this.tokens - 1);
          this.queue.shift();
          head.settled = true;
          if (head.onAbort) head.signal?.removeEventListener('abort', head.onAbort);
          head.resolve();
          continue;
        }
        await this.sleep(Math.ceil((1 - this.tokens) / this.tokensPerMs));
      }
    } catch (error) {
      for (const waiter of this.queue.splice(0)) {
        if (!waiter.settled) {
          waiter.settled = true;
          waiter.reject(error);
        }
      }
    } finally {
      this.pumping = false;
    }
  }
}

function abortedError(signal: AbortSignal): ModelCallError {
  return new ModelCallError('the model call was aborted while waiting for the rate limit', {
    kind: 'aborted',
    isRetryable: false,
    cause: signal.reason,
  });
}

async function defaultSleep(ms: number): Promise<void> {
  await sleepFor(ms);
}
