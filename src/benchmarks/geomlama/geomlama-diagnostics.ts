import { countryPreference, type CountryPreference, type DiagnosticRow } from '../../analysis/diagnostics.js';
import type { BenchmarkDiagnostics } from '../benchmark-definition.js';
import { GEOMLAMA_LOCAL_LANGUAGES } from './geomlama-adapter.js';

/** GeoMLaMA's fields in a report's fine-grained diagnostics. */
export interface GeoMlamaDiagnostics {
  /** No-country probes: which country's answer the model defaults to. */
  geomlamaCountryPreference?: CountryPreference;
  /** `protocol=paper` rows: the published table's cells, hits ÷ golds pooled per prompt language × setting × country. */
  geomlamaPaperTable?: GeoMlamaPaperCell[];
}

/** GeoMLaMA's diagnostics: the country preference of the no-country probes, drawn as one table per model × condition. */
export const geomlamaDiagnostics: BenchmarkDiagnostics<GeoMlamaDiagnostics> = {
  compute(rows) {
    const preference = geomlamaCountryPreference(rows);
    const paper = rows.some((row) => row.metrics.golds !== undefined || Object.keys(row.metrics).some((name) => name.startsWith('golds_')))
      ? geomlamaPaperTable(rows.map((row) => ({ ...row, model: row.model ?? '' })))
      : undefined;
    if (!preference && !paper) return undefined;
    return { ...(preference ? { geomlamaCountryPreference: preference } : {}), ...(paper ? { geomlamaPaperTable: paper } : {}) };
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

/** One row of the published GeoMLaMA table: a model × prompt language × setting, a pooled score per country. */
export interface GeoMlamaPaperCell {
  model: string;
  language: string;
  setting: 'country' | 'no-country';
  /** Country code → hits ÷ golds, pooled over the country's items. */
  scores: Record<string, number>;
  hits: Record<string, number>;
  golds: Record<string, number>;
}

/**
 * Global Gallery's GeoMLaMA table from rows scored with `protocol=paper`: per model, prompt language and setting, each
 * country's hits summed over its items divided by its golds summed (not the mean of per-item accuracies: an item with
 * 3 golds weighs 3). Country setting: the row's country; no-country probes: every country's `hits_<CC>`/`golds_<CC>`.
 *
 * @example
 * geomlamaPaperTable(rows) // [{ model: 'alpaca-7b', language: 'en', setting: 'country', scores: { US: 0.2759, … } }, …]
 */
export function geomlamaPaperTable(
  rows: Iterable<{ model: string; language?: string; country?: string; status: string; metrics: Record<string, number> }>,
): GeoMlamaPaperCell[] {
  const cells = new Map<string, GeoMlamaPaperCell>();
  const add = (model: string, language: string, setting: 'country' | 'no-country', country: string, hits: number, golds: number) => {
    const key = `${model}\u0000${language}\u0000${setting}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { model, language, setting, scores: {}, hits: {}, golds: {} }));
    cell.hits[country] = (cell.hits[country] ?? 0) + hits;
    cell.golds[country] = (cell.golds[country] ?? 0) + golds;
  };
  for (const row of rows) {
    if (row.status === 'error') continue;
    const language = row.language ?? '';
    if (row.metrics.golds !== undefined && row.country) add(row.model, language, 'country', row.country, row.metrics.hits ?? 0, row.metrics.golds);
    for (const [name, golds] of Object.entries(row.metrics)) {
      if (!name.startsWith('golds_')) continue;
      const country = name.slice('golds_'.length);
      add(row.model, language, 'no-country', country, row.metrics[`hits_${country}`] ?? 0, golds);
    }
  }
  for (const cell of cells.values()) {
    for (const [country, golds] of Object.entries(cell.golds)) cell.scores[country] = golds === 0 ? 0 : cell.hits[country] / golds;
  }
  return [...cells.values()];
}
