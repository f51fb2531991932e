import { renderRequest, showChoices, type RenderedRequest } from '../../eval/render-request.js';
import type { Item } from '../../schema/item.js';
import { CHOICE_LETTERS } from '../../schema/fields.js';
import type { RunOptions } from '../../schema/manifest.js';
import { primaryLanguage, UNSPACED_LANGUAGES } from '../answer-words.js';
import type { CallOutcome } from '../call-outcome.js';
import { extractChoice } from '../extract-choice.js';
import { renderLoglikPrompt } from '../mcq-prompt.js';

export type RenderOptions = Pick<RunOptions, 'mcqMethod' | 'shuffleSeed'>;

/** How log-likelihood ranks options: the sum over the continuation's tokens, or its mean per token (as cappr does). */
export type RankBy = 'sum' | 'mean';

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
    const values = scores.map((score) => (rankBy === 'sum' ? score.logLikelihood : score.logLikelihood / Math.max(1, score.tokens)));
    const shownRanking = values.map((_, index) => index).sort((left, right) => values[right] - values[left] || left - right);
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
  if (rendered.type !== 'generate' || !rendered.shown) return { status: 'invalid', method: 'letter', reason: 'a generated reply to a request without shown options', details: {} };
  const extraction = extractChoice(outcome.result.text, rendered.shown.choices, { language: item.language });
  if (extraction.status === 'invalid') return { status: 'invalid', method: 'letter', reason: extraction.reason, details: { reason: extraction.reason } };
  const shownIndex = CHOICE_LETTERS.indexOf(extraction.letter);
  return { status: 'found', index: rendered.shown.choiceOrder[shownIndex], letter: extraction.letter, method: 'letter', details: { rule: extraction.rule } };
}

/**
 * The letter rendering of a multiple-choice item (whatever the run's `mcqMethod`): question, lettered options, and the
 * instruction to answer with a letter, the options shuffled by the run's seed.
 */
export function renderLetterRequest(item: Item, options: RenderOptions): RenderedRequest {
  return renderRequest(item, { mcqMethod: 'letter', shuffleSeed: options.shuffleSeed });
}

/**
 * A log-likelihood request that lists the options under the question (`(A) …`, as Global Gallery's prompts do) and
 * scores each option's text as the continuation of the answer cue.
 */
export function renderListedOptionsLoglik(item: Item, options: RenderOptions, template: string): RenderedRequest {
  const shown = showChoices(item, options.shuffleSeed);
  const listed = `${item.prompt.trim()}\n${shown.choices.map((choice, index) => `(${CHOICE_LETTERS[index]}) ${choice}`).join('\n')}`;
  const { prompt, continuationPrefix } = renderLoglikPrompt(listed, item.language);
  return { type: 'loglik', template, prompt, continuations: shown.choices.map((choice) => continuationPrefix + choice), shown };
}

/**
 * A log-likelihood request for a sentence with a blank: the text before the blank is the context, and each option
 * followed by the rest of the sentence is a continuation. Since every continuation shares the context, comparing them
 * compares the likelihoods of the whole filled sentences.
 *
 * @example
 * renderMaskedLoglik(item, 'People keep <mask> when driving.', '<mask>', options, 'geomlama-mask-loglik@1')
 * // prompt 'People keep', continuations [' right when driving.', ' left when driving.', …]
 */
export function renderMaskedLoglik(item: Item, sentence: string, mask: string, options: RenderOptions, template: string): RenderedRequest {
  const shown = showChoices(item, options.shuffleSeed);
  const { context, joiner, suffix } = splitAtMask(sentence, mask, item.language);
  return { type: 'loglik', template, prompt: context, continuations: shown.choices.map((choice) => joiner + choice + suffix), shown };
}

/**
 * Splits a sentence at its blank: the context (a space before the blank moves into the continuation, where tokenizers
 * expect it), what joins the context to the filler (that space, or nothing at the start of the sentence, where the
 * blank is glued to the text before it, or in languages written without spaces), and the rest of the sentence.
 *
 * @example
 * splitAtMask('People keep <mask> when driving.', '<mask>', 'en') // { context: 'People keep', joiner: ' ', suffix: ' when driving.' }
 */
export function splitAtMask(sentence: string, mask: string, language: string): { context: string; joiner: string; suffix: string } {
  const at = sentence.indexOf(mask);
  if (at === -1) return { context: sentence.trimEnd(), joiner: ' ', suffix: '' };
  const before = sentence.slice(0, at);
  const context = before.trimEnd();
  const spaced = !UNSPACED_LANGUAGES.has(primaryLanguage(language));
  const joiner = spaced && context !== '' && before !== context ? ' ' : '';
  return { context, joiner, suffix: sentence.slice(at + mask.length) };
}
