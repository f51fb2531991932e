import { InputError, type RecordProblem } from '../errors/culturekit-error.js';
import type { CulturalDescription } from '../schema/description.js';
import type { Item } from '../schema/item.js';
import { datasetHash, type Dataset } from './dataset.js';
import { extname } from 'node:path';
import { streamJsonLines } from './read-jsonl.js';
import { stringSharer } from '../util/share-strings.js';
import { collectGarbage } from '../util/collect-garbage.js';
import { RecordChecker, type CheckedRecord } from './record-checker.js';
import { readDatasetFile } from './read-records.js';

/** File extensions of JSON Lines datasets (read as a stream). */
export const JSON_LINES = new Set(['.jsonl', '.ndjson']);
/** Records read between two full garbage collections while a large file loads (its parsing garbage would grow the heap). */
export const COLLECT_EVERY = 100_000;

export type { Dataset } from './dataset.js';

export interface LoadDatasetOptions {
  /** Drop invalid records (counted in `skippedInvalid`, reported through `onWarning`) instead of rejecting the dataset. */
  skipInvalid?: boolean;
  onWarning?: (message: string) => void;
}

/** Names of the built-in datasets, used as `builtin:<name>`. */
export const builtinDatasetNames = ['sample'] as const;

/**
 * Load and validate a dataset of culturekit records: `builtin:sample`, or a path to a `.jsonl`/`.ndjson`, `.json`,
 * `.csv` or `.parquet` file. A dataset with any invalid record is rejected whole with a `DatasetError` listing
 * every problem as `file:line: field: problem`, unless `skipInvalid` is set. Benchmark files (`blend:/data/blend`…)
 * are read by `loadDataset` in `src/benchmarks/load-dataset.ts`, which falls back to this.
 *
 * @example
 * const dataset = await loadGenericDataset('data/japan.jsonl', { skipInvalid: true, onWarning: console.warn });
 * console.log(dataset.items.length, dataset.skippedInvalid, dataset.hash);
 */
export async function loadGenericDataset(ref: string, options: LoadDatasetOptions = {}): Promise<Dataset> {
  if (ref.startsWith('builtin:')) return loadBuiltin(ref);
  const checker = new RecordChecker(ref);
  const descriptions: CulturalDescription[] = [];
  const items: Item[] = [];
  const shareStrings = stringSharer<Item>(REPEATED_FIELDS, ['choices']);
  const keep = (checked: CheckedRecord | undefined) => {
    if (checked?.type === 'item') items.push(shareStrings(checked.item));
    else if (checked) descriptions.push(checked.description);
  };
  if (JSON_LINES.has(extname(ref).toLowerCase())) {
    // Read as a stream: each record is normalised as its line is read, so the file and its raw records are never held whole.
    let read = 0;
    for await (const entry of streamJsonLines(ref)) {
      if ('problem' in entry) checker.addProblem(entry.problem);
      else keep(checker.checkLine(entry.record));
      if (++read % COLLECT_EVERY === 0) collectGarbage();
    }
  } else {
    const { records, problems: readProblems, columns, headerLine } = await readDatasetFile(ref);
    readProblems.forEach(checker.addProblem);
    for (const record of records) keep(checker.check(record));
    if (columns) collapseMissingColumns(ref, columns, headerLine ?? 1, records.length, checker.problemsByLine);
  }
  const skippedInvalid = checker.finish({ items: items.length, descriptions: descriptions.length }, options);
  return { ref, descriptions, items, skippedInvalid, hash: datasetHash(descriptions, items) };
}

/**
 * In a table (CSV, Parquet), a required field missing from every row is one missing column: reported once, at the
 * header, with the columns the file has, instead of once per row.
 */
function collapseMissingColumns(file: string, columns: string[], headerLine: number, rows: number, problemsByLine: Map<number, RecordProblem[]>): void {
  const isMissing = (problem: RecordProblem) => problem.problem === 'required field is missing' || problem.problem.startsWith('record is neither an item');
  const counts = new Map<string, { problem: RecordProblem; rows: number }>();
  for (const problems of problemsByLine.values()) {
    for (const problem of problems.filter(isMissing)) {
      const seen = counts.get(problem.field) ?? { problem, rows: 0 };
      seen.rows++;
      counts.set(problem.field, seen);
    }
  }
  const everywhere = [...counts.values()].filter((entry) => entry.rows === rows && rows > 1);
  if (everywhere.length === 0) return;
  const missingFields = new Set(everywhere.map((entry) => entry.problem.field));
  for (const [line, problems] of problemsByLine) {
    const rest = problems.filter((problem) => !(isMissing(problem) && missingFields.has(problem.field)));
    if (rest.length > 0) problemsByLine.set(line, rest);
    else problemsByLine.delete(line);
  }
  const has = `the file's columns are ${columns.map((column) => `"${column}"`).join(', ') || '(none)'}`;
  problemsByLine.set(headerLine, [
    ...(problemsByLine.get(headerLine) ?? []),
    ...everywhere.map(({ problem }) => ({
      file,
      line: headerLine,
      field: problem.field,
      problem: problem.field
        ? `required column "${problem.field}" is missing (every one of the ${rows} rows lacks it); ${has}`
        : `no "prompt" (or "question") column for items and no "text" column for descriptions; ${has}`,
    })),
  ]);
}

/** Item fields whose values repeat from item to item (a language, a country, the same options): shared, a dataset held for a run costs about half as much. */
const REPEATED_FIELDS = ['kind', 'format', 'answer', 'language', 'country', 'category', 'topic', 'protocol'];

async function loadBuiltin(ref: string): Promise<Dataset> {
  const name = ref.slice('builtin:'.length);
  if (name !== 'sample') {
    throw new InputError(`unknown built-in dataset "${ref}"; built-in datasets: ${builtinDatasetNames.map((known) => `builtin:${known}`).join(', ')}`);
  }
  const { loadBuiltinSample } = await import('./builtin/builtin-sample.js');
  const { descriptions, items } = loadBuiltinSample();
  return { ref, descriptions, items, skippedInvalid: 0, hash: datasetHash(descriptions, items) };
}
