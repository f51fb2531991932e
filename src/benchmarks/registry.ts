import { InputError } from '../errors/culturekit-error.js';
import type { Item } from '../schema/item.js';
import { defaultProtocol } from '../scoring/default-protocol.js';
import type { JudgeRubric } from '../scoring/judge/judge-rubric.js';
import { culturalSafetyAwarenessRubric, culturalSafetyRespectfulnessRubric } from '../scoring/judge/rubrics/cultural-safety.js';
import type { ScoringProtocol } from '../scoring/protocol.js';
import { adaCultureSafeBenchmark } from './adaculturesafe/adaculturesafe-benchmark.js';
import { aevalBenchmark } from './aeval/aeval-benchmark.js';
import type { BenchmarkDefinition, BenchmarkDiagnostics } from './benchmark-definition.js';
import { blendBenchmark } from './blend/blend-benchmark.js';
import { camelBenchmark } from './camel/camel-benchmark.js';
import { camelStyleBenchmark } from './camel-style/camel-style-benchmark.js';
import { chiSafetyBenchmark } from './chisafety/chisafety-benchmark.js';
import { geomlamaBenchmark } from './geomlama/geomlama-benchmark.js';
import type { AdapterDataset } from './shared/adapter-dataset.js';

/**
 * Every benchmark culturekit reads, in the order they are listed and detected. Adding one: a folder under
 * `src/benchmarks/` and one line here (CONTRIBUTING.md, "Adding a benchmark").
 */
export const benchmarks = [
  adaCultureSafeBenchmark,
  chiSafetyBenchmark,
  aevalBenchmark,
  geomlamaBenchmark,
  camelStyleBenchmark,
  camelBenchmark,
  blendBenchmark,
] as const;

type Registered = (typeof benchmarks)[number];
type UnionToIntersection<Union> = (Union extends unknown ? (value: Union) => void : never) extends (value: infer Intersection) => void ? Intersection : never;

export type BenchmarkName = Registered['name'];
type OptionsOf<Benchmark> = Benchmark extends { load(path: string, options?: infer Options): unknown } ? Options : never;
type DiagnosticFieldsOf<Benchmark> = Benchmark extends { diagnostics?: BenchmarkDiagnostics<infer Fields> } ? Partial<Fields> : never;

/** Every benchmark's options (each benchmark reads its own). */
export type BenchmarkOptions = UnionToIntersection<OptionsOf<Registered>>;
/** The fields of the benchmarks' diagnostics, as they appear in a report's `diagnostics.fineGrained` entries. */
export type BenchmarkDiagnosticFields = UnionToIntersection<DiagnosticFieldsOf<Registered>>;

/** The benchmark names, as used in `--dataset <name>:<path>`. */
export const benchmarkNames: readonly BenchmarkName[] = benchmarks.map((benchmark) => benchmark.name);

const GENERIC_PROTOCOLS: readonly ScoringProtocol[] = [defaultProtocol];
const GENERIC_RUBRICS: readonly JudgeRubric[] = [culturalSafetyRespectfulnessRubric, culturalSafetyAwarenessRubric];

const protocols = new Map<string, ScoringProtocol>();
const rubrics = new Map<string, JudgeRubric>();
for (const protocol of [...GENERIC_PROTOCOLS, ...benchmarks.flatMap((benchmark) => benchmark.protocols)]) {
  if (protocols.has(protocol.id)) throw new Error(`scoring protocol "${protocol.id}" is listed twice`);
  protocols.set(protocol.id, protocol);
}
for (const rubric of [...GENERIC_RUBRICS, ...benchmarks.flatMap((benchmark) => benchmark.rubrics)]) {
  if (rubrics.has(rubric.id)) throw new Error(`judge rubric "${rubric.id}" is listed twice`);
  rubrics.set(rubric.id, rubric);
}

/** Whether a name is one of `benchmarkNames`. */
export function isBenchmarkName(name: string): name is BenchmarkName {
  return (benchmarkNames as readonly string[]).includes(name);
}

/**
 * The definition of a benchmark. An unknown name is an `InputError` listing the known ones.
 *
 * @example
 * getBenchmark('geomlama').options // { languages: 'list', language: 'string', noCountry: 'boolean', strict: 'boolean' }
 */
export function getBenchmark(name: string): Registered {
  const benchmark = benchmarks.find((candidate) => candidate.name === name);
  if (!benchmark) throw new InputError(`unknown benchmark adapter "${name}"; adapters: ${benchmarkNames.join(', ')}`);
  return benchmark;
}

/**
 * Loads a benchmark through its adapter. An unknown name is an `InputError` listing the known ones.
 *
 * @example
 * const dataset = await loadBenchmark('blend', '/data/blend', { countries: ['UK'], onWarning: console.warn });
 * console.log(dataset.items.length, dataset.skippedInvalid, dataset.notes);
 */
export async function loadBenchmark(name: string, path: string, options: BenchmarkOptions = {}): Promise<AdapterDataset> {
  const benchmark: BenchmarkDefinition<string, BenchmarkOptions> = getBenchmark(name);
  return benchmark.load(path, options);
}

/**
 * The scoring protocol with this id: the default protocol (`default`) or a benchmark's.
 *
 * @example
 * getProtocol('blend-sem')?.rubrics(item) // []
 */
export function getProtocol(id: string): ScoringProtocol | undefined {
  return protocols.get(id);
}

/** The ids of every protocol, sorted. */
export function protocolIds(): string[] {
  return [...protocols.keys()].sort();
}

/**
 * The protocol an item is asked and scored by: the one it names, or the default protocol. A name that no benchmark
 * defines is an `InputError` (the plan rejects such items before any call).
 *
 * @example
 * protocolFor({ ...item, protocol: 'geomlama' }).id // 'geomlama'
 * protocolFor(itemWithoutProtocol).id               // 'default'
 */
export function protocolFor(item: Item): ScoringProtocol {
  if (item.protocol === undefined) return defaultProtocol;
  const protocol = protocols.get(item.protocol);
  if (!protocol) throw new InputError(`item ${item.id}: unknown scoring protocol "${item.protocol}"; known: ${protocolIds().join(', ')}`);
  return protocol;
}

/**
 * The judge rubric with this id (the cultural-safety pair, or a benchmark's), or `undefined`.
 *
 * @example
 * getRubric('cultural-safety-respectfulness')?.metrics // ['respectfulness']
 */
export function getRubric(id: string): JudgeRubric | undefined {
  return rubrics.get(id);
}

/**
 * The ids of every rubric, sorted.
 *
 * @example
 * rubricIds() // ['aeval-score', 'chisafety-refusal', 'cultural-safety-awareness', 'cultural-safety-respectfulness']
 */
export function rubricIds(): string[] {
  return [...rubrics.keys()].sort();
}
