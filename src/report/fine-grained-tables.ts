import type { CountryPreference, Rate } from '../analysis/diagnostics.js';
import { diagnosticTables } from '../benchmarks/benchmark-diagnostics.js';
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

function rateRow(series: string, label: string, rate: Rate): string[] {
  return [series, label, formatValue(rate.rate), formatInterval(rate.ci95), formatCount(rate.count), formatCount(rate.n)];
}

/**
 * The benchmarks' fine-grained diagnostics of a run as tables (Global Gallery's: which country a model defaults to when
 * none is named in GeoMLaMA and CAMeL-style, how often it picks an option of the wrong category, how often cultural fit
 * beats grammatical gender): a country preference is one table per model × condition, rates of the same title are
 * gathered into one table after them. Empty when the run's rows carry no benchmark's diagnostics.
 *
 * @example
 * fineGrainedTables(runReport) // [{ title: 'openai:m · plain: which country\u2019s answer …', header: ['country', 'share', 'answers'], rows: [['US', '40.0%', '10.000'], …] }]
 */
export function fineGrainedTables(report: RunReport): TextTable[] {
  const tables: TextTable[] = [];
  const rates = new Map<string, string[][]>();
  for (const entry of report.diagnostics.fineGrained) {
    for (const table of diagnosticTables(entry)) {
      if (table.kind === 'country-preference') tables.push(preferenceTable(entry.series, table.title, table.preference));
      else rates.set(table.title, [...(rates.get(table.title) ?? []), ...table.rates.map(({ label, rate }) => rateRow(entry.series, label, rate))]);
    }
  }
  for (const [title, rows] of rates) {
    tables.push({ title, header: ['model · condition', 'diagnostic', 'rate', '95% CI', 'count', 'n'], numeric: [false, false, true, true, true, true], rows });
  }
  tables.push(...(report.diagnostics.crossLanguage ?? []));
  return tables;
}
