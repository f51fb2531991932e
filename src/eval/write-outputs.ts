import { closeSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CostAccumulator } from '../analysis/cost.js';
import { summarizeRun, type RunSummary } from '../analysis/summarize.js';
import type { ModelPrice } from '../schema/price.js';
import type { RunManifest } from '../schema/manifest.js';
import { writeManifestFile } from '../store/manifest-file.js';
import type { Store } from '../store/open-store.js';
import { parseResultRow } from '../store/read-result-rows.js';
import type { ResultRow } from '../schema/result.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';

/**
 * Writes `results.jsonl` (one row per item × model × condition) and `summary.json` from the store, each atomically,
 * so a rerun or a resume always leaves complete files without duplicate rows. One pass over the store feeds both.
 */
export async function writeRunOutputs(
  outDir: string,
  store: Store,
  manifest: RunManifest,
  options: { prices?: Readonly<Record<string, ModelPrice>> } = {},
): Promise<RunSummary> {
  writeManifestFile(outDir, manifest);
  mkdirSync(outDir, { recursive: true });
  const resultsPath = join(outDir, 'results.jsonl');
  const temporary = `${resultsPath}.${process.pid}.tmp`;
  const file = openSync(temporary, 'w');
  let summary: RunSummary;
  const costs = options.prices && Object.keys(options.prices).length ? new CostAccumulator(options.prices) : undefined;
  try {
    const rows = writingRows(file, store.iterateResultJson(manifest.id), `${store.path}: run ${manifest.id}`);
    summary = summarizeRun(manifest, costs ? costing(rows, costs) : rows);
    if (costs) summary.cost = costs.result();
  } finally {
    closeSync(file);
  }
  renameSync(temporary, resultsPath);
  writeFileAtomic(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

/** Hands each row on after pricing it. */
function* costing(rows: Iterable<ResultRow>, costs: CostAccumulator): Generator<ResultRow> {
  for (const row of rows) {
    costs.add(row);
    yield row;
  }
}

/** Writes each stored row to the file as it passes, and hands it on parsed (and checked: the store is a file too). */
function* writingRows(file: number, rows: Iterable<string>, where: string): Generator<ResultRow> {
  let buffer = '';
  for (const json of rows) {
    buffer += `${json}\n`;
    if (buffer.length > 1 << 16) {
      writeSync(file, buffer);
      buffer = '';
    }
    yield parseResultRow(JSON.parse(json), where);
  }
  if (buffer) writeSync(file, buffer);
}
