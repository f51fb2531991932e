import { costTableRows } from '../analysis/cost.js';
import { renderAdaptationMarkdown } from './adaptation-section.js';
import { TOOL_VERSION } from '../version.js';
import { sideName, type ComparisonEntry, type Report } from './build-report.js';
import type { GroupedMetric, RunReport } from './build-run-report.js';
import { formatCount, formatDuration, formatPValue, formatValue } from './format-values.js';
import { fineGrainedTables } from './fine-grained-tables.js';
import { escapeHtml } from './html.js';
import { comparisonTitle, FLIPPED_ITEMS_SHOWN, formatRelative, leadComparison, testName } from './render-comparison-section.js';
import { examplesOf, groupLabel, groupsByScore, kindTitle, shortfallEvidence, summaryWorstEntries, worstMethodNote } from './summary-data.js';
import { retrievalTables } from './retrieval-section.js';

/**
 * Text for a Markdown table cell: HTML-escaped (Markdown renderers pass HTML through), pipes and emphasis marks
 * backslash-escaped, line breaks flattened.
 *
 * @example
 * markdownCell('a | <b>') // 'a \\| &lt;b&gt;'
 */
export function markdownCell(text: string): string {
  return escapeHtml(text)
    .replace(/[\\`*_[\]|]/g, (character) => `\\${character}`)
    .replace(/\s*\r?\n\s*/g, ' ');
}

/** `0.181–0.454`: an interval without brackets, which Markdown would read as link text. */
function formatInterval(interval: readonly [number, number] | undefined): string {
  if (!interval || !Number.isFinite(interval[0]) || !Number.isFinite(interval[1])) return '—';
  return `${formatValue(interval[0])}–${formatValue(interval[1])}`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[] = []): string {
  if (rows.length === 0) return '_none_\n';
  const align = header.map((_, index) => (numeric[index] ? '---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return `${[line(header.map(markdownCell)), line(align), ...rows.map((row) => line(row.map(markdownCell)))].join('\n')}\n`;
}

/** A grouped metric as a table sorted by score (worst first), countries by name; cells below the minimum n marked `(few)`. */
function groupedTable(metric: GroupedMetric, minN: number): string {
  const series = [...new Set(metric.points.map((point) => point.series))];
  const cell = new Map(metric.points.map((point) => [`${point.series}\u0000${point.group}`, point]));
  return table(
    [metric.groupBy, ...series],
    groupsByScore(metric).map((group) => [
      groupLabel(metric.groupBy, group),
      ...series.map((label) => {
        const point = cell.get(`${label}\u0000${group}`);
        return point ? `${formatValue(point.mean)} (${formatInterval([point.low, point.high])}, n=${point.n})${point.n < minN ? ' (few)' : ''}` : '—';
      }),
    ]),
    [false, ...series.map(() => true)],
  );
}

/** The summary of a run: the headline, the groups significantly below the model's mean with their items, the worst safety responses. */
function summaryMarkdown(run: RunReport, heading: string): string {
  const out: string[] = [`## ${heading}\n`];
  const cellText = (cell: { mean: number; ci95: [number, number]; n: number } | undefined) =>
    cell && cell.n > 0 ? `${formatValue(cell.mean)} (${formatInterval(cell.ci95)}, n=${cell.n})` : '—';
  const knowledge = run.headline.find((entry) => entry.knowledge)?.knowledge?.metric;
  const english = run.headline.some((entry) => entry.english);
  const safety = [...new Set(run.headline.flatMap((entry) => entry.safety.map((cell) => cell.metric)))];
  out.push(
    table(
      [
        'model · condition',
        ...(knowledge ? [`knowledge: ${knowledge}`] : []),
        ...(english ? [`English items: ${knowledge}`] : []),
        ...safety.map((metric) => `safety: ${metric}`),
      ],
      run.headline.map((entry) => [
        entry.series,
        ...(knowledge ? [cellText(entry.knowledge?.cell)] : []),
        ...(english ? [cellText(entry.english?.cell)] : []),
        ...safety.map((metric) => cellText(entry.safety.find((cell) => cell.metric === metric)?.cell)),
      ]),
      [false, ...Array(3 + safety.length).fill(true)],
    ),
  );
  out.push(`### Where it fails\n`);
  for (const entry of summaryWorstEntries(run)) {
    const title = `${markdownCell(entry.series)}: ${kindTitle(entry.kind)} ${markdownCell(entry.metric)} by ${entry.by}`;
    if (entry.significant.length === 0) {
      out.push(`- ${title}: none significantly below the model's mean (${formatValue(entry.overall.mean)}, n=${entry.overall.n}).`);
      continue;
    }
    out.push(`- ${title} (model's mean ${formatValue(entry.overall.mean)}, n=${entry.overall.n}):`);
    for (const group of entry.significant) {
      const examples = examplesOf(run, entry, group);
      const items = (examples.length ? examples.map((example) => example.itemId) : group.examples.map((example) => example.itemId))
        .map(markdownCell)
        .join(', ');
      out.push(
        `  - **${markdownCell(groupLabel(entry.by, group.group))}**: ${formatValue(group.mean)} (${formatInterval(group.ci95)}, n=${group.n}); ${markdownCell(shortfallEvidence(group))}. Worst items: ${items}.`,
      );
    }
  }
  out.push(`\n${markdownCell(worstMethodNote(run.thresholds))}\n`);
  const leadSafety = run.safetyMetrics[0];
  const safetyEntries = run.worst.filter((entry) => entry.kind === 'safety' && entry.metric === leadSafety && entry.by === 'country');
  if (leadSafety && safetyEntries.length && run.examples) {
    out.push(`### Safety: the worst-scored responses per country\n`);
    const rows: string[][] = [];
    for (const entry of safetyEntries) {
      for (const group of [...entry.tested, ...entry.tooSmall]) {
        const [worstExample] = examplesOf(run, entry, group);
        if (!worstExample) continue;
        const reasoning = worstExample.verdicts.map((verdict) => `${verdict.judge}: ${verdict.reasoning ?? verdict.reason ?? '—'}`).join(' / ');
        rows.push([
          entry.series,
          groupLabel('country', group.group),
          worstExample.itemId,
          formatValue(worstExample.metrics[leadSafety]),
          clipText(worstExample.query),
          clipText(worstExample.response ?? ''),
          clipText(reasoning),
        ]);
      }
    }
    out.push(table(['model · condition', 'country', 'item', leadSafety, 'query', 'response', "judges' reasoning"], rows, [false, false, false, true]));
  }
  return out.join('\n');
}

function clipText(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function runMarkdown(run: RunReport, heading: string): string {
  const { manifest } = run;
  const out: string[] = [];
  out.push(`## ${heading}\n`);
  out.push(`- run id: ${markdownCell(run.id)} (${markdownCell(run.source)}${run.status ? `, ${markdownCell(run.status)}` : ''})`);
  out.push(
    `- dataset: ${markdownCell(manifest.dataset.ref)}, ${formatCount(manifest.dataset.items)} items, hash ${markdownCell(manifest.dataset.hash.slice(0, 16))}`,
  );
  out.push(`- models: ${manifest.models.map((model) => markdownCell(model.spec)).join(', ')}`);
  out.push(
    `- options: conditions ${markdownCell(manifest.options.conditions.join(', '))}; kinds ${markdownCell(manifest.options.kinds.join(', '))}; multiple choice by ${manifest.options.mcqMethod}; shuffle seed ${manifest.options.shuffleSeed ?? 'none'}; temperature ${manifest.options.temperature}; max tokens ${manifest.options.maxTokens}`,
  );
  out.push(`- created ${markdownCell(manifest.createdAt)} with culturekit ${markdownCell(manifest.toolVersion)}\n`);
  out.push(
    table(
      ['model · condition', 'results', 'scored', 'invalid', 'unscored', 'error', 'model calls', 'cached', 'input tokens', 'output tokens'],
      run.diagnostics.series.map((series) => [
        series.series,
        ...[
          series.counts.total,
          series.counts.scored,
          series.counts.invalid,
          series.counts.unscored,
          series.counts.error,
          series.usage.calls,
          series.usage.cachedCalls,
          series.usage.inputTokens,
          series.usage.outputTokens,
        ].map(formatCount),
      ]),
      [false, true, true, true, true, true, true, true, true, true],
    ),
  );
  out.push(`### Overall\n`);
  out.push(
    table(
      ['model · condition', 'kind', 'metric', 'mean', '95% CI', 'n'],
      run.overall.map((row) => [row.series, row.kind, row.metric, formatValue(row.cell.mean), formatInterval(row.cell.ci95), formatCount(row.cell.n)]),
      [false, false, false, true, true, true],
    ),
  );
  if (run.summary.cost) {
    out.push(`### Cost\n`);
    out.push(
      table(
        ['', 'name', 'US dollars', 'input tokens', 'output tokens'],
        costTableRows(run.summary.cost).map(([what, name, cell]) => [
          what,
          markdownCell(name),
          cell.cost.toFixed(4),
          formatCount(cell.inputTokens),
          formatCount(cell.outputTokens),
        ]),
        [false, false, true, true, true],
      ),
    );
  }
  for (const metric of [...run.byCountry, ...run.byCategory, ...run.byLanguage]) {
    if (metric.points.length === 0) continue;
    out.push(`### ${kindTitle(metric.kind)}: ${markdownCell(metric.metric)} by ${metric.groupBy}\n`);
    out.push(groupedTable(metric, run.thresholds.minN));
  }
  if (run.correlations.length) {
    out.push(`### Knowledge and safety\n`);
    out.push(
      table(
        ['model · condition', 'level', 'knowledge', 'safety', 'n', 'Pearson r', '95% CI', 'p', 'Spearman ρ', 'p', 'Kendall τ', 'p'],
        run.correlations.map(({ series, level, knowledgeMetric, safetyMetric, correlation }) => [
          series,
          level,
          knowledgeMetric,
          safetyMetric,
          formatCount(correlation.n),
          formatValue(correlation.pearson.r),
          formatInterval(correlation.pearson.ci95),
          formatPValue(correlation.pearson.p),
          formatValue(correlation.spearman.rho),
          formatPValue(correlation.spearman.p),
          formatValue(correlation.kendall.tau),
          formatPValue(correlation.kendall.p),
        ]),
        [false, false, false, false, true, true, true, true, true, true, true, true],
      ),
    );
  }
  if (run.retrieval) {
    for (const { title, header, rows, numeric } of retrievalTables(run.retrieval)) {
      out.push(`### ${title}\n`);
      out.push(table(header, rows, numeric));
    }
  }
  out.push(`### Diagnostics\n`);
  out.push(
    table(
      ['model · condition', 'timed calls', 'mean latency', 'median', '95th percentile'],
      run.diagnostics.series.map((series) => [
        series.series,
        formatCount(series.latency.n),
        formatDuration(series.latency.meanMs),
        formatDuration(series.latency.medianMs),
        formatDuration(series.latency.p95Ms),
      ]),
      [false, true, true, true, true],
    ),
  );
  const letters = [...new Set(run.diagnostics.letters.map((share) => share.letter))];
  if (letters.length) {
    const series = [...new Set(run.diagnostics.letters.map((share) => share.series))];
    const share = new Map(run.diagnostics.letters.map((entry) => [`${entry.series}\u0000${entry.letter}\u0000${entry.source}`, entry]));
    out.push(`Answer letters (share chosen by the model vs share of right answers):\n`);
    out.push(
      table(
        ['model · condition', 'letters', ...letters],
        series.flatMap((label) =>
          (['model', 'gold'] as const).map((source) => [
            label,
            source === 'model' ? 'chosen' : 'right',
            ...letters.map((letter) => {
              const entry = share.get(`${label}\u0000${letter}\u0000${source}`);
              return entry ? `${(entry.share * 100).toFixed(1)}%` : '—';
            }),
          ]),
        ),
        [false, false, ...letters.map(() => true)],
      ),
    );
  }
  for (const fineGrained of fineGrainedTables(run)) {
    out.push(`${markdownCell(fineGrained.title)}:\n`);
    out.push(table(fineGrained.header, fineGrained.rows, fineGrained.numeric));
    if (fineGrained.note) out.push(`${markdownCell(fineGrained.note)}\n`);
  }
  if (run.diagnostics.errors.length) {
    out.push(`Errors:\n`);
    out.push(
      table(
        ['model · condition', 'error', 'items'],
        run.diagnostics.errors.map((error) => [error.series, error.message, formatCount(error.count)]),
        [false, false, true],
      ),
    );
  }
  return out.join('\n');
}

/**
 * The report as Markdown tables, ready for a paper or a pull request: per run the overall metrics, per country,
 * category and language with 95% intervals, the knowledge–safety correlations, diagnostics, and the comparison of
 * runs. Dataset and model text is escaped.
 *
 * @example
 * const markdown = renderMarkdownReport(buildReport(runs, { metric: 'accuracy' }));
 */
export function renderMarkdownReport(report: Report): string {
  const out: string[] = [];
  out.push(`# culturekit report\n`);
  out.push(
    `Runs: ${report.runs.map((run) => markdownCell(run.id)).join(', ')}. Lead metric: ${markdownCell(report.metric)}. Generated ${report.generatedAt} by culturekit ${TOOL_VERSION}. Intervals are 95%: Wilson for 0/1 metrics, Student's t otherwise.\n`,
  );
  if (report.adaptation) out.push(renderAdaptationMarkdown(report.adaptation));
  for (const notice of new Set(report.runs.flatMap((run) => (run.manifest.notice ? [run.manifest.notice] : []))))
    out.push(`> **Warning:** ${markdownCell(notice)}\n`);
  for (const [index, run] of report.runs.entries())
    out.push(summaryMarkdown(run, report.runs.length > 1 ? `Summary of run ${index + 1}: ${markdownCell(run.id)}` : `Summary`));
  for (const [index, run] of report.runs.entries())
    out.push(runMarkdown(run, report.runs.length > 1 ? `Run ${index + 1}: ${markdownCell(run.id)}` : `Run ${markdownCell(run.id)}`));
  if (report.conditionComparisons.length > 0) {
    out.push(`## Conditions compared\n`);
    out.push(
      `Each condition against plain (or the run's first condition), same model and items; paired-bootstrap 95% intervals; p from McNemar's exact test (0/1 metrics) or the Wilcoxon signed-rank test.\n`,
    );
    for (const entry of report.conditionComparisons) out.push(...comparisonMarkdown(entry, report));
  }
  if (report.runs.length > 1) {
    out.push(`## Comparison with run 1\n`);
    out.push(
      `Differences are the later run minus run 1, item by item, with paired-bootstrap 95% intervals; p from McNemar's exact test (0/1 metrics) or the Wilcoxon signed-rank test.\n`,
    );
    if (report.comparisons.length === 0) out.push(`No model × condition of the later runs matches one of run 1, or the runs share no kind of item.\n`);
    for (const entry of report.comparisons) out.push(...comparisonMarkdown(entry, report));
    if (report.unpairedSeries.length) {
      out.push(
        `Not compared (no matching model × condition in run 1): ${report.unpairedSeries.map((entry) => `${markdownCell(entry.series)} of ${markdownCell(entry.run)}`).join('; ')}.\n`,
      );
    }
  }
  return out.join('\n');
}

/** One comparison as Markdown: the metrics table, the lead metric by country, the flipped items. */
function comparisonMarkdown(entry: ComparisonEntry, report: Report): string[] {
  const out: string[] = [];
  out.push(`### ${markdownCell(comparisonTitle(entry))}\n`);
  if (!entry.comparison || entry.problem) {
    out.push(`Not compared: ${markdownCell(entry.problem ?? 'no comparison')}.\n`);
    return out;
  }
  out.push(
    table(
      ['metric', `${sideName(entry.base)}`, `${sideName(entry.other)}`, 'difference', '95% CI', 'relative', 'test', 'p', 'pairs'],
      entry.comparison.metrics.map(({ metric, overall }) => [
        metric,
        formatValue(overall.base),
        formatValue(overall.other),
        formatValue(overall.difference),
        formatInterval(overall.ci95),
        formatRelative(overall.relativeDifference),
        testName(overall),
        formatPValue(overall.test.p),
        formatCount(overall.n),
      ]),
      [false, true, true, true, true, true, false, true, true],
    ),
  );
  const lead = leadComparison(entry, report.metric);
  if (lead?.groups.length) {
    out.push(`${markdownCell(lead.metric)} by country:\n`);
    out.push(
      table(
        ['country', `${sideName(entry.base)}`, `${sideName(entry.other)}`, 'difference', '95% CI', 'p', 'pairs'],
        lead.groups.map((cell) => [
          cell.key.country ?? '(none)',
          formatValue(cell.base),
          formatValue(cell.other),
          formatValue(cell.difference),
          formatInterval(cell.ci95),
          formatPValue(cell.test.p),
          formatCount(cell.n),
        ]),
        [false, true, true, true, true, true, true],
      ),
    );
  }
  if (lead?.flips) {
    const list = (items: readonly { itemId: string }[]) =>
      items.length === 0
        ? 'none'
        : `${items.length}: ${items
            .slice(0, FLIPPED_ITEMS_SHOWN)
            .map((item) => markdownCell(item.itemId))
            .join(', ')}${items.length > FLIPPED_ITEMS_SHOWN ? ', …' : ''}`;
    out.push(`- right → wrong: ${list(lead.flips.rightToWrong)}`);
    out.push(`- wrong → right: ${list(lead.flips.wrongToRight)}\n`);
  }
  return out;
}
