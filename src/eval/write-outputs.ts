import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeRun, type RunSummary } from '../analysis/summarize.js';
import { InputError } from '../errors/culturekit-error.js';
import { runManifestSchema, type RunManifest } from '../schema/manifest.js';
import type { Store } from '../store/open-store.js';
import type { ResultRow } from '../store/result-row.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';

/** Reads and validates a run's `manifest.json`; problems name the file and the field. */
export function readManifestFile(path: string): RunManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(`${path}: not a readable run manifest: ${(error as Error).message}`);
  }
  const parsed = runManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${path}: ${issue.path.join('.') || 'manifest'}: ${issue.message}`);
  }
  return parsed.data;
}

export function writeManifestFile(outDir: string, manifest: RunManifest): void {
  writeFileAtomic(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}

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
    summary = summarizeRun(manifest, writingRows(file, store.iterateResultJson(manifest.id)));
  } finally {
    closeSync(file);
  }
  renameSync(temporary, resultsPath);
  writeFileAtomic(join(outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  return summary;
}

/** Writes each stored row to the file as it passes, and hands it on parsed. */
function* writingRows(file: number, rows: Iterable<string>): Generator<ResultRow> {
  let buffer = '';
  for (const json of rows) {
    buffer += json + '\n';
    if (buffer.length > 1 << 16) {
      writeSync(file, buffer);
      buffer = '';
    }
    yield JSON.parse(json) as ResultRow;
  }
  if (buffer) writeSync(file, buffer);
}
