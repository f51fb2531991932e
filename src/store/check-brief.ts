import { resultStatuses, scoringMethods } from '../schema/score.js';
import type { ResultBrief } from './result-brief.js';

const REQUIRED_STRINGS = ['model', 'condition', 'itemId', 'kind', 'format', 'language'] as const;
const OPTIONAL_STRINGS = ['country', 'category', 'descriptionId', 'answer', 'extracted', 'error'] as const;
/** Every field of a brief (`resultBriefSchema`); a key outside it would be stripped by the schema, so it takes the slow path. */
const FIELDS = new Set<string>([...REQUIRED_STRINGS, ...OPTIONAL_STRINGS, 'choices', 'status', 'method', 'metrics', 'details', 'latencyMs', 'usage', 'cached']);
const STATUSES = new Set<string>(resultStatuses);
const METHODS = new Set<string>(scoringMethods);
/** Typed fields of `details` checked here; `judges` and `steps` (and any other typed field) take the slow path. */
const DETAIL_STRINGS = new Set(['reason', 'rule']);
const DETAIL_SLOW = new Set(['judges', 'steps']);

const isCount = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A fast path for reading a stored brief: true only when `value` (parsed JSON) is a brief that `parseResultBrief` would
 * return unchanged — every field known and of its type, metrics all numbers, `details` without the nested judge
 * records. Anything else (a judged row's verdicts, a `null` metric, an unknown or wrong field) returns false and goes
 * through the schema, which also names what is wrong. A million plain results are then checked in a fraction of the
 * schema's time, with the same rows accepted.
 *
 * @example
 * const brief = isPlainBrief(value) ? value : parseResultBrief(value, where);
 */
export function isPlainBrief(value: unknown): value is ResultBrief {
  if (!isObject(value)) return false;
  for (const key in value) if (!FIELDS.has(key)) return false;
  for (const field of REQUIRED_STRINGS) if (typeof value[field] !== 'string') return false;
  for (const field of OPTIONAL_STRINGS) if (value[field] !== undefined && typeof value[field] !== 'string') return false;
  if (!STATUSES.has(value.status as string) || !METHODS.has(value.method as string)) return false;
  if (typeof value.cached !== 'boolean' || typeof value.latencyMs !== 'number' || !(value.latencyMs >= 0) || !Number.isFinite(value.latencyMs)) return false;
  const usage = value.usage;
  if (!isObject(usage) || !isCount(usage.inputTokens) || !isCount(usage.outputTokens)) return false;
  for (const key in usage) if (key !== 'inputTokens' && key !== 'outputTokens') return false;
  const metrics = value.metrics;
  if (!isObject(metrics)) return false;
  for (const key in metrics) if (typeof metrics[key] !== 'number' || !Number.isFinite(metrics[key])) return false;
  if (value.choices !== undefined) {
    if (!Array.isArray(value.choices)) return false;
    for (const choice of value.choices) if (typeof choice !== 'string') return false;
  }
  if (value.details !== undefined) {
    const details = value.details;
    if (!isObject(details)) return false;
    for (const key in details) {
      if (DETAIL_SLOW.has(key)) return false;
      if (DETAIL_STRINGS.has(key) && typeof details[key] !== 'string') return false;
      if (key === 'grounding') {
        const grounding = details.grounding;
        if (!Array.isArray(grounding)) return false;
        for (const id of grounding) if (typeof id !== 'string') return false;
      }
    }
  }
  return true;
}
