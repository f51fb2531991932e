import { z } from 'zod';
import type { ChatMessage } from '../../schema/item.js';
import type { ExampleSource } from './data-manifest.js';

/** One line of a canonical chat file: `{"messages": [{role, content}, …]}`, ending with the assistant's answer. */
export const chatLineSchema = z.object({
  messages: z
    .array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string().min(1) }).strict())
    .min(2)
    .refine((messages) => messages[messages.length - 1].role === 'assistant', 'the last message must be the assistant’s')
    .refine((messages) => messages.some((message) => message.role === 'user'), 'a user message is needed'),
});
export type ChatLine = z.infer<typeof chatLineSchema>;

/** A training example before it is written: the messages, where it came from, and what it is about. */
export interface ChatExample {
  /** Stable id (item id plus form, or `replay:<file line>`). */
  id: string;
  source: ExampleSource;
  language: string;
  country?: string;
  descriptionId?: string;
  messages: ChatMessage[];
}
