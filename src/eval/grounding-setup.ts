import type { Dataset } from '../datasets/dataset.js';
import { loadDataset } from '../benchmarks/load-dataset.js';
import { buildKnowledgeBase } from '../grounding/knowledge-base.js';
import { createEvalGrounding } from '../grounding/eval-grounding.js';
import type { RunOptions } from '../schema/manifest.js';
import type { Grounding } from './conditions.js';

/**
 * The grounding for the recall, retrieved and oracle conditions: a knowledge base over the evaluated dataset's cultural
 * descriptions (or `options.knowledgeBase`, another dataset), persisted in the store, and the grounded-prompt templates.
 * `oracle` always uses the evaluated dataset's own descriptions (the item's paired description).
 */
export async function createGrounding(dataset: Dataset, options: RunOptions, context: { dbPath: string; skipInvalid?: boolean }): Promise<Grounding> {
  const source = options.knowledgeBase ? await loadDataset(options.knowledgeBase, { skipInvalid: context.skipInvalid }) : dataset;
  const knowledgeBase = await buildKnowledgeBase(source.descriptions, { dbPath: context.dbPath });
  const grounding = createEvalGrounding(knowledgeBase, { k: options.groundingK });
  return {
    ...grounding,
    retrieve: knowledgeBase.size > 0 ? grounding.retrieve : undefined,
    descriptionsById: new Map(dataset.descriptions.map((description) => [description.id, description])),
  };
}
