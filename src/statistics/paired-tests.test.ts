import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { mcnemarExact, wilcoxonSignedRank } from './paired-tests.js';

// Reference values: scripts/compute-scipy-reference.py (scipy 1.17.1) → test/fixtures/scipy/reference.json.
const reference: {
  mcnemar: { onlyA: number; onlyB: number; p: number }[];
  wilcoxon: { name: string; x: number[]; y: number[]; statistic: number; p: number; method: string }[];
} = JSON.parse(readFileSync(new URL('../../test/fixtures/scipy/reference.json', import.meta.url), 'utf8'));

test('McNemar exact p is scipy binomtest(b, b + c, 0.5)', () => {
  for (const { onlyA, onlyB, p } of reference.mcnemar) {
    const result = mcnemarExact(onlyA, onlyB);
    assert.equal(result.discordant, onlyA + onlyB);
    assert.ok(Math.abs(result.p - p) < 1e-10, `(${onlyA}, ${onlyB}): ${result.p} vs ${p}`);
  }
  assert.deepEqual(mcnemarExact(0, 0), { discordant: 0, p: 1 });
  assert.throws(() => mcnemarExact(-1, 2), /non-negative integers/);
});

test('Wilcoxon signed-rank statistic and p match scipy.stats.wilcoxon defaults (exact, permutation, asymptotic)', () => {
  const methods = new Set<string>();
  for (const expected of reference.wilcoxon) {
    const result = wilcoxonSignedRank(expected.x, expected.y);
    assert.equal(result.method, expected.method, expected.name);
    methods.add(result.method);
    assert.ok(Math.abs(result.statistic - expected.statistic) < 1e-9, `${expected.name}: statistic ${result.statistic} vs ${expected.statistic}`);
    assert.ok(Math.abs(result.p - expected.p) < 1e-10, `${expected.name}: p ${result.p} vs ${expected.p}`);
  }
  assert.deepEqual([...methods].sort(), ['asymptotic', 'exact', 'permutation']);
});

test('Wilcoxon edge cases: no difference, a single non-zero difference, no pairs', () => {
  const same = wilcoxonSignedRank([1, 2, 3], [1, 2, 3]);
  assert.equal(same.reason, 'every difference is zero');
  assert.equal(same.p, 1); // scipy: 1.0
  assert.equal(wilcoxonSignedRank([1, 2, 3, 4], [1, 2, 3, 5]).p, 1); // scipy: 1.0 (permutation)
  const one = wilcoxonSignedRank([...Array(20).fill(0), 1], Array(21).fill(0));
  assert.equal(one.method, 'asymptotic');
  assert.ok(Math.abs(one.p - 0.31731050786291415) < 1e-12); // scipy
  assert.ok(Number.isNaN(wilcoxonSignedRank([], []).p));
  assert.throws(() => wilcoxonSignedRank([1], [1, 2]), /paired samples/);
});
