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
} from '../scoring/mcq-prompt.js';
import { hashToSeed, seededPermutation } from '../util/seeded-random.js';

export const OPEN_TEMPLATE_ID = 'open@1';

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
  const choiceOrder =
    shuffleSeed === null ? choices.map((_, index) => index) : seededPermutation(choices.length, hashToSeed(`${shuffleSeed}\u0000${item.id}`));
  const shownChoices = choiceOrder.map((index) => choices[index]);
  let answer: string | undefined;
  if (item.answer !== undefined) {
    const original = CHOICE_LETTERS.indexOf(item.answer);
    answer = CHOICE_LETTERS[choiceOrder.indexOf(original)];
  }
  return { choices: shownChoices, choiceOrder, answer };
}

/** Turns an item into what is sent to the model under the run's options. Pure. */
export function renderRequest(item: Item, options: Pick<RunOptions, 'mcqMethod' | 'shuffleSeed'>): RenderedRequest {
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
