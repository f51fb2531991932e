import { sha256Hex } from '../util/hash.js';
import { type RequestWeights, requestWeights } from './request-weights.js';

/** Cut-offs of the recall figures. */
export const RECALL_CUTOFFS = [1, 3, 10] as const;

/** One query with the description it is about (an item with `descriptionId`). */
export interface RetrievalQuery {
  id: string;
  /** The request's prompt (a multiple-choice item's question). */
  query: string;
  /** A multiple-choice item's options, searched with the question (`RetrieveOptions.choices`). */
  choices?: readonly string[];
  /** The description the query is about: a hit when it is retrieved. */
  descriptionId: string;
  kind: string;
  language: string;
  country?: string;
}

/** Recall and mean reciprocal rank of one group of queries. */
export interface RetrievalMetrics {
  queries: number;
  /** Share of queries whose own description is among the first k, for k in `RECALL_CUTOFFS`. */
  recall: Record<(typeof RECALL_CUTOFFS)[number], number>;
  /** Mean of 1/rank of the own description (0 when it is not among the retrieved). */
  mrr: number;
}

export interface RetrievalEvaluation {
  overall: RetrievalMetrics;
  byKind: Record<string, RetrievalMetrics>;
  byLanguage: Record<string, RetrievalMetrics>;
  byCountry: Record<string, RetrievalMetrics>;
  /** Per query: the rank of its own description (0 when not retrieved). */
  ranks: { id: string; rank: number }[];
  /** Milliseconds per query, sorted. */
  latenciesMs: number[];
}

/**
 * The queries of items with a paired description (`descriptionId`): the prompt, and the options of a multiple-choice
 * item (searched with it); items without one are left out.
 *
 * @example
 * retrievalQueries(loadBuiltinSample().items).length // 288
 */
export function retrievalQueries(
  items: readonly { id: string; prompt: string; choices?: readonly string[]; descriptionId?: string; kind: string; language: string; country?: string }[],
): RetrievalQuery[] {
  return items.flatMap((item) =>
    item.descriptionId
      ? [
          {
            id: item.id,
            query: item.prompt,
            choices: item.choices,
            descriptionId: item.descriptionId,
            kind: item.kind,
            language: item.language,
            country: item.country,
          },
        ]
      : [],
  );
}

/**
 * Runs every query through `rank` (the retrieved description ids, best first; at least 10 for recall@10) one at a
 * time, and measures recall@1/3/10 and MRR overall and per kind, language and country, with each query's latency.
 *
 * @example
 * const evaluation = await evaluateRetrieval(queries, (query) => kb.retrieve(query.query, { k: 10, choices: query.choices }).map((hit) => hit.description.id));
 * evaluation.overall.recall[3] // 0.93
 */
export async function evaluateRetrieval(
  queries: readonly RetrievalQuery[],
  rank: (query: RetrievalQuery) => readonly string[] | Promise<readonly string[]>,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<RetrievalEvaluation> {
  const ranks: { id: string; rank: number }[] = [];
  const latenciesMs: number[] = [];
  for (const [index, query] of queries.entries()) {
    const started = performance.now();
    const ids = await rank(query);
    latenciesMs.push(performance.now() - started);
    ranks.push({ id: query.id, rank: ids.indexOf(query.descriptionId) + 1 });
    options.onProgress?.(index + 1, queries.length);
  }
  const rankOf = new Map(ranks.map((entry) => [entry.id, entry.rank]));
  const group = (keyOf: (query: RetrievalQuery) => string | undefined): Record<string, RetrievalMetrics> => {
    const groups = new Map<string, number[]>();
    for (const query of queries) {
      const key = keyOf(query) ?? '(none)';
      const list = groups.get(key) ?? [];
      list.push(rankOf.get(query.id)!);
      groups.set(key, list);
    }
    return Object.fromEntries([...groups].sort(([left], [right]) => left.localeCompare(right)).map(([key, list]) => [key, metricsOf(list)]));
  };
  return {
    overall: metricsOf(ranks.map((entry) => entry.rank)),
    byKind: group((query) => query.kind),
    byLanguage: group((query) => query.language),
    byCountry: group((query) => query.country),
    ranks,
    latenciesMs: [...latenciesMs].sort((left, right) => left - right),
  };
}

/**
 * Recall@1/3/10 and MRR of a list of ranks (1 for the best; 0 when not retrieved).
 *
 * @example
 * metricsOf([1, 2, 0, 5]) // { queries: 4, recall: { 1: 0.25, 3: 0.5, 10: 0.75 }, mrr: 0.425 }
 */
export function metricsOf(ranks: readonly number[]): RetrievalMetrics {
  const share = (cutoff: number) => (ranks.length ? ranks.filter((rank) => rank > 0 && rank <= cutoff).length / ranks.length : 0);
  const mrr = ranks.length ? ranks.reduce((sum, rank) => sum + (rank > 0 ? 1 / rank : 0), 0) / ranks.length : 0;
  return { queries: ranks.length, recall: { 1: share(1), 3: share(3), 10: share(10) }, mrr };
}

/**
 * The value at a share of a sorted list (nearest rank).
 *
 * @example
 * percentileOf([1, 2, 3, 4], 0.5) // 2
 */
export function percentileOf(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))];
}

/**
 * Queries against a knowledge base of one language: an item paired with a description missing from the knowledge
 * base is paired instead with the description it translates, when its id is the source's id with `-<language>`
 * appended (as in the built-in sample: `jp-greetings-1-ja` translates `jp-greetings-1`); items with neither are left out.
 *
 * @example
 * pairWithKnowledgeBase(queries, new Set(['jp-greetings-1'])) // the Japanese item now points at jp-greetings-1
 */
export function pairWithKnowledgeBase(queries: readonly RetrievalQuery[], known: ReadonlySet<string>): RetrievalQuery[] {
  return queries.flatMap((query) => {
    if (known.has(query.descriptionId)) return [query];
    const source = query.descriptionId.replace(/-[a-z]{2,3}(?:-[a-z0-9]+)?$/i, '');
    return source !== query.descriptionId && known.has(source) ? [{ ...query, descriptionId: source }] : [];
  });
}

/**
 * Request weights for measuring retrieval without counting a query's own text: the queries are split in two by their
 * description (a hash of its id), and each query gets the weights counted over the other half — as a deployment
 * would have counted earlier requests about other customs, never the request being answered.
 *
 * @example
 * const weightsOf = crossFittedRequestWeights(queries);
 * pipeline.retrieve(query.query, { requestWeights: weightsOf(query) });
 */
export function crossFittedRequestWeights(queries: readonly RetrievalQuery[]): (query: RetrievalQuery) => RequestWeights {
  const half = (query: RetrievalQuery) => sha256Hex(query.descriptionId).charCodeAt(0) % 2;
  const folds = [0, 1].map((fold) =>
    requestWeights(queries.filter((query) => half(query) !== fold).map((query) => ({ prompt: query.query, choices: query.choices, language: query.language }))),
  );
  return (query) => folds[half(query)];
}
