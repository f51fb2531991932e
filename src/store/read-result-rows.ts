import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { LineSplitter } from '../util/line-splitter.js';
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
  return [...iterateResultsFile(path)];
}

/**
 * The rows of a `results.jsonl` one by one as the file is read (never held whole, so a million rows read in flat
 * memory), each checked as `readResultsFile` does.
 *
 * @example
 * for (const row of iterateResultsFile('runs/demo/results.jsonl')) …
 */
export function* iterateResultsFile(path: string): Generator<ResultRow> {
  for (const { line, text } of fileLines(path)) {
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(formatRecordProblem({ file: path, line, field: '', problem: `invalid JSON: ${(error as Error).message}` }));
    }
    yield parseResultRow(value, `${path}:${line}`);
  }
}

/** Lines of a UTF-8 file with their 1-based numbers, read in 1 MiB chunks. */
function* fileLines(path: string): Generator<{ line: number; text: string }> {
  const file = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    const decoder = new StringDecoder('utf8');
    const lines = new LineSplitter();
    for (let read = readSync(file, chunk); read > 0; read = readSync(file, chunk)) yield* lines.push(decoder.write(chunk.subarray(0, read)));
    yield* lines.push(decoder.end());
    yield lines.end();
  } finally {
    closeSync(file);
  }
}
