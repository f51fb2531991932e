import http from 'node:http';
import https from 'node:https';
import { InputError } from '../../errors/culturekit-error.js';
import { openAIError, sendError } from './openai-error.js';

/** Where the gateway sends requests: one keep-alive agent for one OpenAI-compatible server. */
export interface Upstream {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:8000/v1`. */
  readonly baseUrl: string;
  readonly client: typeof http | typeof https;
  readonly agent: http.Agent;
  readonly hostname: string;
  readonly port: number;
  readonly basePath: string;
  close(): void;
}

export interface ForwardRequest {
  method: string;
  /** Path under the base URL, with its query string: `/chat/completions`. */
  path: string;
  headers: http.OutgoingHttpHeaders;
  body?: Buffer;
  /** Longest wait for the upstream's answer to start, and longest silence while it streams. */
  timeoutMs: number;
  /** Added to the client's response when the upstream answers. */
  responseHeaders?: Record<string, string>;
}

/** Connection headers that belong to one hop and are never forwarded. */
export const HOP_BY_HOP_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/** How much of a failed upstream answer is read to quote in the error. */
const ERROR_BODY_LIMIT = 64 * 1024;

/**
 * A keep-alive connection pool to an OpenAI-compatible server.
 *
 * @example
 * const upstream = createUpstream('http://127.0.0.1:8000/v1', 256);
 * upstream.close();
 */
export function createUpstream(baseUrl: string, maxSockets: number): Upstream {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new InputError(`--upstream: "${baseUrl}" is not a URL (expected e.g. http://127.0.0.1:8000/v1)`);
  }
  const secure = url.protocol === 'https:';
  if (!secure && url.protocol !== 'http:') throw new InputError(`--upstream: "${baseUrl}" must start with http:// or https://`);
  const client = secure ? https : http;
  const agent = new client.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo' });
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    client,
    agent,
    hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    port: url.port ? Number(url.port) : secure ? 443 : 80,
    basePath: url.pathname.replace(/\/+$/, ''),
    close: () => agent.destroy(),
  };
}

/**
 * Sends one request upstream and relays the answer to the client: a success (including a server-sent event
 * stream) byte for byte as it arrives; a 4xx with its status and body (wrapped as an OpenAI error when it is not
 * one); a 5xx as 502, a timeout as 504, and an unreachable upstream as 502, each an OpenAI-style JSON error.
 * If the client goes away, the upstream request is cancelled. Resolves when the exchange is over.
 */
export function forward(upstream: Upstream, request: ForwardRequest, client: http.ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    // Error bodies name the request, never the upstream's address (nor its credentials): the client need not know them.
    const target = `${request.method} upstream ${request.path}`;
    let finished = false;
    let resent = false;
    let timer: NodeJS.Timeout | undefined;
    let current: http.ClientRequest | undefined;

    const finish = () => {
      if (finished) return;
      finished = true;
      if (timer) clearTimeout(timer);
      client.off('close', onClientClose);
      resolve();
    };
    const fail = (status: number, message: string, code: string) => {
      current?.destroy();
      sendError(client, status, openAIError(message, 'upstream_error', code));
      finish();
    };
    const onTimeout = () => {
      if (finished) return;
      if (client.headersSent) {
        current?.destroy();
        client.destroy();
        finish();
      } else {
        fail(504, `${target}: the upstream did not answer within ${request.timeoutMs} ms`, 'gateway_timeout');
      }
    };
    const onClientClose = () => {
      if (finished) return;
      current?.destroy();
      finish();
    };
    client.on('close', onClientClose);
    timer = setTimeout(onTimeout, request.timeoutMs);

    const send = () => {
      const outgoing = upstream.client.request({
        agent: upstream.agent,
        hostname: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: upstream.basePath + request.path,
        headers: request.body ? { ...request.headers, 'content-length': request.body.length } : request.headers,
      });
      current = outgoing;
      outgoing.on('response', (response) => onResponse(response));
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        if (finished || current !== outgoing) return;
        if (outgoing.reusedSocket && !resent && error.code === 'ECONNRESET' && !client.headersSent) {
          resent = true;
          send();
          return;
        }
        if (client.headersSent) {
          client.destroy();
          finish();
          return;
        }
        // `error.message` names the upstream's address (connect ECONNREFUSED 10.0.0.5:8000): the code alone goes out.
        fail(502, `${target} failed: the upstream could not be reached${error.code ? ` (${error.code})` : ''}`, 'upstream_unreachable');
      });
      outgoing.end(request.body);
    };

    const onResponse = (response: http.IncomingMessage) => {
      if (finished) {
        response.resume();
        return;
      }
      const status = response.statusCode ?? 502;
      if (status >= 500) {
        readLimited(response, (text) => {
          if (finished) return;
          fail(502, `${target}: the upstream answered HTTP ${status}: ${upstreamMessage(text)}`, 'bad_gateway');
        });
        return;
      }
      if (status >= 400 && !isJsonError(response)) {
        readLimited(response, (text) => {
          if (finished) return;
          sendError(
            client,
            status,
            openAIError(`${target}: the upstream answered HTTP ${status}: ${upstreamMessage(text)}`, 'upstream_error', status),
            relayedHeaders(response),
          );
          finish();
        });
        return;
      }
      client.writeHead(status, { ...relayedHeaders(response), ...request.responseHeaders });
      response.on('data', () => timer?.refresh());
      response.on('end', () => {
        client.end();
        finish();
      });
      response.on('close', () => {
        if (!finished && !response.complete) {
          client.destroy();
          finish();
        }
      });
      response.pipe(client, { end: false });
    };

    send();
  });
}

function relayedHeaders(response: http.IncomingMessage): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    // The upstream's CORS headers never reach the client: the gateway decides CORS itself (`--cors`).
    if (value !== undefined && !HOP_BY_HOP_HEADERS.has(name) && !name.startsWith('access-control-')) headers[name] = value;
  }
  return headers;
}

function isJsonError(response: http.IncomingMessage): boolean {
  return (response.headers['content-type'] ?? '').includes('json');
}

function readLimited(response: http.IncomingMessage, done: (text: string) => void): void {
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    if (text.length < ERROR_BODY_LIMIT) text += chunk;
  });
  response.on('end', () => done(text));
  response.on('error', () => done(text));
  response.on('close', () => done(text));
}

/** The message of an OpenAI-style error body, or the start of the text. */
function upstreamMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    const message = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.message);
    if (typeof message === 'string' && message) return message;
  } catch {
    // not JSON: quote the text
  }
  const trimmed = text.trim();
  return trimmed ? trimmed.slice(0, 300) : '(empty body)';
}
