import { CHOICE_LETTERS } from '../schema/fields.js';
import type { ResultRow } from '../schema/result.js';
import { wilsonInterval } from '../statistics/intervals.js';

/** The fields of a result row the diagnostics read (a `ResultRow` is one). */
export type DiagnosticRow = Pick<ResultRow, 'metrics' | 'status'> &
  Partial<Pick<ResultRow, 'model' | 'condition' | 'country' | 'language' | 'details' | 'extracted' | 'choices' | 'category'>>;

/** Which country's answer a model gives when no country is named. */
export interface CountryPreference {
  /** Countries that could be preferred (offered as an option, or with a gold answer). */
  countries: string[];
  /** Share of the preference per country; sums to 1 over `countries` (0 for all when nothing matched). */
  distribution: Record<string, number>;
  /** Weight per country: each answer counts 1, split equally between the countries whose answer it is. */
  counts: Record<string, number>;
  /** Rows read. */
  n: number;
  /** Rows whose answer is no country's answer (GeoMLaMA: the answer matched no country's gold). */
  unmatched: number;
  /** Kullback–Leibler divergence (nats) of `distribution` from the uniform distribution over `countries`: 0 = no preference, ln K = always the same country. */
  klFromUniform: number;
}

/** A rate over rows, with its 95% Wilson interval, overall and by the country of the question. */
export interface Rate {
  rate: number;
  count: number;
  n: number;
  ci95: [number, number];
  byCountry: Record<string, { rate: number; count: number; n: number }>;
}

/**
 * A country preference from weighted answers: each answer's weight per country (an answer that is several countries'
 * answer split between them, an empty weight for an answer that is no country's), over the countries that could be
 * preferred, with `unmatched` answers counted apart.
 *
 * @example
 * countryPreference([{ US: 1 }, { US: 0.5, CN: 0.5 }, {}], ['US', 'CN'], 1) // { distribution: { CN: 0.25, US: 0.75 }, n: 3, unmatched: 1, … }
 */
export function countryPreference(weights: readonly Record<string, number>[], countryList: readonly string[], unmatched: number): CountryPreference {
  const countries = [...countryList].sort();
  const counts: Record<string, number> = Object.fromEntries(countries.map((country) => [country, 0]));
  for (const weight of weights) for (const [country, value] of Object.entries(weight)) counts[country] += value;
  const total = Object.values(counts).reduce((sum, value) => sum + value, 0);
  const distribution = Object.fromEntries(countries.map((country) => [country, total === 0 ? 0 : counts[country] / total]));
  return { countries, distribution, counts, n: weights.length, unmatched, klFromUniform: total === 0 ? 0 : klFromUniform(Object.values(distribution)) };
}

/**
 * Kullback–Leibler divergence (nats) of a distribution from the uniform distribution over the same outcomes:
 * `Σ p ln(p·K)`, with `0 ln 0 = 0`.
 *
 * @example
 * klFromUniform([0.25, 0.25, 0.25, 0.25]) // 0
 * klFromUniform([1, 0, 0, 0])             // ln 4 ≈ 1.386
 */
export function klFromUniform(distribution: readonly number[]): number {
  const outcomes = distribution.length;
  let divergence = 0;
  for (const probability of distribution) if (probability > 0) divergence += probability * Math.log(probability * outcomes);
  return Math.max(0, divergence);
}

/**
 * The share of scored rows whose 0/1 `metric` is 1, with its 95% Wilson interval and by country; undefined when no
 * scored row has the metric.
 *
 * @example
 * metricRate(rows, 'wrong_category') // { rate: 0.25, count: 3, n: 12, ci95: [0.09, 0.53], byCountry: { JP: { rate: 0.5, count: 2, n: 4 }, … } }
 */
export function metricRate(rows: Iterable<DiagnosticRow>, metric: string): Rate | undefined {
  let count = 0;
  let n = 0;
  const byCountry: Record<string, { rate: number; count: number; n: number }> = {};
  for (const row of rows) {
    if (row.status !== 'scored' || row.metrics[metric] === undefined) continue;
    const hit = row.metrics[metric] === 1 ? 1 : 0;
    n++;
    count += hit;
    const country = row.country ?? 'none';
    const cell = (byCountry[country] ??= { rate: 0, count: 0, n: 0 });
    cell.n++;
    cell.count += hit;
  }
  if (n === 0) return undefined;
  for (const cell of Object.values(byCountry)) cell.rate = cell.count / cell.n;
  return { rate: count / n, count, n, ci95: wilsonInterval(count, n), byCountry };
}

/** How often each option was chosen, for multiple choice without an answer key (CHiSafetyBench without a key). */
export interface AnswerDistribution {
  n: number;
  /** Share per option text (the option as shown, read back through the shown order). */
  byChoice: Record<string, number>;
  /** Share per letter as shown. */
  byLetter: Record<string, number>;
}

/**
 * The distribution of the answers read from multiple-choice rows (`extracted` letters of rows with shown choices),
 * whether or not they were scored.
 *
 * @example
 * answerDistribution(rows) // { n: 1567, byChoice: { 是: 0.41, 否: 0.55, … }, byLetter: { A: 0.43, B: 0.57 } }
 */
export function answerDistribution(rows: Iterable<DiagnosticRow>): AnswerDistribution {
  const tally = new AnswerTally();
  for (const row of rows) tally.add(row);
  return tally.result();
}

/** `answerDistribution` fed one result at a time: counts per letter and per option text. */
export class AnswerTally {
  private readonly byChoice: Record<string, number> = {};
  private readonly byLetter: Record<string, number> = {};
  private n = 0;

  add(row: DiagnosticRow): void {
    if (!row.extracted || !row.choices || row.status === 'error') return;
    const index = CHOICE_LETTERS.indexOf(row.extracted);
    if (index === -1 || index >= row.choices.length) return;
    this.n++;
    this.byLetter[row.extracted] = (this.byLetter[row.extracted] ?? 0) + 1;
    this.byChoice[row.choices[index]] = (this.byChoice[row.choices[index]] ?? 0) + 1;
  }

  result(): AnswerDistribution {
    const byChoice = { ...this.byChoice };
    const byLetter = { ...this.byLetter };
    for (const table of [byChoice, byLetter]) for (const key of Object.keys(table)) table[key] /= this.n;
    return { n: this.n, byChoice, byLetter };
  }
}

/**
 * Whether a result carries a metric that the benchmarks' fine-grained diagnostics read (`chose_<CC>`, `matches_<CC>`,
 * `golds`/`hits` and their per-country forms, `wrong_category`, `culture_over_gender`): the only results a report must
 * keep for them. A benchmark whose diagnostics read another metric adds its name here.
 */
export function readByDiagnostics(row: Pick<DiagnosticRow, 'metrics'>): boolean {
  for (const name in row.metrics) if (DIAGNOSTIC_METRIC.test(name)) return true;
  return false;
}

const DIAGNOSTIC_METRIC = /^(?:chose_|matches_|golds|hits|wrong_category$|culture_over_gender$)/;
