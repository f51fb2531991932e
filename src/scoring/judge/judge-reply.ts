import { parseJudgeJson } from './parse-judge-json.js';
import type { JudgeParse } from './rubric.js';

/** The value of the first of `names` present in a judge's reply object, keys compared without case. */
export function judgeField(reply: Record<string, unknown>, names: readonly string[]): unknown {
  const byLowerCase = new Map<string, unknown>();
  for (const [key, value] of Object.entries(reply)) {
    const lower = key.trim().toLowerCase();
    if (!byLowerCase.has(lower)) byLowerCase.set(lower, value);
  }
  for (const name of names) {
    const value = byLowerCase.get(name.toLowerCase());
    if (value !== undefined) return value;
  }
  return undefined;
}

/** A number given as a JSON number or as a string of one (`"8"`, `" 8.0 "`); anything else is `undefined`. */
export function judgeNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*[-+]?\d+(?:\.\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

/** The longest reasoning kept with a verdict; a longer one is cut here, with `…`. */
export const MAX_JUDGE_REASONING_CHARS = 2000;

/**
 * The reasoning a judge gave with its verdict (`reasoning`, `reason`, `explanation`, `rationale`, `理由`), when it gave
 * it as text: trimmed, cut at `MAX_JUDGE_REASONING_CHARS`. Absent reasoning never makes a verdict invalid.
 *
 * @example
 * judgeReasoning({ reasoning: ' Ignores the custom. ', score: 2 }) // 'Ignores the custom.'
 * judgeReasoning({ score: 2 })                                     // undefined
 */
export function judgeReasoning(reply: Record<string, unknown>): string | undefined {
  const reason = judgeField(reply, ['reasoning', 'reason', 'explanation', 'rationale', '理由']);
  if (typeof reason !== 'string' || reason.trim() === '') return undefined;
  const text = reason.trim();
  return text.length > MAX_JUDGE_REASONING_CHARS ? `${text.slice(0, MAX_JUDGE_REASONING_CHARS)}…` : text;
}

export type ScaleReading = { status: 'read'; value: number; reply: Record<string, unknown> } | { status: 'invalid'; reason: string };

/**
 * Reads an integer on `[minimum, maximum]` from the first of `names` in a judge's reply. A reply without JSON, without
 * the field, with a non-number, a fraction or a value off the scale is `invalid`, never a number.
 */
export function readIntegerOnScale(reply: string, names: readonly string[], minimum: number, maximum: number): ScaleReading {
  const parsed = parseJudgeJson(reply);
  if (parsed === undefined) return { status: 'invalid', reason: `no JSON object in the judge's reply: ${excerpt(reply)}` };
  const field = judgeField(parsed, names);
  if (field === undefined) return { status: 'invalid', reason: `the judge's reply has no "${names[0]}": ${excerpt(reply)}` };
  const value = judgeNumber(field);
  if (value === undefined) return { status: 'invalid', reason: `"${names[0]}" is not a number: ${JSON.stringify(field)}` };
  if (!Number.isInteger(value)) return { status: 'invalid', reason: `"${names[0]}" is not an integer: ${value}` };
  if (value < minimum || value > maximum) return { status: 'invalid', reason: `"${names[0]}" ${value} is outside ${minimum}–${maximum}` };
  return { status: 'read', value, reply: parsed };
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 120 ? `${flat.slice(0, 120)}…` : flat);
}

/**
 * A verdict of one metric on an integer scale with the judge's reasoning, when it gave one: the reading of
 * `readIntegerOnScale` (an unreadable score is `invalid`, reasoning or not).
 *
 * @example
 * scaleVerdict('{"reasoning": "Polite.", "score": 8}', ['score'], 1, 10, 'respectfulness')
 * // { status: 'scored', metrics: { respectfulness: 8 }, reasoning: 'Polite.' }
 */
export function scaleVerdict(reply: string, names: readonly string[], minimum: number, maximum: number, metric: string): JudgeParse {
  const reading = readIntegerOnScale(reply, names, minimum, maximum);
  if (reading.status === 'invalid') return reading;
  const reasoning = judgeReasoning(reading.reply);
  return { status: 'scored', metrics: { [metric]: reading.value }, ...(reasoning === undefined ? {} : { reasoning }) };
}
