import { z } from 'zod';
import { chatMessageSchema } from './item.js';
import { tokenUsageSchema } from './response.js';
import { metricsSchema, resultDetailsSchema } from './result-details.js';
import { resultStatuses, scoringMethods } from './score.js';

/**
 * One row of `results.jsonl` and of the store: one item × model × condition, with everything needed to inspect it.
 */
export const resultRowSchema = z.object({
  runId: z.string(),
  model: z.string(),
  condition: z.string(),
  itemId: z.string(),
  kind: z.string(),
  format: z.string(),
  language: z.string(),
  country: z.string().optional(),
  category: z.string().optional(),
  topic: z.string().optional(),
  descriptionId: z.string().optional(),
  /** Prompt template id, e.g. `mcq-letter@1`. */
  template: z.string(),
  /** Chat messages sent (generation), or the raw text context (log-likelihood). */
  prompt: z.union([z.array(chatMessageSchema), z.string()]),
  /** Choices in the order shown to the model, and for each the index of that choice in the item. */
  choices: z.array(z.string()).optional(),
  choiceOrder: z.array(z.number().int().nonnegative()).optional(),
  /** The right answer as shown to the model (the letter after any shuffle). */
  answer: z.string().optional(),
  response: z.string().optional(),
  extracted: z.string().optional(),
  status: z.enum(resultStatuses),
  method: z.enum(scoringMethods),
  metrics: metricsSchema,
  details: resultDetailsSchema.optional(),
  latencyMs: z.number().nonnegative(),
  usage: tokenUsageSchema,
  cached: z.boolean(),
  attempts: z.number().int().nonnegative(),
  error: z.string().optional(),
  completedAt: z.string(),
});
export type ResultRow = z.infer<typeof resultRowSchema>;
