import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { CONTENT_SECURITY_POLICY_HEADER } from '../report/page-style.js';
import { csvField } from '../report/render-csv-report.js';
import type { Store } from '../store/open-store.js';
import { parseResultRow } from '../store/read-result-rows.js';
import type { ResultViewIndex, ResultViewRow } from '../store/result-view-index.js';
import type { ResultRow } from '../schema/result.js';
import { BASE_SECURITY_HEADERS, securityMiddleware } from '../server/security-middleware.js';
import { parseListState, toResultQuery, type ListState } from './list-state.js';
import { RunViewCache } from './run-view-cache.js';
import {
  itemsHref,
  plannedResults,
  renderComparePage,
  renderItemPage,
  renderItemsPage,
  renderNotFoundPage,
  renderRunPage,
  renderRunsPage,
  type CompareEntry,
} from './view-pages.js';

/**
 * Reads the texts of a dataset's cultural descriptions (id → text) for item pages; `culturekit view` loads the run's
 * dataset by its reference. Rejecting (a file that moved) shows the reason in place of the text.
 */
export type DescriptionSource = (datasetRef: string) => Promise<ReadonlyMap<string, string>>;

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
  /** Where item pages find description texts; without it they show the description's id only. */
  descriptions?: DescriptionSource;
  /** Seconds between refreshes of the pages of a run that is still running (an HTTP `Refresh`; no script); default 5. */
  refreshSeconds?: number;
}

/** The viewer only answers GET: a request body is never needed. */
const MAX_BODY_BYTES = 64 * 1024;

const EXPORT_COLUMNS = [
  'run',
  'model',
  'condition',
  'item',
  'kind',
  'language',
  'country',
  'category',
  'status',
  'score',
  'score_metric',
  'answer',
  'extracted',
  'judge_spread',
  'prompt',
  'response',
] as const;

/**
 * The results viewer: a hono app over a store, server-rendered, with no script. Pages: `/` (runs), `/runs/:id`
 * (progress, where each model fails, the report's charts), `/runs/:id/items` (results searched, filtered, sorted and
 * paged in SQLite), `/runs/:id/item?model=&condition=&item=` (one result in full, with previous / next in its list),
 * `/runs/:id/compare?item=` (every result of an item side by side, responses diffed word by word), and the current
 * list as `/runs/:id/export.csv` or `.jsonl`. Every page carries a Content-Security-Policy that forbids scripts, and
 * shows dataset and model text escaped. Pages of a running run refresh themselves.
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
  const refresh = String(options.refreshSeconds ?? 5);
  const index = (): ResultViewIndex => store.resultViewIndex(metric);
  const cache = new RunViewCache(store, {
    metric,
    groupHref: (runId, groupBy, group, kind) => (groupBy === 'country' || groupBy === 'category' ? itemsHref(runId, { kind, [groupBy]: group }) : undefined),
  });
  const descriptions = new Map<string, Promise<ReadonlyMap<string, string> | string>>();
  const descriptionsOf = (ref: string): Promise<ReadonlyMap<string, string> | string> => {
    if (!options.descriptions) return Promise.resolve('no dataset was given to the viewer');
    let found = descriptions.get(ref);
    if (!found) {
      found = options.descriptions(ref).catch((error: unknown) => `cannot read the dataset ${ref}: ${(error as Error).message}`);
      descriptions.set(ref, found);
    }
    return found;
  };
  const readRow = (runId: string, key: Omit<ResultViewRow, 'runId'> | { model: string; condition: string; itemId: string }): ResultRow | undefined => {
    const json = index().resultJson({ runId, model: key.model, condition: key.condition, itemId: key.itemId });
    return json === undefined ? undefined : parseResultRow(JSON.parse(json), `${store.path}: run ${runId}`);
  };
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

  const notFound = (runId: string) => renderNotFoundPage(`No run "${runId}" in this store.`);

  app.get('/', (c) => {
    const runs = store.listRuns().map((run) => ({ run, results: store.countResults(run.id) }));
    if (runs.some(({ run }) => run.status === 'running')) c.header('Refresh', refresh);
    return c.html(renderRunsPage(runs, store.path));
  });

  app.get('/runs/:id', async (c) => {
    const view = cache.get(c.req.param('id'));
    if (!view) return c.html(notFound(c.req.param('id')), 404);
    if (view.run.status === 'running') c.header('Refresh', refresh);
    const live = { results: index().page({ runId: view.run.id }, 0, 0).total, statusCounts: index().statusCounts(view.run.id) };
    return c.html(renderRunPage(view, await view.sections(), live));
  });

  app.get('/runs/:id/progress.json', (c) => {
    const run = store.getRun(c.req.param('id'));
    if (!run) return c.json({ error: `no run "${c.req.param('id')}"` }, 404);
    return c.json({
      id: run.id,
      status: run.status,
      updatedAt: run.updatedAt,
      results: store.countResults(run.id),
      planned: plannedResults(run),
      outcomes: index().statusCounts(run.id),
    });
  });

  app.get('/runs/:id/items', (c) => {
    const run = store.getRun(c.req.param('id'));
    if (!run) return c.html(notFound(c.req.param('id')), 404);
    const state = parseListState((name) => c.req.query(name));
    const query = toResultQuery(run.id, state);
    const views = index();
    let current = state.page ?? 1;
    let result = views.page(query, pageSize, (current - 1) * pageSize);
    const pages = Math.max(1, Math.ceil(result.total / pageSize));
    if (current > pages) {
      current = pages;
      result = views.page(query, pageSize, (current - 1) * pageSize);
    }
    const menus = {
      model: views.distinct(run.id, 'model'),
      condition: views.distinct(run.id, 'condition'),
      kind: views.distinct(run.id, 'kind'),
      country: views.distinct(run.id, 'country'),
      category: views.distinct(run.id, 'category'),
      language: views.distinct(run.id, 'language'),
      runs: views.runIds().filter((id) => id !== run.id),
    };
    if (run.status === 'running') c.header('Refresh', refresh);
    const all = views.page({ runId: run.id }, 0, 0).total;
    return c.html(renderItemsPage(run, { ...state, page: current }, { ...result, all }, { menus, pageSize, live: run.status === 'running' }));
  });

  app.get('/runs/:id/item', async (c) => {
    const runId = c.req.param('id');
    const run = store.getRun(runId);
    const key = { model: c.req.query('model') ?? '', condition: c.req.query('condition') ?? '', itemId: c.req.query('item') ?? '' };
    const row = run ? readRow(runId, key) : undefined;
    if (!run || !row) return c.html(renderNotFoundPage(`No result for item "${key.itemId}" of ${key.model} (${key.condition}) in run "${runId}".`), 404);
    const list: ListState = parseListState((name) => new URLSearchParams(c.req.query('list') ?? '').get(name) ?? undefined);
    const views = index();
    const { previous, next } = views.neighbours(toResultQuery(runId, list), key);
    const siblings = views.itemResults([runId], key.itemId).length;
    const descriptions = row.descriptionId || row.details?.grounding?.length ? await descriptionsOf(run.manifest.dataset.ref) : new Map<string, string>();
    return c.html(renderItemPage(run, row, { list: { ...list, page: undefined }, previous, next, descriptions, siblings }));
  });

  app.get('/runs/:id/compare', (c) => {
    const runId = c.req.param('id');
    const run = store.getRun(runId);
    if (!run) return c.html(notFound(runId), 404);
    const itemId = c.req.query('item') ?? '';
    const known = new Set(index().runIds());
    const withRuns = [...new Set(c.req.queries('with') ?? [])].filter((other) => other !== runId && known.has(other)).slice(0, 8);
    const entries: CompareEntry[] = [];
    for (const found of index().itemResults([runId, ...withRuns], itemId)) {
      const row = readRow(found.runId, found);
      if (row) entries.push({ runId: found.runId, row });
    }
    if (!entries.length) return c.html(renderNotFoundPage(`No result for item "${itemId}" in run "${runId}".`), 404);
    const base = Number(c.req.query('base') ?? 0);
    const otherRuns = [...known].filter((other) => other !== runId && !withRuns.includes(other));
    return c.html(renderComparePage(run, itemId, entries, { base: Number.isInteger(base) && base >= 0 ? base : 0, withRuns, otherRuns }));
  });

  const exportRoute = (format: 'csv' | 'jsonl') =>
    app.get(`/runs/:id/export.${format}`, (c) => {
      const run = store.getRun(c.req.param('id'));
      if (!run) return c.text(`no run "${c.req.param('id')}"`, 404);
      const query = toResultQuery(
        run.id,
        parseListState((name) => c.req.query(name)),
      );
      const rows = [...index().iterate(query)];
      const jsonOf = (row: ResultViewRow) => index().resultJson(row);
      c.header('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${run.id.replace(/[^\w.-]/g, '_')}-results.${format}"`);
      return stream(c, async (out) => {
        if (format === 'csv') await out.write(`${EXPORT_COLUMNS.join(',')}\n`);
        let lines: string[] = [];
        for (const row of rows) {
          const json = jsonOf(row);
          if (json === undefined) continue;
          if (format === 'jsonl') lines.push(json);
          else {
            const full = JSON.parse(json) as Partial<ResultRow>;
            const prompt = typeof full.prompt === 'string' ? full.prompt : (full.prompt?.findLast((message) => message.role === 'user')?.content ?? '');
            lines.push(
              [
                row.runId,
                row.model,
                row.condition,
                row.itemId,
                row.kind,
                row.language,
                row.country ?? '',
                row.category ?? '',
                row.outcome,
                row.score ?? '',
                row.scoreMetric ?? '',
                row.answer ?? '',
                row.extracted ?? '',
                row.judgeSpread ?? '',
                prompt,
                full.response ?? '',
              ]
                .map(csvField)
                .join(','),
            );
          }
          if (lines.length >= 500) {
            await out.write(`${lines.join('\n')}\n`);
            lines = [];
          }
        }
        if (lines.length) await out.write(`${lines.join('\n')}\n`);
      });
    });
  exportRoute('csv');
  exportRoute('jsonl');

  app.notFound((c) => c.html(renderNotFoundPage(`Nothing at ${c.req.path}.`), 404));
  app.onError((error, c) => {
    process.stderr.write(`culturekit view: ${error.stack ?? error.message}\n`);
    return c.text('culturekit view: internal error (see the terminal)', 500);
  });
  return app;
}
