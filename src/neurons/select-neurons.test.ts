import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jaccard, layerOverlap } from './neuron-overlap.js';
import type { GroupStats, NeuronStats } from './neuron-stats.js';
import { benjaminiHochberg, randomNeurons, selectNeurons, topIndices, welchTests } from './select-neurons.js';

/** A group from per-prompt token values: values[prompt][layer][neuron] = the neuron's values over the prompt's tokens. */
function groupFrom(key: string, values: number[][][][]): GroupStats {
  const layers = values[0].length;
  const neurons = values[0][0].length;
  const zero = () => Array.from({ length: layers }, () => new Float64Array(neurons));
  const stats = { sum: zero(), sum2: zero(), active: zero(), promptSum: zero(), promptSum2: zero() };
  let tokens = 0;
  for (const prompt of values) {
    tokens += prompt[0][0].length;
    for (let layer = 0; layer < layers; layer++) {
      for (let neuron = 0; neuron < neurons; neuron++) {
        const xs = prompt[layer][neuron];
        const mean = xs.reduce((sum, x) => sum + x, 0) / xs.length;
        stats.sum[layer][neuron] += xs.reduce((sum, x) => sum + x, 0);
        stats.sum2[layer][neuron] += xs.reduce((sum, x) => sum + x * x, 0);
        stats.active[layer][neuron] += xs.filter((x) => x > 0).length;
        stats.promptSum[layer][neuron] += mean;
        stats.promptSum2[layer][neuron] += mean * mean;
      }
    }
  }
  return { key, prompts: values.length, tokens, stats };
}

const STATS = (groups: GroupStats[]): NeuronStats => ({
  backend: 'hooks',
  layers: 1,
  neurons: 4,
  threshold: 0,
  available: ['sum', 'sum2', 'active', 'promptSum', 'promptSum2'],
  groups,
});

// One layer, four neurons, three tokens per prompt. Neuron 1 fires only on set A, neuron 3 only on set B, neurons 0 and 2 on both.
const A = groupFrom('knowledge|JP|en', [
  [
    [
      [1, 0.5, 2],
      [3, 2.5, 4],
      [-1, 1, 0.5],
      [0, 0, 0],
    ],
  ],
  [
    [
      [2, 1, 0.5],
      [2, 3, 3.5],
      [1, -1, 0.5],
      [0, 0, 0],
    ],
  ],
  [
    [
      [0.5, 1, 1],
      [4, 3, 2],
      [0.5, 0.5, -1],
      [0, 0, 0],
    ],
  ],
]);
const B = groupFrom('safety|JP|en', [
  [
    [
      [1, 1, 1],
      [0, 0, 0],
      [0.5, -1, 1],
      [2, 3, 2],
    ],
  ],
  [
    [
      [2, 0.5, 1],
      [0, 0, 0],
      [1, 0.5, -0.5],
      [3, 3, 4],
    ],
  ],
  [
    [
      [1, 1.5, 0.5],
      [0, 0, 0],
      [-1, 1, 1],
      [2.5, 2, 3],
    ],
  ],
]);

describe('neuron selection', () => {
  it('Benjamini–Hochberg matches the reference q-values (R p.adjust(method = "BH"))', () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
    assert.deepEqual(
      q.map((value) => Number(value.toFixed(10))),
      [0.02, 0.04, 0.04, 0.02],
    );
  });
  it("Welch's t from the per-prompt sums equals the direct formula", () => {
    const { t, p } = welchTests(STATS([A, B]), A, B);
    // neuron 0: prompt means A = [7/6, 7/6, 5/6], B = [1, 7/6, 1]
    const a = [3.5 / 3, 3.5 / 3, 2.5 / 3];
    const b = [1, 3.5 / 3, 1];
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = (xs: number[]) => xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1);
    const expected = (mean(a) - mean(b)) / Math.sqrt(variance(a) / 3 + variance(b) / 3);
    assert.ok(Math.abs(t[0][0] - expected) < 1e-12, `${t[0][0]} vs ${expected}`);
    assert.ok(p[0][0] > 0.05 && p[0][0] <= 1);
    assert.ok(t[0][1] > 5 && p[0][1] < 0.01, `neuron 1: t ${t[0][1]}, p ${p[0][1]}`);
  });
  it('ratio, welch-fdr and top find the neurons each set fires', () => {
    const stats = STATS([A, B]);
    for (const method of ['ratio', 'welch-fdr'] as const) {
      const options = { method, statistic: 'frequency' as const, topK: 1, fdr: 0.05 };
      assert.deepEqual(selectNeurons(stats, A, B, 'knowledge', options).layers, [[1]], method);
      assert.deepEqual(selectNeurons(stats, B, A, 'safety', options).layers, [[3]], method);
    }
    const top = selectNeurons(stats, A, B, 'knowledge', { method: 'top', statistic: 'energy', topK: 2, fdr: 0.05 });
    assert.deepEqual(top.layers, [[0, 1]]);
    assert.throws(() => selectNeurons(stats, A, B, 'knowledge', { method: 'ratio', statistic: 'mean', topK: 1, fdr: 0.05 }), /never negative/);
  });
  it('an imatrix statistics file has energy only: frequency and welch-fdr say which backend they need', () => {
    const energyOnly: NeuronStats = { ...STATS([A, B]), backend: 'imatrix', available: ['sum2'] };
    const strip = (group: GroupStats): GroupStats => ({ ...group, stats: { sum2: group.stats.sum2 } });
    assert.throws(
      () => selectNeurons(energyOnly, strip(A), strip(B), 'knowledge', { method: 'ratio', statistic: 'frequency', topK: 1, fdr: 0.05 }),
      /--backend hooks/,
    );
    assert.deepEqual(selectNeurons(energyOnly, strip(A), strip(B), 'knowledge', { method: 'ratio', statistic: 'energy', topK: 1, fdr: 0.05 }).layers, [[1]]);
  });
  it('ties go to the lower index; random controls are seeded, the same size per layer, and avoid the selection', () => {
    assert.deepEqual(topIndices([1, 3, 3, 0, 3], 2).indices, [1, 2]);
    const like = { set: 'knowledge' as const, layers: [[1, 5], [7]], scores: [[0, 0], [0]], total: 3 };
    const first = randomNeurons(like, 16, 42, 1);
    assert.deepEqual(first, randomNeurons(like, 16, 42, 1));
    assert.notDeepEqual(first, randomNeurons(like, 16, 43, 1));
    assert.notDeepEqual(first, randomNeurons(like, 16, 42, 2));
    assert.deepEqual(
      first.map((layer) => layer.length),
      [2, 1],
    );
    assert.ok(!first[0].includes(1) && !first[0].includes(5) && !first[1].includes(7));
  });
  it('Jaccard per layer and overall', () => {
    assert.equal(jaccard([1, 2, 3], [2, 3, 4]), 0.5);
    assert.equal(jaccard([], []), 0);
    assert.deepEqual(
      layerOverlap(
        [
          [1, 2],
          [3, 4],
        ],
        [[1, 2], [5]],
      ),
      { perLayer: [1, 0], overall: 0.4 },
    );
  });
});
