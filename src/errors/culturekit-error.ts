import { EXIT_CODES } from './exit-codes.js';

/** Base of every error culturekit throws on purpose; the CLI maps these to messages and exit codes in one place. */
export class CulturekitError extends Error {
  /** Exit code the CLI uses when this error ends a command. */
  readonly exitCode: number;
  constructor(message: string, options: { cause?: unknown; exitCode?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = 'CulturekitError';
    this.exitCode = options.exitCode ?? EXIT_CODES.failure;
  }
}

/** Bad input from the user: a dataset, a flag, a config file. Exit code 2. */
export class InputError extends CulturekitError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, exitCode: EXIT_CODES.input });
    this.name = 'InputError';
  }
}

/** One problem in one record of an input file: `file:line: field: problem`. */
export interface RecordProblem {
  file: string;
  /** 1-based line (JSONL, CSV) or record number (JSON arrays, Parquet rows) where the record starts. */
  line: number;
  /** Dotted path of the field (`choices.2`), or empty for the whole record. */
  field: string;
  problem: string;
}

export function formatRecordProblem(problem: RecordProblem): string {
  return `${problem.file}:${problem.line}: ${problem.field ? `${problem.field}: ` : ''}${problem.problem}`;
}

/** A dataset was rejected: every problem found, each naming its place. */
export class DatasetError extends InputError {
  readonly problems: RecordProblem[];
  constructor(problems: RecordProblem[], summary?: string) {
    const shown = problems.slice(0, 20).map(formatRecordProblem);
    const more = problems.length > 20 ? [`… and ${problems.length - 20} more problems`] : [];
    super([summary ?? `dataset rejected: ${problems.length} problem${problems.length === 1 ? '' : 's'}`, ...shown, ...more].join('\n'));
    this.name = 'DatasetError';
    this.problems = problems;
  }
}
