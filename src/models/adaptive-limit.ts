/** How an adaptive concurrency limit moves (see {@link AdaptiveLimit}). */
export interface AdaptiveLimitOptions {
  /** The ceiling: `--concurrency`. */
  max: number;
  /** Multiplied into the limit on an overload signal. Default 0.5. */
  decrease?: number;
  /** Latency counts as rising when its recent average exceeds `latencyFactor` × the baseline… Default 2. */
  latencyFactor?: number;
  /** …and the baseline by at least this many milliseconds (so jitter on fast calls is no signal). Default 50. */
  latencyMarginMs?: number;
  /** Calls measured before latency is judged. Default 10. */
  warmup?: number;
}

/**
 * Additive-increase / multiplicative-decrease (AIMD) of the calls allowed in flight, as TCP does with its window: each
 * success adds `1 / limit` (one more slot per round of `limit` successes, up to `max`); a 429 (or 503), or a recent
 * latency well above the baseline, halves it (at least 1). After a decrease, further signals are ignored until as many
 * calls as were allowed then have finished: those were sent under the old limit and say nothing about the new one.
 *
 * @example
 * const limit = new AdaptiveLimit({ max: 8 });
 * limit.onOverload(); limit.current // 4
 * for (let i = 0; i < 30; i++) limit.onSuccess(100); limit.current // 8
 */
export class AdaptiveLimit {
  private value: number;
  private readonly decrease: number;
  private readonly latencyFactor: number;
  private readonly latencyMarginMs: number;
  private readonly warmup: number;
  private recentLatency = Number.NaN;
  private baselineLatency = Number.NaN;
  private samples = 0;
  private eventsSinceDecrease = Number.POSITIVE_INFINITY;
  private limitAtDecrease = 0;
  /** Decreases so far, by cause. */
  readonly backoffs = { overload: 0, latency: 0 };

  constructor(options: AdaptiveLimitOptions) {
    this.max = Math.max(1, options.max);
    this.value = this.max;
    this.decrease = options.decrease ?? 0.5;
    this.latencyFactor = options.latencyFactor ?? 2;
    this.latencyMarginMs = options.latencyMarginMs ?? 50;
    this.warmup = options.warmup ?? 10;
  }

  readonly max: number;

  /** Calls allowed in flight now (1 … max). */
  get current(): number {
    return Math.max(1, Math.floor(this.value));
  }

  /** A call succeeded after `latencyMs`. */
  onSuccess(latencyMs: number): void {
    this.eventsSinceDecrease++;
    this.samples++;
    this.recentLatency = Number.isNaN(this.recentLatency) ? latencyMs : 0.8 * this.recentLatency + 0.2 * latencyMs;
    // The baseline follows the lowest recent latency at once, and higher ones slowly (a server may simply be slower now).
    if (Number.isNaN(this.baselineLatency) || this.recentLatency < this.baselineLatency) this.baselineLatency = this.recentLatency;
    else this.baselineLatency += 0.01 * (this.recentLatency - this.baselineLatency);
    const rising =
      this.samples >= this.warmup &&
      this.recentLatency > this.latencyFactor * this.baselineLatency &&
      this.recentLatency - this.baselineLatency > this.latencyMarginMs;
    if (rising && this.cut()) this.backoffs.latency++;
    else if (!rising) this.value = Math.min(this.max, this.value + 1 / this.value);
  }

  /** The server said it is overloaded (429, 503). */
  onOverload(): void {
    this.eventsSinceDecrease++;
    if (this.cut()) this.backoffs.overload++;
  }

  private cut(): boolean {
    if (this.eventsSinceDecrease < this.limitAtDecrease) return false;
    this.limitAtDecrease = this.current;
    this.value = Math.max(1, this.value * this.decrease);
    this.eventsSinceDecrease = 0;
    return true;
  }
}
