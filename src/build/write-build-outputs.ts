import { join } from 'node:path';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import type { BuildResult } from './build-benchmark.js';

/** The files `writeBuildOutputs` writes, by name. */
export const buildOutputFiles = ['descriptions.jsonl', 'items.jsonl', 'dataset.jsonl', 'rejected.jsonl', 'build-manifest.json'] as const;

function jsonLines(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join('\n') + (values.length > 0 ? '\n' : '');
}

/**
 * Writes a build's outputs into a folder, each file whole or not at all: `descriptions.jsonl`, `items.jsonl` (ready for
 * `culturekit eval --dataset`), `dataset.jsonl` (descriptions then items, each with its `type`), `rejected.jsonl` and
 * `build-manifest.json`.
 *
 * @example
 * writeBuildOutputs('build/japan', await buildBenchmark(input));
 */
export function writeBuildOutputs(outDir: string, result: BuildResult): void {
  writeFileAtomic(join(outDir, 'descriptions.jsonl'), jsonLines(result.descriptions));
  writeFileAtomic(join(outDir, 'items.jsonl'), jsonLines(result.items));
  writeFileAtomic(
    join(outDir, 'dataset.jsonl'),
    jsonLines([
      ...result.descriptions.map((description) => ({ type: 'description', ...description })),
      ...result.items.map((item) => ({ type: 'item', ...item })),
    ]),
  );
  writeFileAtomic(join(outDir, 'rejected.jsonl'), jsonLines(result.rejected));
  writeFileAtomic(join(outDir, 'build-manifest.json'), `${JSON.stringify(result.manifest, null, 2)}\n`);
}
