import { GEOMLAMA_LOCAL_LANGUAGES } from '../datasets/adapters/geomlama.js';
import { CHOICE_LETTERS } from '../schema/fields.js';
import type { ResultRow } from '../schema/result.js';
import { wilsonInterval } from '../statistics/intervals.js';

/** The fields of a result row the diagnostics read (a `ResultRow` is one). */
export type DiagnosticRow = Pick<ResultRow, 'metrics' | 'status'> & Partial<Pick<ResultRow, 'model' | 'condition' | 'country' | 'language' | 'details' | 'extracted' | 'choices' | 'category'>>;

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

/** Global Gallery's fine-grained diagnostics for one model × condition. */
export interface Diagnostics {
  model?: string;
  condition?: string;
  /** GeoMLaMA no-country probes: which country's answer the model defaults to. */
  geomlamaCountryPreference?: CountryPreference;
  /** CAMeL-style setting 2 (no correct option): which country's entity the model picks. */
  camelStyleCountryPreference?: CountryPreference;
  /** CAMeL-style setting 4: how often an entity of the wrong category is chosen. */
  wrongCategory?: Rate;
  /** CAMeL-style setting 5: how often the culturally right but wrong-gender entity beats the right-gender entities of other countries. */
  cultureOverGender?: Rate;
}

/**
 * The diagnostics of a run's results, one entry per model × condition that has rows of the settings involved
 * (GeoMLaMA no-country probes, CAMeL-style settings 2, 4 and 5).
 *
 * @example
 * const [first] = computeDiagnostics(store.iterateResults(runId));
 * first.camelStyleCountryPreference?.klFromUniform; // 0.12
 * first.cultureOverGender?.rate;                    // 0.35
 */
export function computeDiagnostics(rows: Iterable<DiagnosticRow>): Diagnostics[] {
  const groups = new Map<string, DiagnosticRow[]>();
  for (const row of rows) {
    const key = `${row.model ?? ''}\u0000${row.condition ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const result: Diagnostics[] = [];
  for (const list of groups.values()) {
    const entry: Diagnostics = { model: list[0].model, condition: list[0].condition };
    const geomlama = geomlamaCountryPreference(list);
    const camelStyle = camelStyleCountryPreference(list);
    const wrong = wrongCategoryRate(list);
    const gender = cultureOverGenderRate(list);
    if (geomlama) entry.geomlamaCountryPreference = geomlama;
    if (camelStyle) entry.camelStyleCountryPreference = camelStyle;
    if (wrong) entry.wrongCategory = wrong;
    if (gender) entry.cultureOverGender = gender;
    if (geomlama || camelStyle || wrong || gender) result.push(entry);
  }
  return result;
}

/**
 * GeoMLaMA no-country probes: per country, the share of answers that are that country's gold (an answer that is the
 * gold of several countries is split between them), and the KL divergence of that distribution from uniform.
 * Reads the `matches_<CC>` metrics of scored rows; undefined when there are none.
 *
 * @example
 * geomlamaCountryPreference(rows) // { distribution: { US: 0.4, CN: 0.2, … }, klFromUniform: 0.09, n: 25, unmatched: 3, … }
 */
export function geomlamaCountryPreference(rows: Iterable<DiagnosticRow>): CountryPreference | undefined {
  const weights: Record<string, number>[] = [];
  const countries = new Set<string>();
  let unmatched = 0;
  for (const row of rows) {
    if (row.status !== 'scored') continue;
    const matches = Object.entries(row.metrics).filter(([name]) => name.startsWith('matches_'));
    if (matches.length === 0) continue;
    for (const [name] of matches) countries.add(name.slice('matches_'.length));
    const matched = matches.filter(([, value]) => value === 1).map(([name]) => name.slice('matches_'.length));
    if (matched.length === 0) unmatched++;
    weights.push(Object.fromEntries(matched.map((country) => [country, 1 / matched.length])));
  }
  return weights.length === 0 ? undefined : preference(weights, [...countries], unmatched);
}

/**
 * CAMeL-style setting 2 (no correct option, one entity per other country): the share of choices going to each
 * country, and the KL divergence of that distribution from uniform. Reads the `chose_<CC>` metrics of scored rows.
 */
export function camelStyleCountryPreference(rows: Iterable<DiagnosticRow>): CountryPreference | undefined {
  const weights: Record<string, number>[] = [];
  const countries = new Set<string>();
  for (const row of rows) {
    if (row.status !== 'scored') continue;
    const offered = Object.entries(row.metrics).filter(([name]) => name.startsWith('chose_'));
    if (offered.length === 0) continue;
    for (const [name] of offered) countries.add(name.slice('chose_'.length));
    const chosen = offered.find(([, value]) => value === 1);
    weights.push(chosen ? { [chosen[0].slice('chose_'.length)]: 1 } : {});
  }
  return weights.length === 0 ? undefined : preference(weights, [...countries], weights.filter((weight) => Object.keys(weight).length === 0).length);
}

function preference(weights: Record<string, number>[], countryList: string[], unmatched: number): CountryPreference {
  const countries = countryList.sort();
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

/** CAMeL-style setting 4: the share of scored rows whose chosen entity is of another category (`wrong_category`). */
export function wrongCategoryRate(rows: Iterable<DiagnosticRow>): Rate | undefined {
  return rateOf(rows, 'wrong_category');
}

/** CAMeL-style setting 5: the share of scored rows where the country's opposite-gender entity was chosen (`culture_over_gender`). */
export function cultureOverGenderRate(rows: Iterable<DiagnosticRow>): Rate | undefined {
  return rateOf(rows, 'culture_over_gender');
}

function rateOf(rows: Iterable<DiagnosticRow>, metric: string): Rate | undefined {
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

/** GeoMLaMA accuracy on the same questions asked in English and in the asked-about country's language. */
export interface LanguageComparison {
  country: string;
  localLanguage: string;
  /** Questions answered in both prompt languages. */
  pairs: number;
  english: number;
  local: number;
  /** `local - english`. */
  difference: number;
}

/**
 * Pairs GeoMLaMA results by question (`details.questionId`) and compares, per country, the accuracy with the prompt in
 * English and in the country's own language (US → en has no pair). Rows of one model × condition.
 *
 * @example
 * compareGeomlamaLanguages(rows) // [{ country: 'CN', localLanguage: 'zh', pairs: 25, english: 0.64, local: 0.7, difference: 0.06 }, …]
 */
export function compareGeomlamaLanguages(rows: Iterable<DiagnosticRow>): LanguageComparison[] {
  const byQuestion = new Map<string, { country: string; english?: number; local?: number }>();
  for (const row of rows) {
    const details = row.details as { setting?: string; questionId?: string } | undefined;
    if (details?.setting !== 'country' || !details.questionId || !row.country || row.metrics.accuracy === undefined || row.status === 'error') continue;
    const local = GEOMLAMA_LOCAL_LANGUAGES[row.country];
    if (!local || local === 'en') continue;
    const entry = byQuestion.get(details.questionId) ?? { country: row.country };
    if (row.language === 'en') entry.english = row.metrics.accuracy;
    else if (row.language === local) entry.local = row.metrics.accuracy;
    byQuestion.set(details.questionId, entry);
  }
  const byCountry = new Map<string, { pairs: number; english: number; local: number }>();
  for (const entry of byQuestion.values()) {
    if (entry.english === undefined || entry.local === undefined) continue;
    const cell = byCountry.get(entry.country) ?? { pairs: 0, english: 0, local: 0 };
    cell.pairs++;
    cell.english += entry.english;
    cell.local += entry.local;
    byCountry.set(entry.country, cell);
  }
  return [...byCountry.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([country, cell]) => {
      const english = cell.english / cell.pairs;
      const local = cell.local / cell.pairs;
      return { country, localLanguage: GEOMLAMA_LOCAL_LANGUAGES[country], pairs: cell.pairs, english, local, difference: local - english };
    });
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
  const byChoice: Record<string, number> = {};
  const byLetter: Record<string, number> = {};
  let n = 0;
  for (const row of rows) {
    if (!row.extracted || !row.choices || row.status === 'error') continue;
    const index = CHOICE_LETTERS.indexOf(row.extracted);
    if (index === -1 || index >= row.choices.length) continue;
    n++;
    byLetter[row.extracted] = (byLetter[row.extracted] ?? 0) + 1;
    byChoice[row.choices[index]] = (byChoice[row.choices[index]] ?? 0) + 1;
  }
  for (const table of [byChoice, byLetter]) for (const key of Object.keys(table)) table[key] /= n;
  return { n, byChoice, byLetter };
}
