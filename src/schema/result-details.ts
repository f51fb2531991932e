import { z } from 'zod';
import { chatMessageSchema } from './item.js';
import { tokenUsageSchema } from './response.js';

/**
 * A metric value. `NaN` is written to JSON as `null`, and read back as `NaN` (a value that is not a number, which the
 * analysis leaves out), so a row survives the round trip through `results.jsonl` and the store.
 */
export const metricValueSchema = z.union([z.number(), z.null().transform(() => Number.NaN)]);

/** Named metric values: `{ accuracy: 1 }`, `{ respectfulness: 8.5, awareness: 7 }`. */
export const metricsSchema = z.record(z.string(), metricValueSchema);

/** How far a panel's values of one metric on one item spread. */
export const metricAgreementSchema = z.object({
  /** Mean absolute deviation of the judges' values from their mean. */
  meanAbsoluteDeviation: z.number(),
  /** Whether the highest and the lowest value are at most 1 point apart. */
  withinOnePoint: z.boolean(),
});
export type MetricAgreement = z.infer<typeof metricAgreementSchema>;

/** How a panel's labels on one item split. */
export const labelAgreementSchema = z.object({
  majority: z.string(),
  /** Share of the valid verdicts that gave the majority label. */
  share: z.number(),
  /** Valid verdicts per label. */
  counts: z.record(z.string(), z.number()),
  /** Whether another label had as many verdicts (the tie went to the label listed first in the rubric's `labels`). */
  tie: z.boolean(),
});
export type LabelAgreement = z.infer<typeof labelAgreementSchema>;

/** A panel's combined verdict for one rubric on one item (see `combineVerdicts`). */
export const combinedVerdictSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('scored'),
    metrics: metricsSchema,
    label: z.string().optional(),
    /** Valid verdicts combined. */
    judges: z.number().int().nonnegative(),
    /** Verdicts left out as invalid. */
    invalidJudges: z.number().int().nonnegative(),
    agreement: z.object({ metrics: z.record(z.string(), metricAgreementSchema), label: labelAgreementSchema.optional() }),
  }),
  z.object({ status: z.literal('invalid'), reason: z.string(), judges: z.literal(0), invalidJudges: z.number().int().nonnegative() }),
]);
export type CombinedVerdict = z.infer<typeof combinedVerdictSchema>;

/** One judge's verdict on one response for one rubric, as the engine records it. */
export const judgeVerdictRecordSchema = z.object({
  /** The judge's model spec. */
  judge: z.string(),
  status: z.enum(['scored', 'invalid', 'error']),
  metrics: metricsSchema.optional(),
  label: z.string().optional(),
  reasoning: z.string().optional(),
  /** Why the verdict is invalid or failed. */
  reason: z.string().optional(),
  /** The judge's last reply. */
  reply: z.string().optional(),
  /** Calls made for this verdict: 2 when the first reply could not be read and the judge was asked once more. */
  calls: z.number().int().nonnegative(),
  cached: z.boolean(),
  /** Tokens of this judge's calls for this verdict (for its cost; also counted in the row's `usage`). */
  usage: tokenUsageSchema.optional(),
});
export type JudgeVerdictRecord = z.infer<typeof judgeVerdictRecordSchema>;

/**
 * Rows written before the combined verdict had one shape kept the panel counts (and an invalid verdict's reason) under
 * `agreement`; this moves them up, so those runs still read.
 */
function upgradeCombinedVerdict(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || 'judges' in value) return value;
  const { agreement, metrics, ...rest } = value as { status?: string; metrics?: unknown; agreement?: Record<string, unknown> };
  if (rest.status === 'invalid') return { ...rest, reason: agreement?.reason ?? 'no valid verdict', judges: 0, invalidJudges: agreement?.invalidJudges ?? 0 };
  const { judges, invalidJudges, ...panel } = agreement ?? {};
  return { ...rest, metrics, judges, invalidJudges, agreement: { metrics: {}, ...panel } };
}

/** One rubric's judgement of a response: the combined verdict and each judge's. */
export const rubricJudgementSchema = z.object({
  /** `id@version` of the rubric. */
  rubric: z.string(),
  combined: z.preprocess(upgradeCombinedVerdict, combinedVerdictSchema),
  verdicts: z.array(judgeVerdictRecordSchema),
});
export type RubricJudgement = z.infer<typeof rubricJudgementSchema>;

/** A model call a condition made before the scored request (e.g. the model's own knowledge, then its answer). */
export const conditionStepSchema = z.object({
  name: z.string(),
  messages: z.array(chatMessageSchema),
  response: z.string(),
  usage: tokenUsageSchema,
  cached: z.boolean(),
});
export type ConditionStep = z.infer<typeof conditionStepSchema>;

/**
 * How a result was scored. The engine's fields are typed; a scoring protocol adds its own (`chosen`, `hits`,
 * `questionId`, log-likelihoods per option…), kept as they are.
 */
export const resultDetailsSchema = z
  .object({
    /** Why the result is invalid or unscored, in words. */
    reason: z.string().optional(),
    /** The extraction rule that read the answer. */
    rule: z.string().optional(),
    /** The judge panel's verdicts, one entry per rubric. */
    judges: z.array(rubricJudgementSchema).optional(),
    /** Calls a condition made before the scored request. */
    steps: z.array(conditionStepSchema).optional(),
    /** Ids of the descriptions given to the model (grounded conditions). */
    grounding: z.array(z.string()).optional(),
  })
  .catchall(z.unknown());
export type ResultDetails = z.infer<typeof resultDetailsSchema>;
