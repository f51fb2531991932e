import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunManifest } from '../schema/manifest.js';
import type { ResultRow } from '../schema/result.js';
import { wilsonInterval } from '../statistics/intervals.js';
import { summarizeRun } from './summarize.js';

const manifest: RunManifest = {
  id: 'r',
  createdAt: 'now',
  toolVersion: '0',
  dataset: { ref: 'd', hash: 'h', items: 6, skippedInvalid: 0 },
  models: [{ spec: 'openai:a' }, { spec: 'openai:b' }],
  options: { conditions: ['plain'], kinds: ['knowledge', 'safety'], mcqMethod: 'letter', shuffleSeed: null, temperature: 0, maxTokens: 8, limit: null },
  planHash: 'p',
};

function row(
  model: string,
  itemId: string,
  country: string,
  category: string,
  status: ResultRow['status'],
  metrics: Record<string, number>,
  extra: Partial<ResultRow> = {},
): ResultRow {
  return {
    runId: 'r',
    model,
    condition: 'plain',
    itemId,
    kind: 'knowledge',
    format: 'mcq',
    language: 'en',
    country,
    category,
    template: 't',
    prompt: 'p',
    status,
    method: 'letter',
    metrics,
    latencyMs: 1,
    usage: { inputTokens: 10, outputTokens: 2 },
    cached: false,
    attempts: 1,
    completedAt: 'now',
    ...extra,
  };
}

test('summary counts statuses, sums usage, and aggregates each metric by group with n and intervals', () => {
  const rows = [
    row('openai:a', '1', 'JP', 'food', 'scored', { accuracy: 1, invalid: 0 }),
    row('openai:a', '2', 'JP', 'gifts', 'scored', { accuracy: 0, invalid: 0 }),
    row('openai:a', '3', 'JP', 'food', 'invalid', { accuracy: 0, invalid: 1 }),
    row('openai:a', '4', 'BR', 'food', 'scored', { accuracy: 1, invalid: 0 }, { cached: true }),
    row('openai:a', '5', 'BR', 'food', 'error', {}, { usage: { inputTokens: 0, outputTokens: 0 } }),
    row('openai:a', '6', 'BR', 'food', 'unscored', {}, { kind: 'safety', format: 'open' }),
  ];
  const summary = summarizeRun(manifest, rows);
  assert.equal(summary.groups.length, 2, 'every model × condition has a group, even one without results');
  const [a, b] = summary.groups;
  assert.equal(b.counts.total, 0);
  assert.deepEqual(a.counts, { total: 6, scored: 3, invalid: 1, unscored: 1, error: 1 });
  assert.deepEqual(a.usage, { inputTokens: 40, outputTokens: 8, calls: 4, cachedCalls: 1 });
  const accuracy = a.metrics.accuracy;
  assert.equal(accuracy.overall.n, 4);
  assert.equal(accuracy.overall.mean, 0.5);
  assert.deepEqual(accuracy.overall.ci95, wilsonInterval(2, 4));
  assert.equal(accuracy.byCountry.JP.n, 3);
  assert.ok(Math.abs(accuracy.byCountry.JP.mean - 1 / 3) < 1e-12);
  assert.deepEqual(accuracy.byCountry.BR, { mean: 1, n: 1, ci95: wilsonInterval(1, 1) });
  assert.deepEqual(Object.keys(accuracy.byCategory), ['food', 'gifts']);
  assert.equal(a.metrics.invalid.overall.mean, 0.25);
});

test('non-binary metrics get a t-interval', () => {
  const rows = [1, 4, 7].map((value, index) => row('openai:a', String(index), 'JP', 'x', 'scored', { respectfulness: value }));
  const cell = summarizeRun(manifest, rows).groups[0].metrics.respectfulness.overall;
  assert.equal(cell.mean, 4);
  // t(0.975, 2) * sd / sqrt(n) = 4.302652729749462 * 3 / sqrt(3)
  assert.ok(Math.abs(cell.ci95[1] - (4 + 4.302652729749462 * Math.sqrt(3))) < 1e-9);
});
