import type { RecordProblem } from '../errors/culturekit-error.js';
import type { RawRecord, ReadResult } from './raw-record.js';
import { emptyFileError, readDatasetLines } from './read-text-file.js';
import { isPlainObject, jsonTypeName, locateJsonError } from './scan-json.js';

/**
 * Records of a JSON Lines file, one object per line (blank lines are skipped). Every line that is not
 * a JSON object is reported, not only the first.
 *
 * @example
 * const { records, problems } = await readJsonLines('items.jsonl');
 */
export async function readJsonLines(file: string): Promise<ReadResult> {
  const records: RawRecord[] = [];
  const problems: RecordProblem[] = [];
  for await (const entry of streamJsonLines(file)) {
    if ('problem' in entry) problems.push(entry.problem);
    else records.push(entry.record);
  }
  return { records, problems };
}

/**
 * The records (and the lines that are not records) of a JSON Lines file one by one, as the file is read, each with its
 * line's byte offset and length: a large file is never held whole. A file with neither is a `DatasetError` (empty).
 *
 * @example
 * for await (const entry of streamJsonLines('items.jsonl')) if ('record' in entry) …
 */
export async function* streamJsonLines(file: string): AsyncGenerator<{ record: RawRecord; offset: number; length: number } | { problem: RecordProblem }> {
  let any = false;
  for await (const { line, text, offset, length } of readDatasetLines(file)) {
    let lineText = text;
    if (lineText.endsWith('\r')) lineText = lineText.slice(0, -1);
    if (lineText.trim() === '') continue;
    any = true;
    let value: unknown;
    try {
      value = JSON.parse(lineText);
    } catch (error) {
      const where = locateJsonError(error, lineText);
      yield { problem: { file, line, field: '', problem: `invalid JSON: ${where.message} (column ${where.column})` } };
      continue;
    }
    if (!isPlainObject(value)) {
      yield { problem: { file, line, field: '', problem: `expected a JSON object, got ${jsonTypeName(value)}` } };
      continue;
    }
    yield { record: { line, value }, offset, length };
  }
  if (!any) throw emptyFileError(file);
}
