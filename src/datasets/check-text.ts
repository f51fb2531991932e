import type { RecordProblem } from '../errors/culturekit-error.js';
import type { RawRecord, ReadResult } from './raw-record.js';
import { firstInvalidUtf8Byte } from './read-text-file.js';

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. Never part of a prompt a person wrote. */
function isControlCharacter(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

/** Position of the first control character in `text`, or -1. */
export function firstControlCharacter(text: string): number {
  for (let index = 0; index < text.length; index++) if (isControlCharacter(text.charCodeAt(index))) return index;
  return -1;
}

const CONTROL_NAMES: Record<number, string> = { 0: 'NUL', 7: 'BEL', 8: 'BS', 11: 'VT', 12: 'FF', 27: 'ESC', 127: 'DEL' };

/** A text value that holds bytes that are not UTF-8 (Parquet decodes them into this, not into U+FFFD). */
export class InvalidUtf8Text {
  constructor(readonly bytes: Uint8Array) {}
}

/** `U+0000 (NUL)` */
function describeCharacter(code: number): string {
  const name = CONTROL_NAMES[code];
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
}

/** The problem with one string value, if any: a control character, or bytes that are not UTF-8. */
function textProblem(value: unknown): string | undefined {
  if (value instanceof InvalidUtf8Text) {
    const offset = firstInvalidUtf8Byte(value.bytes);
    const byte = value.bytes[offset].toString(16).toUpperCase().padStart(2, '0');
    return `not valid UTF-8 text (byte 0x${byte} at byte ${offset + 1} of the value): re-encode the text as UTF-8`;
  }
  if (typeof value !== 'string') return undefined;
  const index = firstControlCharacter(value);
  if (index < 0) return undefined;
  return `control character ${describeCharacter(value.charCodeAt(index))} at character ${index + 1}: remove it (only tab, line feed and carriage return are allowed in text)`;
}

function findProblems(value: unknown, path: string, found: { field: string; problem: string }[]): void {
  const problem = textProblem(value);
  if (problem) found.push({ field: path, problem });
  else if (Array.isArray(value)) value.forEach((inner, index) => findProblems(inner, path ? `${path}.${index}` : String(index), found));
  else if (typeof value === 'object' && value !== null && !(value instanceof InvalidUtf8Text)) {
    for (const [key, inner] of Object.entries(value)) findProblems(inner, path ? `${path}.${key}` : key, found);
  }
}

/**
 * Moves every record holding a control character (NUL, ESC…, from a CSV cell, a JSON `\u0000` escape or a Parquet
 * string) or text that is not UTF-8 out of `records` into `problems`, each naming the file, the line (row) and the field.
 *
 * @example
 * const checked = rejectBadText('items.csv', await readCsvRecords('items.csv'));
 */
export function rejectBadText(file: string, result: ReadResult): ReadResult {
  const records: RawRecord[] = [];
  const problems: RecordProblem[] = [...result.problems];
  for (const record of result.records) {
    const found = badTextIn(file, record);
    if (found.length === 0) records.push(record);
    else problems.push(...found);
  }
  return { ...result, records, problems };
}

/** The control characters in one record's text fields, as problems naming its file, line and field (none: `[]`). */
export function badTextIn(file: string, record: RawRecord): RecordProblem[] {
  const found: { field: string; problem: string }[] = [];
  findProblems(record.value, '', found);
  return found.map((problem) => ({ file, line: record.line, ...problem }));
}
