import type { Store } from '../store/open-store.js';
import { createViewApp } from './view-app.js';
import { allowedHostsFor, startLocalServer, type LocalServer } from '../server/start-local-server.js';

export type ViewServer = LocalServer;

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
  const allowedHosts = allowedHostsFor(host);
  const app = createViewApp({ store: input.store, metric: input.metric, pageSize: input.pageSize, allowedHosts });
  return startLocalServer(app.fetch, { host, port: input.port ?? 4173 });
}
