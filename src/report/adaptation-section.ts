import type { TopLevelSpec } from 'vega-lite';
import type { ComparisonCell } from '../analysis/compare-runs.js';
import type { AdaptationCell, AdaptationSummary } from '../adapt/eval/run-adapt-eval.js';
import { chartFigure } from './chart-figure.js';
import { FONT_STACK } from './chart-specs.js';
import { formatInterval, formatPValue, formatValue } from './format-values.js';
import { html, type SafeHtml } from './html.js';

const setTitles = { knowledge: 'Knowledge', safety: 'Safety', english: 'English' } as const;

function differenceText(cell: ComparisonCell | undefined): string {
  if (!cell) return '';
  const sign = cell.difference > 0 ? '+' : '';
  return `${sign}${formatValue(cell.difference)} ${formatInterval(cell.ci95)}, p ${formatPValue(cell.test.p)}`;
}

function stageNames(summary: AdaptationSummary): string[] {
  return ['base', ...summary.stages.map((stage) => stage.name)];
}

function cellOf(summary: AdaptationSummary, stage: string, set: string): AdaptationCell | undefined {
  return summary.cells.find((cell) => cell.stage === stage && cell.set === set);
}

/** A Vega-Lite line chart of each stage's training loss by step. */
function lossSpec(summary: AdaptationSummary): TopLevelSpec | undefined {
  const values = (summary.training?.stages ?? []).flatMap((stage) => stage.log.map((entry) => ({ stage: stage.name, step: entry.step, loss: entry.loss })));
  if (values.length === 0) return undefined;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: 'Training loss',
    width: 480,
    height: 220,
    config: { font: FONT_STACK },
    data: { values },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'step', type: 'quantitative', title: 'step' },
      y: { field: 'loss', type: 'quantitative', title: 'loss', scale: { zero: false } },
      color: { field: 'stage', type: 'nominal', title: 'stage' },
    },
  } as TopLevelSpec;
}

/**
 * The report's "Adaptation" section in HTML: stage × {knowledge, safety, English} with 95% intervals and the paired
 * difference with base, per country and per language, the English retention flags, and the training loss curves.
 *
 * @example
 * const section = await renderAdaptationHtml(JSON.parse(readFileSync('runs/adapt/adaptation.json', 'utf8')));
 */
export async function renderAdaptationHtml(summary: AdaptationSummary): Promise<SafeHtml> {
  const sets = summary.sets;
  const header = html`<tr><th>stage</th>${sets.map((set) => html`<th>${setTitles[set.set]} (${set.metric})</th>`)}</tr>`;
  const rows = stageNames(summary).map((stage) => {
    const cells = sets.map((set) => {
      const cell = cellOf(summary, stage, set.set);
      if (!cell) return html`<td>–</td>`;
      return html`<td class="num">${formatValue(cell.mean)} <span class="ci">${formatInterval(cell.ci95)}</span> n=${cell.n}${cell.vsBase ? html`<br><span class="diff">${differenceText(cell.vsBase)}</span>` : ''}</td>`;
    });
    return html`<tr><th scope="row" class="mono">${stage}</th>${cells}</tr>`;
  });
  const retention = summary.retention.map(
    (check) =>
      html`<li class="${check.flagged ? 'flag' : ''}">${check.flagged ? '⚠ English retention: ' : 'English retained: '}<span class="mono">${check.stage}</span> ${formatValue(check.stageMean)} vs base ${formatValue(check.base)} (drop ${formatValue(check.drop)}, tolerance ${formatValue(check.tolerance)})</li>`,
  );
  const groups = summary.groups.map(
    (group) => html`<h4>${setTitles[group.set]} (${group.metric}): <span class="mono">${group.stage}</span> vs base, by ${group.by}</h4>
<table><thead><tr><th>${group.by}</th><th>n</th><th>base</th><th>${group.stage}</th><th>difference [95% CI]</th><th>p</th></tr></thead><tbody>${group.cells.map(
      (cell) =>
        html`<tr><td>${String(cell.key[group.by] ?? '—')}</td><td class="num">${cell.n}</td><td class="num">${formatValue(cell.base)}</td><td class="num">${formatValue(cell.other)}</td><td class="num">${formatValue(cell.difference)} ${formatInterval(cell.ci95)}</td><td class="num">${formatPValue(cell.test.p)}</td></tr>`,
    )}</tbody></table>`,
  );
  const spec = lossSpec(summary);
  const loss = spec
    ? await chartFigure('training-loss', spec, `Loss per logged step (${summary.training!.trainer}, base ${summary.training!.baseModel}).`)
    : html`<p>No training log (pass --train-dir with a train-manifest.json).</p>`;
  return html`<section id="adaptation"><h2>Adaptation</h2>
<p>Base <span class="mono">${summary.base}</span>; stages ${summary.stages.map((stage, index) => html`${index ? ', ' : ''}<span class="mono">${stage.name}</span> = <span class="mono">${stage.spec}</span>`)}. Each cell: mean [95% interval] and n; for a stage, the difference with base item by item [paired-bootstrap 95% interval] and p (McNemar's exact test for 0/1 metrics, Wilcoxon signed-rank otherwise).</p>
<table class="adaptation"><thead>${header}</thead><tbody>${rows}</tbody></table>
${retention.length ? html`<ul class="retention">${retention}</ul>` : ''}
${loss}
${groups}
</section>`;
}

/**
 * The "Adaptation" section in Markdown (same content as the HTML, the loss curves as a table of logged steps);
 * `groups: false` leaves out the per-country and per-language tables.
 *
 * @example
 * const markdown = renderAdaptationMarkdown(summary);
 */
export function renderAdaptationMarkdown(summary: AdaptationSummary, options: { groups?: boolean } = {}): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out: string[] = ['## Adaptation\n'];
  out.push(
    `Base \`${cell(summary.base)}\`; stages ${summary.stages.map((stage) => `\`${cell(stage.name)}\` = \`${cell(stage.spec)}\``).join(', ')}. Each cell: mean [95% interval] (n); for a stage, Δ vs base item by item [paired-bootstrap 95% interval], p from McNemar's exact test (0/1) or Wilcoxon signed-rank.\n`,
  );
  out.push(`| stage | ${summary.sets.map((set) => `${setTitles[set.set]} (${set.metric})`).join(' | ')} |`);
  out.push(`| --- | ${summary.sets.map(() => '---').join(' | ')} |`);
  for (const stage of stageNames(summary)) {
    const values = summary.sets.map((set) => {
      const found = cellOf(summary, stage, set.set);
      if (!found) return '–';
      return `${formatValue(found.mean)} ${formatInterval(found.ci95)} (n=${found.n})${found.vsBase ? `; Δ ${differenceText(found.vsBase)}` : ''}`;
    });
    out.push(`| ${cell(stage)} | ${values.join(' | ')} |`);
  }
  out.push('');
  for (const check of summary.retention)
    out.push(
      `- ${check.flagged ? '**⚠ English retention**' : 'English retained'}: \`${cell(check.stage)}\` ${formatValue(check.stageMean)} vs base ${formatValue(check.base)} (drop ${formatValue(check.drop)}, tolerance ${formatValue(check.tolerance)})`,
    );
  if (summary.retention.length) out.push('');
  const training = summary.training;
  if (training?.stages.some((stage) => stage.log.length > 0)) {
    out.push(`### Training loss (${cell(training.trainer)}, base ${cell(training.baseModel)})\n`);
    out.push('| stage | step | loss | learning rate | epoch |', '| --- | --- | --- | --- | --- |');
    for (const stage of training.stages)
      for (const entry of stage.log) out.push(`| ${cell(stage.name)} | ${entry.step} | ${entry.loss} | ${entry.learningRate} | ${entry.epoch} |`);
    out.push('');
  }
  for (const group of options.groups === false ? [] : summary.groups) {
    out.push(`### ${setTitles[group.set]} (${cell(group.metric)}): ${cell(group.stage)} vs base, by ${group.by}\n`);
    out.push(`| ${group.by} | n | base | ${cell(group.stage)} | Δ [95% CI] | p |`, '| --- | --- | --- | --- | --- | --- |');
    for (const entry of group.cells)
      out.push(
        `| ${cell(String(entry.key[group.by] ?? '—'))} | ${entry.n} | ${formatValue(entry.base)} | ${formatValue(entry.other)} | ${formatValue(entry.difference)} ${formatInterval(entry.ci95)} | ${formatPValue(entry.test.p)} |`,
      );
    out.push('');
  }
  return out.join('\n');
}
