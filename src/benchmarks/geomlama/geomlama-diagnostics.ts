import { countryPreference, type CountryPreference, type DiagnosticRow } from '../../analysis/diagnostics.js';
import type { BenchmarkDiagnostics } from '../benchmark-definition.js';
import { GEOMLAMA_LOCAL_LANGUAGES } from './geomlama-adapter.js';

/** GeoMLaMA's fields in a report's fine-grained diagnostics. */
export interface GeoMlamaDiagnostics {
  /** No-country probes: which country's answer the model defaults to. */
  geomlamaCountryPreference?: CountryPreference;
}

/** GeoMLaMA's diagnostics: the country preference of the no-country probes, drawn as one table per model × condition. */
export const geomlamaDiagnostics: BenchmarkDiagnostics<GeoMlamaDiagnostics> = {
  compute(rows) {
    const preference = geomlamaCountryPreference(rows);
    return preference ? { geomlamaCountryPreference: preference } : undefined;
  },
  tables: (entry) =>
    entry.geomlamaCountryPreference
      ? [
          {
            kind: 'country-preference',
            title: 'which country\u2019s answer the model gives when no country is named (GeoMLaMA)',
            preference: entry.geomlamaCountryPreference,
          },
        ]
      : [],
};

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
  return weights.length === 0 ? undefined : countryPreference(weights, [...countries], unmatched);
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
