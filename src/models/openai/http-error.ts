import { ModelCallError } from '../model-error.js';
import { parseRetryAfter } from './retry-after.js';

export interface HttpErrorResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * The typed error for a response whose status is not 2xx: 429 `rate-limit`, 5xx `server` (retryable
 * except 501), 408 `timeout` and 409 `server` (retryable), every other status `client` (not retryable).
 * The message names the request and carries the server's own error message.
 *
 * @example
 * errorFromResponse({ statusCode: 429, headers: { 'retry-after': '3' }, text: '' }, 'POST http://127.0.0.1:8000/v1/chat/completions')
 * // ModelCallError { kind: 'rate-limit', isRetryable: true, statusCode: 429, retryAfterMs: 3000 }
 */
export function errorFromResponse(response: HttpErrorResponse, request: string, now: number = Date.now()): ModelCallError {
  const status = response.statusCode;
  const retryAfterMs = parseRetryAfter(response.headers, now);
  const detail = serverMessage(response.text);
  const message = `${request} answered HTTP ${status}${detail ? `: ${detail}` : ''}`;
  if (status === 429) return new ModelCallError(message, { kind: 'rate-limit', isRetryable: true, statusCode: status, retryAfterMs });
  if (status === 408) return new ModelCallError(message, { kind: 'timeout', isRetryable: true, statusCode: status, retryAfterMs });
  if (status === 409) return new ModelCallError(message, { kind: 'server', isRetryable: true, statusCode: status, retryAfterMs });
  if (status >= 500) {
    return new ModelCallError(message, { kind: 'server', isRetryable: status !== 501, statusCode: status, retryAfterMs });
  }
  return new ModelCallError(message, { kind: 'client', isRetryable: false, statusCode: status });
}

/**
 * The error message inside an error body: `{"error": {"message"}}` (OpenAI, vLLM, llama.cpp),
 * `{"error": "..."}`, `{"message"}`, `{"detail"}` (FastAPI), or the start of the raw text.
 */
export function serverMessage(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  try {
    const body = JSON.parse(trimmed) as Record<string, unknown>;
    const error = body?.error;
    const candidate = (error && typeof error === 'object' ? (error as Record<string, unknown>).message : error) ?? body?.message ?? body?.detail;
    if (typeof candidate === 'string' && candidate) return truncate(candidate);
    if (candidate !== undefined && candidate !== null) return truncate(JSON.stringify(candidate));
  } catch {
    // not JSON: fall through to the raw text
  }
  return truncate(trimmed);
}

function truncate(text: string): string {
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
