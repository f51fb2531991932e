// Writes schema/config.schema.json from the config's zod schema: node --import tsx scripts/write-config-schema.ts
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../src/settings/config-json-schema.js';

writeFileSync(new URL('../schema/config.schema.json', import.meta.url), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
