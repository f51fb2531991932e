import type { BenchmarkDetection, BenchmarkDiagnostics, OptionKind } from '../benchmarks/benchmark-definition.js';
import type { ModelBackend } from '../models/create-language-model.js';
import type { JudgeRubric } from '../scoring/judge/judge-rubric.js';
import type { ScoringProtocol } from '../scoring/protocol.js';

export type { ModelBackend } from '../models/create-language-model.js';
export type { LanguageModel, GenerateRequest, GenerateResult } from '../models/language-model.js';
export type { ScoringProtocol } from '../scoring/protocol.js';
export type { JudgeRubric } from '../scoring/judge/judge-rubric.js';

/** What a plugin benchmark's `load` returns: plain records, validated by culturekit (each like a line of a `.jsonl` dataset). */
export interface PluginDataset {
  /** Items: `{ id, kind, format, prompt, choices?, answer?, reference?, language, country?, category?, protocol?, … }`. */
  items: readonly unknown[];
  /** Cultural descriptions the items point to with `descriptionId`. */
  descriptions?: readonly unknown[];
  /** What was left out on purpose and why; shown as warnings. */
  notes?: readonly string[];
}

/**
 * A benchmark a plugin adds: read by `--dataset <name>:<path>[?option=value]`, scored by its own protocols (items name
 * them in `protocol`) and judged by its own rubrics (protocols name them in `rubrics(item)`).
 */
export interface PluginBenchmark {
  /** The name in `--dataset <name>:<path>`; must not be a built-in benchmark's. */
  name: string;
  title: string;
  /** Options a reference may carry (`?seed=7`), with how each is read. */
  options?: Record<string, OptionKind>;
  /** How a path is recognised without `<name>:` (optional). */
  detection?: BenchmarkDetection;
  /** Reads the benchmark's files. Invalid records are skipped (with a warning) unless the `strict` option is set. */
  load(path: string, options: Record<string, unknown>): PluginDataset | Promise<PluginDataset>;
  protocols?: readonly ScoringProtocol[];
  rubrics?: readonly JudgeRubric[];
  diagnostics?: BenchmarkDiagnostics<object>;
}

/**
 * A culturekit plugin: an ESM module whose default export is `definePlugin({...})`, named in the config file's
 * `plugins:` list. It adds benchmarks and model backends (a provider name for `--model <provider>:<name>`). Plugins are
 * loaded per run into a registry with the built-in ones; nothing is registered globally. See examples/plugins/.
 *
 * @example
 * // my-plugin.mjs
 * export default { name: 'my-plugin', benchmarks: [{ name: 'proverbs', title: 'Proverbs', load: readProverbs, protocols: [proverbProtocol] }] };
 */
export interface CulturekitPlugin {
  /** A name for messages. */
  name: string;
  benchmarks?: readonly PluginBenchmark[];
  backends?: readonly ModelBackend[];
}

/**
 * Declares a plugin with its types checked (it returns its argument).
 *
 * @example
 * export default definePlugin({ name: 'echo', backends: [{ provider: 'echo', create: ({ model }) => createEchoModel(model) }] });
 */
export function definePlugin(plugin: CulturekitPlugin): CulturekitPlugin {
  return plugin;
}
