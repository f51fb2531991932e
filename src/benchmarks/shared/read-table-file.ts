import { extname } from 'node:path';
import { readCsvRecords } from '../../datasets/read-csv.js';
import type { RawRecord, ReadResult } from '../../datasets/raw-record.js';
import { checkDatasetFile, fileError } from '../../datasets/read-text-file.js';

/** File extensions of the tables benchmarks publish: CSV, or Excel workbooks (CAMeL publishes .xlsx). */
export const TABLE_EXTENSIONS = ['.csv', '.xlsx'] as const;

/**
 * Reads a table of records, a header row then one record per row, from a `.csv` or the first sheet of an `.xlsx`
 * workbook (read with `read-excel-file`, loaded only when needed). Rows of an `.xlsx` are numbered as in the sheet;
 * cells are kept as text (numbers as written). A file that is not a readable workbook is a `DatasetError` naming it.
 *
 * @example
 * const { records } = await readTableRecords('camel/entities/food.xlsx'); // [{ line: 2, value: { Entity: 'مقلوبة', Culture: 'Arab' } }, …]
 */
export async function readTableRecords(file: string): Promise<ReadResult> {
  if (extname(file).toLowerCase() !== '.xlsx') return readCsvRecords(file);
  await checkDatasetFile(file);
  const { readSheet } = await import('read-excel-file/node');
  let rows: unknown[][];
  try {
    rows = (await readSheet(file)) as unknown[][];
  } catch (error) {
    throw fileError(file, 1, `not a readable .xlsx workbook: ${(error as Error).message}`);
  }
  const headerIndex = rows.findIndex((row) => row.some((cell) => cell !== null && cell !== undefined && String(cell).trim() !== ''));
  if (headerIndex === -1) throw fileError(file, 1, 'file is empty: no header row');
  const header = rows[headerIndex].map((cell) => (cell === null || cell === undefined ? '' : String(cell).trim()));
  const records: RawRecord[] = [];
  rows.slice(headerIndex + 1).forEach((row, offset) => {
    const cells = row.map((cell) => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString() : String(cell)));
    if (cells.every((cell) => cell.trim() === '')) return;
    const value: Record<string, unknown> = {};
    header.forEach((name, index) => {
      if (name !== '') value[name] = cells[index] ?? '';
    });
    records.push({ line: headerIndex + offset + 2, value });
  });
  if (records.length === 0) throw fileError(file, headerIndex + 1, 'file is empty: no records after the header row');
  return { records, problems: [] };
}
