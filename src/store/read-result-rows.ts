import { readFileSync } from 'node:fs';
import { formatRecordProblem, InputError } from '../errors/culturekit-error.js';
import { resultRowSchema, type ResultRow } from '../schema/result.js';
import { issueLines } from '../schema/issue-lines.js';

/**
 * Checks a value read from outside (a `results.jsonl` line, a stored row) against the result-row schema. A row that does
 * not match is an `InputError` naming where it came from and every field that is wrong (`where: field: problem`).
 *
 * @example
 * const row = parseResultRow(JSON.parse(line), 'runs/demo/results.jsonl:3');
 */
export function parseResultRow(value: unknown, where: string): ResultRow {
  const parsed = resultRowSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new InputError(issueLines(parsed.error, where).join('\n'));
}

/**
 * Reads a run's `results.jsonl`: one result row per line (blank lines skipped), each checked against the schema.
 * Invalid JSON or a wrong field is an `InputError` naming `file:line: field: problem`.
 *
 * @example
 * const rows = readResultsFile('runs/demo/results.jsonl');
 */
export function readResultsFile(path: string): ResultRow[] {
  const rows: ResultRow[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index];
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(formatRecordProblem({ file: path, line: index + 1, field: '', problem: `invalid JSON: ${(error as Error).message}` }));
    }
    rows.push(parseResultRow(value, `${path}:${index + 1}`));
  }
  return rows;
}
