import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { DatasetError } from '../errors/culturekit-error.js';
import type { CulturalDescription } from '../schema/description.js';
import type { Item } from '../schema/item.js';
import { collectGarbage } from '../util/collect-garbage.js';
import { DatasetHasher, datasetHash, type ItemSource } from './dataset.js';
import { COLLECT_EVERY } from './load-dataset.js';
import { normalizeRecord } from './normalize-record.js';
import { streamJsonLines } from './read-jsonl.js';
import { RecordChecker } from './record-checker.js';

/**
 * Where the items of a checked JSON Lines dataset are in its file, with what planning needs of each (id, kind,
 * protocol) and what the run needs of the whole (hash, descriptions): a run reads its items back line by line instead of
 * holding them. Plain JSON, so that a resume can keep it (with the file's fingerprint) instead of checking the file again.
 */
export interface JsonLinesIndex {
  /** `datasetHash` of the file's descriptions and items. */
  hash: string;
  skippedInvalid: number;
  descriptions: CulturalDescription[];
  ids: string[];
  /** Each item's kind as an index into `kindNames`. */
  kinds: number[];
  kindNames: Item['kind'][];
  /** Protocols of the items that name one, by position. */
  protocols: Record<number, string>;
  /** Byte offset and length of each item's line. */
  offsets: number[];
  lengths: number[];
}

/** What identifies a file's bytes: its size and their sha256 (fast next to parsing them: ~1 GB/s). */
export interface FileFingerprint {
  size: number;
  sha256: string;
}

/**
 * Reads, checks and hashes a JSON Lines dataset as a stream (the rules and errors of `loadGenericDataset`), holding of
 * each item only its id, kind, protocol and place in the file.
 *
 * @example
 * const index = await indexJsonLines('items.jsonl', { skipInvalid: true, onWarning: console.warn });
 */
export async function indexJsonLines(file: string, options: { skipInvalid?: boolean; onWarning?: (message: string) => void } = {}): Promise<JsonLinesIndex> {
  const checker = new RecordChecker(file);
  const hasher = new DatasetHasher();
  const index: JsonLinesIndex = { hash: '', skippedInvalid: 0, descriptions: [], ids: [], kinds: [], kindNames: [], protocols: {}, offsets: [], lengths: [] };
  let read = 0;
  for await (const entry of streamJsonLines(file)) {
    if (++read % COLLECT_EVERY === 0) collectGarbage();
    if ('problem' in entry) {
      checker.addProblem(entry.problem);
      continue;
    }
    const checked = checker.checkLine(entry.record);
    if (checked?.type === 'description') {
      index.descriptions.push(checked.description);
      hasher.description(checked.description);
    } else if (checked) {
      const { item } = checked;
      let kind = index.kindNames.indexOf(item.kind);
      if (kind < 0) kind = index.kindNames.push(item.kind) - 1;
      if (item.protocol !== undefined) index.protocols[index.ids.length] = item.protocol;
      index.ids.push(item.id);
      index.kinds.push(kind);
      index.offsets.push(entry.offset);
      index.lengths.push(entry.length);
      hasher.item(item);
    }
  }
  index.skippedInvalid = checker.finish({ items: index.ids.length, descriptions: index.descriptions.length }, options);
  if (hasher.ordered) index.hash = hasher.digest();
  else {
    // A description after an item: the hash puts every description first, so the items are read once more.
    const items = new JsonLinesItems(file, index);
    try {
      index.hash = datasetHash(index.descriptions, items.iterate());
    } finally {
      items.close();
    }
  }
  return index;
}

/** Items kept once made, for the other models of the run (a few batches' worth). */
const RECENT_ITEMS = 4_096;

/** Positions whose lines are read with one `read` when they are this close. */
const SPAN_BYTES = 1 << 20;

/**
 * The items of an indexed JSON Lines file, read back by position (each line parsed and normalised again when asked
 * for, the last few thousand kept for the other models): what a run holds of its dataset is the index. The file stays open, so a file replaced on disk is still read as
 * it was; an item whose id is not the indexed one (the file was edited in place) is a `DatasetError`.
 */
export class JsonLinesItems implements ItemSource {
  private readonly fd: number;

  constructor(
    readonly file: string,
    readonly index: JsonLinesIndex,
    fd?: number,
  ) {
    this.fd = fd ?? openSync(file, 'r');
  }

  get length(): number {
    return this.index.ids.length;
  }

  idAt(position: number): string {
    return this.index.ids[position];
  }

  kindAt(position: number): Item['kind'] {
    return this.index.kindNames[this.index.kinds[position]];
  }

  protocolAt(position: number): string | undefined {
    return this.index.protocols[position];
  }

  itemsAt(positions: readonly number[]): Item[] {
    const { recent } = this;
    const missing = positions.filter((position) => !recent.has(position));
    const read = missing.length > 0 ? this.read(missing) : [];
    const made = new Map(missing.map((position, index) => [position, read[index]]));
    const items = positions.map((position) => recent.get(position) ?? made.get(position)!);
    for (const [position, item] of made) recent.set(position, item);
    for (const position of recent.keys()) {
      if (recent.size <= RECENT_ITEMS) break;
      recent.delete(position);
    }
    return items;
  }

  /** The most recently made items by position (oldest first): models that run side by side ask for the same items. */
  private readonly recent = new Map<number, Item>();

  private read(positions: readonly number[]): Item[] {
    const { offsets, lengths } = this.index;
    const items: Item[] = [];
    let first = 0;
    while (first < positions.length) {
      // One read for a run of positions whose lines lie close together in the file.
      const start = offsets[positions[first]];
      let last = first;
      while (
        last + 1 < positions.length &&
        offsets[positions[last + 1]] + lengths[positions[last + 1]] - start <= SPAN_BYTES &&
        positions[last + 1] > positions[last]
      )
        last++;
      const end = offsets[positions[last]] + lengths[positions[last]];
      const buffer = Buffer.allocUnsafe(end - start);
      const got = readSync(this.fd, buffer, 0, buffer.length, start);
      for (let at = first; at <= last; at++) {
        const position = positions[at];
        const from = offsets[position] - start;
        items.push(this.parse(position, got < from + lengths[position] ? '' : buffer.toString('utf8', from, from + lengths[position])));
      }
      first = last + 1;
    }
    return items;
  }

  /** Every item in file order, read in batches. */
  *iterate(batch = 500): Generator<Item> {
    for (let start = 0; start < this.length; start += batch) {
      yield* this.itemsAt(Array.from({ length: Math.min(batch, this.length - start) }, (_, offset) => start + offset));
    }
  }

  private parse(position: number, text: string): Item {
    let normalized: ReturnType<typeof normalizeRecord> | undefined;
    try {
      normalized = normalizeRecord(JSON.parse(text.endsWith('\r') ? text.slice(0, -1) : text));
    } catch {
      // reported below
    }
    if (normalized?.type !== 'item' || normalized.item.id !== this.index.ids[position]) {
      const problem = `item "${this.index.ids[position]}" is no longer at byte ${this.index.offsets[position]}: the file changed during the run`;
      throw new DatasetError(
        [{ file: this.file, line: 0, field: '', problem }],
        `dataset ${this.file} changed while the run read it; resume the run (it checks the file again)`,
      );
    }
    return normalized.item;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * Opens a file and fingerprints its bytes through the same descriptor, which stays open for reading the items back.
 *
 * @example
 * const { fd, fingerprint } = openFingerprinted('items.jsonl');
 */
export function openFingerprinted(file: string): { fd: number; fingerprint: FileFingerprint } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new DatasetError([], `cannot read dataset ${file}: ${(error as Error).message}`);
  }
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  let position = 0;
  for (let got = readSync(fd, buffer, 0, buffer.length, 0); got > 0; got = readSync(fd, buffer, 0, buffer.length, position)) {
    hash.update(buffer.subarray(0, got));
    position += got;
  }
  return { fd, fingerprint: { size: fstatSync(fd).size, sha256: hash.digest('hex') } };
}
