import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../util/seeded-random.js';
import { bootstrap, bootstrapMean, bootstrapMeanOfGroupMeans, pairedBootstrapDifference, percentileInterval } from './bootstrap.js';

test('the same seed gives the same interval; another seed a different one', () => {
  const values = [0.71, 0.33, 0.82, 0.97, 0.21, 0.74, 0.86, 1, 0.43, 0.63];
  const first = bootstrapMean(values, { seed: 42 });
  assert.deepEqual(bootstrapMean(values, { seed: 42 }), first);
  assert.notDeepEqual(bootstrapMean(values, { seed: 43 }).ci95, first.ci95);
  assert.ok(Math.abs(first.estimate - 0.67) < 1e-12);
  assert.equal(first.n, 10);
  assert.equal(first.samples, 2000);
  assert.ok(first.ci95[0] < 0.67 && 0.67 < first.ci95[1]);
});

test('the generic bootstrap agrees with the fast mean', () => {
  const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
  const mean = (sample: readonly number[]) => sample.reduce((a, b) => a + b, 0) / sample.length;
  const generic = bootstrap(values, mean, { seed: 9, samples: 500 });
  const fast = bootstrapMean(values, { seed: 9, samples: 500 });
  assert.ok(Math.abs(generic.estimate - fast.estimate) < 1e-12);
  assert.ok(Math.abs(generic.ci95[0] - fast.ci95[0]) < 1e-12 && Math.abs(generic.ci95[1] - fast.ci95[1]) < 1e-12);
});

test('percentile interval interpolates like numpy.percentile', () => {
  assert.deepEqual(percentileInterval(Float64Array.from([3, 1, 2])), [1.05, 2.95]);
  assert.ok(percentileInterval(new Float64Array()).every(Number.isNaN));
});

test('edge cases: no data, one value, constant data', () => {
  assert.ok(Number.isNaN(bootstrapMean([]).estimate));
  assert.deepEqual(bootstrapMean([0.4]).ci95, [0.4, 0.4]);
  assert.deepEqual(bootstrapMean([1, 1, 1]).ci95, [1, 1]);
  assert.throws(() => bootstrapMean([1], { samples: 0 }), RangeError);
  assert.throws(() => pairedBootstrapDifference([1], [1, 2]), RangeError);
});

test('macro bootstrap keeps each group: a group with no spread adds none', () => {
  const result = bootstrapMeanOfGroupMeans(
    [
      [1, 1, 1, 1],
      [0, 1],
    ],
    { seed: 1 },
  );
  assert.equal(result.estimate, 0.75);
  assert.equal(result.n, 6);
  // The first group always averages 1, the second 0, 0.5 or 1: replicates lie in {0.5, 0.75, 1}.
  assert.ok(result.ci95[0] >= 0.5 && result.ci95[1] <= 1);
});

test('paired bootstrap resamples pairs: a constant shift has a zero-width interval', () => {
  const base = [0.1, 0.5, 0.9, 0.3, 0.7];
  const shifted = base.map((value) => value + 0.2);
  const result = pairedBootstrapDifference(base, shifted, { seed: 3 });
  assert.ok(Math.abs(result.estimate - 0.2) < 1e-12);
  assert.ok(Math.abs(result.ci95[0] - 0.2) < 1e-12 && Math.abs(result.ci95[1] - 0.2) < 1e-12);
});

// 400 simulated samples from known distributions (fixed seeds: the test is deterministic). The share of 95% intervals
// that contain the true value must lie in 93–97%. Figures for more seeds are in docs/statistics.md.
test('seeded bootstrap 95% intervals cover a true proportion and a true mean 93–97% of the time', () => {
  const random = seededRandom(1);
  const scores = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const weights = [0.02, 0.03, 0.05, 0.05, 0.1, 0.1, 0.15, 0.2, 0.2, 0.1];
  const trueMean = scores.reduce((total, score, index) => total + score * weights[index], 0);
  const judgeScore = () => {
    let u = random();
    for (let index = 0; index < scores.length; index++) if ((u -= weights[index]) < 0) return scores[index];
    return 10;
  };
  const simulations = 400;
  let proportionCovered = 0;
  let meanCovered = 0;
  for (let simulation = 0; simulation < simulations; simulation++) {
    const answers = Array.from({ length: 100 }, () => (random() < 0.3 ? 1 : 0));
    const judged = Array.from({ length: 100 }, judgeScore);
    const proportion = bootstrapMean(answers, { seed: simulation }).ci95;
    const mean = bootstrapMean(judged, { seed: simulation }).ci95;
    if (proportion[0] <= 0.3 && 0.3 <= proportion[1]) proportionCovered++;
    if (mean[0] <= trueMean && trueMean <= mean[1]) meanCovered++;
  }
  for (const [name, covered] of [
    ['proportion', proportionCovered],
    ['mean', meanCovered],
  ] as const) {
    const coverage = covered / simulations;
    assert.ok(coverage >= 0.93 && coverage <= 0.97, `${name} coverage ${coverage}`);
  }
});
