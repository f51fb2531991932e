import type { RecordProblem } from '../errors/culturekit-error.js';
import type { RawRecord, ReadResult, RecordType } from './raw-record.js';
import { readJsonDocument } from './json-document.js';
import { emptyFileError, fileError } from './read-text-file.js';
import { isPlainObject, jsonTypeName } from './scan-json.js';

const SECTIONS: Record<string, RecordType> = { items: 'item', descriptions: 'description' };

/**
 * Records of a JSON file: an array of objects, or `{ "items": [...], "descriptions": [...] }`.
 * Each record's `line` is the line where its element starts.
 *
 * @example
 * const { records } = await readJsonRecords('dataset.json');
 */
export async function readJsonRecords(file: string): Promise<ReadResult> {
  const parsed = await readJsonDocument(file);
  const document = parsed.value;

  const sections: { values: unknown[]; recordType?: RecordType }[] = [];
  if (Array.isArray(document)) {
    sections.push({ values: document });
  } else if (isPlainObject(document) && Object.keys(SECTIONS).some((key) => key in document)) {
    for (const [key, recordType] of Object.entries(SECTIONS)) {
      if (!(key in document)) continue;
      const values = document[key];
      if (!Array.isArray(values)) {
        throw fileError(file, 1, `expected an array of records, got ${jsonTypeName(values)}`, key);
      }
      sections.push({ values, recordType });
    }
  } else {
    throw fileError(file, 1, 'expected an array of records, or an object with "items" and/or "descriptions" arrays');
  }

  const records: RawRecord[] = [];
  const problems: RecordProblem[] = [];
  for (const section of sections) {
    const lines = parsed.elementLines(section.values);
    section.values.forEach((value, index) => {
      const line = lines[index] ?? index + 1;
      if (!isPlainObject(value)) {
        problems.push({ file, line, field: '', problem: `expected a JSON object, got ${jsonTypeName(value)}` });
      } else {
        records.push(section.recordType ? { line, value, recordType: section.recordType } : { line, value });
      }
    });
  }
  if (records.length === 0 && problems.length === 0) {
    throw emptyFileError(file);
  }
  records.sort((left, right) => left.line - right.line);
  return { records, problems };
}
