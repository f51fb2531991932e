import http from 'node:http';
import https from 'node:https';
import { ModelCallError } from '../model-error.js';

export interface HttpTransportOptions {
  /** Base URL such as `http://127.0.0.1:8000/v1`; request paths are appended to it. */
  baseUrl: string;
  /** Sent with every request (content type, authorization, custom headers). */
  headers: Record<string, string>;
  /** Longest a request may take from sending to the last byte of the answer. */
  timeoutMs: number;
  /** Connections kept open to the server (requests beyond it queue in the agent). */
  maxSockets: number;
}

/** A finished exchange. `text` is empty when a stream sink consumed the body. */
export interface HttpExchange {
  readonly statusCode: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly text: string;
  /** Whether the body was streamed into the sink. */
  readonly streamed: boolean;
  /** False when the connection closed before the streamed body ended. */
  readonly complete: boolean;
}

/** Receives a `text/event-stream` body as it arrives. */
export interface StreamSink {
  write(chunk: string): void;
}

/** POSTs JSON over keep-alive connections (node:http / node:https). */
export interface HttpTransport {
  /** Full URL of `path`, for messages. */
  url(path: string): string;
  post(path: string, body: string, signal?: AbortSignal, sink?: StreamSink): Promise<HttpExchange>;
  close(): void;
}

const pendingKey = Symbol('culturekit.pendingRequest');

type Tagged<T> = T & { [pendingKey]: PendingRequest };

/** What every request to one server shares. */
interface Endpoint {
  client: typeof http | typeof https;
  agent: http.Agent;
  hostname: string;
  port: number;
  origin: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

class PendingRequest implements HttpExchange {
  statusCode = 0;
  text = '';
  streamed = false;
  complete = false;
  settled = false;
  /** Sent a second time after a reused keep-alive connection turned out to be closed. */
  resent = false;
  timer: NodeJS.Timeout | undefined = undefined;
  request: http.ClientRequest | undefined = undefined;
  response: http.IncomingMessage | undefined = undefined;

  constructor(
    readonly resolve: (exchange: HttpExchange) => void,
    readonly reject: (error: unknown) => void,
    readonly endpoint: Endpoint,
    readonly path: string,
    readonly payload: Buffer,
    readonly sink: StreamSink | undefined,
    readonly signal: AbortSignal | undefined,
  ) {}

  get headers(): http.IncomingHttpHeaders {
    return this.response?.headers ?? {};
  }

  /** `POST <url>`, for messages. */
  get target(): string {
    return `POST ${this.endpoint.origin}${this.path}`;
  }
}

/**
 * One keep-alive agent for one server. Listeners are shared module functions that find their request
 * through a symbol, so a request allocates its promise, its options and little else. A request whose
 * reused keep-alive connection was already closed by the server (a reset before any answer) is sent
 * once more on a fresh connection, as Node's documentation advises.
 *
 * @example
 * const transport = createHttpTransport({ baseUrl: 'http://127.0.0.1:8000/v1', headers: {}, timeoutMs: 120_000, maxSockets: 32 });
 * const exchange = await transport.post('/chat/completions', JSON.stringify(body));
 */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const base = new URL(options.baseUrl);
  const secure = base.protocol === 'https:';
  if (!secure && base.protocol !== 'http:') {
    throw new ModelCallError(`base URL "${options.baseUrl}" must start with http:// or https://`, {
      kind: 'client',
      isRetryable: false,
    });
  }
  const client = secure ? https : http;
  const endpoint: Endpoint = {
    client,
    agent: new client.Agent({
      keepAlive: true,
      maxSockets: options.maxSockets,
      maxFreeSockets: options.maxSockets,
      scheduling: 'lifo',
    }),
    hostname: base.hostname.startsWith('[') ? base.hostname.slice(1, -1) : base.hostname,
    port: base.port ? Number(base.port) : secure ? 443 : 80,
    origin: `${base.protocol}//${base.host}`,
    headers: options.headers,
    timeoutMs: options.timeoutMs,
  };
  const basePath = base.pathname.replace(/\/+$/, '');

  return {
    url: (path) => `${endpoint.origin}${basePath}${path}`,
    post(path, body, signal, sink) {
      if (signal?.aborted) return Promise.reject(abortedError(`POST ${endpoint.origin}${basePath}${path}`, signal));
      return new Promise<HttpExchange>((resolve, reject) => {
        const pending = new PendingRequest(resolve, reject, endpoint, basePath + path, Buffer.from(body, 'utf8'), sink, signal);
        pending.timer = setTimeout(onTimeout, endpoint.timeoutMs, pending);
        send(pending);
      });
    },
    close() {
      endpoint.agent.destroy();
    },
  };
}

function send(pending: PendingRequest): void {
  const endpoint = pending.endpoint;
  const request = endpoint.client.request({
    agent: endpoint.agent,
    hostname: endpoint.hostname,
    port: endpoint.port,
    path: pending.path,
    method: 'POST',
    headers: { ...endpoint.headers, 'content-length': pending.payload.length },
    signal: pending.signal,
  }) as Tagged<http.ClientRequest>;
  request[pendingKey] = pending;
  pending.request = request;
  request.on('response', onResponse);
  request.on('error', onRequestError);
  request.end(pending.payload);
}

function onResponse(this: Tagged<http.ClientRequest>, response: http.IncomingMessage): void {
  const pending = this[pendingKey];
  (response as Tagged<http.IncomingMessage>)[pendingKey] = pending;
  pending.response = response;
  pending.statusCode = response.statusCode ?? 0;
  pending.streamed =
    pending.sink !== undefined &&
    pending.statusCode >= 200 &&
    pending.statusCode < 300 &&
    (response.headers['content-type'] ?? '').includes('text/event-stream');
  response.setEncoding('utf8');
  response.on('data', onData);
  response.on('end', onEnd);
  response.on('error', onResponseError);
  response.on('close', onResponseClose);
}

function onData(this: Tagged<http.IncomingMessage>, chunk: string): void {
  const pending = this[pendingKey];
  if (pending.settled) return;
  if (pending.streamed) pending.sink!.write(chunk);
  else pending.text += chunk;
}

function onEnd(this: Tagged<http.IncomingMessage>): void {
  const pending = this[pendingKey];
  if (pending.settled) return;
  pending.complete = true;
  settle(pending);
  pending.resolve(pending);
}

function onResponseError(this: Tagged<http.IncomingMessage>, error: Error): void {
  cutShort(this[pendingKey], error);
}

function onResponseClose(this: Tagged<http.IncomingMessage>): void {
  const pending = this[pendingKey];
  if (!pending.settled && !this.complete) cutShort(pending, undefined);
}

/** The connection closed while the body was arriving. */
function cutShort(pending: PendingRequest, error: Error | undefined): void {
  if (pending.settled) return;
  settle(pending);
  if (pending.signal?.aborted) {
    pending.reject(abortedError(pending.target, pending.signal));
  } else if (pending.streamed) {
    pending.resolve(pending);
  } else {
    pending.reject(
      new ModelCallError(`${pending.target}: the connection closed before the answer was complete`, {
        kind: 'network',
        isRetryable: true,
        statusCode: pending.statusCode || undefined,
        cause: error,
      }),
    );
  }
}

function onRequestError(this: Tagged<http.ClientRequest>, error: NodeJS.ErrnoException): void {
  const pending = this[pendingKey];
  if (pending.settled || pending.request !== this) return;
  if (this.reusedSocket && !pending.resent && !pending.response && error.code === 'ECONNRESET' && !pending.signal?.aborted) {
    pending.resent = true;
    send(pending);
    return;
  }
  settle(pending);
  if (pending.signal?.aborted || error.name === 'AbortError') {
    pending.reject(abortedError(pending.target, pending.signal, error));
    return;
  }
  const code = error.code ? ` (${error.code})` : '';
  const hint = error.code === 'ECONNREFUSED' ? ': is the server running?' : '';
  pending.reject(
    new ModelCallError(`${pending.target} failed${code}: ${error.message}${hint}`, {
      kind: 'network',
      isRetryable: true,
      cause: error,
    }),
  );
}

function onTimeout(pending: PendingRequest): void {
  if (pending.settled) return;
  pending.timer = undefined;
  settle(pending);
  pending.reject(
    new ModelCallError(`${pending.target}: no complete answer within ${pending.endpoint.timeoutMs} ms`, {
      kind: 'timeout',
      isRetryable: true,
    }),
  );
  pending.request?.destroy();
}

function settle(pending: PendingRequest): void {
  pending.settled = true;
  if (pending.timer !== undefined) {
    clearTimeout(pending.timer);
    pending.timer = undefined;
  }
}

function abortedError(target: string, signal: AbortSignal | undefined, cause?: unknown): ModelCallError {
  return new ModelCallError(`${target}: aborted`, { kind: 'aborted', isRetryable: false, cause: signal?.reason ?? cause });
}
