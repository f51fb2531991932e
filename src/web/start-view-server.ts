import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Store } from '../store/open-store.js';
import { createViewApp } from './view-app.js';

export interface ViewServer {
  /** `http://127.0.0.1:4173/`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the viewer (see `createViewApp`) on a host and port; port 0 picks a free one.
 *
 * @example
 * const server = await startViewServer({ store, port: 4173 });
 * console.log(server.url);
 * await server.close();
 */
export async function startViewServer(input: { store: Store; port?: number; host?: string; metric?: string; pageSize?: number }): Promise<ViewServer> {
  const host = input.host ?? '127.0.0.1';
  const everyInterface = host === '0.0.0.0' || host === '::' || host === '[::]';
  const allowedHosts = everyInterface ? ['*'] : [host.includes(':') && !host.startsWith('[') ? `[${host}]` : host];
  const app = createViewApp({ store: input.store, metric: input.metric, pageSize: input.pageSize, allowedHosts });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: input.port ?? 4173, hostname: host }, (info: AddressInfo) => {
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
    server.once('error', reject);
  });
}
