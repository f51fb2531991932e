import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupMetric } from './group-metrics.js';
import { wilsonInterval } from '../statistics/intervals.js';
import type { MetricRow } from './row-fields.js';

function rows(model: string, country: string | undefined, values: number[], metric = 'accuracy'): MetricRow[] {
  return values.map((value, index) => ({ model, country, itemId: `${country}-${index}`, kind: 'knowledge', metrics: { [metric]: value } }));
}

// Model a: JP 1,1,1,0 (0.75) and BR 0,0 (0) → micro 3/6 = 0.5, macro (0.75 + 0) / 2 = 0.375.
// Model b: JP 1,1 (1) and BR 1,0,0,0 (0.25) → micro 3/6 = 0.5, macro (1 + 0.25) / 2 = 0.625.
const data: MetricRow[] = [
  ...rows('a', 'JP', [1, 1, 1, 0]),
  ...rows('a', 'BR', [0, 0]),
  ...rows('b', 'JP', [1, 1]),
  ...rows('b', 'BR', [1, 0, 0, 0]),
  { model: 'a', country: 'JP', itemId: 'failed', metrics: {} },
];

test('micro averages weigh rows, macro averages weigh countries (hand-computed)', () => {
  const micro = groupMetric(data, { metric: 'accuracy', by: ['model'] });
  assert.equal(micro.binary, true);
  assert.deepEqual(
    micro.groups.map((group) => [group.key, group.n, group.mean]),
    [
      [{ model: 'a' }, 6, 0.5],
      [{ model: 'b' }, 6, 0.5],
    ],
  );
  assert.deepEqual(micro.groups[0].wilson95, wilsonInterval(3, 6));
  const macro = groupMetric(data, { metric: 'accuracy', by: ['model'], average: 'macro', macroOver: 'country' });
  assert.equal(macro.macroOver, 'country');
  assert.deepEqual(
    macro.groups.map((group) => [group.key, group.n, group.mean, group.macroGroups]),
    [
      [{ model: 'a' }, 6, 0.375, 2],
      [{ model: 'b' }, 6, 0.625, 2],
    ],
  );
  assert.equal(macro.groups[0].wilson95, undefined);
  for (const group of [...micro.groups, ...macro.groups]) assert.ok(group.ci95[0] <= group.mean && group.mean <= group.ci95[1]);
  // Model a's BR items are all wrong: every macro replicate is (JP replicate + 0) / 2 ≤ 0.5.
  assert.ok(macro.groups[0].ci95[1] <= 0.5);
});

test('groups by several fields, sorted, with an overall group when by is empty', () => {
  const byCountry = groupMetric(data, { metric: 'accuracy', by: ['model', 'country'] });
  assert.deepEqual(
    byCountry.groups.map((group) => [group.key.model, group.key.country, group.n, group.mean]),
    [
      ['a', 'BR', 2, 0],
      ['a', 'JP', 4, 0.75],
      ['b', 'BR', 4, 0.25],
      ['b', 'JP', 2, 1],
    ],
  );
  const overall = groupMetric(data, { metric: 'accuracy' });
  assert.deepEqual(
    overall.groups.map((group) => [group.key, group.n, group.mean]),
    [[{}, 12, 0.5]],
  );
  const missing = groupMetric([...data, ...rows('a', undefined, [1])], { metric: 'accuracy', by: ['country'] });
  assert.deepEqual(
    missing.groups.map((group) => group.key.country),
    ['BR', 'JP', null],
  );
});

test('graded metrics get no Wilson interval; intervals are seeded per group', () => {
  const graded = [...rows('a', 'JP', [7, 8, 9, 6, 8], 'respectfulness'), ...rows('b', 'JP', [1, 1, 1, 1], 'respectfulness')];
  const result = groupMetric(graded, { metric: 'respectfulness', by: ['model'], bootstrap: { seed: 5 } });
  assert.equal(result.binary, false);
  assert.equal(result.groups[1].wilson95, undefined, 'all-1 scores of a graded metric are not a proportion');
  assert.equal(result.groups[0].mean, 7.6);
  const again = groupMetric([...graded, ...rows('c', 'JP', [3, 4], 'respectfulness')], { metric: 'respectfulness', by: ['model'], bootstrap: { seed: 5 } });
  assert.deepEqual(again.groups[0], result.groups[0], 'another group does not change this one');
  assert.notDeepEqual(groupMetric(graded, { metric: 'respectfulness', by: ['model'], bootstrap: { seed: 6 } }).groups[0].ci95, result.groups[0].ci95);
  assert.deepEqual(groupMetric(graded, { metric: 'missing' }).groups, []);
});

test('unknown fields (say, from the command line) are input errors', () => {
  assert.throws(() => groupMetric(data, { metric: 'accuracy', by: ['continent' as never] }), {
    name: 'InputError',
    message: /by: unknown field "continent"; use one of model, condition/,
  });
  assert.throws(() => groupMetric(data, { metric: 'accuracy', average: 'macro', macroOver: 'planet' as never }), { name: 'InputError' });
});
