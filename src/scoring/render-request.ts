import type { ChatMessage, Item } from '../schema/item.js';
import { CHOICE_LETTERS } from '../schema/fields.js';
import type { RunOptions } from '../schema/manifest.js';
import {
  MCQ_LETTER_TEMPLATE_ID,
  MCQ_LOGLIK_TEMPLATE_ID,
  TRUE_FALSE_TEMPLATE_ID,
  renderLoglikPrompt,
  renderMcqPrompt,
  renderTrueFalsePrompt,
} from './mcq-prompt.js';
import { hashToSeed, seededPermutation } from '../util/seeded-random.js';
import { primaryLanguage, UNSPACED_LANGUAGES } from './answer-words.js';

export const OPEN_TEMPLATE_ID = 'open@1';

/** The run options that shape a request. */
export type RenderOptions = Pick<RunOptions, 'mcqMethod' | 'shuffleSeed'>;

/** The choices as shown to the model: possibly shuffled, with the right letter after the shuffle. */
export interface ShownChoices {
  choices: string[];
  /** `choiceOrder[shown] = index in item.choices`. */
  choiceOrder: number[];
  /** The right letter as shown, when the item has an answer. */
  answer?: string;
}

export type RenderedRequest =
  | { type: 'generate'; template: string; messages: ChatMessage[]; shown?: ShownChoices; answer?: string }
  | { type: 'loglik'; template: string; prompt: string; continuations: string[]; shown: ShownChoices };

/** Shuffles an item's choices with a seed that depends on the run seed and the item id, so every run with the same seed shows the same order. */
export function showChoices(item: Item, shuffleSeed: number | null): ShownChoices {
  const choices = item.choices ?? [];
  const choiceOrder = shuffleSeed === null ? choices.map((_, index) => index) : seededPermutation(choices.length, hashToSeed(`${shuffleSeed}\u0000${item.id}`));
  const shownChoices = choiceOrder.map((index) => choices[index]);
  let answer: string | undefined;
  if (item.answer !== undefined) {
    const original = CHOICE_LETTERS.indexOf(item.answer);
    answer = CHOICE_LETTERS[choiceOrder.indexOf(original)];
  }
  return { choices: shownChoices, choiceOrder, answer };
}

/** Turns an item into what is sent to the model under the run's options. Pure. */
export function renderRequest(item: Item, options: RenderOptions): RenderedRequest {
  const history = item.history ?? [];
  if (item.format === 'mcq') {
    const shown = showChoices(item, options.shuffleSeed);
    if (options.mcqMethod === 'loglik') {
      const { prompt, continuationPrefix } = renderLoglikPrompt(renderHistory(history, item.prompt), item.language);
      return {
        type: 'loglik',
        template: MCQ_LOGLIK_TEMPLATE_ID,
        prompt,
        continuations: shown.choices.map((choice) => continuationPrefix + choice),
        shown,
      };
    }
    return {
      type: 'generate',
      template: MCQ_LETTER_TEMPLATE_ID,
      messages: [...history, { role: 'user', content: renderMcqPrompt(item.prompt, shown.choices, item.language) }],
      shown,
      answer: shown.answer,
    };
  }
  if (item.format === 'true_false') {
    return {
      type: 'generate',
      template: TRUE_FALSE_TEMPLATE_ID,
      messages: [...history, { role: 'user', content: renderTrueFalsePrompt(item.prompt, item.language) }],
      answer: item.answer,
    };
  }
  return { type: 'generate', template: OPEN_TEMPLATE_ID, messages: [...history, { role: 'user', content: item.prompt }] };
}

/** A dialogue history as plain text before the question, for raw-text (log-likelihood) prompts. */
function renderHistory(history: ChatMessage[], prompt: string): string {
  if (history.length === 0) return prompt;
  return [...history.map((message) => `${message.role}: ${message.content}`), prompt].join('\n\n');
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
