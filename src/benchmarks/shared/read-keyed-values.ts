import { extname } from 'node:path';
import type { RecordProblem } from '../../errors/culturekit-error.js';
import { readCsvRecords } from '../../datasets/read-csv.js';
import { readJsonLines } from '../../datasets/read-jsonl.js';
import { isPlainObject } from '../../datasets/scan-json.js';
import { lineOfKey, readJsonDocument } from '../../datasets/json-document.js';

/** One value of a keyed file (an answer key, reference answers) and where it was read. */
export interface KeyedValue {
  value: string;
  file: string;
  line: number;
}

export interface KeyedValues {
  values: Map<string, KeyedValue>;
  problems: RecordProblem[];
}

/**
 * Reads `id → value` pairs, for answer keys and reference answers supplied next to a benchmark:
 * a JSON object `{ "12": "B" }`, a JSON array or JSONL of `{ "id": 12, "<column>": "B" }`, or a CSV with an `id`
 * column and a value column. `columns` names the accepted value columns, first found wins.
 *
 * @example
 * const { values } = await readKeyedValues('answers.csv', ['answer', 'label']);
 * values.get('12')?.value // 'B'
 */
export async function readKeyedValues(file: string, columns: readonly string[]): Promise<KeyedValues> {
  const values = new Map<string, KeyedValue>();
  const problems: RecordProblem[] = [];
  const add = (id: unknown, value: unknown, line: number): void => {
    const key = typeof id === 'number' ? String(id) : typeof id === 'string' ? id.trim() : '';
    if (key === '') {
      problems.push({ file, line, field: 'id', problem: 'missing id' });
      return;
    }
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    if (text === '') {
      problems.push({ file, line, field: columns[0], problem: `missing ${columns.join(' or ')} for id "${key}"` });
      return;
    }
    const previous = values.get(key);
    if (previous) {
      problems.push({ file, line, field: 'id', problem: `duplicate id "${key}" (first on line ${previous.line})` });
      return;
    }
    values.set(key, { value: text, file, line });
  };
  const fromRecord = (record: Record<string, unknown>, line: number): void => {
    const column = columns.find((name) => record[name] !== undefined);
    add(record.id, column === undefined ? undefined : record[column], line);
  };

  const extension = extname(file).toLowerCase();
  if (extension === '.csv' || extension === '.jsonl' || extension === '.ndjson') {
    const read = extension === '.csv' ? await readCsvRecords(file) : await readJsonLines(file);
    problems.push(...read.problems);
    for (const record of read.records) fromRecord(record.value, record.line);
    return { values, problems };
  }
  const document = await readJsonDocument(file);
  if (Array.isArray(document.value)) {
    document.value.forEach((entry, index) => {
      if (isPlainObject(entry)) fromRecord(entry, document.lineOf(entry));
      else problems.push({ file, line: index + 1, field: '', problem: 'expected an object with "id"' });
    });
  } else if (isPlainObject(document.value)) {
    for (const [id, value] of Object.entries(document.value)) {
      const line = lineOfKey(document.text, id);
      if (isPlainObject(value)) {
        const column = columns.find((name) => value[name] !== undefined);
        add(id, column === undefined ? undefined : value[column], line);
      } else add(id, value, line);
    }
  } else {
    problems.push({ file, line: 1, field: '', problem: 'expected a JSON object {id: value} or an array of {id, value} records' });
  }
  return { values, problems };
}
