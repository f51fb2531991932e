import type { CulturalDescription } from '../schema/description.js';
import type { Item } from '../schema/item.js';
import { canonicalJson, sha256Hex } from '../util/hash.js';

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
  return sha256Hex(canonicalJson({ descriptions, items }));
}
