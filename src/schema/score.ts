import { z } from 'zod';
import { resultDetailsSchema } from './result-details.js';

/**
 * How a result ended:
 * - `scored`: a score was computed (see `metrics`);
 * - `invalid`: the model answered but no answer could be extracted (counted and shown, never silently wrong);
 * - `unscored`: the response is kept, but no scorer applies yet (e.g. a safety item without a judge);
 * - `error`: the model call failed for good; `error` says why.
 */
export const resultStatuses = ['scored', 'invalid', 'unscored', 'error'] as const;
export type ResultStatus = (typeof resultStatuses)[number];

/** Every score records how it was obtained. */
export const scoringMethods = ['letter', 'loglik', 'true-false', 'judge', 'soft-match', 'none'] as const;
export type ScoringMethod = (typeof scoringMethods)[number];

export const scoreSchema = z.object({
  status: z.enum(resultStatuses),
  method: z.enum(scoringMethods),
  /** Named metric values in [0, 1] or on the metric's own scale: `{ accuracy: 1 }`, `{ accuracy: 0, accuracy_norm: 1 }`. */
  metrics: z.record(z.string(), z.number()),
  /** The answer the scorer read from the response (a letter, `true`/`false`), when there is one. */
  extracted: z.string().optional(),
  /** Method-specific details: log-likelihoods per option, which marker matched, judge output. */
  details: resultDetailsSchema.optional(),
  error: z.string().optional(),
});
export type Score = z.infer<typeof scoreSchema>;
