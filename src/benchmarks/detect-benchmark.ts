import { readdir } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { readDatasetText } from '../datasets/read-text-file.js';
import type { FileProbe, FolderProbe } from './benchmark-definition.js';
import { builtinRegistry, type AnyBenchmarkDefinition, type BenchmarkName, type BenchmarkRegistry } from './registry.js';
import { readJsonDocument } from '../datasets/json-document.js';
import { isDirectory, pathExists } from './shared/read-benchmark-file.js';

/**
 * The benchmark whose file shape a path has, where the shape is unambiguous; undefined otherwise. Each benchmark's
 * `detection` is asked in registry order: folders by their layout (BLEnD `annotations/`, CAMeL `entities/` +
 * `prompts/`, `prompts.json` + `targets.json`, GeoMLaMA language files, CHiSafetyBench `mcq.json`…, AdaCultureSafe
 * country files), files by their content. A check that fails to read a file answers no.
 *
 * @example
 * await detectBenchmark('/work/shared/data/blend')                      // 'blend'
 * await detectBenchmark('/work/shared/data/culture-llm/geomlama/en.csv') // 'geomlama'
 */
export async function detectBenchmark(path: string, registry: BenchmarkRegistry = builtinRegistry): Promise<BenchmarkName | undefined> {
  const firstMatch = (check: (benchmark: AnyBenchmarkDefinition) => boolean | Promise<boolean> | undefined) => firstMatchIn(registry.benchmarks, check);
  if (await isDirectory(path)) {
    const probe: FolderProbe = { directory: path, names: await readdir(path) };
    return firstMatch((benchmark) => benchmark.detection.folder?.(probe));
  }
  if (!(await pathExists(path))) return undefined;
  const extension = extname(path).toLowerCase();
  if (!['.json', '.csv', '.tsv'].includes(extension)) return undefined;
  let text: Promise<string> | undefined;
  let json: Promise<unknown> | undefined;
  const probe: FileProbe = {
    path,
    fileName: basename(path),
    extension,
    text: () => (text ??= readDatasetText(path)),
    json: () => (json ??= readJsonDocument(path).then((document) => document.value)),
  };
  return firstMatch((benchmark) => benchmark.detection.file?.(probe));
}

async function firstMatchIn(
  benchmarks: readonly AnyBenchmarkDefinition[],
  check: (benchmark: AnyBenchmarkDefinition) => boolean | Promise<boolean> | undefined,
): Promise<BenchmarkName | undefined> {
  for (const benchmark of benchmarks) {
    try {
      if (await check(benchmark)) return benchmark.name as BenchmarkName;
    } catch {
      // An unreadable or malformed file is no benchmark's shape.
    }
  }
  return undefined;
}
