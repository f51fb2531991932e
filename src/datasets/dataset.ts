import type { CulturalDescription } from '../schema/description.js';
import type { Item } from '../schema/item.js';
import { createHash, type Hash } from 'node:crypto';
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
 * A dataset's items by position, made when they are asked for: a list held in memory (`arrayItemSource`), or a JSON
 * Lines file read back line by line (`json-lines-items.ts`), so that a run holds only the items in flight. The id, kind
 * and protocol of every item are known without making it (what planning and resuming need).
 */
export interface ItemSource {
  readonly length: number;
  idAt(position: number): string;
  kindAt(position: number): Item['kind'];
  protocolAt(position: number): string | undefined;
  /** The items at these positions, in that order. */
  itemsAt(positions: readonly number[]): Item[];
}

/**
 * Every item of a source, in order, read a chunk at a time (a file-backed source never holds them all).
 *
 * @example
 * for (const item of eachItem(dataset.items)) count(item);
 */
export function* eachItem(source: ItemSource | readonly Item[], chunk = 1024): Generator<Item> {
  if (Array.isArray(source)) {
    yield* source as readonly Item[];
    return;
  }
  const items = source as ItemSource;
  for (let start = 0; start < items.length; start += chunk) {
    yield* items.itemsAt(Array.from({ length: Math.min(chunk, items.length - start) }, (_, index) => start + index));
  }
}

/** An item source over items held in memory. */
export function arrayItemSource(items: readonly Item[]): ItemSource {
  return {
    length: items.length,
    idAt: (position) => items[position].id,
    kindAt: (position) => items[position].kind,
    protocolAt: (position) => items[position].protocol,
    itemsAt: (positions) => positions.map((position) => items[position]),
  };
}

/**
 * The content hash of a dataset fed record by record: the same bytes as the canonical JSON of
 * `{ descriptions, items }` (keys sorted), without building that one large string. The descriptions must all come
 * before the first item (`ordered` says whether they did); `datasetHash` orders them itself.
 */
export class DatasetHasher {
  private readonly hash: Hash = createHash('sha256');
  private descriptions = 0;
  private items = 0;
  /** False once a description was given after an item: the digest would then not be the dataset's hash. */
  ordered = true;

  constructor() {
    this.hash.update('{"descriptions":[');
  }

  description(description: CulturalDescription): void {
    if (this.items > 0) this.ordered = false;
    this.hash.update(this.descriptions++ === 0 ? canonicalJson(description) : `,${canonicalJson(description)}`);
  }

  item(item: Item): void {
    if (this.items === 0) this.hash.update('],"items":[');
    this.hash.update(this.items++ === 0 ? canonicalJson(item) : `,${canonicalJson(item)}`);
  }

  digest(): string {
    if (this.items === 0) this.hash.update('],"items":[');
    this.hash.update(']}');
    return this.hash.digest('hex');
  }
}

/**
 * The content hash of a dataset: sha256 hex of the canonical JSON (keys sorted) of `{ descriptions, items }`.
 *
 * @example
 * datasetHash([], [{ id: 'q1', kind: 'knowledge', format: 'open', prompt: 'Hi', language: 'en' }]); // '3b1f…'
 */
export function datasetHash(descriptions: readonly CulturalDescription[], items: Iterable<Item>): string {
  const hasher = new DatasetHasher();
  for (const description of descriptions) hasher.description(description);
  for (const item of items) hasher.item(item);
  return hasher.digest();
}
