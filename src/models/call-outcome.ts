import type { GenerateResult, ScoreContinuationsResult } from './language-model.js';

/** What one model call returned: generated text, or the log-likelihoods of continuations. Stored in the cache as is. */
export type CallOutcome = { type: 'generate'; result: GenerateResult } | { type: 'loglik'; result: ScoreContinuationsResult };
