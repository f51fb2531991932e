import type { MetricCell } from '../analysis/summarize.js';
import type { GroupShortfall } from '../analysis/worst-groups.js';
import type { GroupedMetric, RunReport, WorstEntry } from './build-run-report.js';
import { higherIsWorse } from './build-run-report.js';
import { chartFigure } from './chart-figure.js';
import type { ExampleResult } from './example-result.js';
import { formatCount, formatInterval, formatValue } from './format-values.js';
import { html, type SafeHtml } from './html.js';
import {
  examplesOf,
  groupLabel,
  kindTitle,
  pText,
  groupsByScore,
  seriesPoints,
  shortfallEvidence,
  summaryWorstEntries,
  worstMethodNote,
} from './summary-data.js';
import { unmappedCountries, worldMapSpec } from './world-map.js';

/** The banner a run's manifest asks for (the demo's "meaningless scores"), or nothing. */
export function noticeBanner(notices: readonly string[]): SafeHtml {
  const unique = [...new Set(notices)];
  return unique.length
    ? html`<div class="banner" role="alert" data-notice>${unique.map((notice) => html`<p><strong>Warning:</strong> ${notice}</p>`)}</div>`
    : html``;
}

function cellText(cell: MetricCell | undefined): SafeHtml {
  if (!cell || cell.n === 0) return html`<td class="number">—</td>`;
  return html`<td class="number"><span class="headline-value">${formatValue(cell.mean)}</span> <span class="ci">${formatInterval(cell.ci95)}</span> <span class="n">n=${formatCount(cell.n)}</span></td>`;
}

function headlineTable(report: RunReport): SafeHtml {
  const knowledge = report.headline.find((entry) => entry.knowledge)?.knowledge?.metric;
  const english = report.headline.some((entry) => entry.english);
  const safety = [...new Set(report.headline.flatMap((entry) => entry.safety.map((cell) => cell.metric)))];
  if (!knowledge && safety.length === 0) return html`<p class="empty">No scored results yet.</p>`;
  return html`<div class="table-scroll"><table data-table="headline">
<thead><tr><th>model · condition</th>${knowledge ? html`<th class="number">knowledge: ${knowledge}</th>` : ''}${english ? html`<th class="number">English items: ${knowledge}</th>` : ''}${safety.map((metric) => html`<th class="number">safety: ${metric}</th>`)}</tr></thead>
<tbody>${report.headline.map(
    (entry) =>
      html`<tr><td class="mono">${entry.series}</td>${knowledge ? cellText(entry.knowledge?.cell) : ''}${english ? cellText(entry.english?.cell) : ''}${safety.map((metric) => cellText(entry.safety.find((cell) => cell.metric === metric)?.cell))}</tr>`,
  )}</tbody></table></div>
<p class="note">Mean, 95% interval, n. English: the knowledge items in English, next to the rest of the languages.</p>`;
}

function exampleTable(examples: readonly ExampleResult[], metric: string): SafeHtml {
  if (examples.length === 0) return html``;
  const judged = examples.some((example) => example.verdicts.length > 0);
  return html`<div class="table-scroll"><table class="examples" data-table="worst-examples">
<thead><tr><th>item</th><th>query</th><th>${judged ? 'response' : 'answer given / right'}</th><th class="number">${metric}</th>${judged ? html`<th>judges' reasoning</th>` : ''}</tr></thead>
<tbody>${examples.map(
    (example) =>
      html`<tr><td class="mono item-id">${example.itemId}</td><td class="preview" dir="auto">${clip(example.query)}</td><td class="preview" dir="auto">${judged ? clip(example.response ?? '') : `${example.extracted ?? (example.status === 'invalid' ? '(no answer read)' : '—')} / ${example.answer ?? '—'}`}</td><td class="number">${formatValue(example.metrics[metric])}</td>${judged ? html`<td class="preview" dir="auto" data-field="reasoning">${reasoningList(example)}</td>` : ''}</tr>`,
  )}</tbody></table></div>`;
}

function reasoningList(example: ExampleResult): SafeHtml {
  return html`${example.verdicts.map((verdict) => html`<div><span class="mono">${verdict.judge}</span> ${Object.entries(verdict.metrics).map(([name, value]) => `${name} ${formatValue(value)}`)}: ${verdict.reasoning ?? verdict.reason ?? '(no reasoning given)'}</div>`)}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A quoted text cut for a table cell (the viewer shows it whole). */
function clip(text: string): string {
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

function shortfallItem(report: RunReport, entry: WorstEntry, group: GroupShortfall): SafeHtml {
  const examples = examplesOf(report, entry, group);
  return html`<li data-worst-group="${group.group}" data-by="${entry.by}" data-adjusted-p="${group.adjustedP}"><strong dir="auto">${groupLabel(entry.by, group.group)}</strong>: ${entry.metric} ${formatValue(group.mean)} ${formatInterval(group.ci95)}, n=${formatCount(group.n)} — against ${formatValue(entry.overall.mean)} overall. <span class="note">${shortfallEvidence(group)}.</span>
${examples.length ? exampleTable(examples, entry.metric) : html`<div class="note">Worst items: <span class="mono">${group.examples.map((example) => example.itemId).join(', ')}</span></div>`}</li>`;
}

function worstSection(report: RunReport): SafeHtml {
  const entries = summaryWorstEntries(report);
  if (entries.length === 0) return html`<p class="empty">Nothing to test: no scored results with a country or category.</p>`;
  const bySeries = new Map<string, WorstEntry[]>();
  for (const entry of entries) bySeries.set(entry.series, [...(bySeries.get(entry.series) ?? []), entry]);
  return html`${[...bySeries].map(
    ([series, list]) =>
      html`<div class="worst" data-series="${series}"><h4 class="mono">${series}</h4>${list.map((entry) => {
        const title = `${kindTitle(entry.kind)} ${entry.metric} by ${entry.by}`;
        if (entry.significant.length === 0) {
          const lowest = entry.tested[0];
          return html`<p data-worst="${entry.kind}-${entry.metric}-${entry.by}" data-significant="0">${title}: no ${entry.by} significantly below this model's mean (${formatValue(entry.overall.mean)}, n=${formatCount(entry.overall.n)})${lowest ? html`; the lowest tested is <span dir="auto">${groupLabel(entry.by, lowest.group)}</span> at ${formatValue(lowest.mean)} (n=${lowest.n}, adjusted ${pText(lowest.adjustedP)})` : ''}${entry.tooSmall.length ? `; ${plural(entry.tooSmall.length, entry.by === 'country' ? 'country' : 'category', entry.by === 'country' ? 'countries' : 'categories')} with fewer than ${entry.minN} results not tested` : ''}.</p>`;
        }
        return html`<div data-worst="${entry.kind}-${entry.metric}-${entry.by}" data-significant="${entry.significant.length}"><p>${title}: significantly below this model's mean (${formatValue(entry.overall.mean)}, n=${formatCount(entry.overall.n)}):</p><ol class="worst-list">${entry.significant.map((group) => shortfallItem(report, entry, group))}</ol></div>`;
      })}</div>`,
  )}
<p class="note">${worstMethodNote(report.thresholds)}</p>`;
}

/** A grouped metric as a table sorted by score (worst first), countries by name, cells below the minimum n greyed. */
export function scoreSortedTable(
  metric: GroupedMetric,
  minN: number,
  groupHref?: (groupBy: string, group: string, kind: string) => string | undefined,
): SafeHtml {
  const series = [...new Set(metric.points.map((point) => point.series))];
  const cell = new Map(metric.points.map((point) => [`${point.series}\u0000${point.group}`, point]));
  return html`<div class="table-scroll"><table data-table="${metric.kind}-${metric.metric}-by-${metric.groupBy}">
<thead><tr><th>${metric.groupBy}</th>${series.map((label) => html`<th class="number mono">${label}</th>`)}</tr></thead>
<tbody>${groupsByScore(metric).map((group) => {
    const href = groupHref?.(metric.groupBy, group, metric.kind);
    const label = groupLabel(metric.groupBy, group);
    return html`<tr data-group="${group}"><td dir="auto">${href ? html`<a href="${href}">${label}</a>` : label}</td>${series.map((name) => {
      const point = cell.get(`${name}\u0000${group}`);
      if (!point) return html`<td class="number">—</td>`;
      const small = point.n < minN;
      return html`<td class="number${small ? ' small' : ''}"${small ? html` title="fewer than ${minN} results"` : ''}>${formatValue(point.mean)} ${formatInterval([point.low, point.high])} n=${point.n}</td>`;
    })}</tr>`;
  })}</tbody></table></div>`;
}

async function mapsSection(report: RunReport, idPrefix: string): Promise<SafeHtml> {
  const parts: SafeHtml[] = [];
  for (const metric of report.byCountry) {
    const domain = report.domains[`${metric.kind}:${metric.metric}`] ?? [0, 1];
    for (const [index, series] of report.series.entries()) {
      const points = seriesPoints(metric, series.label);
      if (points.length === 0) continue;
      const overall = report.overall.find((row) => row.kind === metric.kind && row.metric === metric.metric && row.series === series.label)?.cell;
      const mapPoints = points.map((point) => ({ country: point.group, mean: point.mean, low: point.low, high: point.high, n: point.n }));
      const unmapped = unmappedCountries(mapPoints);
      const title = [
        `${kindTitle(metric.kind)}: ${metric.metric} by country — ${series.label}`,
        overall
          ? `overall ${formatValue(overall.mean)} ${formatInterval(overall.ci95)}, n = ${formatCount(overall.n)}; ${points.length} countries; grey: n < ${report.thresholds.minN}`
          : '',
      ].filter(Boolean);
      parts.push(
        await chartFigure(
          `map-${metric.kind}-${metric.metric}-${index + 1}`,
          worldMapSpec({ title, metric: metric.metric, points: mapPoints, domain, minN: report.thresholds.minN, higherIsWorse: higherIsWorse(metric.metric) }),
          `Hover a country for its mean, 95% interval and n. The colour scale is the same for every model${unmapped.length ? `; not on the map: ${unmapped.join(', ')}` : ''}.`,
        ),
      );
    }
  }
  return html`<div id="${idPrefix}-maps" class="maps">${parts.length ? parts : html`<p class="empty">No metric by country to map.</p>`}</div>`;
}

function safetyExamples(report: RunReport, idPrefix: string): SafeHtml {
  const metric = report.safetyMetrics[0];
  const entries = report.worst.filter((entry) => entry.kind === 'safety' && entry.metric === metric && entry.by === 'country');
  if (!metric || entries.length === 0) return html``;
  const blocks = entries.map((entry) => {
    const groups = [...entry.tested, ...entry.tooSmall].sort(
      (a, b) => (entry.higherIsWorse ? b.mean - a.mean : a.mean - b.mean) || a.group.localeCompare(b.group),
    );
    return html`<details class="safety-series" data-series="${entry.series}" open><summary><span class="mono">${entry.series}</span>: the lowest ${metric} per country</summary>${groups.map(
      (group) => {
        const examples = examplesOf(report, entry, group);
        return html`<div class="country-examples" data-country="${group.group}"><h5 dir="auto">${groupLabel('country', group.group)} — ${metric} ${formatValue(group.mean)}, n=${group.n}</h5>${
          examples.length
            ? examples.map((example) => safetyExample(example, report.safetyMetrics))
            : html`<p class="note">Items: <span class="mono">${group.examples.map((example) => example.itemId).join(', ')}</span></p>`
        }</div>`;
      },
    )}</details>`;
  });
  return html`<section id="${idPrefix}-safety-worst"><h3>Safety: the worst-scored responses per country</h3>${blocks}${report.examplesNote ? html`<p class="note">Note: ${report.examplesNote}.</p>` : ''}</section>`;
}

function safetyExample(example: ExampleResult, metrics: readonly string[]): SafeHtml {
  return html`<article class="example" data-item="${example.itemId}">
<div class="scores">${metrics.filter((metric) => metric in example.metrics).map((metric) => html`<span class="score"><span class="metric">${metric}</span> <strong>${formatValue(example.metrics[metric])}</strong></span>`)} <span class="mono">${example.itemId}</span></div>
<div class="example-texts">
<div><h6>Description${example.descriptionId ? html` <span class="mono">${example.descriptionId}</span>` : ''}</h6><div class="text-block" dir="auto" data-field="description">${example.description ?? (example.descriptionId ? '(text not available)' : '(none)')}</div></div>
<div><h6>Query</h6><div class="text-block" dir="auto" data-field="query">${example.query}</div></div>
<div><h6>Response</h6><div class="text-block" dir="auto" data-field="response">${example.response ?? ''}</div></div>
</div>
${
  example.verdicts.length
    ? html`<table class="verdicts"><thead><tr><th>judge</th><th>rubric</th><th>scores</th><th>reasoning</th></tr></thead><tbody>${example.verdicts.map(
        (verdict) =>
          html`<tr><td class="mono">${verdict.judge}</td><td class="mono">${verdict.rubric}</td><td class="number">${
            Object.entries(verdict.metrics)
              .map(([name, value]) => `${name} ${formatValue(value)}`)
              .join(', ') || verdict.status
          }</td><td dir="auto" data-field="reasoning">${verdict.reasoning ?? verdict.reason ?? '(no reasoning given)'}</td></tr>`,
      )}</tbody></table>`
    : ''
}
</article>`;
}

/** The summary's section ids and titles, for a table of contents. */
export function summarySectionTitles(idPrefix: string): { id: string; title: string }[] {
  return [
    { id: `${idPrefix}-headline`, title: 'Headline' },
    { id: `${idPrefix}-worst`, title: 'Where it fails' },
    { id: `${idPrefix}-ranking`, title: 'Countries by score' },
    { id: `${idPrefix}-maps`, title: 'Maps' },
    { id: `${idPrefix}-safety-worst`, title: 'Worst safety responses' },
  ];
}

/**
 * The summary of one run, first in the report: the headline per model (knowledge, English, safety, with 95% intervals),
 * the countries and categories significantly below the model's own mean with the items that show it, the countries
 * sorted by score, a world map per metric and model, and the worst-scored safety responses per country with the judges'
 * reasoning. Every dataset, model and judge text is escaped.
 *
 * @example
 * const section = await renderRunSummary(buildRunReport(run, { metric: 'accuracy' }), { idPrefix: 'summary-1' });
 */
export async function renderRunSummary(
  report: RunReport,
  options: { idPrefix: string; groupHref?: (groupBy: string, group: string, kind: string) => string | undefined },
): Promise<SafeHtml> {
  const { idPrefix } = options;
  const ranking = report.byCountry.filter((metric) => metric.points.length > 0 && (metric.kind !== 'safety' || metric.metric === report.safetyMetrics[0]));
  return html`<section id="${idPrefix}-headline"><h3>Headline</h3>${headlineTable(report)}</section>
<section id="${idPrefix}-worst"><h3>Where it fails</h3>${worstSection(report)}</section>
<section id="${idPrefix}-ranking"><h3>Countries by score</h3>${
    ranking.length
      ? ranking.map(
          (metric) =>
            html`<h4>${kindTitle(metric.kind)}: ${metric.metric}, worst first</h4>${scoreSortedTable(metric, report.thresholds.minN, options.groupHref)}`,
        )
      : html`<p class="empty">No metric by country.</p>`
  }<p class="note">Greyed: fewer than ${report.thresholds.minN} results.</p></section>
<section><h3>Maps</h3>${await mapsSection(report, idPrefix)}</section>
${safetyExamples(report, idPrefix)}`;
}
