import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { knowledgeSafetyCorrelation, type KnowledgeSafetyGroup } from '../analysis/knowledge-safety.js';
import { loadDataset } from '../benchmarks/load-dataset.js';
import type { BenchmarkRegistry } from '../benchmarks/registry.js';
import { InputError } from '../errors/culturekit-error.js';
import type { ModelEntry, RunOptions } from '../schema/manifest.js';
import type { RenderOptions } from '../scoring/render-request.js';
import { readResultsFile } from '../store/read-result-rows.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import { collectNeuronStats, ggufOf, type NeuronBackend } from './collect-stats.js';
import { runIntervention, type InterventionResult } from './intervene.js';
import { countrySpecificity, layerDistributions, layerOverlap, type CountrySpecificity, type LayerDistribution } from './neuron-overlap.js';
import { type GroupStats, type NeuronStats, sumGroups } from './neuron-stats.js';
import { buildPromptSets, neuronSets, type NeuronSet } from './prompt-sets.js';
import { selectNeurons, statisticOf, topIndices, type NeuronSelection, type SelectionOptions } from './select-neurons.js';

export const NEURON_ANALYSIS_FORMAT = 'culturekit-neurons@1';

export interface NeuronAnalysisInput {
  python: string;
  /** Hugging Face model folder or `.gguf` file. */
  model: string;
  /** Dataset reference (`builtin:sample`, `adaculturesafe:<path>`, a file …). */
  dataset: string;
  outDir: string;
  backend: NeuronBackend;
  /** `topK` null: `topKShare` of each layer's neurons (at least 1), except for `welch-fdr`, which is then uncapped. */
  selection: SelectionOptions;
  topKShare: number;
  threshold: number;
  render: RenderOptions;
  limitPerGroup: number | null;
  seed: number;
  imatrix?: { binary: string; ctx: number; threads: number };
  /** A run folder (`culturekit eval --out`): its knowledge–safety correlation is shown next to the neurons. */
  run?: string;
  /** The intervention check (needs a GGUF: a model folder is converted). */
  intervention?: { randomDraws: number; dbPath: string; options: Partial<RunOptions>; judges?: ModelEntry[]; knowledgeMetric: string; safetyMetric: string };
  registry?: BenchmarkRegistry;
  onProgress?: (message: string) => void;
  onWarning?: (message: string) => void;
}

/** What `culturekit neurons` writes to `<out>/neurons.json` (and what the report section reads). */
export interface NeuronAnalysis {
  format: typeof NEURON_ANALYSIS_FORMAT;
  model: string;
  dataset: string;
  backend: NeuronBackend;
  layers: number;
  neurons: number;
  threshold?: number;
  selection: SelectionOptions;
  seed: number;
  sets: Record<NeuronSet, { prompts: number; tokens: number; countries: string[]; languages: string[] }>;
  /** The neurons specific to each set (the method). */
  selected: Record<NeuronSet, NeuronSelection>;
  /** Each set's top-k neurons per layer by the statistic (responsive; what the overlap compares). */
  responsive: Record<NeuronSet, number[][]>;
  overlap: { responsive: { perLayer: number[]; overall: number }; selected: { perLayer: number[]; overall: number } };
  countries: CountrySpecificity[];
  distributions: LayerDistribution[];
  /** The behavioural knowledge–safety correlation of `--run` (per model × condition). */
  correlation?: { run: string; groups: KnowledgeSafetyGroup[] };
  intervention?: InterventionResult;
  createdAt: string;
}

/**
 * `culturekit neurons`: runs the dataset's knowledge and safety queries through the model, records per-layer,
 * per-FFN-neuron statistics per group, selects each set's neurons, measures their overlap and per-country specificity,
 * optionally checks them by zeroing (intervention) and puts the behavioural correlation of a run next to them.
 * Writes `<outDir>/neurons.json` atomically and returns it.
 *
 * @example
 * const analysis = await analyzeNeurons({ python, model: 'tiny/', dataset: 'builtin:sample', outDir: 'neurons/', backend: 'hooks',
 *   selection: { method: 'ratio', statistic: 'frequency', topK: 5, fdr: 0.05 }, topKShare: 0.01, threshold: 0,
 *   render: { mcqMethod: 'loglik', shuffleSeed: null }, limitPerGroup: null, seed: 1 });
 * analysis.overlap.responsive.perLayer // [0.43, 0.25]
 */
export async function analyzeNeurons(input: NeuronAnalysisInput): Promise<NeuronAnalysis> {
  const dataset = await loadDataset(input.dataset, { onWarning: input.onWarning, registry: input.registry });
  const registry = input.registry ?? (await import('../benchmarks/registry.js')).builtinRegistry;
  const { records, groups, items } = buildPromptSets(dataset, registry, { ...input.render, limitPerGroup: input.limitPerGroup, seed: input.seed });
  input.onProgress?.(`${records.length} prompts in ${groups.length} groups (set × country × language)`);
  const workDir = join(input.outDir, 'work');
  const stats = await collectNeuronStats({
    python: input.python,
    model: input.model,
    backend: input.backend,
    records,
    workDir,
    threshold: input.threshold,
    imatrix: input.imatrix,
    onProgress: input.onProgress,
    onWarning: input.onWarning,
  });
  const present = new Set(stats.groups.map((group) => group.key));
  const kept = groups.filter((group) => present.has(group.key));
  const sets = Object.fromEntries(neuronSets.map((set) => [set, setGroup(stats, kept, set)])) as Record<NeuronSet, GroupStats>;
  const topK = Math.max(1, Math.ceil(input.topKShare * stats.neurons));
  const selection: SelectionOptions = { ...input.selection, topK: input.selection.topK ?? (input.selection.method === 'welch-fdr' ? null : topK) };
  const selected = {
    knowledge: selectNeurons(stats, sets.knowledge, sets.safety, 'knowledge', selection),
    safety: selectNeurons(stats, sets.safety, sets.knowledge, 'safety', selection),
  };
  const responsiveK = selection.topK ?? topK;
  const responsive = Object.fromEntries(
    neuronSets.map((set) => [set, statisticOf(stats, sets[set], selection.statistic).map((row) => topIndices(row, responsiveK).indices)]),
  ) as Record<NeuronSet, number[][]>;
  const analysis: NeuronAnalysis = {
    format: NEURON_ANALYSIS_FORMAT,
    model: input.model,
    dataset: dataset.ref,
    backend: input.backend,
    layers: stats.layers,
    neurons: stats.neurons,
    ...(stats.threshold !== undefined ? { threshold: stats.threshold } : {}),
    selection,
    seed: input.seed,
    sets: Object.fromEntries(
      neuronSets.map((set) => {
        const mine = kept.filter((group) => group.set === set);
        return [
          set,
          {
            prompts: sets[set].prompts,
            tokens: sets[set].tokens,
            countries: [...new Set(mine.map((group) => group.country))].sort(),
            languages: [...new Set(mine.map((group) => group.language))].sort(),
          },
        ];
      }),
    ) as NeuronAnalysis['sets'],
    selected,
    responsive,
    overlap: { responsive: layerOverlap(responsive.knowledge, responsive.safety), selected: layerOverlap(selected.knowledge.layers, selected.safety.layers) },
    countries: countrySpecificity(stats, kept, selection.statistic, responsiveK),
    distributions: layerDistributions(stats, sets, selection.statistic),
    createdAt: new Date().toISOString(),
  };
  if (input.run) analysis.correlation = { run: input.run, groups: runCorrelation(input.run) };
  if (input.intervention) {
    const baseGguf = await ggufOf(input.python, input.model, workDir);
    // With --limit, the intervention evaluates the same sample of items as the statistics.
    let evaluated = input.dataset;
    if (input.limitPerGroup !== null) {
      evaluated = join(workDir, 'items.jsonl');
      writeFileAtomic(evaluated, `${items.map((item) => JSON.stringify(item)).join('\n')}\n`);
    }
    analysis.intervention = await runIntervention({
      python: input.python,
      baseGguf,
      dataset: evaluated,
      selections: selected,
      neurons: stats.neurons,
      seed: input.seed,
      workDir,
      registry: input.registry,
      onProgress: input.onProgress,
      onWarning: input.onWarning,
      ...input.intervention,
      options: { ...input.intervention.options, mcqMethod: input.render.mcqMethod, shuffleSeed: input.render.shuffleSeed },
    });
  }
  writeFileAtomic(join(input.outDir, 'neurons.json'), `${JSON.stringify(analysis, null, 2)}\n`);
  return analysis;
}

/** The groups of one set summed; an `InputError` when the backend kept none of them. */
function setGroup(stats: NeuronStats, groups: readonly { key: string; set: NeuronSet }[], set: NeuronSet): GroupStats {
  const keys = new Set(groups.filter((group) => group.set === set).map((group) => group.key));
  const mine = stats.groups.filter((group) => keys.has(group.key));
  if (mine.length === 0) throw new InputError(`no ${set} prompts left to analyse`);
  return sumGroups(stats, mine, set);
}

/** The knowledge–safety correlation (per country) of a run folder's results.jsonl. */
export function runCorrelation(run: string): KnowledgeSafetyGroup[] {
  const file = existsSync(run) && statSync(run).isDirectory() ? join(run, 'results.jsonl') : run;
  if (!existsSync(file)) throw new InputError(`--run ${run}: no results.jsonl (give the --out folder of culturekit eval)`);
  return knowledgeSafetyCorrelation(readResultsFile(file), { level: 'country' });
}
