import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { listenError } from './listen-error.js';

export interface LocalServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The `Host` headers a local app answers: the host it binds (any, when it binds every interface). Guards against DNS rebinding. */
export function allowedHostsFor(host: string): string[] {
  const everyInterface = host === '0.0.0.0' || host === '::' || host === '[::]';
  return everyInterface ? ['*'] : [host.includes(':') && !host.startsWith('[') ? `[${host}]` : host];
}

/**
 * Serves a hono app's `fetch` on `host:port` (port 0 picks a free one) and resolves once it listens; rejects with an
 * `InputError` naming the address when it cannot (see `listenError`). `close` also ends keep-alive connections.
 *
 * @example
 * const server = await startLocalServer(app.fetch, { host: '127.0.0.1', port: 0 });
 */
export function startLocalServer(fetch: (request: Request) => Response | Promise<Response>, options: { host: string; port: number }): Promise<LocalServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}/`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', (error) => reject(listenError(error, options.host, options.port)));
  });
}
