import { z } from 'zod';

export const tokenUsageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
});
export type TokenUsage = z.infer<typeof tokenUsageSchema>;

/** What a model returned for one request. */
export const modelResponseSchema = z.object({
  text: z.string(),
  finishReason: z.string().optional(),
  usage: tokenUsageSchema,
  latencyMs: z.number().nonnegative(),
  cached: z.boolean(),
});
export type ModelResponse = z.infer<typeof modelResponseSchema>;
