import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono, type Context } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyGroundingEdit, lastUserText } from '../apply-grounding-edit.js';
import { checkGroundingTemplate, formatKnowledge, groundingEdit, groundingTemplateId } from '../grounded-prompts.js';
import { guessLanguage } from '../guess-language.js';
import { DEFAULT_RETRIEVAL_K, type KnowledgeBase, type RetrievalHit } from '../knowledge-base.js';
import type { RetrievalPipeline } from '../retrieval-pipeline.js';
import { listenError } from '../../server/listen-error.js';
import { securityMiddleware } from '../../server/security-middleware.js';
import { allowedHostsFor } from '../../server/start-local-server.js';
import { openAIError } from './openai-error.js';
import { createUpstream, forward, HOP_BY_HOP_HEADERS } from './upstream.js';
import type { RequestCounter } from '../request-weights.js';

/** `retrieved`: ground each chat request in descriptions retrieved for its last user message; `off`: pass it through. */
export type GroundingMode = 'retrieved' | 'off';
export const groundingModes: readonly GroundingMode[] = ['retrieved', 'off'];

/** Request header that sets the grounding of one request (`off` or `retrieved`); response header that says which was used. */
export const GROUNDING_HEADER = 'x-culturekit-grounding';
/** Response header: the ids of the descriptions given to the model, comma-separated, each URI-encoded; empty when none. */
export const GROUNDING_IDS_HEADER = 'x-culturekit-grounding-ids';
/** Response header: the grounding template id. */
export const GROUNDING_TEMPLATE_HEADER = 'x-culturekit-grounding-template';
/** Request header: the language of the request (BCP 47), for retrieval and for the instruction; guessed from the text when absent. */
export const LANGUAGE_HEADER = 'x-culturekit-language';

export interface GatewayOptions {
  /** Base URL of the OpenAI-compatible server, including `/v1`. */
  upstream: string;
  knowledgeBase: KnowledgeBase;
  /** How descriptions are found (first stage, rewriting, reranking; `createRetrievalPipeline`); default: BM25F, or hybrid with embeddings. */
  pipeline?: RetrievalPipeline;
  /** Counts each answered request, for request weights (the pipeline's own, `grounding/request-weights.ts`). */
  requestCounter?: RequestCounter;
  /** When set, clients must send `Authorization: Bearer <apiKey>` (401 otherwise). */
  apiKey?: string;
  /**
   * Sent upstream as `Authorization: Bearer <upstreamApiKey>`. Without it, the client's `Authorization` is passed
   * through, unless `apiKey` is set (the gateway's own key is never sent upstream).
   */
  upstreamApiKey?: string;
  /** Descriptions per request (default 3). */
  k?: number;
  /** Default grounding (default `retrieved`); a request may set its own with the `x-culturekit-grounding` header. */
  mode?: GroundingMode;
  /** Grounding template id or custom template (see `groundMessages`). */
  template?: string;
  /** Longest wait for the upstream to start answering, and longest silence in a stream (default 600000 ms). */
  timeoutMs?: number;
  /** Connections kept open to the upstream (default 256). */
  maxSockets?: number;
  /** Largest request body accepted (default 16 MiB). */
  maxBodyBytes?: number;
  /**
   * Host names the gateway answers to (the `Host` header), against DNS rebinding; `localhost`, `127.0.0.1` and `[::1]`
   * always, `*` any. `startGateway` adds the host it binds (any, when it binds every interface).
   */
  allowedHosts?: readonly string[];
  /**
   * Web origins (`https://app.example.com`) whose pages may call the gateway (CORS). Default none: a request from a web
   * page of any other origin (its `Origin` header, `null` included) is refused, so no page can spend the upstream key.
   */
  cors?: readonly string[];
  /** Told when hybrid retrieval fails and the gateway falls back to lexical retrieval. */
  onWarning?: (message: string) => void;
}

export interface Gateway {
  /** The hono app; it runs on @hono/node-server (it writes proxied answers to the Node response directly). */
  readonly app: Hono<{ Bindings: HttpBindings }>;
  /** Closes the upstream connections. */
  close(): void;
}

export interface RunningGateway {
  /** Base URL for OpenAI clients: `http://127.0.0.1:8787/v1`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

type GatewayContext = Context<{ Bindings: HttpBindings }>;

/**
 * The grounding gateway: an OpenAI-compatible endpoint (`/v1/chat/completions`, streaming or not, `/v1/models`,
 * other `/v1/*` passed through, `/health`) that grounds each chat request in cultural descriptions before passing
 * it to the upstream server, and relays the upstream's answer unchanged. Each request's grounding lives only in
 * that request's handler: nothing is shared between requests but the immutable knowledge base.
 *
 * @example
 * const gateway = createGateway({ upstream: 'http://127.0.0.1:8000/v1', knowledgeBase: kb });
 * const server = createAdaptorServer({ fetch: gateway.app.fetch, overrideGlobalObjects: false });
 */
export function createGateway(options: GatewayOptions): Gateway {
  if (options.template !== undefined) checkGroundingTemplate(options.template);
  const upstream = createUpstream(options.upstream, options.maxSockets ?? 256);
  const knowledgeBase = options.knowledgeBase;
  const defaultMode = options.mode ?? 'retrieved';
  const k = options.k ?? DEFAULT_RETRIEVAL_K;
  const timeoutMs = options.timeoutMs ?? 600_000;
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const templateId = groundingTemplateId(options.template);
  const expectedAuthorization = options.apiKey ? Buffer.from(`Bearer ${options.apiKey}`) : undefined;

  const app = new Hono<{ Bindings: HttpBindings }>();

  app.use(
    '*',
    securityMiddleware<GatewayContext>({
      name: 'the culturekit gateway',
      allowedHosts: options.allowedHosts,
      maxBodyBytes,
      refuse: (c, status, message) => c.json(openAIError(message, 'invalid_request_error', status === 413 ? 'request_too_large' : 'host_not_allowed'), status),
    }),
  );

  // Cross-origin requests: only from the `cors` origins (answered with their CORS headers; preflights here, never upstream).
  const corsOrigins = new Set(options.cors ?? []);
  const corsHeaders = (c: GatewayContext): Record<string, string> => {
    const origin = c.req.header('origin');
    return origin !== undefined && corsOrigins.has(origin)
      ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Expose-Headers': EXPOSED_HEADERS }
      : {};
  };
  app.use('*', async (c, next) => {
    const origin = c.req.header('origin');
    const host = c.req.header('host');
    const allowed = origin !== undefined && corsOrigins.has(origin);
    if (origin !== undefined && !allowed && !isOriginOf(origin, host)) {
      return c.json(
        openAIError(
          `the culturekit gateway refuses requests from web pages of other origins (${origin}); start it with --cors <origin> to allow one`,
          'invalid_request_error',
          'origin_not_allowed',
        ),
        403,
      );
    }
    if (c.req.method === 'OPTIONS') {
      if (!allowed) return c.body(null, 204);
      return c.body(null, 204, {
        ...corsHeaders(c),
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': c.req.header('access-control-request-headers') ?? 'authorization, content-type',
        'Access-Control-Max-Age': '600',
      });
    }
    await next();
    for (const [name, value] of Object.entries(corsHeaders(c))) c.header(name, value);
  });

  app.get('/health', (c) =>
    c.json({
      status: 'ok',
      mode: defaultMode,
      knowledgeBase: { descriptions: knowledgeBase.size, hash: knowledgeBase.hash, embeddings: knowledgeBase.hasEmbeddings },
      ...(options.pipeline ? { retrieval: options.pipeline.name } : {}),
    }),
  );

  app.use('/v1/*', async (c, next) => {
    if (expectedAuthorization && !sameSecret(c.req.header('authorization'), expectedAuthorization)) {
      return c.json(
        openAIError('Incorrect or missing API key for the culturekit gateway (send Authorization: Bearer <key>)', 'invalid_request_error', 'invalid_api_key'),
        401,
      );
    }
    await next();
  });

  app.post('/v1/chat/completions', async (c) => {
    const mode = requestMode(c.req.header(GROUNDING_HEADER), defaultMode);
    if (!mode) {
      return c.json(openAIError(`${GROUNDING_HEADER} must be one of ${groundingModes.join(', ')}`, 'invalid_request_error', 'invalid_grounding_mode'), 400);
    }
    const raw = Buffer.from(await c.req.arrayBuffer());
    const responseHeaders: Record<string, string> = { [GROUNDING_HEADER]: mode };
    let body = raw;
    if (mode === 'retrieved') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.toString('utf8'));
      } catch {
        return c.json(openAIError('the request body is not valid JSON', 'invalid_request_error', 'invalid_json'), 400);
      }
      let hits: RetrievalHit[] = [];
      const messages = (parsed as { messages?: unknown } | null)?.messages;
      if (Array.isArray(messages)) {
        const query = lastUserText(messages);
        const language = c.req.header(LANGUAGE_HEADER);
        hits = query ? await retrieve(query, language) : [];
        if (query) options.requestCounter?.add({ prompt: query, language });
        if (hits.length > 0) {
          const knowledge = formatKnowledge(hits.map((hit) => hit.description));
          const edit = groundingEdit(knowledge, { template: options.template, language: language ?? guessLanguage(query) });
          body = Buffer.from(JSON.stringify({ ...(parsed as object), messages: applyGroundingEdit(messages, edit) }));
        }
      }
      responseHeaders[GROUNDING_IDS_HEADER] = hits.map((hit) => encodeURIComponent(hit.description.id)).join(',');
      responseHeaders[GROUNDING_TEMPLATE_HEADER] = templateId;
    }
    await forward(
      upstream,
      {
        method: 'POST',
        path: upstreamPath(c.env.incoming),
        headers: upstreamHeaders(c.env.incoming),
        body,
        timeoutMs,
        responseHeaders: { ...responseHeaders, ...corsHeaders(c) },
      },
      c.env.outgoing,
    );
    return RESPONSE_ALREADY_SENT;
  });

  app.all('/v1/*', async (c) => {
    const method = c.req.method;
    let body: Buffer | undefined;
    if (method !== 'GET' && method !== 'HEAD') body = Buffer.from(await c.req.arrayBuffer());
    await forward(
      upstream,
      { method, path: upstreamPath(c.env.incoming), headers: upstreamHeaders(c.env.incoming), body, timeoutMs, responseHeaders: corsHeaders(c) },
      c.env.outgoing,
    );
    return RESPONSE_ALREADY_SENT;
  });

  app.notFound((c) =>
    c.json(openAIError(`no route for ${c.req.method} ${c.req.path} (the gateway serves /v1/* and /health)`, 'invalid_request_error', 'not_found'), 404),
  );
  app.onError((error, c) => {
    options.onWarning?.(`gateway error: ${error instanceof Error ? error.message : String(error)}`);
    return c.json(
      openAIError(`the culturekit gateway failed: ${error instanceof Error ? error.message : String(error)}`, 'server_error', 'gateway_error'),
      500,
    );
  });

  async function retrieve(query: string, language: string | undefined): Promise<RetrievalHit[]> {
    if (options.pipeline) {
      try {
        return await options.pipeline.retrieve(query, { k, language });
      } catch (error) {
        options.onWarning?.(`retrieval ${options.pipeline.name} failed, using lexical retrieval: ${error instanceof Error ? error.message : String(error)}`);
        return knowledgeBase.retrieve(query, { k, language });
      }
    }
    if (!knowledgeBase.hasEmbeddings) return knowledgeBase.retrieve(query, { k, language });
    try {
      return await knowledgeBase.retrieveHybrid(query, { k, language });
    } catch (error) {
      options.onWarning?.(`dense retrieval failed, using lexical retrieval: ${error instanceof Error ? error.message : String(error)}`);
      return knowledgeBase.retrieve(query, { k, language });
    }
  }

  function upstreamHeaders(incoming: http.IncomingMessage): http.OutgoingHttpHeaders {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (value === undefined || HOP_BY_HOP_HEADERS.has(name) || name === 'content-length' || name === 'authorization' || name.startsWith('x-culturekit-'))
        continue;
      headers[name] = value;
    }
    if (options.upstreamApiKey) headers.authorization = `Bearer ${options.upstreamApiKey}`;
    else if (!options.apiKey && incoming.headers.authorization) headers.authorization = incoming.headers.authorization;
    return headers;
  }

  return { app, close: () => upstream.close() };
}

/**
 * Starts the gateway on a port (default 8787) of a host (default 127.0.0.1: only this machine can reach it).
 *
 * @example
 * const gateway = await startGateway({ upstream: 'http://127.0.0.1:8000/v1', knowledgeBase: kb, port: 0 });
 * const client = new OpenAI({ baseURL: gateway.url, apiKey: 'unused' });
 * await gateway.close();
 */
export async function startGateway(options: GatewayOptions & { port?: number; host?: string }): Promise<RunningGateway> {
  const host = options.host ?? '127.0.0.1';
  const gateway = createGateway({ ...options, allowedHosts: [...(options.allowedHosts ?? []), ...allowedHostsFor(host)] });
  const server = createAdaptorServer({ fetch: gateway.app.fetch, overrideGlobalObjects: false }) as http.Server;
  server.keepAliveTimeout = 30_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 8787, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    gateway.close();
    throw listenError(error, host, options.port ?? 8787);
  }
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/v1`,
    host,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        gateway.close();
      }),
  };
}

/** Response headers a web page of a `--cors` origin may read. */
const EXPOSED_HEADERS = [GROUNDING_HEADER, GROUNDING_IDS_HEADER, GROUNDING_TEMPLATE_HEADER].join(', ');

/** Whether `origin` is the gateway's own (a page it served itself, were there one). */
function isOriginOf(origin: string, host: string | undefined): boolean {
  if (!host || origin === 'null') return false;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

function requestMode(header: string | undefined, fallback: GroundingMode): GroundingMode | undefined {
  if (header === undefined || header === '') return fallback;
  const mode = header.trim().toLowerCase();
  return (groundingModes as readonly string[]).includes(mode) ? (mode as GroundingMode) : undefined;
}

/** The request path under `/v1`, with its query string: `/v1/chat/completions?x=1` → `/chat/completions?x=1`. */
function upstreamPath(incoming: http.IncomingMessage): string {
  const url = incoming.url ?? '/';
  return url.startsWith('/v1') ? url.slice(3) || '/' : url;
}

function sameSecret(given: string | undefined, expected: Buffer): boolean {
  if (given === undefined) return false;
  const candidate = Buffer.from(given);
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}
