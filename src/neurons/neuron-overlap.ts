import { sortedQuantile } from '../statistics/quantile.js';
import { type GroupStats, type NeuronStats, sumGroups } from './neuron-stats.js';
import { type PromptGroup, neuronSets, type NeuronSet } from './prompt-sets.js';
import { statisticOf, topIndices, type SelectionStatistic } from './select-neurons.js';

/** |A ∩ B| / |A ∪ B|, and 0 when both are empty. */
export function jaccard(a: readonly number[], b: readonly number[]): number {
  const left = new Set(a);
  let shared = 0;
  for (const value of new Set(b)) if (left.has(value)) shared++;
  const union = left.size + new Set(b).size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Jaccard per layer and over all layers (neurons named `layer:index`). */
export function layerOverlap(a: readonly number[][], b: readonly number[][]): { perLayer: number[]; overall: number } {
  const perLayer = a.map((layer, index) => jaccard(layer, b[index] ?? []));
  const flat = (layers: readonly number[][]) => layers.flatMap((layer, index) => layer.map((neuron) => index * 1e9 + neuron));
  return { perLayer, overall: jaccard(flat(a), flat(b)) };
}

/** One set of one country: its most responsive neurons, and how much they are its own. */
export interface CountrySpecificity {
  set: NeuronSet;
  country: string;
  prompts: number;
  tokens: number;
  /** Share of its top-k neurons (all layers) that no other country of the same set has in its top-k. */
  uniqueShare: number;
  /** Mean Jaccard (all layers) of its top-k neurons with each other country's of the same set. */
  meanJaccard: number;
}

/**
 * Per country (groups summed over languages), per set: the top-k neurons per layer by the statistic, compared with
 * the other countries' of the same set. Countries missing from a set are absent; a set with one country is skipped.
 */
export function countrySpecificity(stats: NeuronStats, groups: readonly PromptGroup[], statistic: SelectionStatistic, topK: number): CountrySpecificity[] {
  const result: CountrySpecificity[] = [];
  for (const set of neuronSets) {
    const countries = [...new Set(groups.filter((group) => group.set === set).map((group) => group.country))].sort();
    if (countries.length < 2) continue;
    const chosen = countries.map((country) => {
      const keys = new Set(groups.filter((group) => group.set === set && group.country === country).map((group) => group.key));
      const summed = sumGroups(
        stats,
        stats.groups.filter((group) => keys.has(group.key)),
        `${set}|${country}`,
      );
      const layers = statisticOf(stats, summed, statistic).map((row) => topIndices(row, topK).indices);
      return { country, summed, flat: layers.flatMap((layer, index) => layer.map((neuron) => index * 1e9 + neuron)) };
    });
    for (const [index, entry] of chosen.entries()) {
      const others = chosen.filter((_, other) => other !== index);
      const elsewhere = new Set(others.flatMap((other) => other.flat));
      const unique = entry.flat.filter((neuron) => !elsewhere.has(neuron)).length;
      result.push({
        set,
        country: entry.country,
        prompts: entry.summed.prompts,
        tokens: entry.summed.tokens,
        uniqueShare: entry.flat.length === 0 ? 0 : unique / entry.flat.length,
        meanJaccard: others.reduce((sum, other) => sum + jaccard(entry.flat, other.flat), 0) / others.length,
      });
    }
  }
  return result;
}

/** The distribution of a statistic over one layer's neurons for one set. */
export interface LayerDistribution {
  set: NeuronSet;
  layer: number;
  mean: number;
  median: number;
  p90: number;
  p99: number;
  max: number;
}

/** Per set and layer: the mean, median, 90th and 99th percentiles and maximum of the per-neuron statistic. */
export function layerDistributions(stats: NeuronStats, sets: Record<NeuronSet, GroupStats>, statistic: SelectionStatistic): LayerDistribution[] {
  const result: LayerDistribution[] = [];
  for (const set of neuronSets) {
    for (const [layer, row] of statisticOf(stats, sets[set], statistic).entries()) {
      const sorted = Float64Array.from(row).sort();
      result.push({
        set,
        layer,
        mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
        median: sortedQuantile(sorted, 0.5),
        p90: sortedQuantile(sorted, 0.9),
        p99: sortedQuantile(sorted, 0.99),
        max: sorted[sorted.length - 1],
      });
    }
  }
  return result;
}
