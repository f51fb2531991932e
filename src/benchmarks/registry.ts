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

/** A benchmark definition as the registry reads it: any name and options (plugins' benchmarks are not known at build time). */
// biome-ignore lint/suspicious/noExplicitAny: each benchmark reads its own options; the registry passes them through.
export type AnyBenchmarkDefinition = BenchmarkDefinition<string, any, any>;

/**
 * The benchmarks, protocols and rubrics one run can use: the built-in ones plus any given (from plugins). Built as a
 * value and passed where it is needed: nothing registers itself globally, so two runs with different plugins do not
 * see each other's benchmarks.
 */
export interface BenchmarkRegistry {
  readonly benchmarks: readonly AnyBenchmarkDefinition[];
  readonly names: readonly string[];
  isBenchmarkName(name: string): boolean;
  /** The definition of a benchmark; an unknown name is an `InputError` listing the known ones. */
  getBenchmark(name: string): AnyBenchmarkDefinition;
  loadBenchmark(name: string, path: string, options?: BenchmarkOptions): Promise<AdapterDataset>;
  getProtocol(id: string): ScoringProtocol | undefined;
  protocolIds(): string[];
  protocolFor(item: Item): ScoringProtocol;
  getRubric(id: string): JudgeRubric | undefined;
  rubricIds(): string[];
}

/**
 * A registry of the built-in benchmarks plus `extra` ones (plugins'). A name, protocol id or rubric id given twice is an
 * `InputError` naming it.
 *
 * @example
 * const registry = createBenchmarkRegistry([myBenchmark]);
 * await registry.loadBenchmark('my-benchmark', './data.json');
 */
export function createBenchmarkRegistry(extra: readonly AnyBenchmarkDefinition[] = []): BenchmarkRegistry {
  const all: readonly AnyBenchmarkDefinition[] = [...benchmarks, ...extra];
  const names = all.map((benchmark) => benchmark.name);
  const protocols = new Map<string, ScoringProtocol>();
  const rubrics = new Map<string, JudgeRubric>();
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new InputError(`benchmark "${name}" is defined twice (a plugin may not reuse a benchmark's name)`);
    seen.add(name);
  }
  for (const protocol of [...GENERIC_PROTOCOLS, ...all.flatMap((benchmark) => benchmark.protocols)]) {
    if (protocols.has(protocol.id)) throw new InputError(`scoring protocol "${protocol.id}" is listed twice`);
    protocols.set(protocol.id, protocol);
  }
  for (const rubric of [...GENERIC_RUBRICS, ...all.flatMap((benchmark) => benchmark.rubrics)]) {
    if (rubrics.has(rubric.id)) throw new InputError(`judge rubric "${rubric.id}" is listed twice`);
    rubrics.set(rubric.id, rubric);
  }
  const protocolIds = () => [...protocols.keys()].sort();
  const getBenchmark = (name: string): AnyBenchmarkDefinition => {
    const benchmark = all.find((candidate) => candidate.name === name);
    if (!benchmark) throw new InputError(`unknown benchmark adapter "${name}"; adapters: ${names.join(', ')}`);
    return benchmark;
  };
  return {
    benchmarks: all,
    names,
    isBenchmarkName: (name) => names.includes(name),
    getBenchmark,
    loadBenchmark: (name, path, options = {}) => getBenchmark(name).load(path, options),
    getProtocol: (id) => protocols.get(id),
    protocolIds,
    protocolFor(item) {
      if (item.protocol === undefined) return defaultProtocol;
      const protocol = protocols.get(item.protocol);
      if (!protocol) throw new InputError(`item ${item.id}: unknown scoring protocol "${item.protocol}"; known: ${protocolIds().join(', ')}`);
      return protocol;
    },
    getRubric: (id) => rubrics.get(id),
    rubricIds: () => [...rubrics.keys()].sort(),
  };
}

/** The built-in benchmarks only: what the functions below use, and what a run uses without plugins. */
export const builtinRegistry: BenchmarkRegistry = createBenchmarkRegistry();

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
  return builtinRegistry.getBenchmark(name) as Registered;
}

/**
 * Loads a benchmark through its adapter. An unknown name is an `InputError` listing the known ones.
 *
 * @example
 * const dataset = await loadBenchmark('blend', '/data/blend', { countries: ['UK'], onWarning: console.warn });
 * console.log(dataset.items.length, dataset.skippedInvalid, dataset.notes);
 */
export async function loadBenchmark(name: string, path: string, options: BenchmarkOptions = {}): Promise<AdapterDataset> {
  return builtinRegistry.loadBenchmark(name, path, options);
}

/**
 * The scoring protocol with this id: the default protocol (`default`) or a benchmark's.
 *
 * @example
 * getProtocol('blend-sem')?.rubrics(item) // []
 */
export function getProtocol(id: string): ScoringProtocol | undefined {
  return builtinRegistry.getProtocol(id);
}

/** The ids of every protocol, sorted. */
export function protocolIds(): string[] {
  return builtinRegistry.protocolIds();
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
  return builtinRegistry.protocolFor(item);
}

/**
 * The judge rubric with this id (the cultural-safety pair, or a benchmark's), or `undefined`.
 *
 * @example
 * getRubric('cultural-safety-respectfulness')?.metrics // ['respectfulness']
 */
export function getRubric(id: string): JudgeRubric | undefined {
  return builtinRegistry.getRubric(id);
}

/**
 * The ids of every rubric, sorted.
 *
 * @example
 * rubricIds() // ['aeval-score', 'chisafety-refusal', 'cultural-safety-awareness', 'cultural-safety-respectfulness']
 */
export function rubricIds(): string[] {
  return builtinRegistry.rubricIds();
}
