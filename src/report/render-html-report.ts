import { TOOL_VERSION } from '../version.js';
import type { Report } from './build-report.js';
import { htmlPage } from './html-page.js';
import { renderAdaptationHtml } from './adaptation-section.js';
import { html, type SafeHtml } from './html.js';
import { renderComparisonSection, renderConditionSection } from './render-comparison-section.js';
import { renderRunSections, runSectionTitles } from './render-run-sections.js';

/**
 * The self-contained HTML report: every run's sections with inline SVG charts, and the comparison of the runs when
 * there are several. It opens from a file with no network and no script.
 *
 * @example
 * const page = await renderHtmlReport(buildReport(loadReportRuns(['runs/qwen'], { dbPath }), { metric: 'accuracy' }));
 */
export async function renderHtmlReport(report: Report): Promise<string> {
  const runIds = report.runs.map((run) => run.id);
  const sections: SafeHtml[] = [];
  const toc: SafeHtml[] = [];
  if (report.adaptation) {
    toc.push(html`<div><strong><a href="#adaptation">Adaptation</a></strong></div>`);
    sections.push(await renderAdaptationHtml(report.adaptation));
  }
  for (const [index, run] of report.runs.entries()) {
    const idPrefix = `run-${index + 1}`;
    toc.push(
      html`<div><strong>${report.runs.length > 1 ? `Run ${index + 1}: ` : ''}<span class="mono">${run.id}</span></strong> ${runSectionTitles(idPrefix).map((section) => html`<a href="#${section.id}">${section.title}</a>`)}</div>`,
    );
    sections.push(
      html`<section class="run" id="${idPrefix}"><h2>${report.runs.length > 1 ? `Run ${index + 1}: ` : 'Run '}<span class="mono">${run.id}</span></h2>${await renderRunSections(run, { idPrefix })}</section>`,
    );
  }
  if (report.conditionComparisons.length > 0) {
    toc.push(html`<div><strong><a href="#conditions">Conditions compared</a></strong></div>`);
    sections.push(await renderConditionSection(report));
  }
  if (report.runs.length > 1) {
    toc.push(html`<div><strong><a href="#comparison">Comparison</a></strong></div>`);
    sections.push(await renderComparisonSection(report));
  }
  const body = html`<header class="page">
<h1>culturekit report</h1>
<p>${runIds.length === 1 ? 'Run' : `${runIds.length} runs`}: <span class="mono">${runIds.join(', ')}</span>. Lead metric: ${report.metric}. Generated ${report.generatedAt} by culturekit ${TOOL_VERSION}.</p>
<nav class="toc">${toc}</nav>
</header>
<main>
${sections}
</main>`;
  return htmlPage({ title: `culturekit report — ${runIds.join(', ')}`, body });
}
