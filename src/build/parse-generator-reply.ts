import { parseJudgeJson } from '../scoring/judge/parse-judge-json.js';

/** The list under `key` in a generator's reply, or why it cannot be read. */
export type ReplyList = { ok: true; entries: unknown[] } | { ok: false; problem: string };

/**
 * Reads the list of entries a generator was asked for (`{"descriptions": [...]}`, `{"queries": [...]}`): strict JSON
 * first (also a bare array, or inside a ```json fence), then tolerantly with `parseJudgeJson` (trailing commas,
 * single quotes, prose around it). Never evaluates the text.
 *
 * @example
 * readReplyList('Sure!\n```json\n{"queries": [{"question": "…"},]}\n```', 'queries') // { ok: true, entries: [{ question: '…' }] }
 * readReplyList('I cannot help with that.', 'queries')                              // { ok: false, problem: 'the reply is not JSON: "I cannot help with that."' }
 */
export function readReplyList(reply: string, key: string): ReplyList {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(reply)?.[1];
  for (const candidate of [reply.trim(), fenced?.trim()]) {
    if (!candidate) continue;
    try {
      const value: unknown = JSON.parse(candidate);
      const list = listOf(value, key);
      if (list) return { ok: true, entries: list };
    } catch {
      // not strict JSON: read it tolerantly below
    }
  }
  const object = parseJudgeJson(reply);
  if (object === undefined) return { ok: false, problem: `the reply is not JSON: ${excerpt(reply)}` };
  const list = listOf(object, key);
  if (!list) return { ok: false, problem: `the reply has no "${key}" list: ${excerpt(reply)}` };
  return { ok: true, entries: list };
}

function listOf(value: unknown, key: string): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    const inner = (value as Record<string, unknown>)[key];
    if (Array.isArray(inner)) return inner;
  }
  return undefined;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 160 ? `${flat.slice(0, 160)}…` : flat);
}

/** A trimmed non-empty string field of an entry (the first of several spellings), or undefined. */
export function textField(entry: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = entry[name];
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  }
  return undefined;
}
