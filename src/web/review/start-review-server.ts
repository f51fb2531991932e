import type { ReviewStore } from '../../review/review-store.js';
import { createReviewApp } from './review-app.js';
import { allowedHostsFor, startLocalServer, type LocalServer } from '../../server/start-local-server.js';

export type ReviewServer = LocalServer;

/**
 * Serves the review app (see `createReviewApp`) on a host and port (default 127.0.0.1:4174); port 0 picks a free one.
 *
 * @example
 * const server = await startReviewServer({ reviews: openReviewStore(dbPath), port: 0 });
 * console.log(server.url);
 * await server.close();
 */
export async function startReviewServer(input: { reviews: ReviewStore; port?: number; host?: string }): Promise<ReviewServer> {
  const host = input.host ?? '127.0.0.1';
  const allowedHosts = allowedHostsFor(host);
  const app = createReviewApp({ reviews: input.reviews, allowedHosts });
  return startLocalServer(app.fetch, { host, port: input.port ?? 4174 });
}
