import { Accumulator, type SummaryRow } from './summarize.js';
import { logGamma, studentTCdf } from '../statistics/distributions.js';
import { meanInterval, wilsonInterval } from '../statistics/intervals.js';
import { SeriesCache } from './series-cache.js';

/** Metrics where a higher value is the failure (invalid-answer rate, CHiSafetyBench's harmful rate, the paper's failed parses). */
export const HIGHER_IS_WORSE: ReadonlySet<string> = new Set(['invalid', 'hr', 'failed']);

/** Where a group's results fall short: `country` or `category`. */
export type WorstGroupDimension = 'country' | 'category';

export interface WorstGroupsOptions {
  metric: string;
  /** One dimension, or several at once (one pass over the rows). */
  by: WorstGroupDimension | readonly WorstGroupDimension[];
  /** Family-wise error rate of the Holm procedure over the groups of one series (e.g. 0.05). */
  alpha: number;
  /** Groups with fewer results than this are not tested (shown as too small). */
  minN: number;
  /** Lowest-scored results kept per group, to show what the figure is made of. */
  examples: number;
}

/** One result that shows a group's shortfall. */
export interface GroupExample {
  itemId: string;
  value: number;
}

/** One group of one series tested against the rest of that series' results. */
export interface GroupShortfall {
  group: string;
  n: number;
  mean: number;
  ci95: [number, number];
  /** The same series' results outside this group. */
  restN: number;
  restMean: number;
  /** One-sided p that the group is worse than the rest (Fisher's exact test for 0/1 metrics, Welch's t otherwise). */
  p: number;
  /** Holm-adjusted p over the groups tested for this series, metric and dimension. */
  adjustedP: number;
  /** `adjustedP < alpha`. */
  significant: boolean;
  test: 'fisher-exact' | 'welch-t';
  /** The group's worst results (lowest values; highest for metrics where higher is worse). */
  examples: GroupExample[];
}

/** For one series (model × condition): every group tested, worst first, and the ones significantly below the series' own mean. */
export interface WorstGroups {
  model: string;
  condition: string;
  metric: string;
  by: WorstGroupDimension;
  /** The series' own mean over all its results of this metric. */
  overall: { mean: number; n: number };
  alpha: number;
  minN: number;
  higherIsWorse: boolean;
  /** Groups with at least `minN` results, worst first. */
  tested: GroupShortfall[];
  /** Groups left untested for having fewer than `minN` results, with their worst results. */
  tooSmall: { group: string; n: number; mean: number; examples: GroupExample[] }[];
  /** The tested groups whose shortfall is significant after Holm's correction, worst first. */
  significant: GroupShortfall[];
}

/** The running moments of a group: `Accumulator` with its mean and sample variance. */
class Moments extends Accumulator {
  get mean(): number {
    return this.sum / this.n;
  }
  get variance(): number {
    return this.n < 2 ? 0 : Math.max(0, (this.sumOfSquares - (this.sum * this.sum) / this.n) / (this.n - 1));
  }
}

interface SeriesState {
  model: string;
  condition: string;
  overall: Moments;
  /** Per dimension (in `options.by` order), the groups. */
  groups: Map<string, { moments: Moments; examples: GroupExample[] }>[];
}

/**
 * Holm's step-down adjustment of p-values (controls the family-wise error rate): the i-th smallest p is multiplied by
 * (m − i + 1), made monotone, capped at 1. Returned in the input order.
 *
 * @example
 * holmAdjust([0.01, 0.04, 0.03]) // [0.03, 0.06, 0.06]
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[index] = running;
  });
  return adjusted;
}

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/**
 * One-sided Fisher's exact test: the probability, with the row and column totals fixed, that a group of `groupN` drawn
 * from `totalN` results (`totalSuccesses` of them 1) has `groupSuccesses` or fewer.
 *
 * @example
 * fisherExactLower(1, 10, 60, 100) // 0.0006…: 1 of 10 right where 60 of 100 are
 */
export function fisherExactLower(groupSuccesses: number, groupN: number, totalSuccesses: number, totalN: number): number {
  const low = Math.max(0, groupN - (totalN - totalSuccesses));
  const denominator = logChoose(totalN, groupN);
  let p = 0;
  for (let k = low; k <= groupSuccesses; k++) {
    p += Math.exp(logChoose(totalSuccesses, k) + logChoose(totalN - totalSuccesses, groupN - k) - denominator);
  }
  return Math.min(1, p);
}

/**
 * One-sided Welch's t-test that the group's mean is below the rest's. Two groups without spread: 0 when the group is
 * lower, 1 otherwise.
 */
export function welchLower(group: { n: number; mean: number; variance: number }, rest: { n: number; mean: number; variance: number }): number {
  const a = group.variance / group.n;
  const b = rest.variance / rest.n;
  const standardError = Math.sqrt(a + b);
  if (standardError === 0) return group.mean < rest.mean ? 0 : 1;
  const t = (group.mean - rest.mean) / standardError;
  const degrees = (a + b) ** 2 / ((a * a) / Math.max(1, group.n - 1) + (b * b) / Math.max(1, rest.n - 1));
  return studentTCdf(t, degrees);
}

/**
 * Finds, per series (model × condition), the countries (or categories) where the series does significantly worse than on
 * its other results: each group with at least `minN` results is tested one-sided against the rest of the series —
 * Fisher's exact test for 0/1 metrics (accuracy), Welch's t-test otherwise (a 1–10 judge score) — and the p-values of one
 * series are adjusted with Holm's procedure, so that "significant" holds at `alpha` for the whole list. Each group keeps
 * its worst results as examples. Rows without the metric (errors, unscored) are left out.
 *
 * @example
 * const [worst] = findWorstGroups(rows, { metric: 'accuracy', by: 'country', alpha: 0.05, minN: 5, examples: 3 });
 * worst.significant // [{ group: 'TH', n: 40, mean: 0.35, restMean: 0.71, p: 0.00002, adjustedP: 0.0002, significant: true, examples: [...] }]
 */
export function findWorstGroups(rows: Iterable<SummaryRow>, options: WorstGroupsOptions): WorstGroups[] {
  const finder = new WorstGroupsFinder(options);
  for (const row of rows) finder.add(row);
  return finder.result();
}

/**
 * `findWorstGroups` fed one result at a time: running moments per series and group, and each group's few worst
 * results (nothing else per result), so one pass over a run feeds every metric's finder.
 *
 * @example
 * const finder = new WorstGroupsFinder({ metric: 'accuracy', by: ['country', 'category'], alpha: 0.05, minN: 5, examples: 3 });
 * for (const row of rows) finder.add(row);
 * finder.result() // as findWorstGroups(rows, …)
 */
export class WorstGroupsFinder {
  private readonly higherIsWorse: boolean;
  private readonly dimensions: readonly WorstGroupDimension[];
  private readonly series = new SeriesCache<SeriesState>();

  constructor(private readonly options: WorstGroupsOptions) {
    this.higherIsWorse = HIGHER_IS_WORSE.has(options.metric);
    this.dimensions = typeof options.by === 'string' ? [options.by] : options.by;
  }

  add(row: SummaryRow): void {
    const value = row.metrics[this.options.metric];
    if (value === undefined || !Number.isFinite(value)) return;
    const state = this.series.get(row.model, row.condition, () => ({
      model: row.model,
      condition: row.condition,
      overall: new Moments(),
      groups: this.dimensions.map(() => new Map()),
    }));
    state.overall.add(value);
    for (let index = 0; index < this.dimensions.length; index++) {
      const group = this.dimensions[index] === 'country' ? row.country : row.category;
      if (group === undefined) continue;
      const groups = state.groups[index];
      let entry = groups.get(group);
      if (!entry) groups.set(group, (entry = { moments: new Moments(), examples: [] }));
      entry.moments.add(value);
      keepWorst(entry.examples, row.itemId, value, this.options.examples, this.higherIsWorse);
    }
  }

  /** Per series (in the order first seen), per dimension (in `by` order); `only` keeps one dimension. */
  result(only?: WorstGroupDimension): WorstGroups[] {
    const results: WorstGroups[] = [];
    for (const state of this.series.values()) {
      for (const [index, by] of this.dimensions.entries()) {
        if (only === undefined || only === by) results.push(testGroups(state, state.groups[index], by, this.options, this.higherIsWorse));
      }
    }
    return results;
  }
}

/** Tests one series' groups of one dimension against the rest of the series, Holm-adjusted. */
function testGroups(
  state: SeriesState,
  groups: SeriesState['groups'][number],
  by: WorstGroupDimension,
  options: WorstGroupsOptions,
  higherIsWorse: boolean,
): WorstGroups {
  const binary = state.overall.binary;
  const tested: GroupShortfall[] = [];
  const tooSmall: WorstGroups['tooSmall'] = [];
  for (const [group, { moments, examples }] of groups) {
    if (moments.n < options.minN) {
      tooSmall.push({ group, n: moments.n, mean: moments.mean, examples: sortedExamples(examples, higherIsWorse) });
      continue;
    }
    const restN = state.overall.n - moments.n;
    const restSum = state.overall.sum - moments.sum;
    const restMean = restN > 0 ? restSum / restN : Number.NaN;
    let p = 1;
    if (restN > 0) {
      if (binary) {
        // Worse is fewer 1s, or, where higher is worse, fewer 0s.
        const successes = higherIsWorse ? moments.n - moments.sum : moments.sum;
        const totalSuccesses = higherIsWorse ? state.overall.n - state.overall.sum : state.overall.sum;
        p = fisherExactLower(successes, moments.n, totalSuccesses, state.overall.n);
      } else {
        const restSquares = state.overall.sumOfSquares - moments.sumOfSquares;
        const restVariance = restN < 2 ? 0 : Math.max(0, (restSquares - (restSum * restSum) / restN) / (restN - 1));
        const sign = higherIsWorse ? -1 : 1;
        p = welchLower({ n: moments.n, mean: sign * moments.mean, variance: moments.variance }, { n: restN, mean: sign * restMean, variance: restVariance });
      }
    }
    tested.push({
      group,
      n: moments.n,
      mean: moments.mean,
      ci95: binary ? wilsonInterval(moments.sum, moments.n) : meanInterval(moments.sum, moments.sumOfSquares, moments.n),
      restN,
      restMean,
      p,
      adjustedP: p,
      significant: false,
      test: binary ? 'fisher-exact' : 'welch-t',
      examples: sortedExamples(examples, higherIsWorse),
    });
  }
  const adjusted = holmAdjust(tested.map((entry) => entry.p));
  tested.forEach((entry, index) => {
    entry.adjustedP = adjusted[index];
    entry.significant = adjusted[index] < options.alpha;
  });
  const worstFirst = (a: { mean: number; group: string }, b: { mean: number; group: string }) =>
    (higherIsWorse ? b.mean - a.mean : a.mean - b.mean) || a.group.localeCompare(b.group);
  tested.sort(worstFirst);
  tooSmall.sort(worstFirst);
  return {
    model: state.model,
    condition: state.condition,
    metric: options.metric,
    by,
    overall: { mean: state.overall.mean, n: state.overall.n },
    alpha: options.alpha,
    minN: options.minN,
    higherIsWorse,
    tested,
    tooSmall,
    significant: tested.filter((entry) => entry.significant),
  };
}

function sortedExamples(examples: GroupExample[], higherIsWorse: boolean): GroupExample[] {
  return [...examples].sort((a, b) => (higherIsWorse ? b.value - a.value : a.value - b.value) || a.itemId.localeCompare(b.itemId));
}

/** Keeps the `limit` worst examples seen so far (a small list: no sort of every row, no object for a row that is not kept). */
function keepWorst(kept: GroupExample[], itemId: string, value: number, limit: number, higherIsWorse: boolean): void {
  if (limit <= 0) return;
  if (kept.length < limit) {
    kept.push({ itemId, value });
    return;
  }
  // Compare on one direction: where higher is worse, negate.
  const sign = higherIsWorse ? -1 : 1;
  let best = 0;
  for (let index = 1; index < kept.length; index++) if (sign * kept[index].value > sign * kept[best].value) best = index;
  if (sign * value < sign * kept[best].value) kept[best] = { itemId, value };
}
