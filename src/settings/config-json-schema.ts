import { z } from 'zod';
import { configSchema } from './load-config.js';

/**
 * The JSON Schema of `culturekit.config.yaml`, generated from the zod schema that reads it (so the two cannot drift):
 * committed as `schema/config.schema.json`, referenced from generated configs with `# yaml-language-server: $schema=…`
 * for completion and checks in editors. Regenerate: `node --import tsx scripts/write-config-schema.ts`.
 *
 * @example
 * configJsonSchema().properties.models // { type: 'array', items: … }
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'https://github.com/culturekit/culturekit/schema/config.schema.json',
    title: 'culturekit.config.yaml',
    description: 'Models, judges, dataset, call policies, run options, prices, quality gate and plugins of a culturekit run.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
}
