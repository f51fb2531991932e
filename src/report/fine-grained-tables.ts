import type { CountryPreference } from '../analysis/diagnostics.js';
import type { RunReport } from './build-run-report.js';
import { formatCount, formatInterval, formatValue } from './format-values.js';

/** A plain table (text cells) that both the HTML and the Markdown report draw. */
export interface TextTable {
  title: string;
  note?: string;
  header: string[];
  /** Which columns are numbers (right-aligned). */
  numeric: boolean[];
  rows: string[][];
}

function preferenceTable(series: string, title: string, preference: CountryPreference): TextTable {
  return {
    title: `${series}: ${title}`,
    note: `KL divergence from uniform ${formatValue(preference.klFromUniform)} nats (0: no preference; ln ${preference.countries.length} = ${formatValue(Math.log(preference.countries.length))}: always the same country); ${formatCount(preference.n)} answers read, ${formatCount(preference.unmatched)} matching no country.`,
    header: ['country', 'share', 'answers'],
    numeric: [false, true, true],
    rows: [...preference.countries]
      .sort((a, b) => (preference.distribution[b] ?? 0) - (preference.distribution[a] ?? 0) || a.localeCompare(b))
      .map((country) => [country, `${((preference.distribution[country] ?? 0) * 100).toFixed(1)}%`, formatValue(preference.counts[country] ?? 0)]),
  };
}

/**
 * Global Gallery's fine-grained diagnostics of a run as tables: which country a model defaults to when none is named
 * (GeoMLaMA, CAMeL-style), how often it picks an option of the wrong category, and how often cultural fit beats
 * grammatical gender. Empty when the run's rows carry none of these settings.
 *
 * @example
 * fineGrainedTables(runReport) // [{ title: 'openai:m · plain: which country\u2019s answer …', header: ['country', 'share', 'answers'], rows: [['US', '40.0%', '10.000'], …] }]
 */
export function fineGrainedTables(report: RunReport): TextTable[] {
  const tables: TextTable[] = [];
  const rates: string[][] = [];
  for (const entry of report.diagnostics.fineGrained) {
    if (entry.geomlamaCountryPreference) tables.push(preferenceTable(entry.series, 'which country\u2019s answer the model gives when no country is named (GeoMLaMA)', entry.geomlamaCountryPreference));
    if (entry.camelStyleCountryPreference) tables.push(preferenceTable(entry.series, 'which country\u2019s entity the model picks when no option fits (CAMeL-style)', entry.camelStyleCountryPreference));
    for (const [name, rate] of [['picks an option of the wrong category', entry.wrongCategory], ['cultural fit beats grammatical gender', entry.cultureOverGender]] as const) {
      if (rate) rates.push([entry.series, name, formatValue(rate.rate), formatInterval(rate.ci95), formatCount(rate.count), formatCount(rate.n)]);
    }
  }
  if (rates.length) {
    tables.push({ title: 'Wrong category and grammatical gender', header: ['model · condition', 'diagnostic', 'rate', '95% CI', 'count', 'n'], numeric: [false, false, true, true, true, true], rows: rates });
  }
  return tables;
}
