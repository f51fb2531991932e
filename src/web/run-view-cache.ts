import { buildRunReport, type RunReport } from '../report/build-run-report.js';
import type { SafeHtml } from '../report/html.js';
import { readStoredRun } from '../report/load-report-runs.js';
import { renderRunSections } from '../report/render-run-sections.js';
import type { Store, StoredRun } from '../store/open-store.js';
import type { ResultGroupScore } from '../store/result-view-index.js';

export interface RunView {
  run: StoredRun;
  /** Results when the summary was built (a running run may have more by now). */
  results: number;
  report: RunReport;
  /** Mean and lowest score per model, kind and country, lowest mean first. */
  countryScores: { model: string; scores: ResultGroupScore[] }[];
  /** When the summary was built (ms since the epoch). */
  builtAt: number;
  /** The run's report sections with charts (rendered once, on first use). */
  sections(): Promise<SafeHtml>;
}

/** A running run's summary is rebuilt at most this often (and never more often than five times its build time). */
const LIVE_REBUILD_MS = 10_000;

/**
 * Per-run summaries for the viewer, built from the store's result briefs once and reused while the run is unchanged
 * (same status, update time and number of results). A run still being written keeps its summary for a few seconds
 * between rebuilds, so a page that refreshes itself does not rebuild the charts on every new result. Keeps the few
 * most recent runs.
 */
export class RunViewCache {
  private readonly entries = new Map<string, { stamp: string; view: RunView; buildMs: number }>();

  constructor(
    private readonly store: Store,
    private readonly options: {
      metric: string;
      size?: number;
      idPrefix?: string;
      groupHref?: (runId: string, groupBy: string, group: string, kind: string) => string | undefined;
    },
  ) {}

  get(runId: string): RunView | undefined {
    const run = this.store.getRun(runId);
    if (!run) return undefined;
    const results = this.store.resultViewIndex(this.options.metric).page({ runId }, 0, 0).total;
    const stamp = `${run.status}\u0000${run.updatedAt}\u0000${results}`;
    const cached = this.entries.get(runId);
    const fresh =
      cached && (cached.stamp === stamp || (run.status === 'running' && Date.now() - cached.view.builtAt < Math.max(LIVE_REBUILD_MS, 5 * cached.buildMs)));
    if (cached && fresh) {
      this.entries.delete(runId);
      this.entries.set(runId, cached);
      return cached.view;
    }
    const started = performance.now();
    const view = this.load(run, results);
    this.entries.set(runId, { stamp, view, buildMs: performance.now() - started });
    while (this.entries.size > (this.options.size ?? 4)) this.entries.delete(this.entries.keys().next().value!);
    return view;
  }

  private load(run: StoredRun, results: number): RunView {
    const report = buildRunReport(readStoredRun(this.store, run.id), { metric: this.options.metric });
    const index = this.store.resultViewIndex(this.options.metric);
    const countryScores = run.manifest.models.map((model) => ({ model: model.spec, scores: index.groupScores(run.id, 'country', model.spec) }));
    let sections: Promise<SafeHtml> | undefined;
    const { groupHref, idPrefix } = this.options;
    return {
      run,
      results,
      report,
      countryScores,
      builtAt: Date.now(),
      sections: () =>
        (sections ??= renderRunSections(report, {
          idPrefix: idPrefix ?? 'run',
          groupHref: groupHref ? (groupBy, group, kind) => groupHref(run.id, groupBy, group, kind) : undefined,
        })),
    };
  }
}
