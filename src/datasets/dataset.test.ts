import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CulturalDescription } from '../schema/description.js';
import type { Item } from '../schema/item.js';
import { canonicalJson, sha256Hex } from '../util/hash.js';
import { datasetHash } from './dataset.js';

test('the dataset hash, fed record by record, is the sha256 of the canonical JSON of the whole', () => {
  const descriptions = [{ id: 'd1', country: 'JP', topic: 'gifts', language: 'ja', text: '贈り物は両手で', source: 'x' }] as unknown as CulturalDescription[];
  const items: Item[] = [
    { language: 'en', id: 'q1', kind: 'knowledge', format: 'mcq', prompt: 'Which?', choices: ['a', 'b'], answer: 'A', metadata: { z: 1, a: [2, { y: 'é' }] } },
    { id: 'q2', kind: 'safety', format: 'open', prompt: 'Plan "a" party', language: 'en', country: undefined },
  ];
  for (const [someDescriptions, someItems] of [
    [descriptions, items],
    [[], items],
    [descriptions, []],
    [[], []],
  ] as const) {
    assert.equal(datasetHash(someDescriptions, someItems), sha256Hex(canonicalJson({ descriptions: someDescriptions, items: someItems })));
  }
});
