import { InputError } from '../errors/culturekit-error.js';
import { studentTCdf } from '../statistics/distributions.js';
import { hashToSeed, seededPermutation } from '../util/seeded-random.js';
import { type GroupStats, type NeuronStats, requireStat } from './neuron-stats.js';
import type { NeuronSet } from './prompt-sets.js';

/**
 * - `ratio`: the neurons whose statistic is highest relative to the other set: log((v_set + ε) / (v_other + ε)),
 *   top-k per layer among those above 0 (frequency: Laplace-smoothed, (active + 1) / (tokens + 2); the
 *   activation-probability ratio of the language-specific-neuron literature, with two sets);
 * - `welch-fdr`: activation difference with a significance test: Welch's t-test of the per-prompt mean value between
 *   the two sets, one test per neuron, Benjamini–Hochberg over all layers and neurons at `fdr`; a set gets the
 *   significant neurons more active on it, the top-k per layer by the difference of means when `topK` is set (with
 *   thousands of prompts nearly every neuron differs significantly; the difference ranks them). Needs the hooks
 *   backend (per-prompt sums);
 * - `top`: the k neurons per layer with the highest statistic on the set itself (responsive, not specific: the two
 *   sets' choices may overlap, which is what the overlap measures).
 */
export const selectionMethods = ['ratio', 'welch-fdr', 'top'] as const;
export type SelectionMethod = (typeof selectionMethods)[number];

/** `frequency`: share of tokens with act(gate) above the threshold; `energy`: mean squared value per token; `mean`: mean value per token. */
export const selectionStatistics = ['frequency', 'energy', 'mean'] as const;
export type SelectionStatistic = (typeof selectionStatistics)[number];

export interface SelectionOptions {
  method: SelectionMethod;
  statistic: SelectionStatistic;
  /** Neurons per layer (a cap for `welch-fdr`; null: no cap there). */
  topK: number | null;
  /** False-discovery rate of `welch-fdr`. */
  fdr: number;
}

/** The chosen neurons of one set: `layers[layer]` = neuron indices, ascending. */
export interface NeuronSelection {
  set: NeuronSet;
  layers: number[][];
  /** The score each chosen neuron was ranked by (log ratio, difference of per-prompt means, or the statistic), same order as `layers`. */
  scores: number[][];
  total: number;
}

/** The per-token statistic of a group, per layer. */
export function statisticOf(stats: NeuronStats, group: GroupStats, statistic: SelectionStatistic): Float64Array[] {
  if (group.tokens === 0) throw new InputError(`group ${group.key} has no tokens`);
  if (statistic === 'frequency') {
    const active = requireStat(stats, group, 'active');
    return active.map((row) => row.map((value) => (value + 1) / (group.tokens + 2)));
  }
  const source = requireStat(stats, group, statistic === 'energy' ? 'sum2' : 'sum');
  return source.map((row) => row.map((value) => value / group.tokens));
}

/** The indices of the `k` largest scores among those `eligible`, ties by index; with their scores. */
export function topIndices(
  scores: ArrayLike<number>,
  k: number | null,
  eligible: (index: number) => boolean = () => true,
): { indices: number[]; scores: number[] } {
  const candidates: number[] = [];
  for (let index = 0; index < scores.length; index++) if (eligible(index) && !Number.isNaN(scores[index])) candidates.push(index);
  candidates.sort((a, b) => scores[b] - scores[a] || a - b);
  const chosen = k === null ? candidates : candidates.slice(0, k);
  const indices = [...chosen].sort((a, b) => a - b);
  return { indices, scores: indices.map((index) => scores[index]) };
}

/**
 * The neurons of `set` by the method (see {@link selectionMethods}), comparing the group `own` with `other`.
 * Deterministic: ties go to the lower index.
 *
 * @example
 * const knowledge = selectNeurons(stats, knowledgeGroup, safetyGroup, 'knowledge', { method: 'ratio', statistic: 'frequency', topK: 10, fdr: 0.05 });
 * knowledge.layers[0] // [5, 17, …]
 */
export function selectNeurons(stats: NeuronStats, own: GroupStats, other: GroupStats, set: NeuronSet, options: SelectionOptions): NeuronSelection {
  if (options.method !== 'welch-fdr' && options.topK === null) throw new InputError(`--method ${options.method} needs --top-k`);
  let perLayer: { indices: number[]; scores: number[] }[];
  if (options.method === 'top') {
    perLayer = statisticOf(stats, own, options.statistic).map((row) => topIndices(row, options.topK));
  } else if (options.method === 'ratio') {
    if (options.statistic === 'mean') throw new InputError('--method ratio needs a statistic that is never negative: frequency or energy');
    const mine = statisticOf(stats, own, options.statistic);
    const theirs = statisticOf(stats, other, options.statistic);
    const epsilon = 1e-12;
    perLayer = mine.map((row, layer) => {
      const scores = row.map((value, neuron) => Math.log((value + epsilon) / (theirs[layer][neuron] + epsilon)));
      return topIndices(scores, options.topK, (neuron) => scores[neuron] > 0);
    });
  } else {
    const tests = welchTests(stats, own, other);
    const q = benjaminiHochberg(tests.p.flatMap((row) => [...row]));
    perLayer = tests.difference.map((row, layer) =>
      topIndices(row, options.topK, (neuron) => row[neuron] > 0 && q[layer * stats.neurons + neuron] <= options.fdr),
    );
  }
  return {
    set,
    layers: perLayer.map((chosen) => chosen.indices),
    scores: perLayer.map((chosen) => chosen.scores),
    total: perLayer.reduce((sum, chosen) => sum + chosen.indices.length, 0),
  };
}

/** Welch's t (own − other), its two-sided p and the difference of the per-prompt means, for every neuron, from the per-prompt sums. */
export function welchTests(stats: NeuronStats, own: GroupStats, other: GroupStats): { t: Float64Array[]; p: Float64Array[]; difference: Float64Array[] } {
  const a = { n: own.prompts, sum: requireStat(stats, own, 'promptSum'), sum2: requireStat(stats, own, 'promptSum2') };
  const b = { n: other.prompts, sum: requireStat(stats, other, 'promptSum'), sum2: requireStat(stats, other, 'promptSum2') };
  if (a.n < 2 || b.n < 2) throw new InputError(`--method welch-fdr needs at least 2 prompts per set (${own.key}: ${a.n}, ${other.key}: ${b.n})`);
  const t = Array.from({ length: stats.layers }, () => new Float64Array(stats.neurons));
  const p = Array.from({ length: stats.layers }, () => new Float64Array(stats.neurons));
  const differences = Array.from({ length: stats.layers }, () => new Float64Array(stats.neurons));
  for (let layer = 0; layer < stats.layers; layer++) {
    for (let neuron = 0; neuron < stats.neurons; neuron++) {
      const meanA = a.sum[layer][neuron] / a.n;
      const meanB = b.sum[layer][neuron] / b.n;
      const varA = Math.max(0, (a.sum2[layer][neuron] - a.n * meanA * meanA) / (a.n - 1)) / a.n;
      const varB = Math.max(0, (b.sum2[layer][neuron] - b.n * meanB * meanB) / (b.n - 1)) / b.n;
      const difference = meanA - meanB;
      differences[layer][neuron] = difference;
      const se = Math.sqrt(varA + varB);
      const scale = Math.max(Math.abs(meanA), Math.abs(meanB), 1e-300);
      if (se <= 1e-12 * scale) {
        t[layer][neuron] = difference === 0 ? 0 : Math.sign(difference) * Number.POSITIVE_INFINITY;
        p[layer][neuron] = difference === 0 ? 1 : 0;
        continue;
      }
      const degrees = (varA + varB) ** 2 / ((varA * varA) / (a.n - 1) + (varB * varB) / (b.n - 1));
      t[layer][neuron] = difference / se;
      p[layer][neuron] = Math.min(1, 2 * studentTCdf(-Math.abs(difference / se), degrees));
    }
  }
  return { t, p, difference: differences };
}

/** Benjamini–Hochberg adjusted p-values (q-values), in the input's order. */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const order = p.map((_, index) => index).sort((a, b) => p[a] - p[b] || a - b);
  const q = new Array<number>(p.length);
  let running = 1;
  for (let rank = order.length; rank >= 1; rank--) {
    const index = order[rank - 1];
    running = Math.min(running, (p[index] * order.length) / rank);
    q[index] = running;
  }
  return q;
}

/**
 * As many random neurons per layer as `like` has, drawn from those it does not hold, seeded: the control of the
 * intervention.
 */
export function randomNeurons(like: NeuronSelection, neurons: number, seed: number, draw: number): number[][] {
  return like.layers.map((chosen, layer) => {
    const taken = new Set(chosen);
    const order = seededPermutation(neurons, hashToSeed(`${seed}\u0000${like.set}\u0000${draw}\u0000${layer}`));
    return order
      .filter((neuron) => !taken.has(neuron))
      .slice(0, chosen.length)
      .sort((a, b) => a - b);
  });
}
