import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { CulturekitError } from '../errors/culturekit-error.js';
import type { RunManifest } from '../schema/manifest.js';
import type { ResultRow } from '../schema/result.js';
import { parseRunManifest } from './manifest-file.js';
import { parseResultRow } from './read-result-rows.js';
import { resultKey } from './result-key.js';
import { briefOf, parseResultBrief, type ResultBrief } from './result-brief.js';
import { isPlainBrief } from './check-brief.js';
import { openDatabase } from './open-database.js';
import { ResultViewIndex } from './result-view-index.js';

const SCHEMA_VERSION = 2;

/**
 * A rowid table: a result row (~1 KB of JSON) is too large for a WITHOUT ROWID table, whose rows spill to an overflow
 * page each (~4.6 KB per result); here a row takes its own size, and the key lives in the primary-key index. `brief` is
 * the row without its prompt and response (`result-brief.ts`), what summaries and reports read; null in migrated rows.
 */
const RESULTS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS results (
  run_id TEXT NOT NULL,
  model TEXT NOT NULL,
  condition TEXT NOT NULL,
  item_id TEXT NOT NULL,
  status TEXT NOT NULL,
  row TEXT NOT NULL,
  brief TEXT,
  PRIMARY KEY (run_id, model, condition, item_id)
);`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cache (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS runs (
  id TEXT PRIMARY KEY,
  manifest TEXT NOT NULL,
  out_dir TEXT,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
${RESULTS_TABLE_SQL}
CREATE INDEX IF NOT EXISTS results_by_status ON results (run_id, status);
`;

/** A model call's cache key and its stored outcome. */
export interface CacheEntry {
  key: string;
  value: string;
}

export type RunStatus = 'running' | 'finished' | 'interrupted';

export interface StoredRun {
  id: string;
  manifest: RunManifest;
  outDir: string | null;
  status: RunStatus;
  createdAt: string;
  updatedAt: string;
}

/**
 * The project's SQLite store: a cache of model calls and every run's manifest and per-item results.
 * Results are written as they arrive, a few milliseconds' worth per transaction (WAL mode, `result-writer.ts`), so a
 * crash at any moment loses at most the calls in flight and the last window's results (asked again on resume).
 *
 * @example
 * const store = openStore('.culturekit/culturekit.db');
 * store.saveResult(row);
 * store.close();
 */
export class Store {
  readonly path: string;
  private readonly database: Database.Database;
  private readonly statements;

  constructor(path: string) {
    this.path = path;
    try {
      // The integrity check reads the whole file (seconds for a million results), so it runs when the last session left
      // its write-ahead log behind (a crash, or another process using the store now), not after every clean close.
      const leftLog = path !== ':memory:' && (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0;
      this.database = openDatabase(path);
      if (leftLog) {
        const integrity = this.database.pragma('quick_check', { simple: true });
        if (integrity !== 'ok') throw new CulturekitError(`store ${path} failed its integrity check: ${String(integrity)}`);
      }
      migrateResultsTable(this.database);
      this.database.exec(SCHEMA);
      this.database.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('schema_version', String(SCHEMA_VERSION));
    } catch (error) {
      if (error instanceof CulturekitError) throw error;
      throw new CulturekitError(`cannot open the store ${path}: ${(error as Error).message}`, { cause: error });
    }
    const database = this.database;
    this.statements = {
      getCache: database.prepare<[string], { value: string }>('SELECT value FROM cache WHERE key = ?'),
      putCache: database.prepare('INSERT OR REPLACE INTO cache (key, value, created_at) VALUES (?, ?, ?)'),
      putResult: database.prepare('INSERT OR REPLACE INTO results (run_id, model, condition, item_id, status, row, brief) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      resultBriefs: database.prepare<[string], { brief: string }>(
        'SELECT coalesce(brief, row) AS brief FROM results WHERE run_id = ? ORDER BY model, condition, item_id',
      ),
      resultKeys: database.prepare<[string], { model: string; condition: string; item_id: string; status: string }>(
        'SELECT model, condition, item_id, status FROM results WHERE run_id = ?',
      ),
      resultRows: database.prepare<[string], { row: string }>('SELECT row FROM results WHERE run_id = ? ORDER BY model, condition, item_id'),
      resultRow: database.prepare<[string, string, string, string], { row: string }>(
        'SELECT row FROM results WHERE run_id = ? AND model = ? AND condition = ? AND item_id = ?',
      ),
      countResults: database.prepare<[string], { n: number }>('SELECT count(*) AS n FROM results WHERE run_id = ?'),
      countResultsWithStatus: database.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM results WHERE run_id = ? AND status = ?'),
      countOf: database.prepare<[string, string, string, string, string], { n: number }>(
        'SELECT count(*) AS n FROM results WHERE run_id = ? AND model = ? AND condition = ? AND item_id IN (SELECT value FROM json_each(?)) AND status != ?',
      ),
      statusesOf: database.prepare<[string, string, string, string], { item_id: string; status: string }>(
        'SELECT item_id, status FROM results WHERE run_id = ? AND model = ? AND condition = ? AND item_id IN (SELECT value FROM json_each(?))',
      ),
      getMeta: database.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
      putMeta: database.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
      getRun: database.prepare<[string], { id: string; manifest: string; out_dir: string | null; status: string; created_at: string; updated_at: string }>(
        'SELECT * FROM runs WHERE id = ?',
      ),
      listRuns: database.prepare<[], { id: string; manifest: string; out_dir: string | null; status: string; created_at: string; updated_at: string }>(
        'SELECT * FROM runs ORDER BY created_at DESC',
      ),
      putRun: database.prepare(
        `INSERT INTO runs (id, manifest, out_dir, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET manifest = excluded.manifest, out_dir = excluded.out_dir, status = excluded.status, updated_at = excluded.updated_at`,
      ),
      setRunStatus: database.prepare('UPDATE runs SET status = ?, updated_at = ? WHERE id = ?'),
    };
  }

  getCached(key: string): string | undefined {
    return this.statements.getCache.get(key)?.value;
  }

  /** Saves a result, and the model call that produced it, in one transaction. */
  saveResult(row: ResultRow, cacheEntries?: readonly CacheEntry[]): void {
    this.saveResults([{ row, cacheEntries }]);
  }

  /** Saves results and the model calls that produced them, all in one transaction (a group commit). */
  saveResults(entries: readonly { row: ResultRow; cacheEntries?: readonly CacheEntry[] }[]): void {
    this.saveResultsTransaction(entries);
  }

  private readonly saveResultsTransaction = (entries: readonly { row: ResultRow; cacheEntries?: readonly CacheEntry[] }[]): void => {
    const { putCache, putResult } = this.statements;
    this.database.transaction(() => {
      for (const { row, cacheEntries } of entries) {
        for (const cacheEntry of cacheEntries ?? []) putCache.run(cacheEntry.key, cacheEntry.value, row.completedAt);
        putResult.run(row.runId, row.model, row.condition, row.itemId, row.status, JSON.stringify(row), JSON.stringify(briefOf(row)));
      }
    })();
  };

  putCache(key: string, value: string): void {
    this.statements.putCache.run(key, value, new Date().toISOString());
  }

  /**
   * The statuses of some items' results for one model and condition of a run (item id → status; items without a
   * result are absent). One indexed query per call: a resume looks its tasks up in batches instead of holding every key.
   */
  resultStatusesOf(runId: string, model: string, condition: string, itemIds: readonly string[]): Map<string, string> {
    const statuses = new Map<string, string>();
    for (const row of this.statements.statusesOf.iterate(runId, model, condition, JSON.stringify(itemIds))) statuses.set(row.item_id, row.status);
    return statuses;
  }

  /**
   * How many of some items have a result for one model and condition of a run (with `except`: a result of another
   * status). Counted on the primary key without making a row: a resume skips a batch whose results are all there.
   */
  countResultsOf(runId: string, model: string, condition: string, itemIds: readonly string[], except = ''): number {
    return this.statements.countOf.get(runId, model, condition, JSON.stringify(itemIds), except)?.n ?? 0;
  }

  /** Keys (see `resultKey`) of the results a run already has, with their status (the whole run in memory: for small runs and tests). */
  resultStatuses(runId: string): Map<string, string> {
    const statuses = new Map<string, string>();
    for (const row of this.statements.resultKeys.iterate(runId)) {
      statuses.set(resultKey(row.model, row.condition, row.item_id), row.status);
    }
    return statuses;
  }

  /** Every result of a run, ordered by model, condition and item id, each checked against the result-row schema. */
  *iterateResults(runId: string): Generator<ResultRow> {
    for (const json of this.iterateResultJson(runId)) yield parseResultRow(JSON.parse(json), `${this.path}: run ${runId}`);
  }

  /**
   * Every result of a run without its prompt and response (`ResultBrief`), in the same order as `iterateResults`, each
   * checked against the schema: what summaries and reports read, at a third of the text to parse.
   */
  *iterateBriefs(runId: string): Generator<ResultBrief> {
    const where = `${this.path}: run ${runId}`;
    for (const { brief } of this.statements.resultBriefs.iterate(runId)) {
      const value: unknown = JSON.parse(brief);
      yield isPlainBrief(value) ? value : parseResultBrief(value, where);
    }
  }

  /**
   * Some results of a run by key, each looked up on the primary key and checked against the schema (keys without a
   * result are left out): a report fetches the few rows it quotes without reading the run.
   */
  getResults(runId: string, keys: readonly { model: string; condition: string; itemId: string }[]): ResultRow[] {
    const where = `${this.path}: run ${runId}`;
    const rows: ResultRow[] = [];
    for (const key of keys) {
      const found = this.statements.resultRow.get(runId, key.model, key.condition, key.itemId);
      if (found) rows.push(parseResultRow(JSON.parse(found.row), where));
    }
    return rows;
  }

  /** Every result of a run as its stored JSON text, in the same order as `iterateResults`. */
  *iterateResultJson(runId: string): Generator<string> {
    for (const { row } of this.statements.resultRows.iterate(runId)) yield row;
  }

  /** How many results a run has (with `status`: how many ended so). Counted on the status index. */
  countResults(runId: string, status?: string): number {
    const row = status === undefined ? this.statements.countResults.get(runId) : this.statements.countResultsWithStatus.get(runId, status);
    return row?.n ?? 0;
  }

  /** A value kept in the store's `meta` table (e.g. what a run's output files were written from). */
  getMeta(key: string): string | undefined {
    return this.statements.getMeta.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.statements.putMeta.run(key, value);
  }

  saveRun(manifest: RunManifest, outDir: string | null, status: RunStatus): void {
    const now = new Date().toISOString();
    this.statements.putRun.run(manifest.id, JSON.stringify(manifest), outDir, status, manifest.createdAt, now);
  }

  setRunStatus(runId: string, status: RunStatus): void {
    this.statements.setRunStatus.run(status, new Date().toISOString(), runId);
  }

  getRun(runId: string): StoredRun | undefined {
    const row = this.statements.getRun.get(runId);
    return row ? toStoredRun(row, this.path) : undefined;
  }

  listRuns(): StoredRun[] {
    return this.statements.listRuns.all().map((row) => toStoredRun(row, this.path));
  }

  private viewIndex?: ResultViewIndex;

  /** The viewer's queryable index of results scored by `metric` (temporary tables of this connection: `result-view-index.ts`). */
  resultViewIndex(metric: string): ResultViewIndex {
    if (this.viewIndex?.metric !== metric) this.viewIndex = new ResultViewIndex(this.database, metric);
    return this.viewIndex;
  }

  close(): void {
    if (this.database.open) this.database.close();
  }
}

/** Moves a store's results from the version-1 WITHOUT ROWID table to the rowid table, once, in one transaction. */
function migrateResultsTable(database: Database.Database): void {
  const table = database.prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'results'").get();
  if (!table || !/WITHOUT\s+ROWID/i.test(table.sql)) return;
  database.transaction(() => {
    database.exec('DROP INDEX IF EXISTS results_by_status; ALTER TABLE results RENAME TO results_v1;');
    database.exec(RESULTS_TABLE_SQL);
    database.exec(
      'INSERT INTO results (run_id, model, condition, item_id, status, row) SELECT run_id, model, condition, item_id, status, row FROM results_v1; DROP TABLE results_v1;',
    );
  })();
}

function toStoredRun(
  row: { id: string; manifest: string; out_dir: string | null; status: string; created_at: string; updated_at: string },
  path: string,
): StoredRun {
  return {
    id: row.id,
    manifest: parseRunManifest(JSON.parse(row.manifest), `${path}: manifest of run ${row.id}`),
    outDir: row.out_dir,
    status: row.status as RunStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function openStore(path: string): Store {
  return new Store(path);
}
