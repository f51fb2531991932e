import { readFileSync } from 'node:fs';
import { readDatasetFile } from '../datasets/read-records.js';
import { DatasetError, type RecordProblem } from '../errors/culturekit-error.js';
import { sha256Hex } from '../util/hash.js';
import type { RecordedOptionScores } from '../models/language-model.js';
import { parseOptionScores, type OptionScoreKind } from '../scoring/recorded-option-scores.js';

export type { OptionScoreKind };

export interface ResponseColumns {
  /** Column with the item id (default `itemId`, falling back to `item_id`, then `id`). */
  id?: string;
  /** Column with the response text (default `response`). */
  response?: string;
  /** Column with the model name, when the file holds several models' responses (default `model` when present). */
  model?: string;
  /** Column with per-option scores (default `scores`, when present): `{"option": value}`, a Python dict literal, or options best first. */
  scores?: string;
}

export interface RecordedResponses {
  /** Responses by model name, each keyed by item id. */
  byModel: Map<string, Map<string, string>>;
  /** Per-option scores by model name, each keyed by item id (rows with a scores column). */
  scoresByModel: Map<string, Map<string, RecordedOptionScores>>;
  /** Hash of the file's content, part of each recorded model's identity. */
  hash: string;
}

/**
 * Reads collected responses from a .jsonl/.json/.csv/.parquet file: one row per item (and model). Rows that lack the
 * id or response, and duplicate (model, item) pairs, are errors naming the file and line.
 *
 * @example
 * const { byModel } = await readResponses('published.csv', { id: 'question_id', response: 'answer', model: 'system' });
 */
export async function readResponses(
  file: string,
  columns: ResponseColumns = {},
  options: { defaultModel?: string; skipInvalid?: boolean; onWarning?: (message: string) => void; scoresKind?: OptionScoreKind } = {},
): Promise<RecordedResponses> {
  const defaultModel = options.defaultModel ?? 'responses';
  const { records, problems } = await readDatasetFile(file);
  const all: RecordProblem[] = [...problems];
  const byModel = new Map<string, Map<string, string>>();
  const scoresByModel = new Map<string, Map<string, RecordedOptionScores>>();
  const responseColumn = columns.response ?? 'response';
  const scoresColumn = columns.scores ?? 'scores';
  for (const { line, value } of records) {
    const idColumn = columns.id ?? ['itemId', 'item_id', 'id'].find((name) => value[name] !== undefined && value[name] !== null) ?? 'itemId';
    const id = value[idColumn];
    const response = value[responseColumn];
    if (id === undefined || id === null || String(id) === '') {
      all.push({ file, line, field: idColumn, problem: 'missing item id (choose the column with --id-column)' });
      continue;
    }
    const scoresCell = value[scoresColumn];
    if (scoresCell !== undefined && scoresCell !== null && scoresCell !== '') {
      const parsed = parseOptionScores(scoresCell, options.scoresKind ?? 'logprob');
      if (typeof parsed === 'string') {
        all.push({ file, line, field: scoresColumn, problem: parsed });
        continue;
      }
      const model = modelOf(value, columns, defaultModel);
      let scores = scoresByModel.get(model);
      if (!scores) scoresByModel.set(model, (scores = new Map()));
      if (scores.has(String(id))) {
        all.push({ file, line, field: idColumn, problem: `a second row of model "${model}" for item "${String(id)}"` });
        continue;
      }
      scores.set(String(id), parsed);
      if (typeof response !== 'string') continue;
    } else if (columns.scores) {
      all.push({ file, line, field: scoresColumn, problem: 'missing option scores (choose the column with --scores-column)' });
      continue;
    }
    if (typeof response !== 'string') {
      all.push({
        file,
        line,
        field: responseColumn,
        problem: response === undefined || response === null ? 'missing response (choose the column with --response-column)' : 'the response is not text',
      });
      continue;
    }
    const model = modelOf(value, columns, defaultModel);
    let responses = byModel.get(model);
    if (!responses) byModel.set(model, (responses = new Map()));
    if (responses.has(String(id))) {
      all.push({ file, line, field: idColumn, problem: `a second response of model "${model}" for item "${String(id)}"` });
      continue;
    }
    responses.set(String(id), response);
  }
  if (all.length > 0 && options.skipInvalid) {
    for (const problem of all.slice(0, 20)) options.onWarning?.(`skipped ${problem.file}:${problem.line}: ${problem.field}: ${problem.problem}`);
    options.onWarning?.(`skipped ${all.length} response row${all.length === 1 ? '' : 's'}; their items end in error ("no recorded response")`);
  } else if (all.length > 0) {
    throw new DatasetError(all, `responses rejected: ${all.length} problem${all.length === 1 ? '' : 's'} (--skip-invalid skips such rows)`);
  }
  if (byModel.size === 0 && scoresByModel.size === 0) throw new DatasetError([{ file, line: 1, field: '', problem: 'no responses' }]);
  for (const model of scoresByModel.keys()) if (!byModel.has(model)) byModel.set(model, new Map());
  return { byModel, scoresByModel, hash: sha256Hex(readFileSync(file)) };
}

function modelOf(value: Record<string, unknown>, columns: ResponseColumns, defaultModel: string): string {
  const modelColumn = columns.model ?? (value.model !== undefined ? 'model' : undefined);
  return modelColumn && value[modelColumn] !== undefined && value[modelColumn] !== null ? String(value[modelColumn]) : defaultModel;
}

/** A recorded response whose item id is in no item of the dataset. */
export interface UnmatchedResponse {
  model: string;
  itemId: string;
}

/**
 * The responses that answer no item of the dataset (a wrong id column, another dataset version, a typo), in file order.
 *
 * @example
 * unmatchedResponses(recorded, new Set(dataset.items.map((item) => item.id))) // [{ model: 'responses', itemId: 'q999' }]
 */
export function unmatchedResponses(recorded: RecordedResponses, itemIds: ReadonlySet<string>): UnmatchedResponse[] {
  const unmatched: UnmatchedResponse[] = [];
  for (const [model, ids] of respondedIds(recorded)) {
    for (const itemId of ids) if (!itemIds.has(itemId)) unmatched.push({ model, itemId });
  }
  return unmatched;
}

/** Per model, the item ids it answered: by text, by per-option scores, or both (each id once). */
export function respondedIds(recorded: RecordedResponses): Map<string, Set<string>> {
  const byModel = new Map<string, Set<string>>();
  for (const answers of [recorded.byModel, recorded.scoresByModel]) {
    for (const [model, responses] of answers) {
      let ids = byModel.get(model);
      if (!ids) byModel.set(model, (ids = new Set()));
      for (const itemId of responses.keys()) ids.add(itemId);
    }
  }
  return byModel;
}

/** The warning `culturekit score` prints for responses that match no item: the count and the first ones. */
export function formatUnmatchedWarning(file: string, unmatched: readonly UnmatchedResponse[], total: number, shown = 20): string {
  const list = unmatched
    .slice(0, shown)
    .map((entry) => (entry.model === 'responses' ? entry.itemId : `${entry.model}/${entry.itemId}`))
    .join(', ');
  const more = unmatched.length > shown ? `, … and ${unmatched.length - shown} more` : '';
  return `${unmatched.length} of ${total} responses in ${file} match no item of the dataset (they are not scored): ${list}${more}`;
}
