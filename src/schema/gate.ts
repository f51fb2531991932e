import { z } from 'zod';

import { GATE_THRESHOLD_KEY } from './gate-threshold-key.js';

/** The `gate` section of a config file (and the gate flags once parsed). */
export const gateSettingsSchema = z
  .object({
    /** Thresholds: `{ accuracy: 0.7, 'accuracy@*': 0.5, respectfulness: 7 }`; a value below fails the run. */
    failUnder: z.record(z.string().regex(GATE_THRESHOLD_KEY, 'expected metric, metric@COUNTRY or metric@*'), z.number()),
    /** A run (folder or id) the run must not be significantly worse than. */
    baseline: z.string().min(1),
    /** Significance level of the baseline comparison. */
    alpha: z.number().gt(0).lt(1),
    /** Where to write the JUnit XML of the gate. */
    junit: z.string().min(1),
  })
  .partial()
  .strict();
export type GateSettingsInput = z.infer<typeof gateSettingsSchema>;
