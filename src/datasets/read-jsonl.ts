import type { RecordProblem } from '../errors/culturekit-error.js';
import type { RawRecord, ReadResult } from './raw-record.js';
import { emptyFileError, readDatasetText } from './read-text-file.js';
import { isPlainObject, jsonTypeName, locateJsonError } from './scan-json.js';

/**
 * Records of a JSON Lines file, one object per line (blank lines are skipped). Every line that is not
 * a JSON object is reported, not only the first.
 *
 * @example
 * const { records, problems } = await readJsonLines('items.jsonl');
 */
export async function readJsonLines(file: string): Promise<ReadResult> {
  const text = await readDatasetText(file);
  const records: RawRecord[] = [];
  const problems: RecordProblem[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    let lineText = lines[index];
    if (lineText.endsWith('\r')) lineText = lineText.slice(0, -1);
    if (lineText.trim() === '') continue;
    const line = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(lineText);
    } catch (error) {
      const where = locateJsonError(error, lineText);
      problems.push({ file, line, field: '', problem: `invalid JSON: ${where.message} (column ${where.column})` });
      continue;
    }
    if (!isPlainObject(value)) {
      problems.push({ file, line, field: '', problem: `expected a JSON object, got ${jsonTypeName(value)}` });
      continue;
    }
    records.push({ line, value });
  }
  if (records.length === 0 && problems.length === 0) throw emptyFileError(file);
  return { records, problems };
}
