import { topScores, type ScoredDocument } from './bm25-index.js';

/**
 * Unit-length embeddings of documents, searched by cosine similarity (a dot product of unit vectors).
 *
 * @example
 * const index = new DenseIndex([[1, 0], [0, 1]]);
 * index.search([0.9, 0.1], 1) // [{ document: 0, score: 0.99… }]
 */
export class DenseIndex {
  readonly size: number;
  readonly dimensions: number;
  private readonly vectors: Float32Array;

  constructor(vectors: readonly ArrayLike<number>[]) {
    this.size = vectors.length;
    this.dimensions = vectors[0]?.length ?? 0;
    this.vectors = new Float32Array(this.size * this.dimensions);
    vectors.forEach((vector, document) => {
      if (vector.length !== this.dimensions) {
        throw new RangeError(`embedding ${document} has ${vector.length} dimensions, the first has ${this.dimensions}`);
      }
      this.vectors.set(unitVector(vector), document * this.dimensions);
    });
  }

  /** The `limit` documents most similar to the query (positive similarity only), best first; `accept` filters. */
  search(query: ArrayLike<number>, limit: number, accept?: (document: number) => boolean): ScoredDocument[] {
    if (query.length !== this.dimensions) {
      throw new RangeError(`the query embedding has ${query.length} dimensions, the documents ${this.dimensions}`);
    }
    const unit = unitVector(query);
    const similarities = new Float64Array(this.size);
    const candidates: number[] = [];
    for (let document = 0; document < this.size; document++) {
      if (accept && !accept(document)) continue;
      let dot = 0;
      const offset = document * this.dimensions;
      for (let dimension = 0; dimension < this.dimensions; dimension++) dot += this.vectors[offset + dimension] * unit[dimension];
      if (dot > 0) {
        similarities[document] = dot;
        candidates.push(document);
      }
    }
    return topScores(candidates, (document) => similarities[document], limit);
  }
}

function unitVector(vector: ArrayLike<number>): Float32Array {
  let norm = 0;
  for (let index = 0; index < vector.length; index++) norm += vector[index] * vector[index];
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const unit = new Float32Array(vector.length);
  for (let index = 0; index < vector.length; index++) unit[index] = vector[index] * scale;
  return unit;
}
