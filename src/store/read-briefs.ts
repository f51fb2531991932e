import Database from 'better-sqlite3';
import { isPlainBrief } from './check-brief.js';
import { parseResultBrief, type ResultBrief } from './result-brief.js';

/**
 * The briefs of a run (or of one model × condition of it) straight from a store file, read-only, one at a time from an
 * ordered cursor (model, condition, item id: the primary key's order, so no sort): a pass over a million results holds
 * one at a time. Each brief is checked against the schema (plain ones by `isPlainBrief`'s fast path). The connection is closed when the pass ends or is left.
 * The store must exist and hold the run (open it with `openStore` first, which also brings an old file's schema up to date).
 *
 * @example
 * for (const brief of iterateStoredBriefs('.culturekit/culturekit.db', runId)) tally.add(brief);
 * for (const brief of iterateStoredBriefs(dbPath, runId, { model: 'openai:a', condition: 'plain' })) …
 */
export function* iterateStoredBriefs(path: string, runId: string, series?: { model: string; condition: string }): Generator<ResultBrief> {
  const database = new Database(path, { readonly: true, fileMustExist: true });
  try {
    database.pragma('busy_timeout = 10000');
    const where = `${path}: run ${runId}`;
    const select = 'SELECT coalesce(brief, row) AS brief FROM results WHERE run_id = ?';
    // Raw rows (one-element arrays), not an object per result.
    const rows = series
      ? database
          .prepare<[string, string, string], [string]>(`${select} AND model = ? AND condition = ? ORDER BY model, condition, item_id`)
          .raw()
          .iterate(runId, series.model, series.condition)
      : database.prepare<[string], [string]>(`${select} ORDER BY model, condition, item_id`).raw().iterate(runId);
    for (const [brief] of rows) {
      const value: unknown = JSON.parse(brief);
      yield isPlainBrief(value) ? value : parseResultBrief(value, where);
    }
  } finally {
    database.close();
  }
}
