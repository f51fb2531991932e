import assert from 'node:assert/strict';
import { test } from 'node:test';
import { correlate } from '../statistics/correlation.js';
import { knowledgeSafetyCorrelation } from './knowledge-safety.js';
import type { MetricRow } from './row-fields.js';

let counter = 0;
function knowledge(model: string, country: string, descriptionId: string, accuracy: number): MetricRow {
  return { model, condition: 'plain', kind: 'knowledge', country, descriptionId, itemId: `k${counter++}`, metrics: { accuracy, invalid: 0 } };
}
function safety(model: string, country: string, descriptionId: string, respectfulness: number): MetricRow {
  return { model, condition: 'plain', kind: 'safety', country, descriptionId, itemId: `s${counter++}`, metrics: { respectfulness, awareness: 5 } };
}

const rows: MetricRow[] = [
  // JP: knowledge 1, 1, 0 (2/3 over two descriptions); safety 8, 6 (7)
  knowledge('a', 'JP', 'jp-1', 1),
  knowledge('a', 'JP', 'jp-1', 1),
  knowledge('a', 'JP', 'jp-2', 0),
  safety('a', 'JP', 'jp-1', 8),
  safety('a', 'JP', 'jp-2', 6),
  // BR: knowledge 0, 0 (0); safety 4 (4)
  knowledge('a', 'BR', 'br-1', 0),
  knowledge('a', 'BR', 'br-1', 0),
  safety('a', 'BR', 'br-1', 4),
  // IN: knowledge 1 (1); safety 9, 10 (9.5)
  knowledge('a', 'IN', 'in-1', 1),
  safety('a', 'IN', 'in-1', 9),
  safety('a', 'IN', 'in-1', 10),
  // KE: knowledge 1, 0 (0.5); safety 5 (5)
  knowledge('a', 'KE', 'ke-1', 1),
  knowledge('a', 'KE', 'ke-1', 0),
  safety('a', 'KE', 'ke-1', 5),
  // TH: knowledge only; an unjudged safety item (no metric) does not make it a point
  knowledge('a', 'TH', 'th-1', 1),
  { model: 'a', condition: 'plain', kind: 'safety', country: 'TH', descriptionId: 'th-1', itemId: 'unjudged', metrics: {} },
  // another model, one point only
  knowledge('b', 'JP', 'jp-1', 1),
  safety('b', 'JP', 'jp-1', 9),
];

test('per country: knowledge accuracy vs mean safety score, per model and condition, correlated', () => {
  const [a, b] = knowledgeSafetyCorrelation(rows, { level: 'country' });
  assert.deepEqual(a.key, { model: 'a', condition: 'plain' });
  assert.deepEqual(
    a.points.map((point) => [point.id, point.knowledge, point.safety, point.knowledgeN, point.safetyN]),
    [
      ['BR', 0, 4, 2, 1],
      ['IN', 1, 9.5, 1, 2],
      ['JP', 2 / 3, 7, 3, 2],
      ['KE', 0.5, 5, 2, 1],
    ],
  );
  assert.deepEqual(a.unpaired, { knowledgeOnly: ['TH'], safetyOnly: [] });
  assert.deepEqual(a.correlation, correlate([0, 1, 2 / 3, 0.5], [4, 9.5, 7, 5]));
  assert.ok(a.correlation.pearson.r > 0.9);
  assert.equal(b.points.length, 1);
  assert.equal(b.correlation.reason, 'fewer than 3 points (n = 1)');
});

test('per description, through descriptionId, keeping each description’s country', () => {
  const [a] = knowledgeSafetyCorrelation(rows, { level: 'description', by: ['model'] });
  assert.deepEqual(a.key, { model: 'a' });
  assert.deepEqual(
    a.points.map((point) => [point.id, point.country, point.knowledge, point.safety]),
    [
      ['br-1', 'BR', 0, 4],
      ['in-1', 'IN', 1, 9.5],
      ['jp-1', 'JP', 1, 8],
      ['jp-2', 'JP', 0, 6],
      ['ke-1', 'KE', 0.5, 5],
    ],
  );
  assert.equal(a.correlation.n, 5);
});

test('other metrics can be paired', () => {
  const [a] = knowledgeSafetyCorrelation(rows, { level: 'country', knowledgeMetric: 'invalid', safetyMetric: 'awareness' });
  assert.deepEqual(
    a.points.map((point) => [point.knowledge, point.safety]),
    [
      [0, 5],
      [0, 5],
      [0, 5],
      [0, 5],
    ],
  );
  assert.equal(a.correlation.reason, 'x is constant');
});
