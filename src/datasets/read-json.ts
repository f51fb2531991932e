import type { RecordProblem } from '../errors/culturekit-error.js';
import type { RawRecord, ReadResult, RecordType } from './raw-record.js';
import { emptyFileError, fileError, readDatasetText } from './read-text-file.js';
import { isPlainObject, jsonTypeName, locateJsonError, scanJson } from './scan-json.js';

const SECTIONS: Record<string, RecordType> = { items: 'item', descriptions: 'description' };

/**
 * Records of a JSON file: an array of objects, or `{ "items": [...], "descriptions": [...] }`.
 * Each record's `line` is the line where its element starts.
 *
 * @example
 * const { records } = await readJsonRecords('dataset.json');
 */
export async function readJsonRecords(file: string): Promise<ReadResult> {
  const text = await readDatasetText(file);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const where = locateJsonError(error, text);
    throw fileError(file, where.line, `invalid JSON: ${where.message} (column ${where.column})`);
  }
  const scan = scanJson(text);
  const starts = scan.ok ? scan.elements : new Map();

  const sections: { key: string; values: unknown[]; recordType?: RecordType }[] = [];
  if (Array.isArray(document)) {
    sections.push({ key: '', values: document });
  } else if (isPlainObject(document) && Object.keys(SECTIONS).some((key) => key in document)) {
    for (const [key, recordType] of Object.entries(SECTIONS)) {
      if (!(key in document)) continue;
      const values = document[key];
      if (!Array.isArray(values)) {
        throw fileError(file, 1, `expected an array of records, got ${jsonTypeName(values)}`, key);
      }
      sections.push({ key, values, recordType });
    }
  } else {
    throw fileError(file, 1, 'expected an array of records, or an object with "items" and/or "descriptions" arrays');
  }

  const records: RawRecord[] = [];
  const problems: RecordProblem[] = [];
  for (const section of sections) {
    const positions = starts.get(section.key) ?? [];
    section.values.forEach((value, index) => {
      const line = positions[index]?.line ?? index + 1;
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
