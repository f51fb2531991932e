import { costTableRows } from '../analysis/cost.js';
import { higherIsWorse, type RunReport } from './build-run-report.js';
import { answerLetterSpec, countryBarsSpec, heatmapSpec, SHOW_N_BELOW } from './chart-specs.js';
import { scoreSortedTable } from './render-summary-section.js';
import { groupLabel, groupLabels, kindTitle } from './summary-data.js';
import { formatCount, formatDuration, formatInterval, formatValue } from './format-values.js';
import { chartFigure } from './chart-figure.js';
import { fineGrainedTables, type TextTable } from './fine-grained-tables.js';
import { html, type SafeHtml } from './html.js';
import { renderCorrelationSection } from './render-correlation-section.js';
import { renderRetrievalSection } from './retrieval-section.js';

export interface RunSectionOptions {
  /** Prefix of the sections' ids (anchors), e.g. `run-1`. */
  idPrefix: string;
  /** A link for a group in the tables (the viewer links a country to its items). */
  groupHref?: (groupBy: string, group: string, kind: string) => string | undefined;
}

/** The section ids and titles `renderRunSections` writes, for a table of contents. */
export function runSectionTitles(idPrefix: string): { id: string; title: string }[] {
  return [
    { id: `${idPrefix}-info`, title: 'Run' },
    { id: `${idPrefix}-overall`, title: 'Overall' },
    { id: `${idPrefix}-countries`, title: 'By country' },
    { id: `${idPrefix}-correlation`, title: 'Knowledge and safety' },
    { id: `${idPrefix}-heatmap`, title: 'Category × country' },
    { id: `${idPrefix}-diagnostics`, title: 'Diagnostics' },
  ];
}

export { kindTitle };

function runInfo(report: RunReport, options: RunSectionOptions): SafeHtml {
  const { manifest } = report;
  const { conditions, kinds, mcqMethod, shuffleSeed, temperature, maxTokens, limit, ...otherOptions } = manifest.options;
  const extra = Object.entries(otherOptions).filter(([, value]) => value !== undefined && value !== null);
  const judges = manifest.judges ?? [];
  return html`<section id="${options.idPrefix}-info">
<h3>Run</h3>
<dl class="facts">
<dt>run id</dt><dd class="mono">${report.id}</dd>
<dt>source</dt><dd class="mono">${report.source}</dd>
${report.status ? html`<dt>status</dt><dd>${report.status}</dd>` : ''}
<dt>created</dt><dd>${manifest.createdAt}</dd>
<dt>tool version</dt><dd>${manifest.toolVersion}</dd>
<dt>dataset</dt><dd><span class="mono">${manifest.dataset.ref}</span> — ${formatCount(manifest.dataset.items)} items${manifest.dataset.skippedInvalid ? `, ${formatCount(manifest.dataset.skippedInvalid)} invalid records skipped` : ''}; hash <span class="mono">${manifest.dataset.hash.slice(0, 16)}</span></dd>
<dt>models</dt><dd>${manifest.models.map((model) => html`<div class="mono">${model.spec}${model.baseUrl ? ` (${model.baseUrl})` : ''}</div>`)}</dd>
${judges.length ? html`<dt>judges</dt><dd>${judges.map((judge) => html`<div class="mono">${judge.spec}</div>`)}</dd>` : ''}
<dt>options</dt><dd>conditions ${conditions.join(', ')}; kinds ${kinds.join(', ')}; multiple choice by ${mcqMethod}; ${shuffleSeed === null ? 'options not shuffled' : `options shuffled (seed ${shuffleSeed})`}; temperature ${temperature}; max tokens ${maxTokens}${limit ? `; limit ${limit}` : ''}${extra.map(([key, value]) => `; ${key} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`).join('')}</dd>
</dl>
<div class="table-scroll"><table>
<thead><tr><th>model · condition</th><th class="number">results</th><th class="number">scored</th><th class="number">invalid</th><th class="number">unscored</th><th class="number">error</th><th class="number">model calls</th><th class="number">cached</th><th class="number">input tokens</th><th class="number">output tokens</th></tr></thead>
<tbody>${report.diagnostics.series.map(
    (series) =>
      html`<tr><td class="mono">${series.series}</td><td class="number">${formatCount(series.counts.total)}</td><td class="number">${formatCount(series.counts.scored)}</td><td class="number">${formatCount(series.counts.invalid)}</td><td class="number">${formatCount(series.counts.unscored)}</td><td class="number">${formatCount(series.counts.error)}</td><td class="number">${formatCount(series.usage.calls)}</td><td class="number">${formatCount(series.usage.cachedCalls)}</td><td class="number">${formatCount(series.usage.inputTokens)}</td><td class="number">${formatCount(series.usage.outputTokens)}</td></tr>`,
  )}</tbody>
</table></div>
</section>`;
}

function overallSection(report: RunReport, options: RunSectionOptions): SafeHtml {
  const body = report.overall.length
    ? html`<div class="table-scroll"><table data-table="overall">
<thead><tr><th>model · condition</th><th>kind</th><th>metric</th><th class="number">mean</th><th class="number">95% CI</th><th class="number">n</th></tr></thead>
<tbody>${report.overall.map(
        (row) =>
          html`<tr><td class="mono">${row.series}</td><td>${row.kind}</td><td>${row.metric}</td><td class="number">${formatValue(row.cell.mean)}</td><td class="number">${formatInterval(row.cell.ci95)}</td><td class="number">${formatCount(row.cell.n)}</td></tr>`,
      )}</tbody></table></div>
<p class="note">95% intervals: Wilson for 0/1 metrics (accuracy, invalid), Student's t for the others. <code>invalid</code> is the share of replies from which no answer could be read; they count as wrong in accuracy.</p>`
    : html`<p class="empty">No scored results yet.</p>`;
  return html`<section id="${options.idPrefix}-overall"><h3>Overall</h3>${body}</section>`;
}

/** What the run's calls cost, by the prices recorded in its manifest (absent without prices). */
function costSection(report: RunReport, options: RunSectionOptions): SafeHtml {
  const cost = report.summary.cost;
  if (!cost) return html``;
  const unpriced = cost.unpriced.length ? html`<p class="note">No price for ${cost.unpriced.join(', ')}: counted as free.</p>` : html``;
  return html`<section id="${options.idPrefix}-cost"><h3>Cost</h3><div class="table-scroll"><table data-table="cost">
<thead><tr><th></th><th>name</th><th class="number">US dollars</th><th class="number">input tokens</th><th class="number">output tokens</th></tr></thead>
<tbody>${costTableRows(cost).map(
    ([what, name, cell]) =>
      html`<tr><td>${what}</td><td class="mono">${name}</td><td class="number">${cell.cost.toFixed(4)}</td><td class="number">${formatCount(cell.inputTokens)}</td><td class="number">${formatCount(cell.outputTokens)}</td></tr>`,
  )}</tbody></table></div>${unpriced}<p class="note">Calls answered from the cache are free; judges are charged at their own prices.</p></section>`;
}

async function countrySection(report: RunReport, options: RunSectionOptions): Promise<SafeHtml> {
  const parts: SafeHtml[] = [];
  for (const metric of report.byCountry) {
    if (metric.points.length === 0) continue;
    parts.push(html`<h4>${kindTitle(metric.kind)}: ${metric.metric} by country</h4>`);
    parts.push(
      await chartFigure(
        `${metric.kind}-${metric.metric}-by-country`,
        countryBarsSpec({
          title: `${kindTitle(metric.kind)}: ${metric.metric} by country`,
          metric: metric.metric,
          points: metric.points,
          labels: groupLabels(metric),
          domain: report.domains[`${metric.kind}:${metric.metric}`],
          minN: report.thresholds.minN,
          higherIsWorse: higherIsWorse(metric.metric),
        }),
        `Worst first. Bars: mean; whiskers: 95% interval; n at the end; faint: fewer than ${report.thresholds.minN} results.`,
      ),
    );
    parts.push(scoreSortedTable(metric, report.thresholds.minN, options.groupHref));
  }
  for (const metric of [...report.byCategory, ...report.byLanguage]) {
    if (metric.points.length === 0) continue;
    parts.push(html`<h4>${kindTitle(metric.kind)}: ${metric.metric} by ${metric.groupBy}</h4>`);
    parts.push(scoreSortedTable(metric, report.thresholds.minN, options.groupHref));
  }
  return html`<section id="${options.idPrefix}-countries"><h3>By country</h3>${parts.length ? parts : html`<p class="empty">No metric by country (the items have no country, or nothing is scored yet).</p>`}</section>`;
}

async function heatmapSection(report: RunReport, options: RunSectionOptions): Promise<SafeHtml> {
  const parts: SafeHtml[] = [];
  for (const heatmap of report.heatmaps) {
    const title = `${kindTitle(heatmap.kind)}: ${heatmap.metric} by category × country — ${heatmap.series}`;
    parts.push(
      await chartFigure(
        `heatmap-${heatmap.kind}-${heatmap.metric}`,
        heatmapSpec({
          title,
          metric: heatmap.metric,
          cells: heatmap.cells,
          domain: report.domains[`${heatmap.kind}:${heatmap.metric}`],
          minN: report.thresholds.minN,
          higherIsWorse: higherIsWorse(heatmap.metric),
        }),
        `Each cell: the mean over the items of that category and country, with n where it is below ${SHOW_N_BELOW}; grey: fewer than ${report.thresholds.minN} results. Strong colour: failure. The scale is the same for every model.`,
      ),
    );
  }
  return html`<section id="${options.idPrefix}-heatmap"><h3>Category × country</h3>${parts.length ? parts : html`<p class="empty">Not enough categories and countries for a heatmap.</p>`}</section>`;
}

function textTable(table: TextTable): SafeHtml {
  const numeric = (index: number) => (table.numeric[index] ? html` class="number"` : '');
  return html`<h4>${table.title}</h4><div class="table-scroll"><table data-table="fine-grained">
<thead><tr>${table.header.map((cell, index) => html`<th${numeric(index)}>${cell}</th>`)}</tr></thead>
<tbody>${table.rows.map((row) => html`<tr>${row.map((cell, index) => html`<td${numeric(index)} dir="auto">${cell}</td>`)}</tr>`)}</tbody></table></div>${table.note ? html`<p class="note">${table.note}</p>` : ''}`;
}

async function diagnosticsSection(report: RunReport, options: RunSectionOptions): Promise<SafeHtml> {
  const { diagnostics } = report;
  const parts: SafeHtml[] = [];
  parts.push(html`<h4>Latency</h4><div class="table-scroll"><table data-table="latency">
<thead><tr><th>model · condition</th><th class="number">timed calls</th><th class="number">mean</th><th class="number">median</th><th class="number">95th percentile</th></tr></thead>
<tbody>${diagnostics.series.map((series) => html`<tr><td class="mono">${series.series}</td><td class="number">${formatCount(series.latency.n)}</td><td class="number">${formatDuration(series.latency.meanMs)}</td><td class="number">${formatDuration(series.latency.medianMs)}</td><td class="number">${formatDuration(series.latency.p95Ms)}</td></tr>`)}</tbody></table></div>`);
  if (diagnostics.invalidByCountry.length && diagnostics.invalidByCountry.every((point) => point.mean === 0)) {
    parts.push(html`<h4>Invalid answers by country</h4><p>No invalid answers: an answer could be read from every reply.</p>`);
  } else if (diagnostics.invalidByCountry.length) {
    parts.push(html`<h4>Invalid answers by country</h4>`);
    parts.push(
      await chartFigure(
        'invalid-by-country',
        countryBarsSpec({
          title: 'Invalid-answer rate by country',
          metric: 'invalid',
          points: diagnostics.invalidByCountry,
          labels: Object.fromEntries(diagnostics.invalidByCountry.map((point) => [point.group, groupLabel('country', point.group)])),
          domain: [0, 1],
          minN: report.thresholds.minN,
          higherIsWorse: true,
        }),
        'Share of replies from which no answer could be read.',
      ),
    );
  }
  if (diagnostics.letters.length) {
    parts.push(html`<h4>Answer letters (position bias)</h4>`);
    parts.push(
      await chartFigure(
        'answer-letters',
        answerLetterSpec({ title: 'Letters chosen by the model vs right answers', shares: diagnostics.letters }),
        'A model without position bias chooses each letter about as often as it is right.',
      ),
    );
    const series = [...new Set(diagnostics.letters.map((share) => share.series))];
    const letters = [...new Set(diagnostics.letters.map((share) => share.letter))];
    const share = new Map(diagnostics.letters.map((entry) => [`${entry.series}\u0000${entry.letter}\u0000${entry.source}`, entry]));
    parts.push(html`<div class="table-scroll"><table data-table="answer-letters"><thead><tr><th>model · condition</th><th>letters</th>${letters.map((letter) => html`<th class="number">${letter}</th>`)}</tr></thead>
<tbody>${series.flatMap((label) =>
      (['model', 'gold'] as const).map(
        (source) =>
          html`<tr><td class="mono">${label}</td><td>${source === 'model' ? 'chosen' : 'right'}</td>${letters.map((letter) => {
            const entry = share.get(`${label}\u0000${letter}\u0000${source}`);
            return html`<td class="number">${entry ? `${(entry.share * 100).toFixed(1)}% (${entry.count})` : '—'}</td>`;
          })}</tr>`,
      ),
    )}</tbody></table></div>`);
  }
  for (const table of fineGrainedTables(report)) parts.push(textTable(table));
  if (diagnostics.errors.length) {
    parts.push(html`<h4>Errors</h4><div class="table-scroll"><table data-table="errors"><thead><tr><th>model · condition</th><th>error</th><th class="number">items</th></tr></thead>
<tbody>${diagnostics.errors.map((error) => html`<tr><td class="mono">${error.series}</td><td dir="auto">${error.message}</td><td class="number">${formatCount(error.count)}</td></tr>`)}</tbody></table></div>`);
  }
  return html`<section id="${options.idPrefix}-diagnostics"><h3>Diagnostics</h3>${parts}</section>`;
}

/**
 * The HTML sections of one run (run info, overall, by country, knowledge and safety, category × country,
 * diagnostics) with inline SVG charts. Shared by the static report and the viewer; all dataset and model text is escaped.
 *
 * @example
 * const sections = await renderRunSections(buildRunReport(run, { metric: 'accuracy' }), { idPrefix: 'run-1' });
 */
export async function renderRunSections(report: RunReport, options: RunSectionOptions): Promise<SafeHtml> {
  return html`${runInfo(report, options)}
${overallSection(report, options)}
${costSection(report, options)}
${await countrySection(report, options)}
${await renderCorrelationSection(report, options.idPrefix)}
${renderRetrievalSection(report.retrieval, options.idPrefix)}
${await heatmapSection(report, options)}
${await diagnosticsSection(report, options)}`;
}
