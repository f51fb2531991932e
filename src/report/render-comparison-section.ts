import type { ComparisonCell, MetricComparison } from '../analysis/compare-runs.js';
import { sideName, type ComparisonEntry, type Report } from './build-report.js';
import { chartFigure } from './chart-figure.js';
import { differenceSpec } from './chart-specs.js';
import { formatCount, formatInterval, formatPValue, formatValue } from './format-values.js';
import { html, type SafeHtml } from './html.js';
import { kindTitle } from './render-run-sections.js';

/** How many flipped item ids a report lists per direction. */
export const FLIPPED_ITEMS_SHOWN = 50;

/** The metric a comparison leads with: the report's metric, else the first safety metric, else the first one. */
export function leadComparison(entry: ComparisonEntry, metric: string): MetricComparison | undefined {
  const metrics = entry.comparison?.metrics ?? [];
  return (
    metrics.find((candidate) => candidate.metric === metric) ??
    metrics.find((candidate) => candidate.metric === 'respectfulness') ??
    metrics.find((candidate) => candidate.metric !== 'invalid') ??
    metrics[0]
  );
}

export function testName(cell: ComparisonCell): string {
  return cell.test.name === 'mcnemar-exact' ? 'McNemar (exact)' : 'Wilcoxon signed-rank';
}

export function formatRelative(value: number): string {
  return Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%` : '—';
}

export function comparisonTitle(entry: ComparisonEntry): string {
  return `${kindTitle(entry.kind)}: ${sideName(entry.other)} (${entry.other.series}) vs ${sideName(entry.base)} (${entry.base.series})`;
}

function metricsTable(entry: ComparisonEntry): SafeHtml {
  const metrics = entry.comparison?.metrics ?? [];
  return html`<div class="table-scroll"><table data-table="comparison-metrics">
<thead><tr><th>metric</th><th class="number">${sideName(entry.base)}</th><th class="number">${sideName(entry.other)}</th><th class="number">difference</th><th class="number">95% CI</th><th class="number">relative</th><th>test</th><th class="number">p</th><th class="number">pairs</th></tr></thead>
<tbody>${metrics.map(
    ({ metric, overall }) =>
      html`<tr><td>${metric}</td><td class="number">${formatValue(overall.base)}</td><td class="number">${formatValue(overall.other)}</td><td class="number">${formatValue(overall.difference)}</td><td class="number">${formatInterval(overall.ci95)}</td><td class="number">${formatRelative(overall.relativeDifference)}</td><td>${testName(overall)}</td><td class="number">${formatPValue(overall.test.p)}</td><td class="number">${formatCount(overall.n)}</td></tr>`,
  )}</tbody></table></div>`;
}

function countryTable(entry: ComparisonEntry, lead: MetricComparison): SafeHtml {
  return html`<div class="table-scroll"><table data-table="comparison-by-country">
<thead><tr><th>country</th><th class="number">${sideName(entry.base)}</th><th class="number">${sideName(entry.other)}</th><th class="number">difference</th><th class="number">95% CI</th><th class="number">p</th><th class="number">pairs</th></tr></thead>
<tbody>${lead.groups.map(
    (cell) =>
      html`<tr><td>${cell.key.country ?? '(none)'}</td><td class="number">${formatValue(cell.base)}</td><td class="number">${formatValue(cell.other)}</td><td class="number">${formatValue(cell.difference)}</td><td class="number">${formatInterval(cell.ci95)}</td><td class="number">${formatPValue(cell.test.p)}</td><td class="number">${formatCount(cell.n)}</td></tr>`,
  )}</tbody></table></div>`;
}

function flipList(title: string, items: readonly { itemId: string; country?: string | null }[]): SafeHtml {
  if (items.length === 0) return html`<p><strong>${title}:</strong> none.</p>`;
  const shown = items.slice(0, FLIPPED_ITEMS_SHOWN);
  return html`<p><strong>${title}:</strong> ${formatCount(items.length)} — ${shown.map((item, index) => html`${index ? ', ' : ''}<span class="mono" dir="auto">${item.itemId}</span>${item.country ? ` (${item.country})` : ''}`)}${items.length > shown.length ? ` … and ${items.length - shown.length} more` : ''}</p>`;
}

async function entrySection(entry: ComparisonEntry, report: Report): Promise<SafeHtml> {
  const title = comparisonTitle(entry);
  if (!entry.comparison || entry.problem) {
    return html`<h3>${title}</h3><p class="empty">Not compared: ${entry.problem ?? 'no comparison'}.</p>`;
  }
  const { comparison } = entry;
  const lead = leadComparison(entry, report.metric);
  const parts: SafeHtml[] = [
    html`<h3>${title}</h3>
<p>${formatCount(comparison.pairs)} items in both runs${comparison.unmatched.base || comparison.unmatched.other ? `; ${formatCount(comparison.unmatched.base)} only in ${sideName(entry.base)}, ${formatCount(comparison.unmatched.other)} only in ${sideName(entry.other)}` : ''}. Differences are ${sideName(entry.other)} − ${sideName(entry.base)}, with paired-bootstrap 95% intervals; p-values from McNemar's exact test (0/1 metrics) or the Wilcoxon signed-rank test (graded metrics).</p>`,
    metricsTable(entry),
  ];
  if (lead?.groups.length) {
    parts.push(
      await chartFigure(
        `difference-${entry.kind}-${lead.metric}`,
        differenceSpec({
          title: `${lead.metric}: ${sideName(entry.other)} − ${sideName(entry.base)} by country`,
          metric: lead.metric,
          points: lead.groups.map((cell) => ({
            series: `${sideName(entry.other)} − ${sideName(entry.base)}`,
            group: cell.key.country ?? '(none)',
            difference: cell.difference,
            low: cell.ci95[0],
            high: cell.ci95[1],
          })),
        }),
        'Bars: difference in the mean; whiskers: paired-bootstrap 95% interval.',
      ),
    );
    parts.push(countryTable(entry, lead));
  }
  if (lead?.flips) {
    parts.push(html`<h4>Flipped items (${lead.metric})</h4>`);
    parts.push(flipList(`right in ${sideName(entry.base)}, wrong in ${sideName(entry.other)}`, lead.flips.rightToWrong));
    parts.push(flipList(`wrong in ${sideName(entry.base)}, right in ${sideName(entry.other)}`, lead.flips.wrongToRight));
  }
  return html`${parts}`;
}

/** The comparison section of a report with several runs: each later run against the first, per kind and series. */
export async function renderComparisonSection(report: Report): Promise<SafeHtml> {
  const parts: SafeHtml[] = [];
  for (const entry of report.comparisons) parts.push(await entrySection(entry, report));
  if (report.comparisons.length === 0)
    parts.push(html`<p class="empty">No model × condition of the later runs matches one of run 1, or the runs share no kind of item.</p>`);
  if (report.unpairedSeries.length) {
    parts.push(
      html`<p class="note">Not compared (no matching model × condition in run 1): ${report.unpairedSeries.map((entry, index) => html`${index ? '; ' : ''}<span class="mono">${entry.series}</span> of ${entry.run}`)}.</p>`,
    );
  }
  return html`<section id="comparison"><h2>Comparison with run 1</h2>${parts}</section>`;
}

/** Within a run with several eval conditions (plain, recall, retrieved, oracle): each condition against plain, item by item. */
export async function renderConditionSection(report: Report): Promise<SafeHtml> {
  const parts: SafeHtml[] = [
    html`<p>Each condition against <span class="mono">plain</span> (or the run's first condition) for the same model and items: paired differences with bootstrap 95% intervals, McNemar's exact test (0/1 metrics) or the Wilcoxon signed-rank test (graded metrics), and the items that flipped.</p>`,
  ];
  for (const entry of report.conditionComparisons) parts.push(await entrySection(entry, report));
  return html`<section id="conditions"><h2>Conditions compared</h2>${parts}</section>`;
}
