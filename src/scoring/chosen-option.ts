import type { ContinuationScore } from '../models/language-model.js';
import type { Item } from '../schema/item.js';
import { CHOICE_LETTERS } from '../schema/fields.js';
import type { CallOutcome } from '../models/call-outcome.js';
import { extractChoice } from './extract-choice.js';
import type { RenderedRequest } from './render-request.js';

/**
 * How log-likelihood ranks options: the sum over the continuation's tokens, its mean per token (as cappr does), or its
 * mean per character (as lm-evaluation-harness's acc_norm).
 */
export type RankBy = 'sum' | 'mean' | 'per-character';

/**
 * The one way options are ranked by log-likelihood: continuation indexes from most to least likely under `rankBy`,
 * ties going to the earlier continuation.
 *
 * @example
 * rankContinuations([{ logLikelihood: -4, tokens: 4, characters: 8 }, { logLikelihood: -3, tokens: 1, characters: 2 }], 'sum') // [1, 0]
 */
export function rankContinuations(scores: readonly ContinuationScore[], rankBy: RankBy): number[] {
  const values = scores.map((score) =>
    rankBy === 'sum' ? score.logLikelihood : score.logLikelihood / Math.max(1, rankBy === 'mean' ? score.tokens : score.characters),
  );
  return values.map((_, index) => index).sort((left, right) => values[right] - values[left] || left - right);
}

/** The option a model chose, as an index into `item.choices`, or why none could be read. */
export type ChosenOption =
  | {
      status: 'found';
      /** Index in `item.choices`. */
      index: number;
      /** The letter as shown to the model. */
      letter: string;
      method: 'letter' | 'loglik';
      /** Log-likelihood only: `item.choices` indexes from most to least likely. */
      ranking?: number[];
      details: Record<string, unknown>;
    }
  | { status: 'invalid'; method: 'letter' | 'loglik'; reason: string; details: Record<string, unknown> };

/**
 * Reads which of an item's options the model chose: the letter in a generated reply (mapped back through the shown
 * order), or the most likely continuation of a log-likelihood request (ranked by `rankBy`).
 *
 * @example
 * const chosen = readChosenOption(item, rendered, { type: 'generate', result: { text: 'B', usage } });
 * if (chosen.status === 'found') item.choices[chosen.index];
 */
export function readChosenOption(item: Item, rendered: RenderedRequest, outcome: CallOutcome, rankBy: RankBy = 'mean'): ChosenOption {
  if (outcome.type === 'loglik') {
    if (rendered.type !== 'loglik') return { status: 'invalid', method: 'loglik', reason: 'log-likelihoods for a generation request', details: {} };
    const { scores } = outcome.result;
    const { choiceOrder } = rendered.shown;
    if (scores.length !== choiceOrder.length) {
      return { status: 'invalid', method: 'loglik', reason: `expected ${choiceOrder.length} log-likelihoods, got ${scores.length}`, details: {} };
    }
    const shownRanking = rankContinuations(scores, rankBy);
    const ranking = shownRanking.map((shown) => choiceOrder[shown]);
    return {
      status: 'found',
      index: ranking[0],
      letter: CHOICE_LETTERS[shownRanking[0]],
      method: 'loglik',
      ranking,
      details: {
        rankBy,
        logLikelihoods: scores.map((score) => score.logLikelihood),
        tokens: scores.map((score) => score.tokens),
        ranking: ranking.map((index) => item.choices?.[index]),
      },
    };
  }
  if (rendered.type !== 'generate' || !rendered.shown)
    return { status: 'invalid', method: 'letter', reason: 'a generated reply to a request without shown options', details: {} };
  const extraction = extractChoice(outcome.result.text, rendered.shown.choices, { language: item.language });
  if (extraction.status === 'invalid') return { status: 'invalid', method: 'letter', reason: extraction.reason, details: { reason: extraction.reason } };
  const shownIndex = CHOICE_LETTERS.indexOf(extraction.letter);
  return { status: 'found', index: rendered.shown.choiceOrder[shownIndex], letter: extraction.letter, method: 'letter', details: { rule: extraction.rule } };
}
