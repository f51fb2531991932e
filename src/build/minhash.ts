import { hashToSeed, seededRandom } from '../util/seeded-random.js';
import { foldText } from '../text/fold-text.js';

export interface MinHashOptions {
  /** Hash functions in a signature. Default 128. */
  permutations?: number;
  /** Code points per shingle. Default 3. */
  shingleSize?: number;
  /** Seed of the hash functions: equal seeds give equal signatures. Default 1. */
  seed?: number;
}

export interface NearDuplicateOptions extends MinHashOptions {
  /** Estimated Jaccard similarity at or above which two texts are near-duplicates. Default 0.8. */
  threshold?: number;
  /** LSH bands the signature is cut into to find candidate pairs (must divide `permutations`). Default: permutations / 4. */
  bands?: number;
}

/** A later text that nearly repeats an earlier one. */
export interface NearDuplicate {
  /** Index of the repeating text. */
  index: number;
  /** Index of the earlier text it repeats (itself kept). */
  of: number;
  /** Estimated Jaccard similarity of their shingle sets. */
  similarity: number;
}

/**
 * Lower-cases, applies NFKC and keeps letters, marks and digits, with single spaces between words: shingles then
 * compare wording, not punctuation or case, in every script (Latin, Han, Thai…).
 *
 * @example
 * normalizeForShingles('What  is the Custom?') // 'what is the custom'
 */
export function normalizeForShingles(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The set of character shingles (runs of `size` code points) of a normalised text; a shorter text is one shingle.
 *
 * @example
 * [...characterShingles('abcd', 3)] // ['abc', 'bcd']
 */
export function characterShingles(text: string, size = 3): Set<string> {
  const points = Array.from(normalizeForShingles(text));
  const shingles = new Set<string>();
  if (points.length === 0) return shingles;
  if (points.length <= size) {
    shingles.add(points.join(''));
    return shingles;
  }
  for (let start = 0; start + size <= points.length; start++) shingles.add(points.slice(start, start + size).join(''));
  return shingles;
}

/** Jaccard similarity of two sets (1 for two empty sets). */
export function jaccard(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const value of left) if (right.has(value)) shared++;
  return shared / (left.size + right.size - shared);
}

/** A 32-bit avalanche mix (murmur3's finalizer). */
function mix(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * A seeded MinHash: each of `permutations` hash functions is `mix(a·h + b)` over the 32-bit hash `h` of a shingle, with
 * odd `a` and any `b` drawn from the seed; a signature keeps each function's minimum over a text's shingles. The share
 * of equal slots in two signatures estimates the Jaccard similarity of the two shingle sets.
 *
 * @example
 * const minhash = createMinHasher({ permutations: 128, shingleSize: 3, seed: 1 });
 * minhash.similarity(minhash.signature('Remove your shoes at the door'), minhash.signature('Remove your shoes at the door.')) // 1
 */
export function createMinHasher(options: MinHashOptions = {}) {
  const permutations = options.permutations ?? 128;
  const shingleSize = options.shingleSize ?? 3;
  if (!Number.isInteger(permutations) || permutations < 1) throw new RangeError(`permutations must be a positive whole number, got ${permutations}`);
  if (!Number.isInteger(shingleSize) || shingleSize < 1) throw new RangeError(`shingleSize must be a positive whole number, got ${shingleSize}`);
  const random = seededRandom(options.seed ?? 1);
  const multipliers = new Uint32Array(permutations);
  const offsets = new Uint32Array(permutations);
  for (let index = 0; index < permutations; index++) {
    multipliers[index] = (Math.floor(random() * 0x100000000) | 1) >>> 0;
    offsets[index] = Math.floor(random() * 0x100000000) >>> 0;
  }
  return {
    permutations,
    shingleSize,
    /** The signature of a text (all slots 0xffffffff for a text without letters or digits). */
    signature(text: string): Uint32Array {
      const signature = new Uint32Array(permutations).fill(0xffffffff);
      for (const shingle of characterShingles(text, shingleSize)) {
        const base = hashToSeed(shingle);
        for (let index = 0; index < permutations; index++) {
          const value = mix((Math.imul(multipliers[index], base) + offsets[index]) >>> 0);
          if (value < signature[index]) signature[index] = value;
        }
      }
      return signature;
    },
    /** Estimated Jaccard similarity: the share of equal slots. */
    similarity(left: Uint32Array, right: Uint32Array): number {
      let equal = 0;
      for (let index = 0; index < permutations; index++) if (left[index] === right[index]) equal++;
      return equal / permutations;
    },
  };
}

/**
 * Finds near-duplicates in a list of texts: candidate pairs share a band of their MinHash signatures (LSH), and a pair
 * is a near-duplicate when its estimated Jaccard similarity reaches the threshold. The earlier text of a pair is kept;
 * a text that repeats a text already dropped is compared with the kept ones only.
 *
 * @example
 * findNearDuplicates(['Is tipping expected in Japan?', 'Is tipping expected in Japan ?', 'How do people greet in Thailand?'])
 * // [{ index: 1, of: 0, similarity: 1 }]
 */
export function findNearDuplicates(texts: readonly string[], options: NearDuplicateOptions = {}): NearDuplicate[] {
  const minhash = createMinHasher(options);
  const threshold = options.threshold ?? 0.8;
  const bands = options.bands ?? Math.max(1, Math.floor(minhash.permutations / 4));
  if (minhash.permutations % bands !== 0) throw new RangeError(`bands (${bands}) must divide permutations (${minhash.permutations})`);
  const rows = minhash.permutations / bands;
  const buckets = new Map<string, number[]>();
  const signatures: Uint32Array[] = [];
  const duplicates: NearDuplicate[] = [];
  texts.forEach((text, index) => {
    const signature = minhash.signature(text);
    signatures.push(signature);
    const keys: string[] = [];
    const candidates = new Set<number>();
    for (let band = 0; band < bands; band++) {
      const key = `${band}:${Array.from(signature.subarray(band * rows, (band + 1) * rows)).join(',')}`;
      keys.push(key);
      for (const other of buckets.get(key) ?? []) candidates.add(other);
    }
    let best: NearDuplicate | undefined;
    for (const other of [...candidates].sort((left, right) => left - right)) {
      const similarity = minhash.similarity(signature, signatures[other]);
      if (similarity >= threshold && (!best || similarity > best.similarity)) best = { index, of: other, similarity };
    }
    if (best) {
      duplicates.push(best);
      return;
    }
    for (const key of keys) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    }
  });
  return duplicates;
}
