import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { InputError } from '../errors/culturekit-error.js';
import { gateSettingsSchema } from '../schema/gate.js';
import { modelPriceSchema } from '../schema/price.js';
import { callPolicySchema, modelEntrySchema, runOptionsSchema } from '../schema/manifest.js';
import { RUN_DEFAULTS } from './run-defaults.js';

/** `culturekit.config.yaml`: models, dataset, model-call policies and run options. How it merges with flags: `resolveRunSettings`. */
export const configSchema = z
  .object({
    dataset: z.string().optional().describe('builtin:sample, <benchmark>:<path>[?options], or a .jsonl/.json/.csv/.parquet file'),
    db: z.string().optional().describe('SQLite store for the cache and all runs (default .culturekit/culturekit.db)'),
    out: z.string().optional().describe('folder for manifest.json, results.jsonl and summary.json (default runs/<run id>)'),
    baseUrl: z.string().optional().describe('OpenAI-compatible base URL for openai: models without their own'),
    models: z
      .array(z.union([z.string().min(1), modelEntrySchema.strict()]))
      .optional()
      .describe('models to evaluate: openai:<name>, llama:<path.gguf>, or a plugin backend <provider>:<name>; or entries with their own call policies'),
    judges: z
      .array(z.union([z.string().min(1), modelEntrySchema.strict()]))
      .optional()
      .describe('judge models that score open responses with rubrics (a panel when several)'),
    judgeBaseUrl: z.string().optional().describe('base URL for openai: judges (default: baseUrl)'),
    extractor: z
      .union([z.string().min(1), modelEntrySchema.strict()])
      .optional()
      .describe('a model that reads the chosen option where the extraction rules cannot (letter or NONE)'),
    ...callPolicySchema.shape,
    /** Run options; the same fields and checks as a manifest's `options`. */
    options: runOptionsSchema.partial().strict().optional().describe('run options: kinds, conditions, mcqMethod, shuffleSeed, temperature, maxTokens, limit…'),
    /** Prices per model spec (models and judges), in US dollars per million input and output tokens. */
    prices: z.record(z.string().min(1), modelPriceSchema).optional().describe('US dollars per million input/output tokens, per model spec'),
    /** Stop starting new items once this invocation has spent this many US dollars (by `prices`); the run can be resumed. */
    maxCost: z.number().positive().optional().describe('stop starting new items once this invocation spent this many US dollars'),
    /** Quality gate: thresholds, a baseline run, a JUnit file. */
    gate: gateSettingsSchema.optional().describe('quality gate: failUnder thresholds, a baseline run, a JUnit file'),
    /** Plugins: ESM modules (paths relative to this file, or package names) adding benchmarks and model backends. */
    otlpEndpoint: z
      .string()
      .url()
      .optional()
      .describe(
        'send an OpenTelemetry span per model call (OTLP/HTTP JSON) to this collector, e.g. http://127.0.0.1:4318; default $OTEL_EXPORTER_OTLP_ENDPOINT',
      ),
    plugins: z
      .array(z.string().min(1))
      .optional()
      .describe('ESM plugin modules (paths relative to this file, or package names) adding benchmarks and model backends'),
  })
  .strict();
export type CulturekitConfig = z.infer<typeof configSchema>;

/**
 * Reads a config file; `undefined` when `path` is the default and does not exist.
 * Errors name the file, the line and the field.
 *
 * @example
 * const config = loadConfig('culturekit.config.yaml');
 */
export function loadConfig(path: string | undefined): CulturekitConfig | undefined {
  const file = path ?? RUN_DEFAULTS.configFile;
  if (!existsSync(file)) {
    if (path) throw new InputError(`config file ${path} does not exist`);
    return undefined;
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(readFileSync(file, 'utf8'), { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const line = lineCounter.linePos(error.pos[0]).line;
    throw new InputError(`${file}:${line}: ${error.message.split('\n')[0]}`);
  }
  const parsed = configSchema.safeParse(document.toJS() ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path as (string | number)[];
      const located = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]] : path;
      const node = (document.getIn(located, true) ?? document.getIn(path, true)) as { range?: [number, number, number] } | undefined;
      const line = node?.range ? lineCounter.linePos(node.range[0]).line : 1;
      return `${file}:${line}: ${path.join('.') || '(top level)'}: ${issue.message}`;
    });
    throw new InputError(problems.join('\n'));
  }
  const config = parsed.data;
  // Relative plugin paths are relative to the config file, wherever the command runs.
  if (config.plugins)
    config.plugins = config.plugins.map((plugin) => (/^\.\.?[\\/]/.test(plugin) && !isAbsolute(plugin) ? resolve(dirname(file), plugin) : plugin));
  return config;
}
