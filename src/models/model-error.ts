import { CulturekitError } from '../errors/culturekit-error.js';

/**
 * A model call failed. `isRetryable` says whether the same call may succeed later
 * (rate limits, 5xx, timeouts, dropped connections, cut streams) or never will (bad request, auth, unsupported).
 */
export class ModelCallError extends CulturekitError {
  readonly isRetryable: boolean;
  /** HTTP status when the error came from a server. */
  readonly statusCode?: number;
  /** How long the server asked us to wait (from `retry-after` / `retry-after-ms`), in milliseconds. */
  readonly retryAfterMs?: number;
  /** Short machine-readable kind: `rate-limit`, `server`, `timeout`, `network`, `malformed`, `stream-cut`, `client`, `unsupported`, `aborted`. */
  readonly kind: string;
  constructor(message: string, options: { kind: string; isRetryable: boolean; statusCode?: number; retryAfterMs?: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'ModelCallError';
    this.kind = options.kind;
    this.isRetryable = options.isRetryable;
    this.statusCode = options.statusCode;
    this.retryAfterMs = options.retryAfterMs;
  }

  static isInstance(error: unknown): error is ModelCallError {
    return error instanceof ModelCallError;
  }
}
