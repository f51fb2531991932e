import type { Rubric } from './rubric.js';

/**
 * A rubric as culturekit's built-in rubrics give it: the `Rubric` contract plus what combining a panel needs.
 *
 * @example
 * const rubric = getRubric('chisafety-refusal')!;
 * rubric.labels // ['0', '1', '2', '3']: on a tie the label listed first wins (the stricter verdict)
 */
export interface JudgeRubric extends Rubric {
  /** For `combine: 'majority'`: every label the rubric gives, in tie-break order (on a tie, the label listed first wins). */
  labels?: readonly string[];
  /**
   * Recomputes metrics that derive from others after a panel's metrics were averaged
   * (A-Eval: `acc60` from the mean `score`, not the mean of the judges' `acc60`).
   */
  deriveMetrics?(metrics: Readonly<Record<string, number>>): Record<string, number>;
  /** Enough tokens for a complete reply; a reply cut short is unreadable and so `invalid`. */
  maxTokens: number;
}
