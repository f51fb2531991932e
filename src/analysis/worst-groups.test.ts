import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SummaryRow } from './summarize.js';
import { findWorstGroups, fisherExactLower, holmAdjust, welchLower } from './worst-groups.js';

function close(actual: number, expected: number, tolerance = 1e-9): void {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `expected ${expected}, got ${actual}`);
}

function row(country: string, index: number, metrics: Record<string, number>, extra: Partial<SummaryRow> = {}): SummaryRow {
  return {
    model: 'openai:m',
    condition: 'plain',
    itemId: `${country.toLowerCase()}-${String(index).padStart(2, '0')}`,
    kind: 'knowledge',
    format: 'mcq',
    language: 'en',
    country,
    category: index % 2 ? 'food' : 'gifts',
    status: 'scored',
    method: 'letter',
    metrics,
    latencyMs: 1,
    usage: { inputTokens: 1, outputTokens: 1 },
    cached: false,
    ...extra,
  } as SummaryRow;
}

/** 20 items per country: A right on 2, B on 7, C–F on 15; G has 3 items, all wrong (too few to test). */
function accuracyRows(): SummaryRow[] {
  const right: Record<string, number> = { A: 2, B: 7, C: 15, D: 15, E: 15, F: 15 };
  const rows: SummaryRow[] = [];
  for (const [country, count] of Object.entries(right)) {
    for (let index = 0; index < 20; index++) rows.push(row(country, index, { accuracy: index < count ? 1 : 0 }));
  }
  for (let index = 0; index < 3; index++) rows.push(row('G', index, { accuracy: 0 }));
  rows.push(row('C', 99, {}, { status: 'error' }));
  return rows;
}

describe('worst groups: significance', () => {
  test("Holm's adjustment (reference: the step-down by hand)", () => {
    // sorted 0.01, 0.03, 0.04 → ×3, ×2, ×1 = 0.03, 0.06, 0.04 → monotone 0.03, 0.06, 0.06.
    assert.deepEqual(holmAdjust([0.01, 0.04, 0.03]), [0.03, 0.06, 0.06]);
    assert.deepEqual(holmAdjust([0.5, 0.9]), [1, 1]);
    assert.deepEqual(holmAdjust([]), []);
  });

  test("one-sided Fisher's exact and Welch's t match scipy", () => {
    // scipy.stats.fisher_exact([[1, 9], [59, 31]], alternative='less').pvalue
    close(fisherExactLower(1, 10, 60, 100), 0.0009967466711914242);
    // scipy.stats.ttest_ind([2,3,2,4,3], [7,8,6,9,7,8,8,7], equal_var=False, alternative='less').pvalue
    const moments = (values: number[]) => {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return { n: values.length, mean, variance: values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1) };
    };
    close(welchLower(moments([2, 3, 2, 4, 3]), moments([7, 8, 6, 9, 7, 8, 8, 7])), 2.185656509502816e-6, 1e-6);
    close(welchLower(moments([6, 7, 5, 6, 8, 7]), moments([7, 8, 6, 9, 7, 8, 8, 7])), 0.04647265042960528, 1e-6);
  });

  test('a country far below the rest is significant; one below at raw p < 0.05 is not after Holm; small ones are not tested', () => {
    const [result] = findWorstGroups(accuracyRows(), { metric: 'accuracy', by: 'country', alpha: 0.05, minN: 5, examples: 3 });
    assert.equal(result.overall.n, 123, 'the error row has no accuracy');
    close(result.overall.mean, 69 / 123);
    assert.deepEqual(
      result.tested.map((entry) => entry.group),
      ['A', 'B', 'C', 'D', 'E', 'F'],
      'worst first',
    );
    const [a, b] = result.tested;
    assert.equal(a.test, 'fisher-exact');
    // scipy.stats.fisher_exact([[2, 18], [67, 36]], alternative='less').pvalue
    close(a.p, 4.768103038815847e-6, 1e-6);
    close(a.adjustedP, 6 * a.p, 1e-6);
    assert.equal(a.significant, true);
    close(b.p, 0.03377714845961955, 1e-6);
    assert.ok(b.p < 0.05 && b.adjustedP >= 0.05 && !b.significant, 'raw p < 0.05, but not among six tests');
    assert.deepEqual(
      result.significant.map((entry) => entry.group),
      ['A'],
    );
    assert.deepEqual(
      result.tooSmall.map(({ group, n, mean }) => ({ group, n, mean })),
      [{ group: 'G', n: 3, mean: 0 }],
    );
    assert.equal(result.tooSmall[0].examples.length, 3);
    assert.deepEqual(
      a.examples.map((example) => example.value),
      [0, 0, 0],
    );
    assert.deepEqual(
      a.examples.map((example) => example.itemId),
      ['a-02', 'a-03', 'a-04'],
      'the wrong items, in order',
    );
    assert.equal(a.n, 20);
    close(a.mean, 0.1);
    assert.ok(a.ci95[0] < 0.1 && a.ci95[1] > 0.1);
  });

  test('judge scores use Welch; higher-is-worse metrics look the other way; one series per model and condition', () => {
    const rows: SummaryRow[] = [];
    const scores: Record<string, number[]> = { JP: [2, 3, 2, 4, 3], US: [7, 8, 6, 9], FR: [7, 8, 8, 7] };
    for (const [country, values] of Object.entries(scores))
      values.forEach((value, index) => rows.push(row(country, index, { respectfulness: value, hr: value < 5 ? 1 : 0 })));
    rows.push(row('JP', 50, { respectfulness: 1 }, { model: 'openai:other' }));
    const results = findWorstGroups(rows, { metric: 'respectfulness', by: 'country', alpha: 0.05, minN: 4, examples: 2 });
    assert.equal(results.length, 2);
    const main = results.find((entry) => entry.model === 'openai:m')!;
    assert.equal(main.tested[0].group, 'JP');
    assert.equal(main.tested[0].test, 'welch-t');
    close(main.tested[0].p, 2.185656509502816e-6, 1e-6);
    assert.equal(main.tested[0].significant, true);
    assert.deepEqual(
      main.tested[0].examples.map((example) => example.value),
      [2, 2],
    );
    const other = results.find((entry) => entry.model === 'openai:other')!;
    assert.deepEqual(other.tooSmall, [{ group: 'JP', n: 1, mean: 1, examples: [{ itemId: 'jp-50', value: 1 }] }]);

    const [harm] = findWorstGroups(rows, { metric: 'hr', by: 'country', alpha: 0.05, minN: 4, examples: 1 });
    assert.equal(harm.higherIsWorse, true);
    assert.equal(harm.tested[0].group, 'JP', 'the highest harmful rate is the worst');
    assert.equal(harm.tested[0].examples[0].value, 1);
    assert.ok(harm.tested[0].p < 0.01);
    const byCategory = findWorstGroups(rows, { metric: 'respectfulness', by: 'category', alpha: 0.05, minN: 1, examples: 0 });
    assert.deepEqual(byCategory[0].tested.map((entry) => entry.group).sort(), ['food', 'gifts']);
  });
});
