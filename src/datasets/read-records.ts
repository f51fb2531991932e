import { extname } from 'node:path';
import { DatasetError } from '../errors/culturekit-error.js';
import type { RawRecord, ReadResult } from './raw-record.js';
import { rejectBadText } from './check-text.js';
import { readCsvRecords } from './read-csv.js';
import { readJsonRecords } from './read-json.js';
import { readJsonLines } from './read-jsonl.js';
import { readParquetRecords } from './read-parquet.js';

const READERS: Record<string, (file: string) => Promise<ReadResult>> = {
  '.jsonl': readJsonLines,
  '.ndjson': readJsonLines,
  '.json': readJsonRecords,
  '.csv': readCsvRecords,
  '.parquet': readParquetRecords,
};

/** File extensions `readRecords` understands. */
export const datasetExtensions = Object.keys(READERS);

/**
 * Records of a dataset file and the records that could not be read, chosen by extension
 * (`.jsonl`/`.ndjson`, `.json`, `.csv`, `.parquet`). A file that cannot be read at all is a `DatasetError`; a record
 * with a control character or text that is not UTF-8 is a problem naming its line and field.
 *
 * @example
 * const { records, problems } = await readDatasetFile('items.csv');
 */
export async function readDatasetFile(file: string): Promise<ReadResult> {
  const extension = extname(file).toLowerCase();
  const reader = READERS[extension];
  if (!reader) {
    throw new DatasetError([], `unsupported dataset file ${file}: expected one of ${datasetExtensions.join(', ')}${extension ? `, got "${extension}"` : ''}`);
  }
  return rejectBadText(file, await reader(file));
}

/**
 * Raw records of a dataset file, each with the line (or row number) where it starts. Any record that
 * cannot be read (a line that is not JSON, a CSV row with the wrong number of fields) rejects the file
 * with a `DatasetError` listing every such record.
 *
 * @example
 * const records = await readRecords('items.jsonl');
 * // [{ line: 1, value: { id: 'q1', prompt: '…' } }, …]
 */
export async function readRecords(file: string): Promise<RawRecord[]> {
  const { records, problems } = await readDatasetFile(file);
  if (problems.length > 0)
    throw new DatasetError(problems, `dataset ${file} rejected: ${problems.length} unreadable record${problems.length === 1 ? '' : 's'}`);
  return records;
}
