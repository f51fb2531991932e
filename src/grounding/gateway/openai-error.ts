import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** An OpenAI-style error body: `{ error: { message, type, code } }`. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; code: string | number | null };
}

/**
 * @example
 * openAIError('Incorrect API key provided', 'invalid_request_error', 'invalid_api_key')
 * // { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } }
 */
export function openAIError(message: string, type: string, code: string | number | null): OpenAIErrorBody {
  return { error: { message, type, code } };
}

/** Writes an OpenAI-style JSON error, unless the response has already started (then the connection is cut). */
export function sendError(response: ServerResponse, status: number, body: OpenAIErrorBody, headers: OutgoingHttpHeaders = {}): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
