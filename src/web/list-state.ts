import { acrossFilters, resultSortKeys, type AcrossFilter, type ResultSortKey, type ResultViewQuery } from '../store/result-view-index.js';
import { itemOutcomes, type ItemOutcome } from './item-outcome.js';

/**
 * What the items list shows: its filters, search, cross-result filter, sort and page. It lives in the URL (so a
 * filtered list can be bookmarked, exported and walked item by item) and is validated here: an unknown value is
 * dropped, never passed on to SQL.
 */
export interface ListState {
  model?: string;
  condition?: string;
  kind?: string;
  country?: string;
  category?: string;
  language?: string;
  status?: ItemOutcome;
  /** Lowest and highest score shown. */
  min?: number;
  max?: number;
  /** Words to search for. */
  q?: string;
  across?: AcrossFilter;
  /** Another run whose results of the same items count for `flipped` and `all-wrong`. */
  against?: string;
  sort?: ResultSortKey;
  dir?: 'asc' | 'desc';
  page?: number;
}

export const TEXT_FILTERS = ['model', 'condition', 'kind', 'country', 'category', 'language'] as const;

/** Reads a list state from query parameters (`get` returns a parameter's value, or undefined). */
export function parseListState(get: (name: string) => string | undefined): ListState {
  const value = (name: string) => {
    const text = get(name)?.trim();
    return text ? text.slice(0, 500) : undefined;
  };
  const number = (name: string) => {
    const text = value(name);
    const parsed = text === undefined ? Number.NaN : Number(text);
    return Number.isFinite(parsed) ? parsed : undefined;
  };
  const state: ListState = {};
  for (const field of TEXT_FILTERS) state[field] = value(field);
  const status = value('status');
  if (status && (itemOutcomes as readonly string[]).includes(status)) state.status = status as ItemOutcome;
  state.min = number('min');
  state.max = number('max');
  state.q = value('q');
  const across = value('across');
  if (across && (acrossFilters as readonly string[]).includes(across)) state.across = across as AcrossFilter;
  state.against = value('against');
  const sort = value('sort');
  if (sort && (resultSortKeys as readonly string[]).includes(sort)) state.sort = sort as ResultSortKey;
  const dir = value('dir');
  if (dir === 'asc' || dir === 'desc') state.dir = dir;
  const page = number('page');
  if (page !== undefined && Number.isInteger(page) && page > 1) state.page = page;
  return state;
}

/** The list state as a query string (without `?`; empty values and page 1 left out). */
export function listQueryString(state: ListState): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) query.set(key, String(value));
  return query.toString();
}

/** What the store's index is asked for a list state of a run. */
export function toResultQuery(runId: string, state: ListState): ResultViewQuery {
  return {
    runId,
    model: state.model,
    condition: state.condition,
    kind: state.kind,
    country: state.country,
    category: state.category,
    language: state.language,
    outcome: state.status,
    minScore: state.min,
    maxScore: state.max,
    search: state.q,
    across: state.across,
    againstRuns: state.against && state.against !== runId ? [state.against] : undefined,
    sort: state.sort,
    descending: state.dir === 'desc',
  };
}
