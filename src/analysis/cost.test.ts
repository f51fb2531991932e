import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResultRow } from '../schema/result.js';
import { CostAccumulator } from './cost.js';

const row = (overrides: Partial<ResultRow>): ResultRow =>
  ({
    runId: 'r',
    model: 'openai:m',
    condition: 'plain',
    itemId: 'i',
    kind: 'safety',
    format: 'open',
    language: 'en',
    country: 'JP',
    template: 't',
    prompt: 'p',
    status: 'scored',
    method: 'judge',
    metrics: {},
    latencyMs: 1,
    usage: { inputTokens: 0, outputTokens: 0 },
    cached: false,
    attempts: 1,
    completedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  }) as ResultRow;

const verdict = (judge: string, inputTokens: number, outputTokens: number, cached = false) => ({
  judge,
  status: 'scored' as const,
  metrics: { respectfulness: 4 },
  calls: 1,
  cached,
  usage: { inputTokens, outputTokens },
});

test('costs by hand: the model pays for its own tokens, each judge for its verdicts; cached calls cost nothing; unpriced specs are listed', () => {
  const costs = new CostAccumulator({ 'openai:m': { input: 2, output: 10 }, 'openai:j': { input: 1, output: 4 } });
  // Row 1 (JP): 1,500 tokens in / 300 out in all, of which the judge's 500 / 100 → the model's 1,000 / 200.
  costs.add(
    row({
      usage: { inputTokens: 1500, outputTokens: 300 },
      details: {
        judges: [{ rubric: 'x@1', combined: { status: 'scored', metrics: {}, judges: 1, invalidJudges: 0 }, verdicts: [verdict('openai:j', 500, 100)] }],
      },
    } as unknown as Partial<ResultRow>),
  );
  // Row 2 (IN, recall condition): answered from the cache, but its judge verdict was not (and an unpriced judge).
  costs.add(
    row({
      country: 'IN',
      condition: 'recall',
      cached: true,
      usage: { inputTokens: 900, outputTokens: 90 },
      details: {
        judges: [
          {
            rubric: 'x@1',
            combined: { status: 'scored', metrics: {}, judges: 2, invalidJudges: 0 },
            verdicts: [verdict('openai:j', 200, 20), verdict('openai:free', 300, 30, false)],
          },
        ],
      },
    } as unknown as Partial<ResultRow>),
  );
  // Row 3: entirely cached (model and judge).
  costs.add(
    row({
      cached: true,
      usage: { inputTokens: 700, outputTokens: 70 },
      details: {
        judges: [{ rubric: 'x@1', combined: { status: 'scored', metrics: {}, judges: 1, invalidJudges: 0 }, verdicts: [verdict('openai:j', 700, 70, true)] }],
      },
    } as unknown as Partial<ResultRow>),
  );
  const cost = costs.result();
  const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);
  // model: (1000 × 2 + 200 × 10) / 1e6 = 0.004
  close(cost.byModel['openai:m'].cost, 0.004);
  // judge j: (500 × 1 + 100 × 4) / 1e6 + (200 × 1 + 20 × 4) / 1e6 = 0.0009 + 0.00028 = 0.00118
  close(cost.byJudge['openai:j'].cost, 0.00118);
  assert.deepEqual(cost.byJudge['openai:free'], { cost: 0, inputTokens: 300, outputTokens: 30 });
  close(cost.total.cost, 0.00518);
  close(cost.byCountry.JP.cost, 0.0049);
  close(cost.byCountry.IN.cost, 0.00028);
  close(cost.byCondition.recall.cost, 0.00028);
  assert.equal(cost.total.inputTokens, 1000 + 500 + 200 + 300);
  assert.deepEqual(cost.unpriced, ['openai:free']);
});
