import { PostingsIndex } from './bm25-index.js';

/** How one field counts in BM25F: its weight (a term in it counts `weight` times) and its length normalisation `b`. */
export interface FieldWeight {
  weight: number;
  b: number;
}

export interface Bm25fParameters {
  /** Term-frequency saturation over the weighted frequencies of all fields. */
  k1: number;
  /** One entry per field, in the order of each document's field token lists. */
  fields: readonly FieldWeight[];
}

/**
 * An immutable BM25F index (Robertson, Zaragoza & Taylor 2004; the "simple BM25F" of Pérez-Agüera et al. 2010):
 * each document has several fields (for a description: its text, its topic, its country, the concepts it names);
 * a term's frequency in each field is normalised by that field's length and weighted, the weighted frequencies
 * are added up and saturated once with `k1`, and multiplied by the term's inverse document frequency over whole
 * documents. So a term in a short, heavily weighted field (the country) counts more than one more mention in the
 * text, without the saturation being paid twice. Weights are computed once at build time.
 *
 * @example
 * const index = new Bm25fIndex([[['bowing'], ['greet']], [['rice'], ['dining']]], { k1: 1.2, fields: [{ weight: 1, b: 0.75 }, { weight: 2, b: 0 }] });
 * index.search(['greet'], 3) // [{ document: 0, score: … }]
 */
export class Bm25fIndex extends PostingsIndex {
  constructor(documents: readonly (readonly (readonly string[])[])[], parameters: Bm25fParameters) {
    super(documents.length);
    const fieldCount = parameters.fields.length;
    const averages = parameters.fields.map((_, field) => {
      const total = documents.reduce((sum, fields) => sum + (fields[field]?.length ?? 0), 0);
      return total / Math.max(1, documents.length) || 1;
    });
    const building = new Map<string, { documents: number[]; frequencies: number[] }>();
    documents.forEach((fields, document) => {
      const weighted = new Map<string, number>();
      for (let field = 0; field < fieldCount; field++) {
        const tokens = fields[field] ?? [];
        if (tokens.length === 0) continue;
        const { weight, b } = parameters.fields[field];
        const normaliser = weight / (1 - b + (b * tokens.length) / averages[field]);
        for (const token of tokens) weighted.set(token, (weighted.get(token) ?? 0) + normaliser);
      }
      for (const [term, frequency] of weighted) {
        let entry = building.get(term);
        if (!entry) {
          entry = { documents: [], frequencies: [] };
          building.set(term, entry);
        }
        entry.documents.push(document);
        entry.frequencies.push(frequency);
      }
    });
    const { k1 } = parameters;
    for (const [term, entry] of building) {
      const count = entry.documents.length;
      const idf = Math.log(1 + (documents.length - count + 0.5) / (count + 0.5));
      const weights = Float32Array.from(entry.frequencies, (frequency) => (idf * frequency * (k1 + 1)) / (frequency + k1));
      this.postings.set(term, { documents: Uint32Array.from(entry.documents), weights });
    }
  }
}
