import type { RecordProblem } from '../errors/culturekit-error.js';
import type { RawRecord, ReadResult } from './raw-record.js';
import { fileError, readDatasetText } from './read-text-file.js';

/** One CSV row: its fields and the line where it starts. */
export interface CsvRow {
  line: number;
  fields: string[];
}

/** Why CSV text could not be split into rows: the line where the trouble starts. */
export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

/**
 * Split RFC 4180 CSV text into rows: comma-separated, fields optionally quoted with `"`, quotes inside
 * quoted fields doubled, quoted fields may hold commas and line breaks, lines end with LF or CRLF.
 * Blank lines are skipped. Throws `CsvSyntaxError` for an unterminated quote or text after a closing quote.
 *
 * @example
 * parseCsv('id,prompt\n1,"Hello, ""world"""\n');
 * // [{ line: 1, fields: ['id', 'prompt'] }, { line: 2, fields: ['1', 'Hello, "world"'] }]
 */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const length = text.length;
  let index = 0;
  let line = 1;
  while (index < length) {
    const rowLine = line;
    const fields: string[] = [];
    let blank = true;
    for (;;) {
      if (text.charCodeAt(index) === 34) {
        blank = false;
        const quoteLine = line;
        let value = '';
        let chunkStart = index + 1;
        let cursor = chunkStart;
        for (;;) {
          const quote = text.indexOf('"', cursor);
          if (quote === -1) throw new CsvSyntaxError(quoteLine, 'unterminated quoted field starting here');
          for (let newline = text.indexOf('\n', cursor); newline !== -1 && newline < quote; newline = text.indexOf('\n', newline + 1)) line++;
          if (text.charCodeAt(quote + 1) === 34) {
            value += text.slice(chunkStart, quote + 1);
            cursor = chunkStart = quote + 2;
          } else {
            value += text.slice(chunkStart, quote);
            index = quote + 1;
            break;
          }
        }
        fields.push(value);
        const next = text.charCodeAt(index);
        if (index < length && next !== 44 && next !== 10 && !(next === 13 && text.charCodeAt(index + 1) === 10)) {
          // A quote that opened lines earlier and "closed" here is most likely a quote that was never closed.
          if (line > quoteLine) {
            throw new CsvSyntaxError(quoteLine, `quoted field opened here is never properly closed (the next quote, on line ${line}, is followed by text)`);
          }
          throw new CsvSyntaxError(line, 'unexpected text after a closing quote (a quote inside a quoted field is written "")');
        }
      } else {
        let end = index;
        while (end < length) {
          const code = text.charCodeAt(end);
          if (code === 44 || code === 10) break;
          end++;
        }
        let value = text.slice(index, end);
        if (value.endsWith('\r') && (end === length || text.charCodeAt(end) === 10)) value = value.slice(0, -1);
        if (value.trim() !== '') blank = false;
        fields.push(value);
        index = end;
      }
      const code = text.charCodeAt(index);
      if (code === 44) {
        blank = false;
        index++;
        continue;
      }
      if (code === 13) index++;
      if (text.charCodeAt(index) === 10) {
        index++;
        line++;
      }
      break;
    }
    if (!blank) rows.push({ line: rowLine, fields });
  }
  return rows;
}

/**
 * Records of a CSV file with a header row. Empty cells are left out of the record (absent, not `""`);
 * columns with an empty header (a pandas index) are ignored. A row with the wrong number of fields is an
 * invalid record; an unterminated quote rejects the file.
 *
 * @example
 * const { records } = await readCsvRecords('items.csv');
 */
export async function readCsvRecords(file: string): Promise<ReadResult> {
  const text = await readDatasetText(file);
  let rows: CsvRow[];
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw fileError(file, error.line, error.message);
    throw error;
  }
  const [header, ...body] = rows;
  const columns = header.fields.map((name) => name.trim());
  const seen = new Map<string, number>();
  columns.forEach((name, position) => {
    if (name === '') return;
    if (seen.has(name)) {
      throw fileError(file, header.line, `duplicate column (columns ${seen.get(name)! + 1} and ${position + 1})`, name);
    }
    seen.set(name, position);
  });
  if (body.length === 0) throw fileError(file, header.line, 'file is empty: no records after the header row');

  const records: RawRecord[] = [];
  const problems: RecordProblem[] = [];
  for (const row of body) {
    if (row.fields.length !== columns.length) {
      problems.push({
        file,
        line: row.line,
        field: '',
        problem: `expected ${columns.length} fields (as in the header), found ${row.fields.length}`,
      });
      continue;
    }
    const value: Record<string, unknown> = {};
    for (let position = 0; position < columns.length; position++) {
      const name = columns[position];
      const cell = row.fields[position];
      if (name !== '' && cell !== '') value[name] = cell;
    }
    records.push({ line: row.line, value });
  }
  return { records, problems, columns: columns.filter(Boolean), headerLine: header.line };
}
