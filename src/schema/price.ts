import { z } from 'zod';

/** A model's price in US dollars per million tokens. */
export const modelPriceSchema = z.object({ input: z.number().nonnegative(), output: z.number().nonnegative() }).strict();
export type ModelPrice = z.infer<typeof modelPriceSchema>;

/**
 * US dollars of a call (or many) at a price per million tokens.
 *
 * @example
 * callCost({ input: 0.15, output: 0.6 }, 1_000_000, 500_000) // 0.45
 */
export function callCost(price: ModelPrice, inputTokens: number, outputTokens: number): number {
  return (inputTokens * price.input + outputTokens * price.output) / 1_000_000;
}
