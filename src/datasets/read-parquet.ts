import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { DatasetError } from '../errors/culturekit-error.js';
import { InvalidUtf8Text } from './check-text.js';
import type { RawRecord, ReadResult } from './raw-record.js';
import { checkDatasetFile, emptyFileError } from './read-text-file.js';

/**
 * Records of a Parquet file, one per row; a record's `line` is its row number (row index + 1).
 * Values become plain JSON values: 64-bit integers become numbers (strings when too large), dates ISO strings.
 *
 * @example
 * const { records } = await readParquetRecords('items.parquet');
 */
export async function readParquetRecords(file: string): Promise<ReadResult> {
  await checkDatasetFile(file);
  let rows: Record<string, unknown>[];
  try {
    rows = await parquetReadObjects({ file: await asyncBufferFromFile(file), parsers: { stringFromBytes } });
  } catch (error) {
    throw new DatasetError([], `dataset ${file} is not a readable Parquet file: ${(error as Error).message}`);
  }
  if (rows.length === 0) throw emptyFileError(file);
  const records: RawRecord[] = rows.map((row, index) => ({ line: index + 1, value: plainValue(row) as Record<string, unknown> }));
  return { records, problems: [], columns: Object.keys(rows[0]), headerLine: 0 };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Text columns decoded strictly: bytes that are not UTF-8 are kept (and reported with their row), not turned into U+FFFD. */
function stringFromBytes(bytes: Uint8Array | undefined): string | InvalidUtf8Text | undefined {
  if (!bytes) return undefined;
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return new InvalidUtf8Text(bytes);
  }
}

function plainValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return stringFromBytes(value);
  if (value instanceof InvalidUtf8Text) return value;
  if (Array.isArray(value)) return value.map(plainValue);
  if (typeof value === 'object' && value !== null) {
    const plain: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) plain[key] = plainValue(inner);
    return plain;
  }
  return value;
}
