import { InputError } from '../errors/culturekit-error.js';
import { complementaryErrorFunction, logGamma } from './distributions.js';
import { averageRanks, tieGroupSizes } from './ranks.js';

export interface McNemarResult {
  /** Discordant pairs: onlyA + onlyB. */
  discordant: number;
  /** Two-sided exact p. */
  p: number;
}

/**
 * McNemar's exact test for paired 0/1 outcomes: the two-sided binomial test of `onlyA` successes in
 * `onlyA + onlyB` discordant pairs with probability ½, i.e. `scipy.stats.binomtest(onlyA, onlyA + onlyB, 0.5).pvalue`
 * = min(1, 2·P(X ≤ min(onlyA, onlyB))). Without discordant pairs there is no evidence of a difference: p = 1.
 *
 * @example
 * // 3 items only the base model got right, 10 only the adapted one did
 * mcnemarExact(3, 10) // { discordant: 13, p: 0.09228515625 }
 */
export function mcnemarExact(onlyA: number, onlyB: number): McNemarResult {
  for (const count of [onlyA, onlyB]) {
    if (!Number.isInteger(count) || count < 0) throw new InputError(`McNemar counts must be non-negative integers, got ${count}`);
  }
  const n = onlyA + onlyB;
  const smaller = Math.min(onlyA, onlyB);
  if (n === 0 || 2 * smaller === n) return { discordant: n, p: 1 };
  let tail = 0;
  if (n <= 1000) {
    // P(X = k) by the recurrence P(k + 1) = P(k)·(n − k)/(k + 1) from 2⁻ⁿ (a normal double up to n = 1022).
    let probability = 2 ** -n;
    for (let k = 0; k <= smaller; k++) {
      tail += probability;
      probability *= (n - k) / (k + 1);
    }
  } else {
    const logChoose = (k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
    for (let k = 0; k <= smaller; k++) tail += Math.exp(logChoose(k) - n * Math.LN2);
  }
  return { discordant: n, p: Math.min(1, 2 * tail) };
}

export interface WilcoxonResult {
  /** Pairs given. */
  n: number;
  /** Pairs with a non-zero difference (zeros are dropped: zero_method 'wilcox'). */
  nonZero: number;
  /** min(W+, W−), as scipy reports for the two-sided test. */
  statistic: number;
  /** Two-sided p. */
  p: number;
  /**
   * `exact`: the null distribution of W+ (no ties, no zeros, n ≤ 50); `permutation`: every sign flip enumerated (ties
   * or zeros, n ≤ 13); `asymptotic`: normal approximation with the tie correction, no continuity correction.
   */
  method: 'exact' | 'permutation' | 'asymptotic';
  /** The normal deviate, for the asymptotic method. */
  z?: number;
  /** Why p is NaN (no pairs) or 1 without a test (every difference is zero; scipy gives NaN there above n = 13). */
  reason?: string;
}

/**
 * Wilcoxon signed-rank test of paired samples (differences `x − y`), two-sided, matching `scipy.stats.wilcoxon(x, y)`
 * with its defaults in scipy 1.17 (zero_method 'wilcox', correction False, method 'auto'): with n (zeros included)
 * above 50 the normal approximation; otherwise the exact distribution when there are no ties and no zeros, every
 * 2ⁿ sign flip (exact permutation test) when there are and n ≤ 13, and the normal approximation above 13.
 *
 * @example
 * wilcoxonSignedRank([1, 2, 3, 4, 5, 6], [2.5, 4.1, 3.2, 7.7, 5.05, 12])
 * // { n: 6, nonZero: 6, statistic: 0, p: 0.03125, method: 'exact' }
 */
export function wilcoxonSignedRank(x: readonly number[], y: readonly number[]): WilcoxonResult {
  if (x.length !== y.length) throw new InputError(`the Wilcoxon test needs paired samples, got ${x.length} and ${y.length} values`);
  const n = x.length;
  const differences: number[] = [];
  for (let index = 0; index < n; index++) {
    const difference = x[index] - y[index];
    if (Number.isNaN(difference)) throw new InputError(`the Wilcoxon test needs numbers, got NaN at index ${index}`);
    if (difference !== 0) differences.push(difference);
  }
  const nonZero = differences.length;
  const hasZeros = nonZero < n;
  const magnitudes = differences.map(Math.abs);
  const ranks = averageRanks(magnitudes);
  let plus = 0;
  let minus = 0;
  for (let index = 0; index < nonZero; index++) {
    if (differences[index] > 0) plus += ranks[index];
    else minus += ranks[index];
  }
  const statistic = Math.min(plus, minus);
  if (n === 0) return { n, nonZero, statistic, p: Number.NaN, method: 'exact', reason: 'no pairs' };
  if (nonZero === 0) return { n, nonZero, statistic, p: 1, method: n <= 13 ? 'permutation' : 'asymptotic', reason: 'every difference is zero' };
  const tieSizes = tieGroupSizes(magnitudes);
  const hasTies = tieSizes.some((size) => size > 1);
  if (n <= 50 && !hasTies && !hasZeros) return { n, nonZero, statistic, p: exactP(plus, nonZero), method: 'exact' };
  if (n <= 13) return { n, nonZero, statistic, p: permutationP(plus, ranks), method: 'permutation' };
  const mean = (nonZero * (nonZero + 1)) / 4;
  const tieCorrection = tieSizes.reduce((total, t) => total + t ** 3 - t, 0);
  const standardError = Math.sqrt((nonZero * (nonZero + 1) * (2 * nonZero + 1) - tieCorrection / 2) / 24);
  const z = (plus - mean) / standardError;
  return { n, nonZero, statistic, p: Math.min(1, complementaryErrorFunction(Math.abs(z) / Math.SQRT2)), method: 'asymptotic', z: -Math.abs(z) };
}

/** 2·min(P(W+ ≥ w), P(W+ ≤ w)) under the exact null distribution of W+ for n untied, non-zero differences. */
function exactP(plus: number, n: number): number {
  const maximum = (n * (n + 1)) / 2;
  // counts[s]: subsets of {1..n} summing to s; at most 2^50 < 2^53, so exact in doubles.
  const counts = new Float64Array(maximum + 1);
  counts[0] = 1;
  for (let rank = 1; rank <= n; rank++) {
    for (let sum = (rank * (rank + 1)) / 2; sum >= rank; sum--) counts[sum] += counts[sum - rank];
  }
  const total = 2 ** n;
  let lower = 0;
  for (let sum = 0; sum <= Math.ceil(plus); sum++) lower += counts[sum];
  let upper = 0;
  for (let sum = Math.floor(plus); sum <= maximum; sum++) upper += counts[sum];
  return Math.min(1, (2 * Math.min(lower, upper)) / total);
}

/**
 * Exact permutation p as scipy's `permutation_test` over all 2ⁿ sign flips: 2·min(#(W+ ≤ w), #(W+ ≥ w)) / 2ⁿ, with
 * its relative tolerance of 100 machine epsilons. (Flipping a zero changes nothing, so the flips of the non-zero
 * differences give the same proportions.)
 */
function permutationP(plus: number, ranks: readonly number[]): number {
  const count = ranks.length;
  const tolerance = Math.abs(plus) * Number.EPSILON * 100;
  let lower = 0;
  let upper = 0;
  for (let mask = 0; mask < 2 ** count; mask++) {
    let sum = 0;
    for (let index = 0; index < count; index++) if (mask & (1 << index)) sum += ranks[index];
    if (sum <= plus + tolerance) lower++;
    if (sum >= plus - tolerance) upper++;
  }
  return Math.min(1, (2 * Math.min(lower, upper)) / 2 ** count);
}
