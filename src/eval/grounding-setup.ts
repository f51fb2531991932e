import { type Dataset, eachItem, type ItemSource } from '../datasets/dataset.js';
import type { Item } from '../schema/item.js';
import { loadDataset } from '../benchmarks/load-dataset.js';
import { buildKnowledgeBase } from '../grounding/knowledge-base.js';
import { descriptionQuestions } from '../grounding/description-questions.js';
import { createEvalGrounding } from '../grounding/eval-grounding.js';
import type { RunOptions } from '../schema/manifest.js';
import type { Grounding } from './conditions.js';
import { rerankerFromSettings } from '../grounding/reranker-from-settings.js';
import { createRetrievalPipeline } from '../grounding/retrieval-pipeline.js';
import { requestWeights } from '../grounding/request-weights.js';
import { RUN_DEFAULTS } from '../settings/run-defaults.js';
import { resolveRetrievalSettings } from '../settings/run-settings.js';

/**
 * The grounding for the recall, retrieved and oracle conditions: a knowledge base over the evaluated dataset's cultural
 * descriptions (or `options.knowledgeBase`, another dataset), persisted in the store, and the grounded-prompt templates.
 * `oracle` always uses the evaluated dataset's own descriptions (the item's paired description).
 */
export async function createGrounding(
  dataset: Pick<Dataset, 'descriptions'> & { items: ItemSource | readonly Item[] },
  options: RunOptions,
  context: { dbPath: string; skipInvalid?: boolean },
): Promise<Grounding> {
  const source = options.knowledgeBase ? await loadDataset(options.knowledgeBase, { skipInvalid: context.skipInvalid }) : dataset;
  const knowledgeBase = await buildKnowledgeBase(source.descriptions, { dbPath: context.dbPath, questions: descriptionQuestions(eachItem(source.items)) });
  const settings = resolveRetrievalSettings(options.retrieval);
  // A reranking model's calls are cached in the store like every call (a connection of its own).
  const { reranker, close } = await rerankerFromSettings(settings, {
    dbPath: context.dbPath,
    apiKey: process.env.OPENAI_API_KEY,
    baseUrl: process.env.OPENAI_BASE_URL,
    policy: { concurrency: RUN_DEFAULTS.concurrency, maxRetries: RUN_DEFAULTS.maxRetries },
  });
  // Words common to the run's requests count less (their text only; `grounding/request-weights.ts`).
  const weights = settings.requestWeights && options.conditions.includes('retrieved') ? requestWeights(eachItem(dataset.items)) : undefined;
  const pipeline = knowledgeBase.size > 0 ? createRetrievalPipeline(knowledgeBase, settings, { reranker, requestWeights: weights }) : undefined;
  const grounding = createEvalGrounding(knowledgeBase, { k: options.groundingK, pipeline });
  return {
    ...grounding,
    retrieve: knowledgeBase.size > 0 ? grounding.retrieve : undefined,
    descriptionsById: new Map(dataset.descriptions.map((description) => [description.id, description])),
    close,
  };
}
