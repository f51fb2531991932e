import { z } from 'zod';
import { CHOICE_LETTERS, countryCode, languageTag } from './fields.js';

export const itemKinds = ['knowledge', 'safety', 'capability'] as const;
export const itemFormats = ['mcq', 'true_false', 'open'] as const;

export const chatMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/**
 * One evaluation item. For `mcq`, `answer` is the letter of the right choice (`"B"`);
 * a loader may also accept the choice's index or its text and normalises it to the letter.
 * For `true_false`, `answer` is `"true"` or `"false"`. For `open`, `reference` may hold a reference answer.
 */
export const itemSchema = z
  .object({
    id: z.string().min(1),
    kind: z.enum(itemKinds),
    format: z.enum(itemFormats),
    prompt: z.string().min(1),
    choices: z.array(z.string().min(1)).min(2).max(26).optional(),
    answer: z.string().optional(),
    reference: z.string().optional(),
    language: languageTag,
    country: countryCode.optional(),
    category: z.string().optional(),
    topic: z.string().optional(),
    descriptionId: z.string().optional(),
    /** The scoring protocol (see src/scoring/protocol.ts): how the item is rendered and scored; default by format and kind. */
    protocol: z.string().optional(),
    /** Earlier turns of a dialogue, sent before `prompt`. */
    history: z.array(chatMessageSchema).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((item, context) => {
    if (item.format === 'mcq') {
      if (!item.choices) {
        context.addIssue({ code: 'custom', path: ['choices'], message: 'a multiple-choice item needs at least 2 choices' });
        return;
      }
      if (item.answer === undefined) {
        if (item.kind === 'knowledge')
          context.addIssue({ code: 'custom', path: ['answer'], message: 'a knowledge multiple-choice item needs an answer letter' });
        return;
      }
      const letters = CHOICE_LETTERS.slice(0, item.choices.length);
      if (item.answer.length !== 1 || !letters.includes(item.answer)) {
        context.addIssue({ code: 'custom', path: ['answer'], message: `expected one of ${letters.split('').join(', ')}, got "${item.answer}"` });
      }
      if (new Set(item.choices).size !== item.choices.length) {
        context.addIssue({ code: 'custom', path: ['choices'], message: 'choices must be distinct' });
      }
    } else if (item.format === 'true_false') {
      if (item.answer !== undefined && item.answer !== 'true' && item.answer !== 'false') {
        context.addIssue({ code: 'custom', path: ['answer'], message: `expected "true" or "false", got "${item.answer}"` });
      }
    }
  });
export type Item = z.infer<typeof itemSchema>;
