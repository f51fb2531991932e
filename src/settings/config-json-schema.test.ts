import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { configJsonSchema } from './config-json-schema.js';

test('the committed schema/config.schema.json is the one generated from the zod schema (regenerate: node --import tsx scripts/write-config-schema.ts)', () => {
  const committed = JSON.parse(readFileSync(new URL('../../schema/config.schema.json', import.meta.url), 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(configJsonSchema())));
  const properties = committed.properties as Record<string, unknown>;
  for (const key of ['models', 'judges', 'dataset', 'prices', 'gate', 'plugins', 'maxCost', 'adaptiveConcurrency']) assert.ok(key in properties, key);
  assert.equal(committed.additionalProperties, false);
});
