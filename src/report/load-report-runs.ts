import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors/culturekit-error.js';
import type { ResultRow } from '../schema/result.js';
import { MANIFEST_FILE, readManifestFile } from '../store/manifest-file.js';
import { openStore, type Store } from '../store/open-store.js';
import { iterateResultsFile } from '../store/read-result-rows.js';
import { briefOf } from '../store/result-brief.js';
import { iterateStoredBriefs } from '../store/read-briefs.js';
import type { ReportRows, ReportRun } from './report-run.js';

/**
 * Finds runs for a report (their results are read as each pass streams over them: see `ReportRows`). Each reference is a run folder (the `--out` of `culturekit eval`, holding manifest.json
 * and results.jsonl; a path to its manifest.json works too) or a run id looked up in the store at `dbPath`.
 *
 * @example
 * const runs = loadReportRuns(['runs/qwen', 'run-20261123-101500-3fa2c1'], { dbPath: '.culturekit/culturekit.db' });
 */
export function loadReportRuns(references: readonly string[], options: { dbPath: string }): ReportRun[] {
  if (references.length === 0) throw new InputError('no run given: pass run ids or run folders (e.g. culturekit report runs/demo)');
  let store: Store | undefined;
  try {
    return references.map((reference) => {
      const folder = runFolderOf(reference);
      if (folder) return readRunFolder(folder);
      if (/[\\/]/.test(reference) || reference.startsWith('.')) throw new InputError(`${reference}: no such run folder`);
      if (!existsSync(options.dbPath)) {
        throw new InputError(
          `"${reference}" is neither a run folder nor a run id: there is no store at ${options.dbPath} (pass --db, or a folder written by culturekit eval --out)`,
        );
      }
      store ??= openStore(options.dbPath);
      return readStoredRun(store, reference, options.dbPath, { fromFile: true });
    });
  } finally {
    store?.close();
  }
}

/**
 * Every full result row of one run (prompt and response included), read as a stream: from the run folder's
 * results.jsonl, or from the store. For exports; reports read briefs through `loadReportRuns`.
 */
export function* iterateRunRows(reference: string, options: { dbPath: string }): Generator<ResultRow> {
  const folder = runFolderOf(reference);
  if (folder) {
    const resultsPath = join(folder, 'results.jsonl');
    if (existsSync(resultsPath)) yield* iterateResultsFile(resultsPath);
    return;
  }
  const store = openStore(options.dbPath);
  try {
    requireStoredRun(store, reference, options.dbPath);
    yield* store.iterateResults(reference);
  } finally {
    store.close();
  }
}

function runFolderOf(reference: string): string | undefined {
  if (!existsSync(reference)) return undefined;
  if (statSync(reference).isDirectory()) return reference;
  if (basename(reference) === 'manifest.json' || basename(reference) === 'results.jsonl') return dirname(reference);
  throw new InputError(`${reference}: expected a run folder (holding manifest.json and results.jsonl) or a run id`);
}

/** A run of the store; an `InputError` listing the runs there when the id is unknown. */
function requireStoredRun(store: Store, runId: string, dbPath: string): NonNullable<ReturnType<Store['getRun']>> {
  const run = store.getRun(runId);
  if (run) return run;
  const known = store
    .listRuns()
    .slice(0, 10)
    .map((stored) => stored.id);
  throw new InputError(`no run "${runId}" in ${dbPath}${known.length ? `; runs there: ${known.join(', ')}` : ' (it has no runs)'}`);
}

/**
 * A run of the store for a report (an `InputError` listing the runs there when the id is unknown). Its results are not
 * read here: each pass over `rows` reads them afresh through the open `store` (which must stay open), or with
 * `fromFile` read-only from the file at `dbPath` (`iterateStoredBriefs`, which also reads one series alone by the index).
 */
export function readStoredRun(store: Store, runId: string, dbPath: string = store.path, options: { fromFile?: boolean } = {}): ReportRun {
  const run = requireStoredRun(store, runId, dbPath);
  const rows: ReportRows = !options.fromFile
    ? { [Symbol.iterator]: () => store.iterateBriefs(runId) }
    : {
        [Symbol.iterator]: () => iterateStoredBriefs(dbPath, runId),
        series: (model, condition) => ({ [Symbol.iterator]: () => iterateStoredBriefs(dbPath, runId, { model, condition }) }),
      };
  return { id: run.id, source: `store ${dbPath}`, manifest: run.manifest, status: run.status, rows };
}

function readRunFolder(folder: string): ReportRun {
  const manifestPath = join(folder, MANIFEST_FILE);
  const resultsPath = join(folder, 'results.jsonl');
  if (!existsSync(manifestPath)) throw new InputError(`${folder}: no manifest.json (is it the --out folder of culturekit eval?)`);
  const manifest = readManifestFile(manifestPath);
  const rows: ReportRows = {
    *[Symbol.iterator]() {
      if (existsSync(resultsPath)) for (const row of iterateResultsFile(resultsPath)) yield briefOf(row);
    },
  };
  return { id: manifest.id, source: folder, manifest, rows };
}
