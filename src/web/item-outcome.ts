import type { ResultRow } from '../schema/result.js';

/** What the viewer filters items by: the row's status, with scored 0/1 results split into correct and incorrect. */
export const itemOutcomes = ['correct', 'incorrect', 'scored', 'invalid', 'unscored', 'error'] as const;
export type ItemOutcome = (typeof itemOutcomes)[number];

/**
 * `correct` / `incorrect` for a scored row whose metric is 1 / 0; `scored` for other scored rows (a graded judge
 * score); otherwise the row's status (`invalid`, `unscored`, `error`).
 *
 * @example
 * itemOutcome({ status: 'scored', metrics: { accuracy: 1 } }) // 'correct'
 */
export function itemOutcome(row: Pick<ResultRow, 'status' | 'metrics'>, metric = 'accuracy'): ItemOutcome {
  if (row.status !== 'scored') return row.status;
  const value = row.metrics[metric];
  if (value === 1) return 'correct';
  if (value === 0) return 'incorrect';
  return 'scored';
}

/** Whether a row's outcome passes a status filter (`scored` takes correct and incorrect rows too). */
export function outcomeMatches(outcome: ItemOutcome, filter: ItemOutcome): boolean {
  if (filter === 'scored') return outcome === 'scored' || outcome === 'correct' || outcome === 'incorrect';
  return outcome === filter;
}
