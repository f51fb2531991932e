import type { AnyBenchmarkDefinition } from '../benchmarks/registry.js';
import type { ModelBackend } from '../models/create-language-model.js';

/**
 * A culturekit plugin: an ESM module whose default export is `definePlugin({...})`, named in the config file's
 * `plugins:` list. It adds benchmarks (an adapter that reads the files, the scoring protocols its items name, the judge
 * rubrics those protocols ask for) and model backends (a provider name for `--model <provider>:<name>`). Plugins are
 * loaded per run into a registry with the built-in ones; nothing is registered globally.
 *
 * @example
 * // my-plugin.mjs
 * import { definePlugin, defineBenchmark } from 'culturekit';
 * export default definePlugin({ name: 'my-plugin', benchmarks: [defineBenchmark({ name: 'proverbs', … })] });
 */
export interface CulturekitPlugin {
  /** A name for messages. */
  name: string;
  benchmarks?: readonly AnyBenchmarkDefinition[];
  backends?: readonly ModelBackend[];
}

/** Declares a plugin (types only: it returns its argument). */
export function definePlugin(plugin: CulturekitPlugin): CulturekitPlugin {
  return plugin;
}
