import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { ReviewStore } from '../../review/review-store.js';
import { createReviewApp } from './review-app.js';

export interface ReviewServer {
  /** `http://127.0.0.1:4174/`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

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
  const everyInterface = host === '0.0.0.0' || host === '::' || host === '[::]';
  const allowedHosts = everyInterface ? ['*'] : [host.includes(':') && !host.startsWith('[') ? `[${host}]` : host];
  const app = createReviewApp({ reviews: input.reviews, allowedHosts });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: input.port ?? 4174, hostname: host }, (info: AddressInfo) => {
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
