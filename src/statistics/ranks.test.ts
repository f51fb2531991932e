import assert from 'node:assert/strict';
import { test } from 'node:test';
import { averageRanks, tieGroupSizes } from './ranks.js';

test('average ranks share tied ranks (scipy.stats.rankdata)', () => {
  assert.deepEqual(averageRanks([10, 20, 20, 5]), [2, 3.5, 3.5, 1]);
  assert.deepEqual(averageRanks([3, 3, 3]), [2, 2, 2]);
  assert.deepEqual(averageRanks([]), []);
});

test('tie group sizes: one entry per distinct value, in ascending order of value', () => {
  assert.deepEqual(tieGroupSizes([3, 1, 3, 2, 3]), [1, 1, 3]);
  assert.deepEqual(tieGroupSizes([0.5, 0.5, -1, -1]), [2, 2]);
  assert.deepEqual(tieGroupSizes([7]), [1]);
  assert.deepEqual(tieGroupSizes([]), []);
});
