import { Hono } from 'hono';
import { CONTENT_SECURITY_POLICY_HEADER } from '../report/page-style.js';
import type { Store } from '../store/open-store.js';
import { itemOutcomes, type ItemOutcome } from './item-outcome.js';
import { BASE_SECURITY_HEADERS, securityMiddleware } from '../server/security-middleware.js';
import { findResult, RunViewCache } from './run-view-cache.js';
import { itemsHref, renderItemPage, renderItemsPage, renderNotFoundPage, renderRunPage, renderRunsPage, type ItemFilters } from './view-pages.js';

export interface ViewAppOptions {
  store: Store;
  /** The metric that decides correct / incorrect and leads the summaries; default `accuracy`. */
  metric?: string;
  /** Results per page of the items table; default 50. */
  pageSize?: number;
  /**
   * Host names the app answers to (the `Host` header), against DNS rebinding; default `localhost`, `127.0.0.1` and
   * `[::1]`. `culturekit view --host` adds the host it binds; `*` answers to any host (a server bound to every
   * interface on purpose).
   */
  allowedHosts?: readonly string[];
}

/** The viewer only answers GET: a request body is never needed. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * The results viewer: a hono app over a store, server-rendered, with no script. Pages: `/` (runs), `/runs/:id`
 * (summary with the report's charts), `/runs/:id/items` (results filterable by model, condition, kind, country,
 * category and status, paginated) and `/runs/:id/item?model=&condition=&item=` (one result in full). Every page
 * carries a Content-Security-Policy that forbids scripts, and shows dataset and model text escaped.
 *
 * @example
 * const app = createViewApp({ store: openStore('.culturekit/culturekit.db') });
 * const response = await app.request('/'); // the list of runs
 * serve({ fetch: app.fetch, port: 4173, hostname: '127.0.0.1' });
 */
export function createViewApp(options: ViewAppOptions): Hono {
  const { store } = options;
  const metric = options.metric ?? 'accuracy';
  const pageSize = options.pageSize ?? 50;
  const cache = new RunViewCache(store, {
    metric,
    groupHref: (runId, groupBy, group, kind) => (groupBy === 'country' || groupBy === 'category' ? itemsHref(runId, { kind, [groupBy]: group }) : undefined),
  });
  const app = new Hono();

  app.use(
    '*',
    securityMiddleware({
      name: 'culturekit view',
      allowedHosts: options.allowedHosts,
      sameOrigin: true,
      maxBodyBytes: MAX_BODY_BYTES,
      headers: () => ({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER, ...BASE_SECURITY_HEADERS }),
    }),
  );

  app.get('/', (c) => {
    const runs = store.listRuns().map((run) => ({ run, results: store.countResults(run.id) }));
    return c.html(renderRunsPage(runs, store.path));
  });

  app.get('/runs/:id', async (c) => {
    const view = cache.get(c.req.param('id'));
    if (!view) return c.html(renderNotFoundPage(`No run "${c.req.param('id')}" in this store.`), 404);
    return c.html(renderRunPage(view, await view.sections()));
  });

  app.get('/runs/:id/items', (c) => {
    const view = cache.get(c.req.param('id'));
    if (!view) return c.html(renderNotFoundPage(`No run "${c.req.param('id')}" in this store.`), 404);
    const query = (name: string) => c.req.query(name) || undefined;
    const status = query('status');
    const page = Number(query('page') ?? 1);
    const filters: ItemFilters = {
      model: query('model'),
      condition: query('condition'),
      kind: query('kind'),
      country: query('country'),
      category: query('category'),
      status: status && (itemOutcomes as readonly string[]).includes(status) ? (status as ItemOutcome) : undefined,
      page: Number.isInteger(page) && page > 0 ? page : 1,
    };
    return c.html(renderItemsPage(view, filters, pageSize));
  });

  app.get('/runs/:id/item', (c) => {
    const runId = c.req.param('id');
    const run = store.getRun(runId);
    const key = { model: c.req.query('model') ?? '', condition: c.req.query('condition') ?? '', itemId: c.req.query('item') ?? '' };
    const row = run ? findResult(store, runId, key) : undefined;
    if (!run || !row) return c.html(renderNotFoundPage(`No result for item "${key.itemId}" of ${key.model} (${key.condition}) in run "${runId}".`), 404);
    return c.html(renderItemPage(run, row));
  });

  app.notFound((c) => c.html(renderNotFoundPage(`Nothing at ${c.req.path}.`), 404));
  app.onError((error, c) => {
    process.stderr.write(`culturekit view: ${error.stack ?? error.message}\n`);
    return c.text('culturekit view: internal error (see the terminal)', 500);
  });
  return app;
}
