import { existsSync, readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { InputError } from '../errors/culturekit-error.js';
import { callPolicySchema, modelEntrySchema, runOptionsSchema } from '../schema/manifest.js';
import { RUN_DEFAULTS } from './run-defaults.js';

/** `culturekit.config.yaml`: models, dataset, model-call policies and run options. How it merges with flags: `resolveRunSettings`. */
export const configSchema = z
  .object({
    dataset: z.string().optional(),
    db: z.string().optional(),
    out: z.string().optional(),
    baseUrl: z.string().optional(),
    models: z.array(z.union([z.string().min(1), modelEntrySchema.strict()])).optional(),
    judges: z.array(z.union([z.string().min(1), modelEntrySchema.strict()])).optional(),
    judgeBaseUrl: z.string().optional(),
    extractor: z.union([z.string().min(1), modelEntrySchema.strict()]).optional(),
    ...callPolicySchema.shape,
    /** Run options; the same fields and checks as a manifest's `options`. */
    options: runOptionsSchema.partial().strict().optional(),
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
  return parsed.data;
}
