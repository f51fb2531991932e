import type { Dataset } from '../datasets/dataset.js';
import { loadGenericDataset, type LoadDatasetOptions } from '../datasets/load-dataset.js';
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

/** A benchmark's dataset under the reference the user gave (a resume reloads it from there). */
function withRef(ref: string, dataset: Dataset): Dataset {
  return { ref, descriptions: dataset.descriptions, items: dataset.items, skippedInvalid: dataset.skippedInvalid, hash: dataset.hash };
}
