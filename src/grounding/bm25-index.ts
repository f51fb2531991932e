/** BM25 term-frequency saturation. */
const K1 = 1.2;
/** BM25 length normalisation. */
const B = 0.75;

export interface Posting {
  documents: Uint32Array;
  /** Precomputed BM25 weight of the term in each document (idf × saturated tf). */
  weights: Float32Array;
}

export interface ScoredDocument {
  /** Position of the document in the list the index was built from. */
  document: number;
  score: number;
}

/**
 * An immutable BM25 (Okapi, k1 1.2, b 0.75) inverted index over token lists. Each term's weight in each
 * document is computed once at build time, so a query only adds up precomputed weights.
 *
 * @example
 * const index = new Bm25Index([['bowing', 'greeting'], ['chopsticks', 'rice']]);
 * index.search(['bowing'], 3) // [{ document: 0, score: 0.69… }]
 */
/** An inverted index of precomputed term weights: lookups and search, shared by BM25 and BM25F. */
export abstract class PostingsIndex {
  protected readonly postings = new Map<string, Posting>();

  constructor(readonly size: number) {}

  /** Number of documents containing a term. */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.documents.length ?? 0;
  }

  /**
   * The best `limit` documents for the query tokens (a repeated token counts again; `[token, factor]` weighs one),
   * best first, ties by document position. `accept` filters documents; only documents sharing a token are returned.
   */
  search(queryTokens: readonly (string | readonly [string, number])[], limit: number, accept?: (document: number) => boolean): ScoredDocument[] {
    return searchPostings(this.postings, this.size, queryTokens, limit, accept);
  }

  /** `search` for a multiple-choice request: the question's tokens, and each option's (`searchPostingsWithChoices`). */
  searchWithChoices(
    queryTokens: readonly (string | readonly [string, number])[],
    choiceTokens: readonly (readonly (string | readonly [string, number])[])[],
    limit: number,
    accept?: (document: number) => boolean,
  ): ScoredDocument[] {
    return searchPostingsWithChoices(this.postings, this.size, queryTokens, choiceTokens, limit, accept);
  }
}

export class Bm25Index extends PostingsIndex {
  constructor(documents: readonly (readonly string[])[]) {
    super(documents.length);
    const totalLength = documents.reduce((sum, tokens) => sum + tokens.length, 0);
    const averageLength = totalLength / Math.max(1, documents.length) || 1;
    const building = new Map<string, { documents: number[]; counts: number[] }>();
    documents.forEach((tokens, document) => {
      const counts = new Map<string, number>();
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      for (const [term, count] of counts) {
        let entry = building.get(term);
        if (!entry) {
          entry = { documents: [], counts: [] };
          building.set(term, entry);
        }
        entry.documents.push(document);
        entry.counts.push(count);
      }
    });
    const lengthFactors = documents.map((tokens) => K1 * (1 - B + (B * tokens.length) / averageLength));
    for (const [term, entry] of building) {
      const frequency = entry.documents.length;
      const idf = Math.log(1 + (documents.length - frequency + 0.5) / (frequency + 0.5));
      const weights = new Float32Array(frequency);
      entry.documents.forEach((document, index) => {
        const count = entry.counts[index];
        weights[index] = (idf * (count * (K1 + 1))) / (count + lengthFactors[document]);
      });
      this.postings.set(term, { documents: Uint32Array.from(entry.documents), weights });
    }
  }
}

/**
 * Adds up the precomputed weights of the query tokens' postings and keeps the best `limit` documents. A token
 * may carry a factor (`[token, factor]`, default 1); a repeated token counts again.
 */
export function searchPostings(
  postings: ReadonlyMap<string, { documents: Uint32Array; weights: Float32Array }>,
  size: number,
  queryTokens: readonly (string | readonly [string, number])[],
  limit: number,
  accept?: (document: number) => boolean,
): ScoredDocument[] {
  if (limit <= 0 || queryTokens.length === 0) return [];
  const { scores, touched } = scorePostings(postings, size, queryTokens);
  return topScores(touched, (document) => scores[document], limit, accept);
}

/** How much one option of a multiple-choice request counts: the temperature of the smooth maximum over the options. */
export const CHOICE_TEMPERATURE = 2;

/**
 * Like `searchPostings`, for a multiple-choice request: a document scores its match with the question plus a smooth
 * maximum over its matches with each option (τ · log of the mean of exp(score / τ), τ = `CHOICE_TEMPERATURE`). One
 * option is right, so the description that states it should match that option well; adding up all options instead
 * lets the wrong ones pull in whatever descriptions they happen to name.
 */
export function searchPostingsWithChoices(
  postings: ReadonlyMap<string, { documents: Uint32Array; weights: Float32Array }>,
  size: number,
  queryTokens: readonly (string | readonly [string, number])[],
  choiceTokens: readonly (readonly (string | readonly [string, number])[])[],
  limit: number,
  accept?: (document: number) => boolean,
): ScoredDocument[] {
  if (limit <= 0) return [];
  const base = scorePostings(postings, size, queryTokens);
  const choices = choiceTokens.map((tokens) => scorePostings(postings, size, tokens));
  const candidates = new Set(base.touched);
  for (const choice of choices) for (const document of choice.touched) candidates.add(document);
  const scoreOf = (document: number) => {
    let sum = 0;
    for (const choice of choices) sum += Math.exp(choice.scores[document] / CHOICE_TEMPERATURE);
    return base.scores[document] + CHOICE_TEMPERATURE * Math.log(sum / Math.max(1, choices.length));
  };
  return topScores(candidates, scoreOf, limit, accept);
}

/** The summed weights of the query tokens' postings per document, and the documents that got any. */
function scorePostings(
  postings: ReadonlyMap<string, { documents: Uint32Array; weights: Float32Array }>,
  size: number,
  queryTokens: readonly (string | readonly [string, number])[],
): { scores: Float64Array; touched: number[] } {
  const scores = new Float64Array(size);
  const touched: number[] = [];
  for (const entry of queryTokens) {
    const [token, factor] = typeof entry === 'string' ? [entry, 1] : entry;
    const posting = postings.get(token);
    if (!posting) continue;
    const { documents, weights } = posting;
    for (let index = 0; index < documents.length; index++) {
      const document = documents[index];
      if (scores[document] === 0) touched.push(document);
      scores[document] += factor * weights[index];
    }
  }
  return { scores, touched };
}

/**
 * The `limit` best candidates by score, best first, ties by candidate number; `accept` filters.
 *
 * @example
 * topScores([0, 1, 2], (n) => [0.5, 0.9, 0.1][n], 2) // [{ document: 1, score: 0.9 }, { document: 0, score: 0.5 }]
 */
export function topScores(
  candidates: Iterable<number>,
  scoreOf: (document: number) => number,
  limit: number,
  accept?: (document: number) => boolean,
): ScoredDocument[] {
  const best: ScoredDocument[] = [];
  for (const document of candidates) {
    if (accept && !accept(document)) continue;
    const score = scoreOf(document);
    if (best.length === limit && !better(score, document, best[limit - 1])) continue;
    let position = best.length === limit ? limit - 1 : best.length;
    while (position > 0 && better(score, document, best[position - 1])) {
      best[position] = best[position - 1];
      position--;
    }
    best[position] = { document, score };
  }
  return best;
}

function better(score: number, document: number, than: ScoredDocument): boolean {
  return score > than.score || (score === than.score && document < than.document);
}
