import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { evaluate } from '../eval/evaluate.js';
import type { BenchmarkRegistry } from '../benchmarks/registry.js';
import { pythonScript, runPython } from '../python/python-env.js';
import type { ModelEntry, RunOptions } from '../schema/manifest.js';
import type { ResultRow } from '../schema/result.js';
import { pairedBootstrapDifference, type BootstrapEstimate } from '../statistics/bootstrap.js';
import { readResultsFile } from '../store/read-result-rows.js';
import { neuronSets, type NeuronSet } from './prompt-sets.js';
import { randomNeurons, type NeuronSelection } from './select-neurons.js';

/** Copies a GGUF once per copy with the given FFN neurons switched off (their `ffn_down` columns zeroed), in one Python run. */
export async function zeroNeuronsInGguf(options: {
  python: string;
  base: string;
  copies: readonly { out: string; layers: readonly number[][] }[];
}): Promise<void> {
  const jobs: string[] = [];
  for (const copy of options.copies) {
    const plan = `${copy.out}.neurons.json`;
    await writeFile(plan, JSON.stringify(Object.fromEntries(copy.layers.map((neurons, layer) => [String(layer), neurons]))));
    jobs.push(`${copy.out}=${plan}`);
  }
  await runPython(pythonScript('neurons_gguf.py'), ['zero', '--in', options.base, ...jobs], { python: options.python });
}

export interface InterventionInput {
  python: string;
  /** The model as a GGUF (what `llama:<file>` evaluates). */
  baseGguf: string;
  /** Dataset reference, evaluated by the engine (`src/eval`) for every variant. */
  dataset: string;
  selections: Record<NeuronSet, NeuronSelection>;
  /** FFN neurons per layer (to draw random ones from). */
  neurons: number;
  /** Random controls per set, each as many neurons per layer as the selection. */
  randomDraws: number;
  seed: number;
  workDir: string;
  dbPath: string;
  /** Run options for the evaluation (kinds are set to knowledge and safety). */
  options: Partial<RunOptions>;
  /** Judges for open safety answers; without them safety is measured by how many answers changed. */
  judges?: ModelEntry[];
  knowledgeMetric: string;
  safetyMetric: string;
  registry?: BenchmarkRegistry;
  onProgress?: (message: string) => void;
  onWarning?: (message: string) => void;
}

/** One measurement: zeroing one set's neurons, measured on one kind of item. */
export interface InterventionRow {
  /** Whose neurons were zeroed. */
  zeroed: NeuronSet;
  neurons: number;
  /** Which items were measured. */
  measured: NeuronSet;
  /** The metric (`unchanged`: share of answers identical to the unmodified model's, when the items have no metric, e.g. open safety answers without a judge). */
  metric: string;
  items: number;
  base: number;
  selected: number;
  /** Mean over the random draws. */
  random: number;
  /** base − selected, paired over items, 95% bootstrap interval. */
  drop: BootstrapEstimate;
  /** base − random (the random draws averaged per item). */
  randomDrop: BootstrapEstimate;
  /** random − selected: how much more the selected neurons matter than as many random ones. */
  excess: BootstrapEstimate;
  /** Share of answers that differ from the unmodified model's, selected and random. */
  changedSelected: number;
  changedRandom: number;
}

export interface InterventionResult {
  runDir: string;
  variants: { name: string; spec: string; zeroed: number }[];
  rows: InterventionRow[];
}

/**
 * The intervention check: GGUF copies of the model with each set's selected neurons zeroed, and with as many random
 * neurons zeroed (seeded draws), evaluated with the engine next to the unmodified model in one run; per set zeroed and
 * kind measured, the drop with its paired 95% bootstrap interval against the drop from the random neurons.
 */
export async function runIntervention(input: InterventionInput): Promise<InterventionResult> {
  const variants: { name: string; spec: string; zeroed: number; set?: NeuronSet; random?: number }[] = [
    { name: 'base', spec: `llama:${resolve(input.baseGguf)}`, zeroed: 0 },
  ];
  const copies: { out: string; layers: number[][] }[] = [];
  for (const set of neuronSets) {
    const selection = input.selections[set];
    const layerSets: { name: string; layers: number[][]; random?: number }[] = [{ name: `zero-${set}`, layers: selection.layers }];
    for (let draw = 1; draw <= input.randomDraws; draw++)
      layerSets.push({ name: `random-${set}-${draw}`, layers: randomNeurons(selection, input.neurons, input.seed, draw), random: draw });
    for (const { name, layers, random } of layerSets) {
      const out = join(input.workDir, `${name}.gguf`);
      copies.push({ out, layers });
      variants.push({ name, spec: `llama:${resolve(out)}`, zeroed: selection.total, set, ...(random ? { random } : {}) });
    }
  }
  input.onProgress?.(`intervention: writing ${copies.length} GGUF copies with neurons zeroed`);
  await zeroNeuronsInGguf({ python: input.python, base: input.baseGguf, copies });
  // A fresh run each time: the copies keep their names when the selection changes, and a run folder would resume.
  const runDir = join(input.workDir, 'intervention-run');
  await rm(runDir, { recursive: true, force: true });
  const output = await evaluate({
    dataset: input.dataset,
    models: variants.map((variant) => ({ spec: variant.spec })),
    judges: input.judges,
    options: { ...input.options, kinds: ['knowledge', 'safety'] },
    dbPath: input.dbPath,
    outDir: runDir,
    registry: input.registry,
    onWarning: input.onWarning,
    onProgress: (progress) => {
      // about every tenth of the run
      const step = Math.max(1, Math.ceil(progress.total / 10));
      if (progress.done % step === 0 || progress.done === progress.total) input.onProgress?.(`intervention: ${progress.done}/${progress.total} answers`);
    },
  });
  const rows = readResultsFile(join(output.outDir, 'results.jsonl'));
  const bySpec = new Map<string, Map<string, ResultRow>>();
  for (const row of rows) {
    let items = bySpec.get(row.model);
    if (!items) bySpec.set(row.model, (items = new Map()));
    items.set(row.itemId, row);
  }
  const table: InterventionRow[] = [];
  const base = bySpec.get(variants[0].spec) ?? new Map<string, ResultRow>();
  for (const zeroed of neuronSets) {
    const selected = bySpec.get(variants.find((variant) => variant.name === `zero-${zeroed}`)!.spec) ?? new Map<string, ResultRow>();
    const randoms = variants
      .filter((variant) => variant.set === zeroed && variant.random)
      .map((variant) => bySpec.get(variant.spec) ?? new Map<string, ResultRow>());
    for (const measured of neuronSets) {
      const metric = measured === 'knowledge' ? input.knowledgeMetric : input.safetyMetric;
      const row = measure(zeroed, measured, metric, base, selected, randoms, input.seed, input.selections[zeroed].total);
      if (row) table.push(row);
    }
  }
  return { runDir: output.outDir, variants: variants.map(({ name, spec, zeroed }) => ({ name, spec, zeroed })), rows: table };
}

function metricOf(row: ResultRow | undefined, metric: string): number | undefined {
  const value = row?.metrics[metric];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** 1 when the answer (reply text and the choice read from it) differs from the unmodified model's. */
function changed(a: ResultRow | undefined, b: ResultRow | undefined): number {
  return a?.response === b?.response && a?.extracted === b?.extracted ? 0 : 1;
}

function measure(
  zeroed: NeuronSet,
  measured: NeuronSet,
  wanted: string,
  base: Map<string, ResultRow>,
  selected: Map<string, ResultRow>,
  randoms: Map<string, ResultRow>[],
  seed: number,
  neurons: number,
): InterventionRow | undefined {
  const ids = [...base.keys()].filter((id) => base.get(id)!.kind === measured).sort();
  if (ids.length === 0) return undefined;
  // Without the metric on any base row (open safety answers with no judge): the share of answers left as they were
  // (1 for the unmodified model), so its drop is the share that changed.
  const metric = ids.some((id) => metricOf(base.get(id), wanted) !== undefined) ? wanted : 'unchanged';
  const value = (row: ResultRow | undefined, id: string) => (metric === 'unchanged' ? 1 - changed(row, base.get(id)) : metricOf(row, metric));
  const baseValues: number[] = [];
  const selectedValues: number[] = [];
  const randomValues: number[] = [];
  let changedSelected = 0;
  let changedRandom = 0;
  for (const id of ids) {
    const b = value(base.get(id), id);
    const s = value(selected.get(id), id);
    const r = randoms.map((random) => value(random.get(id), id));
    if (b === undefined || s === undefined || r.some((entry) => entry === undefined)) continue;
    baseValues.push(b);
    selectedValues.push(s);
    randomValues.push((r as number[]).reduce((sum, entry) => sum + entry, 0) / Math.max(1, r.length));
    changedSelected += changed(selected.get(id), base.get(id));
    changedRandom += randoms.reduce((sum, random) => sum + changed(random.get(id), base.get(id)), 0) / Math.max(1, randoms.length);
  }
  if (baseValues.length === 0) return undefined;
  const mean = (values: number[]) => values.reduce((sum, entry) => sum + entry, 0) / values.length;
  const options = { seed };
  return {
    zeroed,
    neurons,
    measured,
    metric,
    items: baseValues.length,
    base: mean(baseValues),
    selected: mean(selectedValues),
    random: mean(randomValues),
    drop: pairedBootstrapDifference(selectedValues, baseValues, options),
    randomDrop: pairedBootstrapDifference(randomValues, baseValues, options),
    excess: pairedBootstrapDifference(selectedValues, randomValues, options),
    changedSelected: changedSelected / baseValues.length,
    changedRandom: changedRandom / baseValues.length,
  };
}
