import type { ScoredDocument } from './bm25-index.js';

/** The usual RRF constant (Cormack et al., 2009). */
export const RRF_K = 60;

/**
 * Fuses ranked lists by reciprocal rank fusion: each document scores the sum of `1 / (60 + rank)` over the
 * lists it appears in (rank from 1). Best first, ties by document position.
 *
 * @example
 * reciprocalRankFusion([[{ document: 3, score: 9 }, { document: 1, score: 2 }], [{ document: 1, score: 0.8 }]], 2)
 * // [{ document: 1, score: 0.0325… }, { document: 3, score: 0.0164… }]
 */
export function reciprocalRankFusion(lists: readonly (readonly ScoredDocument[])[], limit: number): ScoredDocument[] {
  const fused = new Map<number, number>();
  for (const list of lists) {
    list.forEach(({ document }, index) => fused.set(document, (fused.get(document) ?? 0) + 1 / (RRF_K + index + 1)));
  }
  return [...fused]
    .map(([document, score]) => ({ document, score }))
    .sort((left, right) => right.score - left.score || left.document - right.document)
    .slice(0, limit);
}
