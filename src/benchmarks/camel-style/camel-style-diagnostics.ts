import { countryPreference, metricRate, type CountryPreference, type DiagnosticRow, type Rate } from '../../analysis/diagnostics.js';
import type { BenchmarkDiagnostics, DiagnosticTable } from '../benchmark-definition.js';

/** CAMeL-style's fields in a report's fine-grained diagnostics. */
export interface CamelStyleDiagnostics {
  /** Setting 2 (no correct option): which country's entity the model picks. */
  camelStyleCountryPreference?: CountryPreference;
  /** Setting 4: how often an entity of the wrong category is chosen. */
  wrongCategory?: Rate;
  /** Setting 5: how often the culturally right but wrong-gender entity beats the right-gender entities of other countries. */
  cultureOverGender?: Rate;
}

/**
 * CAMeL-style's diagnostics (Global Gallery): the country preference of setting 2 (one table per model × condition),
 * and the wrong-category (setting 4) and culture-over-gender (setting 5) rates, gathered in one table.
 */
export const camelStyleDiagnostics: BenchmarkDiagnostics<CamelStyleDiagnostics> = {
  compute(rows) {
    const fields: CamelStyleDiagnostics = {};
    const preference = camelStyleCountryPreference(rows);
    const wrong = wrongCategoryRate(rows);
    const gender = cultureOverGenderRate(rows);
    if (preference) fields.camelStyleCountryPreference = preference;
    if (wrong) fields.wrongCategory = wrong;
    if (gender) fields.cultureOverGender = gender;
    return preference || wrong || gender ? fields : undefined;
  },
  tables(entry) {
    const tables: DiagnosticTable[] = [];
    if (entry.camelStyleCountryPreference) {
      tables.push({
        kind: 'country-preference',
        title: 'which country\u2019s entity the model picks when no option fits (CAMeL-style)',
        preference: entry.camelStyleCountryPreference,
      });
    }
    const rates: { label: string; rate: Rate }[] = [];
    if (entry.wrongCategory) rates.push({ label: 'picks an option of the wrong category', rate: entry.wrongCategory });
    if (entry.cultureOverGender) rates.push({ label: 'cultural fit beats grammatical gender', rate: entry.cultureOverGender });
    if (rates.length) tables.push({ kind: 'rates', title: 'Wrong category and grammatical gender', rates });
    return tables;
  },
};

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
  return weights.length === 0 ? undefined : countryPreference(weights, [...countries], weights.filter((weight) => Object.keys(weight).length === 0).length);
}

/** CAMeL-style setting 4: the share of scored rows whose chosen entity is of another category (`wrong_category`). */
export function wrongCategoryRate(rows: Iterable<DiagnosticRow>): Rate | undefined {
  return metricRate(rows, 'wrong_category');
}

/** CAMeL-style setting 5: the share of scored rows where the country's opposite-gender entity was chosen (`culture_over_gender`). */
export function cultureOverGenderRate(rows: Iterable<DiagnosticRow>): Rate | undefined {
  return metricRate(rows, 'culture_over_gender');
}

/**
 * Global Gallery's CAMeL tables from rows of published option sets scored with `protocol=paper`: per entity category
 * (and `Overall`) and scenario country, the mean of the setting's published metric (type 1 `paper_accuracy`, types 3–5
 * `incorrect_chosen`). Countries are ISO codes.
 *
 * @example
 * camelStylePaperTable(rows, 5).get('Overall') // { US: 0.3, CN: 0.82, … }
 */
export function camelStylePaperTable(
  rows: Iterable<{ country?: string; topic?: string; status: string; metrics: Record<string, number> }>,
  setting: number,
): Map<string, Record<string, number>> {
  const metric = setting === 1 ? 'paper_accuracy' : 'incorrect_chosen';
  const sums = new Map<string, Map<string, [number, number]>>();
  const add = (group: string, country: string, value: number) => {
    let byCountry = sums.get(group);
    if (!byCountry) sums.set(group, (byCountry = new Map()));
    const [sum, count] = byCountry.get(country) ?? [0, 0];
    byCountry.set(country, [sum + value, count + 1]);
  };
  for (const row of rows) {
    if (row.status === 'error' || !row.country) continue;
    const value = row.metrics[metric] ?? 0;
    add(row.topic ?? '', row.country, value);
    add('Overall', row.country, value);
  }
  return new Map([...sums].map(([group, byCountry]) => [group, Object.fromEntries([...byCountry].map(([country, [sum, count]]) => [country, sum / count]))]));
}
