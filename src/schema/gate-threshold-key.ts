/**
 * A threshold key of a quality gate: `metric` (overall), `metric@CC` (one country) or `metric@*` (every country).
 * Kept apart from `gate.ts` (zod) so that the CLI's flag parsing does not load zod at start-up.
 */
export const GATE_THRESHOLD_KEY = /^([A-Za-z0-9_.-]+)(?:@(\*|[A-Za-z]{2,3}))?$/;
