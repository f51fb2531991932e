import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResultRow } from '../schema/result.js';
import { checkBaseline, checkThresholds } from './gate.js';
import type { RunSummary } from './summarize.js';

const cell = (mean: number, n = 10) => ({ mean, n, ci95: [mean - 0.1, mean + 0.1] as [number, number] });
const summary: RunSummary = {
  runId: 'r',
  generatedAt: '',
  dataset: { ref: 'x', hash: 'h', items: 20, skippedInvalid: 0 },
  groups: [
    {
      model: 'openai:m',
      condition: 'plain',
      counts: { total: 20, scored: 20, invalid: 0, unscored: 0, error: 0 },
      usage: { inputTokens: 0, outputTokens: 0, calls: 0, cachedCalls: 0 },
      metrics: { accuracy: { overall: cell(0.72), byCountry: { JP: cell(0.9), IN: cell(0.45) }, byKind: {}, byCategory: {}, byLanguage: {} } },
    },
  ],
} as RunSummary;

test('thresholds: overall, one country, every country; a missing metric or country fails', () => {
  const checks = checkThresholds(summary, { accuracy: 0.7, 'accuracy@JP': 0.8, 'accuracy@*': 0.5, 'accuracy@EG': 0.1, respectfulness: 7 });
  const failed = checks.filter((check) => !check.passed).map((check) => check.message);
  assert.equal(checks.length, 6);
  assert.deepEqual(failed, [
    'openai:m (plain) accuracy in IN = 0.45 < 0.5',
    'openai:m (plain) accuracy in EG: no value in this run (threshold 0.1)',
    'openai:m (plain) respectfulness: no value in this run (threshold 7)',
  ]);
});

test('baseline: significantly worse fails (McNemar), equal passes with p = 1, a few flips are not significant', () => {
  const rows = (model: string, correct: (index: number) => boolean) =>
    Array.from(
      { length: 40 },
      (_, index) => ({ model, condition: 'plain', itemId: `q${index}`, metrics: { accuracy: correct(index) ? 1 : 0 } }) as unknown as ResultRow,
    );
  const base = rows('openai:base', () => true);
  const [equal] = checkBaseline(
    rows('openai:new', () => true),
    base,
    { alpha: 0.05 },
  );
  assert.equal(equal.passed, true);
  assert.equal(equal.baseline?.p, 1);
  // 3 right → wrong flips: McNemar exact p = 0.25, not below 0.05.
  const [few] = checkBaseline(
    rows('openai:new', (index) => index >= 3),
    base,
    { alpha: 0.05 },
  );
  assert.equal(few.passed, true);
  assert.equal(few.baseline?.p, 0.25);
  // 8 flips: p = 2 × 0.5^8 = 0.0078.
  const [worse] = checkBaseline(
    rows('openai:new', (index) => index >= 8),
    base,
    { alpha: 0.05 },
  );
  assert.equal(worse.passed, false);
  assert.equal(worse.baseline?.p, 0.0078125);
  assert.equal(worse.baseline?.difference, -0.2);
  // Two baseline models, none matching: the pairing is ambiguous.
  assert.throws(
    () =>
      checkBaseline(
        rows('openai:new', () => true),
        [...base, ...rows('openai:other', () => true)],
        { alpha: 0.05 },
      ),
    /none matches openai:new/,
  );
});
