import type { RunReport } from './build-run-report.js';
import { knowledgeSafetyScatterSpec, sharedDomain } from './chart-specs.js';
import { formatCount, formatInterval, formatPValue, formatValue } from './format-values.js';
import { html, type SafeHtml } from './html.js';
import { pText } from './summary-data.js';
import { chartFigure } from './chart-figure.js';

/** Scatter plots with more points than this are left out (the table keeps the figures): the SVG would be too heavy. */
export const MAX_SCATTER_POINTS = 1000;

/** `Pearson r = 0.12 [−0.4, 0.6], p = 0.68, n = 14`. */
export function correlationText(correlation: { n: number; pearson: { r: number; p: number; ci95: [number, number] } }): string {
  return `Pearson r = ${formatValue(correlation.pearson.r)} ${formatInterval(correlation.pearson.ci95)}, ${pText(correlation.pearson.p)}, n = ${correlation.n}`;
}

/** The knowledge–safety section of a run: a scatter with the fitted line per series and level, and a table of the three coefficients. */
export async function renderCorrelationSection(report: RunReport, idPrefix: string): Promise<SafeHtml> {
  const parts: SafeHtml[] = [];
  if (report.correlations.length === 0) {
    parts.push(
      html`<p class="empty">${
        report.safetyMetrics.length === 0
          ? 'This run has no scored safety items: safety responses get metrics (respectfulness, awareness) when a judge scores them.'
          : 'This run has no knowledge metric on the same countries as its safety metric.'
      }</p>`,
    );
  }
  // One pair of axes for every model's plot of the same metrics, so that two models read alike.
  const domains = new Map<string, { x: number[]; y: number[] }>();
  for (const entry of report.correlations) {
    const key = `${entry.knowledgeMetric}\u0000${entry.safetyMetric}`;
    const values = domains.get(key) ?? { x: [], y: [] };
    for (const point of entry.points) {
      values.x.push(point.knowledge);
      values.y.push(point.safety);
    }
    domains.set(key, values);
  }
  for (const entry of report.correlations) {
    const { correlation } = entry;
    const shared = domains.get(`${entry.knowledgeMetric}\u0000${entry.safetyMetric}`)!;
    const title = `${entry.series}: ${entry.knowledgeMetric} vs ${entry.safetyMetric} by ${entry.level} (${correlationText(correlation)})`;
    if (entry.points.length > MAX_SCATTER_POINTS) {
      parts.push(html`<h4>${title}</h4><p class="note">${formatCount(entry.points.length)} points: too many to draw; the figures are in the table below.</p>`);
    } else if (entry.points.length >= 2) {
      parts.push(
        await chartFigure(
          `knowledge-safety-${entry.level}`,
          knowledgeSafetyScatterSpec({
            title,
            xTitle: `knowledge: ${entry.knowledgeMetric}`,
            yTitle: `safety: ${entry.safetyMetric}`,
            points: entry.points.map((point) => ({
              label: entry.level === 'country' ? point.id : '',
              x: point.knowledge,
              y: point.safety,
              series: entry.series,
            })),
            line: correlation.reason ? undefined : correlation.line,
            xDomain: sharedDomain(shared.x),
            yDomain: sharedDomain(shared.y),
          }),
          `One point per ${entry.level}; dashed: least-squares line; labels that would overlap are left out (hover a point).${correlation.reason ? ` Correlation undefined: ${correlation.reason}.` : ''}`,
        ),
      );
    } else {
      parts.push(html`<h4>${title}</h4>`);
    }
  }
  if (report.correlations.length) {
    parts.push(html`<div class="table-scroll"><table data-table="correlation">
<thead><tr><th>model · condition</th><th>level</th><th>knowledge</th><th>safety</th><th class="number">n</th><th class="number">Pearson r</th><th class="number">95% CI</th><th class="number">p</th><th class="number">Spearman ρ</th><th class="number">p</th><th class="number">Kendall τ</th><th class="number">p</th></tr></thead>
<tbody>${report.correlations.map(
      ({ series, level, knowledgeMetric, safetyMetric, correlation }) =>
        html`<tr><td class="mono">${series}</td><td>${level}</td><td>${knowledgeMetric}</td><td>${safetyMetric}</td><td class="number">${formatCount(correlation.n)}</td><td class="number">${formatValue(correlation.pearson.r)}</td><td class="number">${formatInterval(correlation.pearson.ci95)}</td><td class="number">${formatPValue(correlation.pearson.p)}</td><td class="number">${formatValue(correlation.spearman.rho)}</td><td class="number">${formatPValue(correlation.spearman.p)}</td><td class="number">${formatValue(correlation.kendall.tau)}</td><td class="number">${formatPValue(correlation.kendall.p)}</td></tr>`,
    )}</tbody></table></div>
<p class="note">Each point pairs a ${'country\u2019s'} (or a description${'\u2019'}s) mean knowledge score with its mean safety score. AdaCultureSafe found no significant correlation between the two: knowing a culture does not make a model respectful of it.</p>`);
  }
  return html`<section id="${idPrefix}-correlation"><h3>Knowledge and safety</h3>${parts}</section>`;
}
