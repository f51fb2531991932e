import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sortedQuantile } from './quantile.js';

test('quantiles interpolate linearly between order statistics, as numpy.quantile', () => {
  // numpy.quantile([1, 2, 3, 4], [0, 0.5, 0.95, 1]) → [1, 2.5, 3.85, 4]
  const values = [1, 2, 3, 4];
  assert.equal(sortedQuantile(values, 0), 1);
  assert.equal(sortedQuantile(values, 0.5), 2.5);
  assert.ok(Math.abs(sortedQuantile(values, 0.95) - 3.85) < 1e-12);
  assert.equal(sortedQuantile(Float64Array.from(values), 1), 4);
  assert.equal(sortedQuantile([7], 0.3), 7);
  assert.ok(Number.isNaN(sortedQuantile([], 0.5)));
});
