import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CostAccumulator } from '../analysis/cost.js';
import { summarizeRun, type RunSummary } from '../analysis/summarize.js';
import type { ModelPrice } from '../schema/price.js';
import type { RunManifest } from '../schema/manifest.js';
import { writeManifestFile } from '../store/manifest-file.js';
import type { Store } from '../store/open-store.js';
import type { ResultBrief } from '../store/result-brief.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';

/**
 * Writes `results.jsonl` (one row per item × model × condition) and `summary.json` from the store, each atomically,
 * so a rerun or a resume always leaves complete files without duplicate rows. One streaming pass over the store feeds
 * both: memory does not grow with the run. With `reuseUnchanged` (a resume that did nothing new), files the store
 * recorded as written from the same results are kept as they are, and their summary is returned.
 */
export async function writeRunOutputs(
  outDir: string,
  store: Store,
  manifest: RunManifest,
  options: { prices?: Readonly<Record<string, ModelPrice>>; reuseUnchanged?: boolean } = {},
): Promise<RunSummary> {
  writeManifestFile(outDir, manifest);
  const stampKey = `outputs:${manifest.id}`;
  const stamp = () => outputsStamp(outDir, store, manifest.id);
  const before = options.reuseUnchanged ? stamp() : undefined;
  if (before !== undefined && store.getMeta(stampKey) === before) {
    const kept = readKeptSummary(join(outDir, 'summary.json'), manifest.id);
    if (kept) return kept;
  }
  mkdirSync(outDir, { recursive: true });
  const resultsPath = join(outDir, 'results.jsonl');
  const temporary = `${resultsPath}.${process.pid}.tmp`;
  const file = openSync(temporary, 'w');
  try {
    writeLines(file, store.iterateResultJson(manifest.id));
  } finally {
    closeSync(file);
  }
  // The summary reads each result's brief (no prompt, no response), checked against the schema: the store is a file too.
  const costs = options.prices && Object.keys(options.prices).length ? new CostAccumulator(options.prices) : undefined;
  const briefs = store.iterateBriefs(manifest.id);
  const summary = summarizeRun(manifest, costs ? costing(briefs, costs) : briefs);
  if (costs) summary.cost = costs.result();
  renameSync(temporary, resultsPath);
  writeFileAtomic(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  const written = stamp();
  if (written !== undefined) store.setMeta(stampKey, written);
  return summary;
}

/** Hands each brief on after pricing it. */
function* costing(briefs: Iterable<ResultBrief>, costs: CostAccumulator): Generator<ResultBrief> {
  for (const brief of briefs) {
    costs.add(brief);
    yield brief;
  }
}

/** Writes stored rows to the file as they pass, a line each, in 64 KiB writes. */
function writeLines(file: number, rows: Iterable<string>): void {
  let buffer = '';
  for (const json of rows) {
    buffer += `${json}\n`;
    if (buffer.length > 1 << 16) {
      writeSync(file, buffer);
      buffer = '';
    }
  }
  if (buffer) writeSync(file, buffer);
}

/** What a run's output files were written from: the folder, the number of results and of errors, and results.jsonl's size and time. */
function outputsStamp(outDir: string, store: Store, runId: string): string | undefined {
  const results = statSync(join(outDir, 'results.jsonl'), { throwIfNoEntry: false });
  if (!results || !existsSync(join(outDir, 'summary.json'))) return undefined;
  return JSON.stringify([resolve(outDir), store.countResults(runId), store.countResults(runId, 'error'), results.size, results.mtimeMs]);
}

function readKeptSummary(path: string, runId: string): RunSummary | undefined {
  try {
    const summary = JSON.parse(readFileSync(path, 'utf8')) as RunSummary;
    return summary.runId === runId && Array.isArray(summary.groups) ? summary : undefined;
  } catch {
    return undefined;
  }
}
