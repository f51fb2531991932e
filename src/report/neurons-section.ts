import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors/culturekit-error.js';
import { NEURON_ANALYSIS_FORMAT, type NeuronAnalysis } from '../neurons/analyze-neurons.js';
import { heatmapSpec } from './chart-specs.js';
import { chartFigure } from './chart-figure.js';
import { formatCount, formatInterval, formatValue } from './format-values.js';
import { htmlPage } from './html-page.js';
import { html, type SafeHtml } from './html.js';
import { correlationText } from './render-correlation-section.js';

const METHOD_TEXT: Record<NeuronAnalysis['selection']['method'], string> = {
  ratio: 'the neurons whose statistic is highest relative to the other set (log ratio, top-k per layer among those above 0)',
  'welch-fdr': 'the largest differences of per-prompt mean value among the neurons whose Welch t-test is significant after Benjamini–Hochberg over all neurons',
  top: 'each set’s k most responsive neurons per layer',
};

/**
 * The neuron-analysis section (`culturekit neurons`): per-layer distributions of the statistic, the knowledge–safety
 * overlap per layer as a heatmap, per-country specificity, the intervention table, and the behavioural correlation of
 * a run beside them.
 */
export async function renderNeuronsSection(analysis: NeuronAnalysis, id = 'neurons'): Promise<SafeHtml> {
  const { selection } = analysis;
  const parts: SafeHtml[] = [];
  parts.push(html`<p>Model <span class="mono">${analysis.model}</span>, dataset <span class="mono">${analysis.dataset}</span>, backend ${analysis.backend}:
${analysis.layers} layers × ${formatCount(analysis.neurons)} FFN neurons. Knowledge: ${formatCount(analysis.sets.knowledge.prompts)} prompts, ${formatCount(analysis.sets.knowledge.tokens)} tokens;
safety: ${formatCount(analysis.sets.safety.prompts)} prompts, ${formatCount(analysis.sets.safety.tokens)} tokens. Statistic: ${selection.statistic}${analysis.threshold !== undefined && selection.statistic === 'frequency' ? ` (act(gate) > ${analysis.threshold})` : ''}.
Selection (${selection.method}): ${METHOD_TEXT[selection.method]}${selection.topK !== null ? `, k = ${selection.topK}` : ''}${selection.method === 'welch-fdr' ? `, FDR ${selection.fdr}` : ''}; seed ${analysis.seed}.</p>
<p class="note">A white-box view in the spirit of AdaCultureSafe’s analysis of utility-related neurons; its exact neuron method is not published beyond its abstract, and this is not a reproduction of it.</p>`);

  parts.push(html`<h4>Per-layer distributions</h4><div class="table-scroll"><table data-table="neuron-distributions">
<thead><tr><th>set</th><th class="number">layer</th><th class="number">mean</th><th class="number">median</th><th class="number">p90</th><th class="number">p99</th><th class="number">max</th><th class="number">selected</th></tr></thead>
<tbody>${analysis.distributions.map(
    (row) =>
      html`<tr><td>${row.set}</td><td class="number">${row.layer}</td><td class="number">${formatValue(row.mean)}</td><td class="number">${formatValue(row.median)}</td><td class="number">${formatValue(row.p90)}</td><td class="number">${formatValue(row.p99)}</td><td class="number">${formatValue(row.max)}</td><td class="number">${formatCount(analysis.selected[row.set].layers[row.layer]?.length ?? 0)}</td></tr>`,
  )}</tbody></table></div>`);

  const overlapCells = analysis.overlap.responsive.perLayer.flatMap((value, layer) => [
    { row: `layer ${layer}`, column: 'most responsive', mean: value, n: 1 },
    { row: `layer ${layer}`, column: 'selected', mean: analysis.overlap.selected.perLayer[layer] ?? 0, n: 1 },
  ]);
  parts.push(
    await chartFigure(
      'neuron-overlap',
      heatmapSpec({ title: 'knowledge–safety overlap (Jaccard) per layer', metric: 'Jaccard', cells: overlapCells, rowTitle: 'layer', columnTitle: 'neurons' }),
      `Overall: most responsive ${formatValue(analysis.overlap.responsive.overall)}, selected ${formatValue(analysis.overlap.selected.overall)}. ` +
        'High overlap of the most responsive neurons: the same neurons serve both kinds of query. The selected neurons of ratio and welch-fdr are specific by construction, so theirs is near 0.',
    ),
  );

  if (analysis.countries.length > 0) {
    parts.push(
      await chartFigure(
        'neuron-country-specificity',
        heatmapSpec({
          title: 'per-country specificity: share of a country’s top-k neurons no other country has',
          metric: 'unique share',
          cells: analysis.countries.map((row) => ({ row: row.set, column: row.country, mean: row.uniqueShare, n: row.prompts })),
          rowTitle: 'set',
        }),
      ),
      html`<div class="table-scroll"><table data-table="neuron-countries"><thead><tr><th>set</th><th>country</th><th class="number">prompts</th><th class="number">tokens</th><th class="number">unique share</th><th class="number">mean Jaccard with other countries</th></tr></thead>
<tbody>${analysis.countries.map(
        (row) =>
          html`<tr><td>${row.set}</td><td>${row.country}</td><td class="number">${formatCount(row.prompts)}</td><td class="number">${formatCount(row.tokens)}</td><td class="number">${formatValue(row.uniqueShare)}</td><td class="number">${formatValue(row.meanJaccard)}</td></tr>`,
      )}</tbody></table></div>`,
    );
  }

  if (analysis.intervention) {
    parts.push(html`<h4>Intervention: the selected neurons zeroed</h4><div class="table-scroll"><table data-table="neuron-intervention">
<thead><tr><th>neurons zeroed</th><th class="number">count</th><th>measured on</th><th>metric</th><th class="number">items</th><th class="number">unmodified</th><th class="number">zeroed</th><th class="number">drop</th><th class="number">95% CI</th><th class="number">random: drop</th><th class="number">95% CI</th><th class="number">excess</th><th class="number">95% CI</th><th class="number">answers changed</th><th class="number">random: changed</th></tr></thead>
<tbody>${analysis.intervention.rows.map(
      (row) =>
        html`<tr><td>${row.zeroed}</td><td class="number">${formatCount(row.neurons)}</td><td>${row.measured}</td><td>${row.metric}</td><td class="number">${formatCount(row.items)}</td><td class="number">${formatValue(row.base)}</td><td class="number">${formatValue(row.selected)}</td><td class="number">${formatValue(row.drop.estimate)}</td><td class="number">${formatInterval(row.drop.ci95)}</td><td class="number">${formatValue(row.randomDrop.estimate)}</td><td class="number">${formatInterval(row.randomDrop.ci95)}</td><td class="number">${formatValue(row.excess.estimate)}</td><td class="number">${formatInterval(row.excess.ci95)}</td><td class="number">${formatValue(row.changedSelected)}</td><td class="number">${formatValue(row.changedRandom)}</td></tr>`,
    )}</tbody></table></div>
<p class="note">Each variant is a GGUF copy with the neurons’ <span class="mono">ffn_down</span> columns zeroed, evaluated by the engine next to the unmodified model (run <span class="mono">${analysis.intervention.runDir}</span>). Drop: unmodified − zeroed, paired over items, 95% bootstrap interval; random: as many random neurons per layer (${formatCount(analysis.intervention.variants.filter((variant) => variant.name.startsWith('random-knowledge')).length)} seeded draws, averaged per item); excess: drop − random drop. <span class="mono">unchanged</span>: share of answers identical to the unmodified model’s (open safety answers without a judge).</p>`);
  }

  if (analysis.correlation) {
    parts.push(
      html`<h4>Behaviour: knowledge–safety correlation of <span class="mono">${analysis.correlation.run}</span></h4>${
        analysis.correlation.groups.length === 0
          ? html`<p class="empty">The run has no countries with both knowledge and safety scores (safety answers are scored by judges).</p>`
          : html`<ul>${analysis.correlation.groups.map(
              (group) =>
                html`<li><span class="mono">${Object.values(group.key).join(' · ')}</span>: ${group.knowledgeMetric} vs ${group.safetyMetric} by ${group.level}: ${correlationText(group.correlation)}</li>`,
            )}</ul>`
      }`,
    );
  }
  return html`<section id="${id}"><h3>Neurons: knowledge and safety</h3>${parts}</section>`;
}

/** A page of its own around the section (`culturekit neurons` writes it as `neurons.html`). */
export async function renderNeuronsPage(analysis: NeuronAnalysis): Promise<string> {
  return htmlPage({ title: `culturekit neurons — ${analysis.model}`, body: html`<main>${await renderNeuronsSection(analysis)}</main>` });
}

/** Reads `<dir>/neurons.json` (or the file itself) written by `culturekit neurons`. */
export function readNeuronAnalysis(path: string): NeuronAnalysis {
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, 'neurons.json') : path;
  let value: { format?: unknown };
  try {
    value = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown };
  } catch (error) {
    throw new InputError(`--neurons ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (value.format !== NEURON_ANALYSIS_FORMAT)
    throw new InputError(`${file}: format: expected "${NEURON_ANALYSIS_FORMAT}" (the neurons.json of culturekit neurons)`);
  return value as NeuronAnalysis;
}
