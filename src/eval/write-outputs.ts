import { join } from 'node:path';
import { summarizeRun, type RunSummary } from '../analysis/summarize.js';
import type { RunManifest } from '../schema/manifest.js';
import type { Store } from '../store/open-store.js';
import { writeFileAtomic, writeLinesAtomic } from '../util/write-file-atomic.js';

export function writeManifestFile(outDir: string, manifest: RunManifest): void {
  writeFileAtomic(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}

/**
 * Writes `results.jsonl` (one row per item × model × condition) and `summary.json` from the store, each atomically,
 * so a rerun or a resume always leaves complete files without duplicate rows.
 */
export async function writeRunOutputs(outDir: string, store: Store, manifest: RunManifest): Promise<RunSummary> {
  writeManifestFile(outDir, manifest);
  await writeLinesAtomic(join(outDir, 'results.jsonl'), mapIterable(store.iterateResults(manifest.id), (row) => JSON.stringify(row)));
  const summary = summarizeRun(manifest, store.iterateResults(manifest.id));
  writeFileAtomic(join(outDir, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  return summary;
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}
