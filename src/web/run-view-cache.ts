import { buildRunReport, type RunReport } from '../report/build-run-report.js';
import type { SafeHtml } from '../report/html.js';
import { renderRunSections } from '../report/render-run-sections.js';
import type { Store, StoredRun } from '../store/open-store.js';
import { parseResultRow } from '../store/read-result-rows.js';
import type { ResultRow } from '../schema/result.js';
import { itemOutcome, type ItemOutcome } from './item-outcome.js';

/** What the items table shows of a result, kept in memory (the full row is read from the store on its own page). */
export interface IndexedItem
  extends Pick<ResultRow, 'model' | 'condition' | 'itemId' | 'kind' | 'format' | 'language' | 'country' | 'category' | 'answer' | 'extracted'> {
  outcome: ItemOutcome;
  /** The start of the prompt's last user message. */
  preview: string;
}

export interface RunView {
  run: StoredRun;
  results: number;
  report: RunReport;
  items: IndexedItem[];
  /** The run's report sections with charts (rendered once, on first use). */
  sections(): Promise<SafeHtml>;
}

const PREVIEW_CHARACTERS = 140;

/** The text of a prompt's last user message (or the raw context of a log-likelihood prompt). */
export function promptText(prompt: ResultRow['prompt']): string {
  if (typeof prompt === 'string') return prompt;
  const user = [...prompt].reverse().find((message) => message.role === 'user');
  return user?.content ?? prompt.at(-1)?.content ?? '';
}

function preview(text: string): string {
  const characters = Array.from(text.replace(/\s+/g, ' ').trim());
  return characters.length > PREVIEW_CHARACTERS ? `${characters.slice(0, PREVIEW_CHARACTERS).join('')}…` : characters.join('');
}

/**
 * Per-run data for the viewer, built from the store once and reused while the run is unchanged (same status,
 * update time and number of results). Keeps the few most recent runs.
 */
export class RunViewCache {
  private readonly entries = new Map<string, { stamp: string; view: RunView }>();

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
    const results = this.store.countResults(runId);
    const stamp = `${run.status}\u0000${run.updatedAt}\u0000${results}`;
    const cached = this.entries.get(runId);
    if (cached && cached.stamp === stamp) {
      this.entries.delete(runId);
      this.entries.set(runId, cached);
      return cached.view;
    }
    const view = this.load(run, results);
    this.entries.set(runId, { stamp, view });
    while (this.entries.size > (this.options.size ?? 4)) this.entries.delete(this.entries.keys().next().value!);
    return view;
  }

  private load(run: StoredRun, results: number): RunView {
    const rows = [...this.store.iterateResults(run.id)];
    const report = buildRunReport(
      { id: run.id, source: `store ${this.store.path}`, manifest: run.manifest, status: run.status, rows },
      { metric: this.options.metric },
    );
    const items = rows.map(
      (row): IndexedItem => ({
        model: row.model,
        condition: row.condition,
        itemId: row.itemId,
        kind: row.kind,
        format: row.format,
        language: row.language,
        country: row.country,
        category: row.category,
        outcome: itemOutcome(row, this.options.metric),
        preview: preview(promptText(row.prompt)),
        answer: row.answer,
        extracted: row.extracted,
      }),
    );
    let sections: Promise<SafeHtml> | undefined;
    const { groupHref, idPrefix } = this.options;
    return {
      run,
      results,
      report,
      items,
      sections: () =>
        (sections ??= renderRunSections(report, {
          idPrefix: idPrefix ?? 'run',
          groupHref: groupHref ? (groupBy, group, kind) => groupHref(run.id, groupBy, group, kind) : undefined,
        })),
    };
  }
}

/** Reads one result of a run from the store (a scan of the run's stored JSON that parses only likely matches). */
export function findResult(store: Store, runId: string, key: { model: string; condition: string; itemId: string }): ResultRow | undefined {
  const needle = `"itemId":${JSON.stringify(key.itemId)}`;
  for (const json of store.iterateResultJson(runId)) {
    if (!json.includes(needle)) continue;
    const row = parseResultRow(JSON.parse(json), `${store.path}: run ${runId}`);
    if (row.itemId === key.itemId && row.model === key.model && row.condition === key.condition) return row;
  }
  return undefined;
}
