import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { complementaryErrorFunction, normalCdf, normalQuantile } from './distributions.js';

// Reference values: scripts/compute-scipy-reference.py (scipy.special.erfc, scipy.stats.norm.ppf).
const reference: { normal: { erfc: [number, number][]; quantile: [number, number][] } } = JSON.parse(
  readFileSync(new URL('../../test/fixtures/scipy/reference.json', import.meta.url), 'utf8'),
);

test('erfc matches scipy to 1e-13 relative, far into the tail', () => {
  for (const [x, expected] of reference.normal.erfc) {
    const actual = complementaryErrorFunction(x);
    assert.ok(Math.abs(actual - expected) <= 1e-13 * expected, `erfc(${x}) = ${actual}, scipy ${expected}`);
  }
});

test('normal quantile matches scipy and inverts the CDF', () => {
  for (const [p, expected] of reference.normal.quantile) {
    const actual = normalQuantile(p);
    assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `ppf(${p}) = ${actual}, scipy ${expected}`);
    if (p > 1e-300) assert.ok(Math.abs(normalCdf(actual) - p) <= 1e-13 * p);
  }
  assert.equal(normalQuantile(0), -Infinity);
  assert.equal(normalQuantile(1), Infinity);
  assert.ok(Number.isNaN(normalQuantile(1.5)));
});
