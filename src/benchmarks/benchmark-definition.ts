import type { CountryPreference, DiagnosticRow, Rate } from '../analysis/diagnostics.js';
import type { JudgeRubric } from '../scoring/judge/judge-rubric.js';
import type { ScoringProtocol } from '../scoring/protocol.js';
import type { AdapterDataset, BaseAdapterOptions } from './shared/adapter-dataset.js';

/** How an option's text in a dataset reference is read: `?seed=7` (number), `?languages=en,zh` (list), `?settings=1,2` (numberList)… */
export type OptionKind = 'number' | 'string' | 'boolean' | 'list' | 'numberList';

/** A file being probed for a benchmark's shape; its content is read on first use and shared by every benchmark's check. */
export interface FileProbe {
  path: string;
  /** The file's name, e.g. `mcq.json`. */
  fileName: string;
  /** Lower case, with the dot: `.json`, `.csv`, `.tsv`. */
  extension: string;
  text(): Promise<string>;
  /** The parsed JSON document (only asked of `.json` files). */
  json(): Promise<unknown>;
}

/** A folder being probed for a benchmark's layout. */
export interface FolderProbe {
  directory: string;
  /** The names in the folder. */
  names: readonly string[];
}

/** How a path is recognised as a benchmark's data when the user gives no `<name>:`. Each check answers only for a shape it is sure of. */
export interface BenchmarkDetection {
  file?(probe: FileProbe): boolean | Promise<boolean>;
  folder?(probe: FolderProbe): boolean | Promise<boolean>;
}

/** A fine-grained table of a report, as data: the report formats and draws it. */
export type DiagnosticTable =
  /** Drawn once per model × condition: which country's answer a model gives. */
  | { kind: 'country-preference'; title: string; preference: CountryPreference }
  /** Gathered into one table (by title) across models × conditions: one line per rate. */
  | { kind: 'rates'; title: string; rates: { label: string; rate: Rate }[] };

/**
 * A benchmark's diagnostics for one model × condition: computed from its result rows (the fields join the report's
 * `diagnostics.fineGrained` entries) and drawn as tables.
 */
export interface BenchmarkDiagnostics<Fields extends object> {
  /** The diagnostics of one model × condition's rows; undefined when the rows carry none of this benchmark's settings. */
  compute(rows: readonly DiagnosticRow[]): Fields | undefined;
  /** The tables of one entry (which may hold other benchmarks' fields too). */
  tables(entry: Partial<Fields>): DiagnosticTable[];
}

/**
 * Everything culturekit knows about one benchmark, listed in `src/benchmarks/registry.ts`. See CONTRIBUTING.md
 * ("Adding a benchmark").
 *
 * @example
 * export const aevalBenchmark = defineBenchmark({
 *   name: 'aeval',
 *   title: 'A-Eval (Chinese capability, judged 0–100)',
 *   options: { references: 'string', strict: 'boolean' },
 *   detection: { file: async (probe) => probe.extension === '.json' && looksLikeAEval(await probe.json()) },
 *   load: loadAEval,
 *   protocols: [judgedProtocol(AEVAL_PROTOCOL, ['aeval-score'])],
 *   rubrics: [aevalScoreRubric],
 * });
 */
export interface BenchmarkDefinition<Name extends string = string, Options extends BaseAdapterOptions = BaseAdapterOptions, Fields extends object = object> {
  /** The name in `--dataset <name>:<path>`. */
  name: Name;
  /** One line for listings: the benchmark and what it measures. */
  title: string;
  /** The options a dataset reference may carry (`<name>:<path>?option=value&…`), with how each is read. */
  options: { [Key in Exclude<keyof NoInfer<Options>, 'onWarning'>]?: OptionKind };
  detection: BenchmarkDetection;
  /** Reads the benchmark's files into items (and descriptions), skipping malformed records unless `strict`. */
  load(path: string, options?: Options): Promise<AdapterDataset>;
  /** The scoring protocols its items name in `item.protocol`. */
  protocols: readonly ScoringProtocol[];
  /** The judge rubrics its protocols name. */
  rubrics: readonly JudgeRubric[];
  diagnostics?: BenchmarkDiagnostics<Fields>;
}

/**
 * Declares a benchmark, keeping its name, options and diagnostic fields as precise types for the registry.
 *
 * @example
 * export const camelBenchmark = defineBenchmark({ name: 'camel', title: 'CAMeL', options: { seed: 'number' }, detection: {}, load: loadCamel, protocols: [camelBiasProtocol], rubrics: [] });
 */
export function defineBenchmark<const Name extends string, Options extends BaseAdapterOptions, Fields extends object = object>(
  definition: BenchmarkDefinition<Name, Options, Fields>,
): BenchmarkDefinition<Name, Options, Fields> {
  return definition;
}
