import type { ChatMessage } from '../schema/item.js';
import { CHOICE_LETTERS } from '../schema/fields.js';

/** The version of the extraction prompt, recorded with each answer a model read. */
export const MODEL_EXTRACTOR_TEMPLATE_ID = 'model-extractor@1';

/**
 * The request that asks an extractor model which option a reply committed to, for replies the rules
 * (`extractChoice`) cannot read. The extractor must answer one letter, or `NONE` when the reply commits to no single
 * option (a hedge, a refusal, several options): a model extractor never guesses either.
 *
 * @example
 * extractorMessages('Ningependa kusema C.', ['Nowruz', 'Diwali', 'Tết', 'Hanukkah'])
 */
export function extractorMessages(reply: string, choices: readonly string[]): ChatMessage[] {
  const letters = CHOICE_LETTERS.slice(0, choices.length).split('');
  const options = choices.map((choice, index) => `${letters[index]}. ${choice}`).join('\n');
  return [
    {
      role: 'system',
      content:
        'You read answers to multiple-choice questions. Given the options and a reply (in any language), say which single option the reply finally commits to. ' +
        'If the reply changes its mind, the last committed answer counts. ' +
        `Answer with exactly one letter (${letters.join(', ')}), or NONE if the reply declines, hedges between options, names several, or commits to none. Do not judge whether the answer is right.`,
    },
    { role: 'user', content: `Options:\n${options}\n\nReply:\n"""\n${reply}\n"""\n\nWhich option does the reply commit to? One letter or NONE.` },
  ];
}

/**
 * Reads the extractor's own reply: one letter within the options, or `undefined` (NONE, anything else, a letter out of
 * range). Strict on purpose: an extractor reply that is not a bare letter is not trusted.
 *
 * @example
 * readExtractorReply(' c. ', 4) // 'C'
 * readExtractorReply('NONE', 4) // undefined
 */
export function readExtractorReply(text: string, count: number): string | undefined {
  const core = text
    .trim()
    .replace(/^[*_("'`[\s]+|[*_)"'`\].:\s]+$/g, '')
    .toUpperCase();
  if (core.length !== 1) return undefined;
  const index = CHOICE_LETTERS.indexOf(core);
  return index !== -1 && index < count ? core : undefined;
}
