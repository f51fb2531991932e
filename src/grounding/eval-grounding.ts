import type { CulturalDescription } from '../schema/description.js';
import type { ChatMessage, Item } from '../schema/item.js';
import { answerWithRecallMessages, GROUNDING_TEMPLATE_IDS, groundingTemplateId, groundMessages, recallMessages } from './grounded-prompts.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { expandsQuestions } from './description-questions.js';
import type { QueryRewriter, RetrievalPipeline } from './retrieval-pipeline.js';

export interface EvalGroundingOptions {
  /** Descriptions retrieved per item (default 3). */
  k?: number;
  /** Template for `retrieved` and `oracle` (default `grounding-retrieved@1`). */
  template?: string;
  /** Also restrict retrieval to the item's country (default false: only countries named in the query, as a deployment would). */
  filterByItemCountry?: boolean;
  /** How descriptions are found (default: the knowledge base's BM25F, `retrieve`). */
  pipeline?: RetrievalPipeline;
}

/** The grounding pieces the eval conditions (`plain`, `recall`, `retrieved`, `oracle`) use. */
export interface EvalGrounding {
  /** The descriptions for a request; `rewriter` gives the model's recall of it when the pipeline rewrites queries. */
  retrieve(query: string, item: Item, options?: { rewriter?: QueryRewriter; signal?: AbortSignal }): Promise<CulturalDescription[]>;
  /** Whether `retrieve` uses a rewriter (the model's recall of the request) when given one. */
  rewrites: boolean;
  /** The retrieval pipeline's name (`bm25f`, `bm25f+rerank…`), for the results. */
  retrieval: string;
  descriptionsById: ReadonlyMap<string, CulturalDescription>;
  groundMessages(messages: ChatMessage[], descriptions: CulturalDescription[], options?: { language?: string }): ChatMessage[];
  recallMessages(messages: ChatMessage[], options?: { language?: string }): ChatMessage[];
  answerWithRecallMessages(messages: ChatMessage[], recalled: string, options?: { language?: string }): ChatMessage[];
  templates: { retrieved: string; oracle: string; recall: string };
  /** Releases what retrieval opened (a reranking model). */
  close?: () => Promise<void>;
}

/**
 * The grounding of a knowledge base for the eval engine: retrieval in the item's language (lexical, synchronous),
 * the grounded-prompt templates, and their ids for the results.
 *
 * @example
 * const kb = await buildKnowledgeBase(dataset.descriptions);
 * const grounding = createEvalGrounding(kb, { k: 3 });
 * grounding.retrieve(item.prompt, item).map((description) => description.id);
 */
export function createEvalGrounding(knowledgeBase: KnowledgeBase, options: EvalGroundingOptions = {}): EvalGrounding {
  const template = options.template;
  const templateId = groundingTemplateId(template);
  return {
    retrieve: async (query, item, retrieveOptions = {}) => {
      const scope = {
        k: options.k,
        language: item.language,
        countries: options.filterByItemCountry && item.country ? [item.country] : undefined,
        choices: item.choices,
        expand: expandsQuestions(item.kind),
      };
      const hits = options.pipeline
        ? await options.pipeline.retrieve(query, { ...scope, rewriter: retrieveOptions.rewriter, signal: retrieveOptions.signal })
        : knowledgeBase.retrieve(query, scope);
      return hits.map((hit) => hit.description);
    },
    rewrites: options.pipeline?.settings.rewrite ?? false,
    retrieval: options.pipeline?.name ?? 'bm25f',
    descriptionsById: knowledgeBase.descriptionsById,
    groundMessages: (messages, descriptions, groundOptions) => groundMessages(messages, descriptions, { template, language: groundOptions?.language }),
    recallMessages: (messages, recallOptions) => recallMessages(messages, { language: recallOptions?.language }),
    answerWithRecallMessages: (messages, recalled, recallOptions) => answerWithRecallMessages(messages, recalled, { language: recallOptions?.language }),
    templates: { retrieved: templateId, oracle: templateId, recall: GROUNDING_TEMPLATE_IDS.recall },
  };
}
