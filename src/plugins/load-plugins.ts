import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBenchmarkRegistry, type AnyBenchmarkDefinition, type BenchmarkRegistry } from '../benchmarks/registry.js';
import { DatasetCollector } from '../benchmarks/shared/adapter-dataset.js';
import { InputError } from '../errors/culturekit-error.js';
import type { ModelBackend } from '../models/create-language-model.js';
import type { CulturalDescription } from '../schema/description.js';
import type { Item } from '../schema/item.js';
import type { CulturekitPlugin, PluginBenchmark } from './plugin.js';

export interface LoadedPlugins {
  plugins: CulturekitPlugin[];
  /** The built-in benchmarks plus the plugins'. */
  registry: BenchmarkRegistry;
  backends: ModelBackend[];
}

const BUILT_IN_PROVIDERS = ['openai', 'llama'];

/**
 * Imports plugin modules (absolute paths, `file:` URLs or package names) and checks what each exports: a default export
 * with a `name`, and `benchmarks` / `backends` of the right shape. A module that fails to load or exports something
 * else is an `InputError` naming it.
 *
 * @example
 * const { registry, backends } = await loadPlugins(['/repo/examples/plugins/proverbs-plugin.mjs']);
 */
export async function loadPlugins(specifiers: readonly string[]): Promise<LoadedPlugins> {
  const plugins: CulturekitPlugin[] = [];
  for (const specifier of specifiers) {
    let module: { default?: unknown };
    try {
      module = await import(isAbsolute(specifier) ? pathToFileURL(specifier).href : specifier);
    } catch (error) {
      throw new InputError(`plugin ${specifier} could not be loaded: ${(error as Error).message}`, { cause: error });
    }
    plugins.push(checkPlugin(module.default, specifier));
  }
  const backends = plugins.flatMap((plugin) => plugin.backends ?? []);
  const providers = new Set<string>();
  for (const backend of backends) {
    if (BUILT_IN_PROVIDERS.includes(backend.provider) || providers.has(backend.provider)) {
      throw new InputError(`model backend "${backend.provider}" is defined twice (built-in providers: ${BUILT_IN_PROVIDERS.join(', ')})`);
    }
    providers.add(backend.provider);
  }
  const benchmarks = plugins.flatMap((plugin) => (plugin.benchmarks ?? []).map((benchmark) => asDefinition(benchmark, plugin.name)));
  return { plugins, registry: createBenchmarkRegistry(benchmarks), backends };
}

function checkPlugin(value: unknown, specifier: string): CulturekitPlugin {
  const fail = (problem: string) => new InputError(`plugin ${specifier}: ${problem} (export default definePlugin({ name, benchmarks, backends }))`);
  if (value === null || typeof value !== 'object') throw fail('no default export');
  const plugin = value as Partial<CulturekitPlugin>;
  if (typeof plugin.name !== 'string' || !plugin.name) throw fail('the default export has no name');
  for (const [index, benchmark] of (plugin.benchmarks ?? []).entries()) {
    for (const field of ['name', 'title'] as const) if (typeof benchmark?.[field] !== 'string') throw fail(`benchmarks.${index}.${field} is not a string`);
    if (typeof benchmark.load !== 'function') throw fail(`benchmarks.${index}.load is not a function`);
    for (const field of ['protocols', 'rubrics'] as const) {
      if (benchmark[field] !== undefined && !Array.isArray(benchmark[field])) throw fail(`benchmarks.${index}.${field} must be an array`);
    }
  }
  for (const [index, backend] of (plugin.backends ?? []).entries()) {
    if (typeof backend?.provider !== 'string' || !/^[a-z][a-z0-9-]*$/.test(backend.provider))
      throw fail(`backends.${index}.provider must be a lower-case name`);
    if (typeof backend.create !== 'function') throw fail(`backends.${index}.create is not a function`);
  }
  return plugin as CulturekitPlugin;
}

/**
 * A plugin benchmark as the registry reads it: its records go through the same checks as a built-in adapter's (each
 * item and description against the schema, duplicate ids, `file:record: field: problem` messages).
 */
function asDefinition(benchmark: PluginBenchmark, pluginName: string): AnyBenchmarkDefinition {
  return {
    name: benchmark.name,
    title: benchmark.title,
    options: { ...benchmark.options, strict: 'boolean' },
    detection: benchmark.detection ?? {},
    protocols: benchmark.protocols ?? [],
    rubrics: benchmark.rubrics ?? [],
    diagnostics: benchmark.diagnostics,
    async load(path: string, options: Record<string, unknown> & { strict?: boolean; onWarning?: (message: string) => void } = {}) {
      const collector = new DatasetCollector(benchmark.name, `${benchmark.name}:${path}`, options);
      let raw: Awaited<ReturnType<PluginBenchmark['load']>>;
      try {
        raw = await benchmark.load(path, options);
      } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError(`benchmark ${benchmark.name} (plugin ${pluginName}) could not read ${path}: ${(error as Error).message}`, { cause: error });
      }
      const where = `${benchmark.name}:${path}`;
      (raw.descriptions ?? []).forEach((description, index) =>
        collector.addDescription(description as CulturalDescription, `${where} descriptions`, index + 1),
      );
      (raw.items ?? []).forEach((item, index) => collector.addItem(item as Item, `${where} items`, index + 1));
      for (const note of raw.notes ?? []) collector.note(note);
      return collector.finish();
    },
  };
}
