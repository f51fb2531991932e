import type { RecordProblem } from '../errors/culturekit-error.js';

/** What a record is meant to be, when the file says so (a `descriptions` section of a JSON file). */
export type RecordType = 'item' | 'description';

/** One record as read from a file, before normalisation. */
export interface RawRecord {
  /** 1-based line where the record starts (JSONL, CSV, JSON), or the row number (Parquet). */
  line: number;
  value: Record<string, unknown>;
  /** Set when the file's structure says what the record is. */
  recordType?: RecordType;
}

/** Records read from one file, and the records that could not be read (each an invalid record, not a broken file). */
export interface ReadResult {
  records: RawRecord[];
  problems: RecordProblem[];
  /** The columns of a table (CSV header, Parquet schema), so that a missing column is named once, not once per row. */
  columns?: string[];
  /** Where the columns are named (the CSV header line; 0 for a Parquet schema). */
  headerLine?: number;
}
