import type { Item } from '../schema/item.js';
import type { Score } from '../schema/score.js';
import type { CallOutcome } from '../models/call-outcome.js';
import type { RenderedRequest, RenderOptions } from './render-request.js';

/**
 * How one kind of item is asked and scored. Items without `item.protocol` use the default protocol (multiple choice by
 * letter or log-likelihood, true/false, open answers judged when a judge is given); benchmarks bring their own
 * (GeoMLaMA multi-gold, BLEnD soft exact match, CAMeL bias…), listed in the benchmark registry.
 *
 * @example
 * const protocol: ScoringProtocol = { id: 'my-protocol', render: renderRequest, score: (item, rendered, outcome) => …, rubrics: () => [] };
 */
export interface ScoringProtocol {
  id: string;
  /** Builds what is sent to the model. Pure. */
  render(item: Item, options: RenderOptions): RenderedRequest;
  /** Scores the model's outcome. Pure and synchronous. */
  score(item: Item, rendered: RenderedRequest, outcome: CallOutcome): Score;
  /** Judge rubrics (ids) that score this item's response when judges are given; each rubric's metrics join the score. */
  rubrics(item: Item): readonly string[];
}
