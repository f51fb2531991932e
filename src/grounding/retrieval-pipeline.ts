import { InputError } from '../errors/culturekit-error.js';
import type { ScoredDocument } from './bm25-index.js';
import { DEFAULT_RETRIEVAL_K, type KnowledgeBase, type LexicalRanker, type RetrievalHit } from './knowledge-base.js';
import { reciprocalRankFusion } from './reciprocal-rank-fusion.js';
import type { Reranker } from './rerankers.js';
import { type RequestWeights, requestText } from './request-weights.js';
import type { RetrievalSettings } from '../schema/retrieval-options.js';

export { FIRST_STAGES, parsePipelineSpec, RERANK_MODES } from '../schema/retrieval-options.js';
export type { RetrievalSettings } from '../schema/retrieval-options.js';
export type FirstStage = RetrievalSettings['firstStage'];
export type RerankMode = RetrievalSettings['rerank'];

/** Writes what knowledge a request needs (the model's recall), to be searched too. */
export type QueryRewriter = (query: string, options: { language?: string; signal?: AbortSignal }) => Promise<string>;

export interface PipelineRetrieveOptions {
  k?: number;
  language?: string;
  countries?: string[];
  signal?: AbortSignal;
  /** Rewrites the query for this call (the eval engine passes one that uses the evaluated model's recall). */
  rewriter?: QueryRewriter;
  /** Query word weights for this call, instead of the pipeline's own. */
  requestWeights?: RequestWeights;
  /** The options of a multiple-choice request whose question is the query (see `RetrieveOptions.choices`). */
  choices?: readonly string[];
  /** Match the questions each description answers too (`RetrieveOptions.expand`; default true). */
  expand?: boolean;
}

/** A configured retrieval: first stage, optional query rewriting and reranking. Safe for concurrent calls. */
export interface RetrievalPipeline {
  readonly settings: RetrievalSettings;
  /** `bm25f`, `bm25f+rewrite+llm:openai:…`: what retrieved, for results and reports. */
  readonly name: string;
  retrieve(query: string, options?: PipelineRetrieveOptions): Promise<RetrievalHit[]>;
}

/**
 * A retrieval pipeline over a knowledge base. The first stage gets `candidates` descriptions (at least `k`); with a
 * rewriter, the rewritten query's candidates are fused with the request's by reciprocal rank fusion; a reranker
 * then orders them (those it leaves unscored follow in first-stage order); the first `k` are returned.
 *
 * @example
 * const pipeline = createRetrievalPipeline(kb, { firstStage: 'bm25f', countryMode: 'filter', candidates: 30, rerank: 'none', rewrite: false });
 * (await pipeline.retrieve('Why bow in Japan?', { k: 3 })).map((hit) => hit.description.id);
 */
export function createRetrievalPipeline(
  knowledgeBase: KnowledgeBase,
  settings: RetrievalSettings,
  parts: { reranker?: Reranker; rewriter?: QueryRewriter; requestWeights?: RequestWeights } = {},
): RetrievalPipeline {
  if (settings.rerank !== 'none' && !parts.reranker)
    throw new InputError(`retrieval: rerank ${settings.rerank} needs a reranker (--rerank-model or --rerank-url)`);
  if ((settings.firstStage === 'dense' || settings.firstStage === 'hybrid') && !knowledgeBase.hasEmbeddings) {
    throw new InputError(`retrieval: the ${settings.firstStage} first stage needs embeddings (--embeddings-model)`);
  }
  const reranker = settings.rerank === 'none' ? undefined : parts.reranker;
  const name = [
    settings.firstStage,
    settings.countryMode === 'boost' ? 'country-boost' : '',
    settings.requestWeights ? '' : 'unweighted',
    knowledgeBase.hasQuestions && settings.firstStage !== 'bm25' && settings.firstStage !== 'dense' ? 'questions' : '',
    settings.rewrite ? 'rewrite' : '',
    reranker?.name ?? '',
  ]
    .filter(Boolean)
    .join('+');
  const position = new Map(knowledgeBase.descriptions.map((description, index) => [description.id, index]));

  async function firstStage(query: string, k: number, options: PipelineRetrieveOptions): Promise<RetrievalHit[]> {
    const lexical: LexicalRanker = settings.firstStage === 'bm25' ? 'bm25' : 'bm25f';
    const requestWeights = settings.requestWeights ? (options.requestWeights ?? parts.requestWeights) : undefined;
    const retrieveOptions = {
      k,
      language: options.language,
      countries: options.countries,
      signal: options.signal,
      lexical,
      countryMode: settings.countryMode,
      requestWeights,
      choices: options.choices,
      expand: options.expand,
    };
    if (settings.firstStage === 'dense') return knowledgeBase.retrieveDense(query, retrieveOptions);
    if (settings.firstStage === 'hybrid') return knowledgeBase.retrieveHybrid(query, retrieveOptions);
    return knowledgeBase.retrieve(query, retrieveOptions);
  }

  return {
    settings,
    name,
    async retrieve(query, options = {}) {
      const k = options.k ?? DEFAULT_RETRIEVAL_K;
      if (k <= 0) return [];
      const depth = reranker || (settings.rewrite && (options.rewriter ?? parts.rewriter)) ? Math.max(k, settings.candidates) : k;
      let candidates = await firstStage(query, depth, options);
      const rewriter = settings.rewrite ? (options.rewriter ?? parts.rewriter) : undefined;
      if (rewriter) {
        const rewritten = await rewriter(query, { language: options.language, signal: options.signal });
        if (rewritten.trim()) {
          // The rewrite is searched in any language and country scope of the request's own words.
          const more = await firstStage(`${query}\n${rewritten}`, depth, { ...options, language: undefined });
          candidates = fuse([candidates, more], depth, position, knowledgeBase);
        }
      }
      if (reranker && candidates.length > 1) {
        const scores = await reranker.rerank(
          requestText({ prompt: query, choices: options.choices }),
          candidates.map((hit) => hit.description.text),
          { signal: options.signal },
        );
        candidates = candidates
          .map((hit, index) => ({ hit, index, score: scores[index] }))
          .sort((left, right) => (right.score ?? -Infinity) - (left.score ?? -Infinity) || left.index - right.index)
          .map(({ hit, score }, index) => ({ ...hit, score: score ?? hit.score, rank: index + 1 }));
      }
      return candidates.slice(0, k).map((hit, index) => ({ ...hit, rank: index + 1 }));
    },
  };
}

function fuse(lists: RetrievalHit[][], limit: number, position: ReadonlyMap<string, number>, knowledgeBase: KnowledgeBase): RetrievalHit[] {
  const scored: ScoredDocument[][] = lists.map((list) => list.map((hit) => ({ document: position.get(hit.description.id)!, score: hit.score })));
  return reciprocalRankFusion(scored, limit).map(({ document, score }, index) => ({
    description: knowledgeBase.descriptions[document],
    score,
    rank: index + 1,
  }));
}
