import { InputError } from '../errors/culturekit-error.js';
import { issueLines } from '../schema/issue-lines.js';
import { resultRowSchema, type ResultRow } from '../schema/result.js';

/** The fields of a result left out of its brief: the large texts (prompt, response) and what no aggregation reads. */
const LEFT_OUT = { runId: true, topic: true, template: true, prompt: true, choiceOrder: true, response: true, attempts: true, completedAt: true } as const;

/**
 * What summaries and reports read of a result: a row without its prompt and response (about a third of its size).
 * The store keeps it beside each row, so a million results are summarised without reading a million prompts.
 */
export const resultBriefSchema = resultRowSchema.omit(LEFT_OUT);
export type ResultBrief = Omit<ResultRow, keyof typeof LEFT_OUT>;

/** A row's brief (the same object's fields, not copies). */
export function briefOf(row: ResultRow): ResultBrief {
  const brief: Record<string, unknown> = {};
  for (const key in row) if (!(key in LEFT_OUT)) brief[key] = row[key as keyof ResultRow];
  return brief as ResultBrief;
}

/** Checks a stored brief (or a whole row, which has every field of one) against the schema: an `InputError` naming `where` and each wrong field. */
export function parseResultBrief(value: unknown, where: string): ResultBrief {
  const parsed = resultBriefSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new InputError(issueLines(parsed.error, where).join('\n'));
}
