import type { Store } from '../store/open-store.js';
import { createViewApp, type ViewAppOptions } from './view-app.js';
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
export async function startViewServer(
  input: { store: Store; port?: number; host?: string } & Pick<ViewAppOptions, 'metric' | 'pageSize' | 'descriptions' | 'refreshSeconds'>,
): Promise<ViewServer> {
  const host = input.host ?? '127.0.0.1';
  const allowedHosts = allowedHostsFor(host);
  const app = createViewApp({ ...input, allowedHosts });
  return startLocalServer(app.fetch, { host, port: input.port ?? 4173 });
}
