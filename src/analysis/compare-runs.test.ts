import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareRuns } from './compare-runs.js';
import { mcnemarExact, wilcoxonSignedRank } from '../statistics/paired-tests.js';
import type { MetricRow } from './row-fields.js';

function row(model: string, condition: string, itemId: string, country: string, accuracy: number, respectfulness: number): MetricRow {
  return { model, condition, itemId, country, kind: 'knowledge', metrics: { accuracy, respectfulness } };
}

// plain → grounded, per item: (accuracy, respectfulness)
const plain = [
  row('a', 'plain', 'i1', 'JP', 1, 7),
  row('a', 'plain', 'i2', 'JP', 1, 8),
  row('a', 'plain', 'i3', 'JP', 0, 3),
  row('a', 'plain', 'i4', 'BR', 0, 5),
  row('a', 'plain', 'i5', 'BR', 0, 6),
  row('a', 'plain', 'i6', 'BR', 1, 9),
  row('a', 'plain', 'i7', 'BR', 1, 9),
  row('b', 'plain', 'i1', 'JP', 0, 2),
];
const grounded = [
  row('a', 'grounded', 'i1', 'JP', 1, 8),
  row('a', 'grounded', 'i2', 'JP', 0, 6),
  row('a', 'grounded', 'i3', 'JP', 1, 7),
  row('a', 'grounded', 'i4', 'BR', 1, 9),
  row('a', 'grounded', 'i5', 'BR', 0, 6),
  row('a', 'grounded', 'i6', 'BR', 1, 10),
  row('a', 'grounded', 'i8', 'BR', 1, 9),
  row('b', 'grounded', 'i1', 'JP', 1, 5),
];

test('plain vs grounded, paired by item and model: differences, McNemar, flips (hand-computed)', () => {
  const comparison = compareRuns(plain, grounded, { matchOn: ['model'], by: ['country'], bootstrap: { seed: 1 } });
  assert.equal(comparison.pairs, 7);
  assert.deepEqual(comparison.unmatched, { base: 1, other: 1 });
  assert.deepEqual(
    comparison.metrics.map((metric) => metric.metric),
    ['accuracy', 'respectfulness'],
  );
  const accuracy = comparison.metrics[0];
  assert.equal(accuracy.binary, true);
  const { overall } = accuracy;
  assert.equal(overall.n, 7);
  assert.ok(Math.abs(overall.base - 3 / 7) < 1e-12 && Math.abs(overall.other - 5 / 7) < 1e-12);
  assert.ok(Math.abs(overall.difference - 2 / 7) < 1e-12);
  assert.ok(Math.abs(overall.relativeDifference - 2 / 3) < 1e-12);
  assert.ok(overall.ci95[0] <= overall.difference && overall.difference <= overall.ci95[1]);
  // 1 item only the plain prompt got right (i2), 3 only the grounded one did (i3, i4, b's i1): p = 2 · 5/16.
  assert.deepEqual(overall.test, { name: 'mcnemar-exact', onlyBase: 1, onlyOther: 3, p: 0.625 });
  assert.equal(overall.test.p, mcnemarExact(1, 3).p);
  assert.deepEqual(accuracy.flips, {
    rightToWrong: [{ country: 'JP', itemId: 'i2', model: 'a' }],
    wrongToRight: [
      { country: 'JP', itemId: 'i3', model: 'a' },
      { country: 'BR', itemId: 'i4', model: 'a' },
      { country: 'JP', itemId: 'i1', model: 'b' },
    ],
  });
  assert.deepEqual(
    accuracy.groups.map((cell) => [cell.key, cell.n, cell.base, cell.other]),
    [
      [{ country: 'BR' }, 3, 1 / 3, 2 / 3],
      [{ country: 'JP' }, 4, 0.5, 0.75],
    ],
  );
});

test('graded metrics get the Wilcoxon signed-rank test and no flips', () => {
  const comparison = compareRuns(plain, grounded, { matchOn: ['model'], metrics: ['respectfulness'] });
  const [respectfulness] = comparison.metrics;
  assert.equal(respectfulness.binary, false);
  assert.equal(respectfulness.flips, undefined);
  const base = [7, 8, 3, 5, 6, 9, 2];
  const other = [8, 6, 7, 9, 6, 10, 5];
  const expected = wilcoxonSignedRank(base, other);
  assert.equal(expected.method, 'permutation');
  assert.deepEqual(respectfulness.overall.test, { name: 'wilcoxon-signed-rank', statistic: expected.statistic, p: expected.p, method: expected.method });
  assert.ok(Math.abs(respectfulness.overall.difference - (other.reduce((a, b) => a + b) - base.reduce((a, b) => a + b)) / 7) < 1e-12);
  assert.deepEqual(respectfulness.groups, []);
});

test('pairing needs a unique key per side', () => {
  assert.throws(() => compareRuns(plain, grounded), /same pair key \(itemId=i1\); add the field/);
  const relative = compareRuns([row('a', 'p', 'x', 'JP', 0, 1)], [row('a', 'g', 'x', 'JP', 1, 1)]);
  assert.ok(Number.isNaN(relative.metrics[0].overall.relativeDifference), 'no relative change from a zero base');
  assert.equal(relative.metrics[1].overall.test.p, 1, 'no difference at all');
});
