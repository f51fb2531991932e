import type { Dataset } from '../datasets/dataset.js';
import { extname } from 'node:path';
import { JSON_LINES, loadGenericDataset, type LoadDatasetOptions } from '../datasets/load-dataset.js';
import type { BenchmarkRegistry } from './registry.js';

/**
 * Loads a dataset from any reference: `builtin:sample`, `<benchmark>:<path>[?options]` (read by that benchmark's
 * adapter), a path whose shape is a benchmark's (detected, with a warning naming it), or a file of culturekit records
 * (`.jsonl`, `.json`, `.csv`, `.parquet`). The benchmarks are imported only when the reference is not built in.
 *
 * @example
 * const dataset = await loadDataset('blend:/data/blend?countries=UK', { onWarning: console.warn });
 * console.log(dataset.items.length, dataset.skippedInvalid, dataset.hash);
 */
export async function loadDataset(ref: string, options: LoadDatasetOptions & { registry?: BenchmarkRegistry } = {}): Promise<Dataset> {
  if (ref.startsWith('builtin:')) return loadGenericDataset(ref, options);
  const [{ parseBenchmarkRef }, { detectBenchmark }, { builtinRegistry }] = await Promise.all([
    import('./parse-benchmark-ref.js'),
    import('./detect-benchmark.js'),
    import('./registry.js'),
  ]);
  const registry = options.registry ?? builtinRegistry;
  const benchmarkRef = parseBenchmarkRef(ref, registry);
  if (benchmarkRef)
    return withRef(ref, await registry.loadBenchmark(benchmarkRef.name, benchmarkRef.path, { ...benchmarkRef.options, onWarning: options.onWarning }));
  const detected = await detectBenchmark(ref, registry);
  if (detected) {
    options.onWarning?.(`${ref} looks like ${detected} data: loading it with the ${detected} adapter (write ${detected}:${ref} to say so)`);
    return withRef(`${detected}:${ref}`, await registry.loadBenchmark(detected, ref, { onWarning: options.onWarning }));
  }
  return loadGenericDataset(ref, options);
}

/**
 * Whether a reference names a JSON Lines file of culturekit records (neither built in nor any benchmark's): what
 * `loadDataset` reads with `loadGenericDataset`, and what a run reads as a stream (`eval/run-dataset.ts`).
 *
 * @example
 * await isJsonLinesRecords('data/items.jsonl'); // true
 */
export async function isJsonLinesRecords(ref: string, registry?: BenchmarkRegistry): Promise<boolean> {
  if (ref.startsWith('builtin:') || !JSON_LINES.has(extname(ref).toLowerCase())) return false;
  const [{ parseBenchmarkRef }, { detectBenchmark }, { builtinRegistry }] = await Promise.all([
    import('./parse-benchmark-ref.js'),
    import('./detect-benchmark.js'),
    import('./registry.js'),
  ]);
  const known = registry ?? builtinRegistry;
  return !parseBenchmarkRef(ref, known) && (await detectBenchmark(ref, known)) === undefined;
}

/** A benchmark's dataset under the reference the user gave (a resume reloads it from there). */
function withRef(ref: string, dataset: Dataset): Dataset {
  return { ref, descriptions: dataset.descriptions, items: dataset.items, skippedInvalid: dataset.skippedInvalid, hash: dataset.hash };
}
