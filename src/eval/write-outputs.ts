import { closeSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeRun, type RunSummary } from '../analysis/summarize.js';
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
export async function writeRunOutputs(outDir: string, store: Store, manifest: RunManifest): Promise<RunSummary> {
  writeManifestFile(outDir, manifest);
  mkdirSync(outDir, { recursive: true });
  const resultsPath = join(outDir, 'results.jsonl');
  const temporary = `${resultsPath}.${process.pid}.tmp`;
  const file = openSync(temporary, 'w');
  let summary: RunSummary;
  try {
    summary = summarizeRun(manifest, writingRows(file, store.iterateResultJson(manifest.id), `${store.path}: run ${manifest.id}`));
  } finally {
    closeSync(file);
  }
  renameSync(temporary, resultsPath);
  writeFileAtomic(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
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
