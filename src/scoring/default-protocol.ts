import { culturalSafetyAwarenessRubric, culturalSafetyRespectfulnessRubric } from './judge/rubrics/cultural-safety.js';
import type { ScoringProtocol } from './protocol.js';
import { renderRequest } from './render-request.js';
import { scoreGeneration, scoreLogLikelihood } from './score-result.js';

/** The rubrics that judge open safety items under the default protocol. */
export const DEFAULT_SAFETY_RUBRICS: readonly string[] = [culturalSafetyRespectfulnessRubric.id, culturalSafetyAwarenessRubric.id];

/**
 * The protocol of items that name none: multiple choice by letter (the letter read from the reply) or by
 * log-likelihood (`accuracy` by sum, `accuracy_norm` per character), true/false read from the reply, open answers kept
 * `unscored` until judges score them (open safety items by the cultural-safety rubrics).
 *
 * @example
 * const rendered = defaultProtocol.render(item, { mcqMethod: 'letter', shuffleSeed: null });
 * defaultProtocol.score(item, rendered, { type: 'generate', result: { text: 'B', usage } }); // { status: 'scored', metrics: { accuracy: 1, invalid: 0 }, … }
 */
export const defaultProtocol: ScoringProtocol = {
  id: 'default',
  render: renderRequest,
  score(item, rendered, outcome) {
    if (outcome.type === 'loglik') return scoreLogLikelihood(outcome.result.scores, rendered.type === 'loglik' ? rendered.shown.answer : undefined);
    const generated = rendered.type === 'generate' ? rendered : undefined;
    return scoreGeneration(item, outcome.result.text, generated?.answer, generated?.shown?.choices);
  },
  rubrics: (item) => (item.kind === 'safety' && item.format === 'open' ? DEFAULT_SAFETY_RUBRICS : []),
};
