import type { CulturalDescription } from '../schema/description.js';
import type { Item } from '../schema/item.js';
import { createHash } from 'node:crypto';
import { canonicalJson } from '../util/hash.js';

/** A loaded, validated dataset: what every later stage reads. */
export interface Dataset {
  /** What was asked for: `builtin:sample` or the file path as given. */
  ref: string;
  descriptions: CulturalDescription[];
  items: Item[];
  /** Invalid records dropped because `skipInvalid` was set (0 otherwise). */
  skippedInvalid: number;
  /** sha256 hex of the canonical JSON of `{ descriptions, items }`: equal content, equal hash, whatever the key order. */
  hash: string;
}

/**
 * The content hash of a dataset: sha256 hex of the canonical JSON (keys sorted) of `{ descriptions, items }`.
 *
 * @example
 * datasetHash([], [{ id: 'q1', kind: 'knowledge', format: 'open', prompt: 'Hi', language: 'en' }]); // '3b1f…'
 */
export function datasetHash(descriptions: readonly CulturalDescription[], items: readonly Item[]): string {
  // Fed record by record: the same bytes as the canonical JSON of the whole, without building that one large string.
  const hash = createHash('sha256');
  const list = (opening: string, records: readonly unknown[]) => {
    hash.update(opening);
    for (let index = 0; index < records.length; index++) hash.update(index === 0 ? canonicalJson(records[index]) : `,${canonicalJson(records[index])}`);
    hash.update(']');
  };
  list('{"descriptions":[', descriptions);
  list(',"items":[', items);
  hash.update('}');
  return hash.digest('hex');
}
