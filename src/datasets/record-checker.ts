import { DatasetError, formatRecordProblem, type RecordProblem } from '../errors/culturekit-error.js';
import type { CulturalDescription } from '../schema/description.js';
import type { Item } from '../schema/item.js';
import { badTextIn } from './check-text.js';
import { normalizeRecord } from './normalize-record.js';
import type { RawRecord } from './raw-record.js';

const WARNED_RECORDS = 20;

/** A valid record, normalised. */
export type CheckedRecord = { type: 'item'; item: Item } | { type: 'description'; description: CulturalDescription };

/**
 * Checks a dataset's records one by one as they are read: each is normalised, ids must be unique, and every problem is
 * kept by line. `finish` then rejects the dataset (or, with `skipInvalid`, warns and counts the skipped records).
 * What the records become (held, or only hashed and located) is the caller's.
 */
export class RecordChecker {
  readonly problemsByLine = new Map<number, RecordProblem[]>();
  private readonly itemLines = new Map<string, number>();
  private readonly descriptionLines = new Map<string, number>();

  constructor(private readonly ref: string) {}

  readonly addProblem = (problem: RecordProblem): void => {
    const list = this.problemsByLine.get(problem.line);
    if (list) list.push(problem);
    else this.problemsByLine.set(problem.line, [problem]);
  };

  /** The record normalised, or undefined when it has a problem (kept for `finish`). */
  check(record: RawRecord): CheckedRecord | undefined {
    const normalized = normalizeRecord(record.value, record.recordType);
    if (normalized.type === 'invalid') {
      for (const problem of normalized.problems) this.addProblem({ file: this.ref, line: record.line, ...problem });
      return undefined;
    }
    const [id, lines, noun] =
      normalized.type === 'item'
        ? ([normalized.item.id, this.itemLines, 'item'] as const)
        : ([normalized.description.id, this.descriptionLines, 'description'] as const);
    const firstLine = lines.get(id);
    if (firstLine !== undefined) {
      this.addProblem({ file: this.ref, line: record.line, field: 'id', problem: `duplicate ${noun} id "${id}" (first on line ${firstLine})` });
      return undefined;
    }
    lines.set(id, record.line);
    return normalized;
  }

  /** `check` for a record read as a line of text (JSON Lines): text with control characters or bad UTF-8 is a problem first. */
  checkLine(record: RawRecord): CheckedRecord | undefined {
    const bad = badTextIn(this.ref, record);
    if (bad.length === 0) return this.check(record);
    bad.forEach(this.addProblem);
    return undefined;
  }

  /**
   * Ends the check: a `DatasetError` listing every problem as `file:line: field: problem` (unless `skipInvalid`, which
   * warns instead), or when nothing valid was read. Returns the number of invalid records skipped.
   */
  finish(counts: { items: number; descriptions: number }, options: { skipInvalid?: boolean; onWarning?: (message: string) => void }): number {
    const { ref, problemsByLine } = this;
    this.itemLines.clear();
    this.descriptionLines.clear();
    const invalidLines = [...problemsByLine.keys()].sort((left, right) => left - right);
    const problems = invalidLines.flatMap((line) => problemsByLine.get(line)!);
    const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
    if (problems.length > 0 && !options.skipInvalid) {
      throw new DatasetError(problems, `dataset ${ref} rejected: ${plural(problems.length, 'problem')} in ${plural(invalidLines.length, 'record')}`);
    }
    if (counts.items === 0 && counts.descriptions === 0) {
      throw new DatasetError(problems, `dataset ${ref} rejected: no valid records (${plural(invalidLines.length, 'invalid record')})`);
    }
    if (invalidLines.length > 0 && options.onWarning) {
      for (const line of invalidLines.slice(0, WARNED_RECORDS)) {
        options.onWarning(`skipped invalid record: ${problemsByLine.get(line)!.map(formatRecordProblem).join('; ')}`);
      }
      if (invalidLines.length > WARNED_RECORDS) {
        options.onWarning(`… and ${plural(invalidLines.length - WARNED_RECORDS, 'more invalid record')} skipped`);
      }
      options.onWarning(
        `${ref}: skipped ${plural(invalidLines.length, 'invalid record')}, loaded ${plural(counts.items, 'item')} and ${plural(counts.descriptions, 'description')}`,
      );
    }
    return invalidLines.length;
  }
}
