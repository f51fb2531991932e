import { createMinHasher, findNearDuplicates, type NearDuplicateOptions } from '../../build/minhash.js';
import type { Dataset } from '../../datasets/dataset.js';
import type { Item } from '../../schema/item.js';
import { hashToSeed } from '../../util/seeded-random.js';

/** The group an item is split by: its description, or the item itself when it has none. */
export function splitGroupOf(item: Item): string {
  return item.descriptionId ?? `item:${item.id}`;
}

export interface EvalSplit {
  /** Items that may be trained on. */
  trainItems: Item[];
  /** Held-out items of the dataset (from `--eval-fraction`), to evaluate with. */
  heldOutItems: Item[];
  /** Every eval item the training set is checked against (held-out items plus an explicit eval set). */
  evalItems: Item[];
  /** Groups (descriptions) in the eval side. */
  evalGroups: Set<string>;
  /** Dataset items dropped from training because their description is on the eval side. */
  droppedByDescription: number;
  trainGroups: number;
}

/**
 * Splits a dataset by description: a seeded `fraction` of its descriptions (by a hash of the seed and the id, so the
 * choice is stable when other descriptions are added) and every description of an explicit eval set go to the eval
 * side with all their items; training keeps the rest. No description is on both sides.
 *
 * @example
 * const split = splitByDescription(dataset, { fraction: 0.2, seed: 1 });
 * split.trainItems.every((item) => !split.evalGroups.has(splitGroupOf(item))) // true
 */
export function splitByDescription(dataset: Dataset, options: { fraction?: number; evalSet?: Dataset; seed: number }): EvalSplit {
  const groups = [...new Set(dataset.items.map(splitGroupOf))];
  const ranked = groups
    .map((group) => ({ group, rank: hashToSeed(`${options.seed}\u0000${group}`) }))
    .sort((left, right) => left.rank - right.rank || (left.group < right.group ? -1 : 1));
  const heldOutCount = Math.round((options.fraction ?? 0) * groups.length);
  const heldOutGroups = new Set(ranked.slice(0, heldOutCount).map(({ group }) => group));
  const evalGroups = new Set(heldOutGroups);
  for (const item of options.evalSet?.items ?? []) evalGroups.add(splitGroupOf(item));
  for (const description of options.evalSet?.descriptions ?? []) evalGroups.add(description.id);
  const trainItems: Item[] = [];
  const heldOutItems: Item[] = [];
  let droppedByDescription = 0;
  for (const item of dataset.items) {
    const group = splitGroupOf(item);
    if (heldOutGroups.has(group)) heldOutItems.push(item);
    else if (evalGroups.has(group)) droppedByDescription++;
    else trainItems.push(item);
  }
  const evalItems = [...heldOutItems, ...(options.evalSet?.items ?? [])];
  return {
    trainItems,
    heldOutItems,
    evalItems,
    evalGroups,
    droppedByDescription: droppedByDescription + heldOutItems.length,
    trainGroups: new Set(trainItems.map(splitGroupOf)).size,
  };
}

/** A training text that nearly repeats an eval text. */
export interface Leak {
  /** Index in the training texts. */
  index: number;
  /** Index in the eval texts. */
  evalIndex: number;
  similarity: number;
}

/**
 * Training texts that are near-duplicates of an eval text (MinHash with LSH from `build/minhash.ts`: estimated Jaccard
 * similarity of character shingles at or above the threshold). A training text that repeats another training text is
 * compared with the eval texts directly, so no leak hides behind a duplicate.
 *
 * @example
 * findLeaks(['Is tipping expected in Japan ?'], ['Is tipping expected in Japan?']) // [{ index: 0, evalIndex: 0, similarity: 1 }]
 */
export function findLeaks(trainTexts: readonly string[], evalTexts: readonly string[], options: NearDuplicateOptions = {}): Leak[] {
  if (trainTexts.length === 0 || evalTexts.length === 0) return [];
  const threshold = options.threshold ?? 0.8;
  const leaks: Leak[] = [];
  const evalCount = evalTexts.length;
  const recheck: number[] = [];
  for (const duplicate of findNearDuplicates([...evalTexts, ...trainTexts], options)) {
    if (duplicate.index < evalCount) continue;
    if (duplicate.of < evalCount) leaks.push({ index: duplicate.index - evalCount, evalIndex: duplicate.of, similarity: duplicate.similarity });
    else recheck.push(duplicate.index - evalCount);
  }
  if (recheck.length > 0) {
    const minhash = createMinHasher(options);
    const evalSignatures = evalTexts.map((text) => minhash.signature(text));
    for (const index of recheck) {
      const signature = minhash.signature(trainTexts[index]);
      let best: Leak | undefined;
      evalSignatures.forEach((evalSignature, evalIndex) => {
        const similarity = minhash.similarity(signature, evalSignature);
        if (similarity >= threshold && (!best || similarity > best.similarity)) best = { index, evalIndex, similarity };
      });
      if (best) leaks.push(best);
    }
  }
  return leaks.sort((left, right) => left.index - right.index);
}
