import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { correlate } from './correlation.js';

// Reference values: scripts/compute-scipy-reference.py (scipy 1.17.1) → test/fixtures/scipy/reference.json.
interface CorrelationCase {
  name: string;
  x: number[];
  y: number[];
  n: number;
  pearson: { r: number; p: number; ci95: [number | null, number | null] };
  spearman: { rho: number; p: number; ci95: [number | null, number | null] };
  kendall: { tau: number; p: number; method: 'exact' | 'asymptotic'; ci95: [number | null, number | null] };
  line: { slope: number; intercept: number };
}
const reference: { correlations: CorrelationCase[] } = JSON.parse(readFileSync(new URL('../../test/fixtures/scipy/reference.json', import.meta.url), 'utf8'));

function close(actual: number, expected: number | null, tolerance: number, label: string): void {
  if (expected === null) return assert.ok(Number.isNaN(actual), `${label}: ${actual} should be NaN`);
  assert.ok(Math.abs(actual - expected) <= tolerance, `${label}: ${actual} is not within ${tolerance} of ${expected}`);
}

test('coefficients, p-values, intervals and lines match scipy on every reference data set', () => {
  assert.ok(reference.correlations.length >= 10);
  const methods = new Set<string>();
  for (const expected of reference.correlations) {
    const actual = correlate(expected.x, expected.y);
    const label = (what: string) => `${expected.name}: ${what}`;
    assert.equal(actual.n, expected.n);
    assert.equal(actual.reason, undefined);
    close(actual.pearson.r, expected.pearson.r, 1e-6, label('pearson r'));
    close(actual.spearman.rho, expected.spearman.rho, 1e-6, label('spearman rho'));
    close(actual.kendall.tau, expected.kendall.tau, 1e-6, label('kendall tau'));
    close(actual.pearson.p, expected.pearson.p, 1e-4, label('pearson p'));
    close(actual.spearman.p, expected.spearman.p, 1e-4, label('spearman p'));
    close(actual.kendall.p, expected.kendall.p, 1e-4, label('kendall p'));
    // Relative agreement too, for the tiny p-values (1e-208) that an absolute tolerance cannot see.
    for (const [name, a, e] of [
      ['pearson', actual.pearson.p, expected.pearson.p],
      ['spearman', actual.spearman.p, expected.spearman.p],
      ['kendall', actual.kendall.p, expected.kendall.p],
    ] as const) {
      if (e > 0) assert.ok(Math.abs(a - e) / e < 1e-6, label(`${name} p relative: ${a} vs ${e}`));
    }
    assert.equal(actual.kendall.method, expected.kendall.method, label('kendall method'));
    methods.add(actual.kendall.method);
    for (const side of [0, 1]) {
      close(actual.pearson.ci95[side], expected.pearson.ci95[side], 1e-9, label('pearson ci'));
      close(actual.spearman.ci95[side], expected.spearman.ci95[side], 1e-9, label('spearman ci'));
      close(actual.kendall.ci95[side], expected.kendall.ci95[side], 1e-9, label('kendall ci'));
    }
    close(actual.line.slope, expected.line.slope, 1e-9, label('slope'));
    close(actual.line.intercept, expected.line.intercept, 1e-9, label('intercept'));
  }
  assert.deepEqual([...methods].sort(), ['asymptotic', 'exact'], 'both Kendall methods are exercised');
});

test('too few points, constant and non-finite inputs give NaN with a reason', () => {
  for (const [x, y, reason] of [
    [[], [], 'fewer than 3 points (n = 0)'],
    [[1, 2], [3, 1], 'fewer than 3 points (n = 2)'],
    [[1, 1, 1, 1], [1, 2, 3, 4], 'x is constant'],
    [[1, 2, 3, 4], [5, 5, 5, 5], 'y is constant'],
    [[1, 2, Number.NaN, 4], [1, 2, 3, 4], 'non-finite value at index 2'],
  ] as [number[], number[], string][]) {
    const result = correlate(x, y);
    assert.equal(result.reason, reason);
    assert.equal(result.n, x.length);
    for (const value of [result.pearson.r, result.pearson.p, result.spearman.rho, result.kendall.tau, result.kendall.p, result.line.slope])
      assert.ok(Number.isNaN(value));
  }
  assert.throws(() => correlate([1, 2, 3], [1, 2]), /paired samples/);
});

test('n = 3 has coefficients and p-values but no intervals', () => {
  const result = correlate([1, 2, 3], [1, 3, 2]);
  assert.equal(result.reason, undefined);
  assert.ok(Math.abs(result.pearson.r - 0.5) < 1e-12);
  assert.ok(Math.abs(result.pearson.p - 0.6666666666666667) < 1e-9, String(result.pearson.p)); // scipy.stats.pearsonr
  assert.ok(Math.abs(result.kendall.p - 1) < 1e-12); // scipy.stats.kendalltau: exact, 1.0
  assert.ok(result.pearson.ci95.every(Number.isNaN));
  assert.ok(result.kendall.ci95.every(Number.isNaN));
});
