import { ModelCallError } from '../models/model-error.js';
import { withRetries } from '../models/retry.js';
import type { CallCache } from '../models/model-caller.js';
import { sha256Hex } from '../util/hash.js';

/**
 * An external quality-estimation service (e.g. a CometKiwi server the user runs). The request and reply:
 *
 * ```text
 * POST <url>   content-type: application/json
 * [{"src": "source text", "mt": "translation"}, …]            (at most `batchSize` segments)
 * → 200 [0.83, 0.41, …]   or   {"scores": [0.83, 0.41, …]}    (one number per segment, same order; null: no score)
 * ```
 *
 * Scores are cached in the store (by URL, source and translation), so a resumed run sends nothing twice. 429 and 5xx
 * answers and network failures are retried.
 */
export interface HttpQeOptions {
  url: string;
  batchSize: number;
  timeoutMs: number;
  maxRetries: number;
  /** Extra request headers (e.g. authorization). */
  headers?: Record<string, string>;
}

export interface HttpQeSegment {
  src: string;
  mt: string;
}

function cacheKey(url: string, segment: HttpQeSegment): string {
  return sha256Hex(JSON.stringify(['qe-http', url, segment.src, segment.mt]));
}

async function postBatch(options: HttpQeOptions, batch: readonly HttpQeSegment[]): Promise<(number | null)[]> {
  return withRetries(
    async () => {
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...options.headers },
          body: JSON.stringify(batch),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        throw new ModelCallError(`QE service ${options.url}: ${(error as Error).message}`, { kind: 'network', isRetryable: true, cause: error });
      }
      const text = await response.text();
      if (!response.ok) {
        throw new ModelCallError(`QE service ${options.url} answered ${response.status}: ${text.slice(0, 200)}`, {
          kind: 'http',
          statusCode: response.status,
          isRetryable: response.status === 429 || response.status >= 500,
        });
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new ModelCallError(`QE service ${options.url}: the reply is not JSON: ${text.slice(0, 200)}`, { kind: 'malformed', isRetryable: false });
      }
      const scores = Array.isArray(body) ? body : (body as { scores?: unknown })?.scores;
      if (!Array.isArray(scores) || scores.length !== batch.length) {
        throw new ModelCallError(`QE service ${options.url}: expected a list of ${batch.length} scores (or {"scores": […]}), got ${text.slice(0, 200)}`, {
          kind: 'malformed',
          isRetryable: false,
        });
      }
      return scores.map((score) => (typeof score === 'number' && Number.isFinite(score) ? score : null));
    },
    { maxRetries: options.maxRetries },
  );
}

/**
 * Scores segments with the service, from the cache where it has them; new scores are cached batch by batch.
 * Returns one score per segment (null: the service gave none).
 *
 * @example
 * const scores = await scoreWithHttpQe([{ src: 'Hello', mt: 'こんにちは' }], { url: 'http://127.0.0.1:8500/score', batchSize: 32, timeoutMs: 60000, maxRetries: 2 }, store);
 */
export async function scoreWithHttpQe(
  segments: readonly HttpQeSegment[],
  options: HttpQeOptions,
  cache: CallCache,
  onBatch?: (scored: number) => void,
): Promise<(number | null)[]> {
  const scores: (number | null)[] = new Array(segments.length).fill(null);
  const missing: number[] = [];
  segments.forEach((segment, index) => {
    const hit = cache.getCached(cacheKey(options.url, segment));
    if (hit === undefined) missing.push(index);
    else scores[index] = JSON.parse(hit) as number | null;
  });
  for (let start = 0; start < missing.length; start += options.batchSize) {
    const indexes = missing.slice(start, start + options.batchSize);
    const batch = indexes.map((index) => segments[index]);
    const answered = await postBatch(options, batch);
    indexes.forEach((segmentIndex, position) => {
      scores[segmentIndex] = answered[position];
      cache.putCache(cacheKey(options.url, segments[segmentIndex]), JSON.stringify(answered[position]));
    });
    onBatch?.(indexes.length);
  }
  return scores;
}
