import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** The host names a local app answers to unless told more: this machine's own. */
export const LOCAL_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** Headers every page of the local apps carries: no MIME sniffing, no referrer, no caching. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

export interface SecurityOptions<C extends Context = Context> {
  /** The app, as refusals name it: `culturekit view`. */
  name: string;
  /**
   * Host names the app answers to (the `Host` header, port ignored), against DNS rebinding; `LOCAL_HOSTS` are always
   * allowed, `*` allows any host (a server bound to every interface on purpose). A request without `Host` passes.
   */
  allowedHosts?: readonly string[];
  /** Refuse requests that change state (not GET / HEAD) sent from another origin: their `Origin` must match `Host`. */
  sameOrigin?: boolean;
  /**
   * With `sameOrigin`: for the requests this says yes to (those a browser sends with a cookie, say), a state-changing
   * request must carry an `Origin` naming this host: a missing `Origin`, or `null` (a sandboxed frame, a `data:` page,
   * a redirect from another site), is refused too. Default: such requests pass (command-line clients send no `Origin`).
   */
  requireOrigin?: (c: C) => boolean;
  /** The largest request body, in bytes (by `Content-Length`, or counted as it streams); larger is refused with 413. */
  maxBodyBytes?: number;
  /** Response headers set on every answer (after the handler ran, so they may depend on what it set on the context). */
  headers?: (c: C) => Record<string, string>;
  /** How a refusal (403 host or origin, 413 body) is answered; default: the message as plain text. */
  refuse?: (c: C, status: 403 | 413, message: string) => Response | Promise<Response>;
}

/**
 * One hono middleware for the local web apps (viewer, review app, grounding gateway): the host guard against DNS
 * rebinding, the same-origin check against cross-site requests, the body size limit, and the security headers.
 *
 * @example
 * app.use('*', securityMiddleware({ name: 'culturekit view', allowedHosts: ['*'], maxBodyBytes: 64 * 1024,
 *   headers: () => ({ 'X-Content-Type-Options': 'nosniff' }) }));
 */
export function securityMiddleware<C extends Context>(options: SecurityOptions<C>): MiddlewareHandler {
  const allowedHosts = new Set([...LOCAL_HOSTS, ...(options.allowedHosts ?? [])].map((host) => host.toLowerCase()));
  const refuse = options.refuse ?? ((c: C, status: 403 | 413, message: string) => c.text(message, status));
  const limit =
    options.maxBodyBytes === undefined
      ? undefined
      : bodyLimit({
          maxSize: options.maxBodyBytes,
          onError: async (c) => {
            const response = await refuse(c as C, 413, `${options.name}: the request body is larger than ${options.maxBodyBytes} bytes`);
            // The unread rest of the body is still on the connection: close it rather than read the next request from it.
            response.headers.set('Connection', 'close');
            return response;
          },
        });
  return async (context, next) => {
    const c = context as C;
    const host = c.req.header('host');
    if (host && !allowedHosts.has('*') && !allowedHosts.has(hostName(host))) return refuse(c, 403, `${options.name} does not answer to host ${host}`);
    if (options.sameOrigin && host && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const origin = c.req.header('origin');
      if (!sameOrigin(origin, host)) return refuse(c, 403, `${options.name}: cross-origin request refused`);
      if ((!origin || origin === 'null') && options.requireOrigin?.(c)) {
        return refuse(c, 403, `${options.name}: request without a same-origin Origin header refused (${origin ? 'Origin: null' : 'no Origin'})`);
      }
    }
    const run = async () => {
      await next();
      for (const [name, value] of Object.entries(options.headers?.(c) ?? {})) c.header(name, value);
    };
    // OPTIONS carries no body to limit (and hono's body limit fails on a bodiless OPTIONS from @hono/node-server).
    return limit && c.req.method !== 'OPTIONS' ? limit(c, run) : run();
  };
}

/** The host name of a `Host` header, without its port; IPv6 addresses keep their brackets. */
function hostName(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1).toLowerCase();
  const colon = host.lastIndexOf(':');
  return (colon >= 0 ? host.slice(0, colon) : host).toLowerCase();
}

/** Whether an `Origin` header names the host the request went to; no `Origin` (or `null`, a privacy-sensitive context) passes. */
function sameOrigin(origin: string | undefined, host: string): boolean {
  if (!origin || origin === 'null') return true;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}
