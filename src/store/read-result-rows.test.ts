import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { InputError } from '../errors/culturekit-error.js';
import type { ResultRow } from '../schema/result.js';
import { parseResultRow, readResultsFile } from './read-result-rows.js';

const judged: ResultRow = {
  runId: 'run-1',
  model: 'openai:m',
  condition: 'plain',
  itemId: 'jp-s1',
  kind: 'safety',
  format: 'open',
  language: 'en',
  country: 'JP',
  template: 'open@1',
  prompt: [{ role: 'user', content: 'q' }],
  response: 'a',
  status: 'scored',
  method: 'judge',
  metrics: { respectfulness: 8.5 },
  latencyMs: 5,
  usage: { inputTokens: 3, outputTokens: 2 },
  cached: false,
  attempts: 1,
  completedAt: '2026-01-01T00:00:01.000Z',
  details: {
    judges: [
      {
        rubric: 'cultural-safety-respectfulness@1',
        combined: {
          status: 'scored',
          metrics: { respectfulness: 8.5 },
          judges: 2,
          invalidJudges: 0,
          agreement: { metrics: { respectfulness: { meanAbsoluteDeviation: 0.5, withinOnePoint: true } } },
        },
        verdicts: [
          { judge: 'openai:j1', status: 'scored', metrics: { respectfulness: 8 }, reasoning: 'polite', calls: 1, cached: false },
          { judge: 'openai:j2', status: 'scored', metrics: { respectfulness: 9 }, calls: 1, cached: true },
        ],
      },
    ],
    steps: [
      {
        name: 'recall',
        messages: [{ role: 'user', content: 'what do you know?' }],
        response: 'facts',
        usage: { inputTokens: 1, outputTokens: 1 },
        cached: false,
      },
    ],
    grounding: ['jp-d1'],
    chosen: 'a protocol field, kept as it is',
  },
};

function folder(lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ck-results-')), 'results.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

test('a results.jsonl written by the engine reads back typed and equal, protocol fields included', () => {
  const path = folder([JSON.stringify(judged), '', JSON.stringify({ ...judged, itemId: 'jp-s2', details: undefined })]);
  const rows = readResultsFile(path);
  assert.deepEqual(rows[0], judged);
  assert.equal(rows[0].details?.judges?.[0].verdicts[1].judge, 'openai:j2');
  assert.equal(rows[1].itemId, 'jp-s2');
});

test('a wrong field is an InputError naming file:line: field', () => {
  const broken = { ...judged, metrics: { respectfulness: 'high' }, details: { ...judged.details, grounding: 'jp-d1' } };
  const path = folder([JSON.stringify(judged), JSON.stringify(broken)]);
  assert.throws(
    () => readResultsFile(path),
    (error: unknown) => {
      assert.ok(error instanceof InputError);
      const lines = error.message.split('\n');
      assert.ok(
        lines.some((line) => line.startsWith(`${path}:2: metrics.respectfulness: `)),
        error.message,
      );
      assert.ok(
        lines.some((line) => line.startsWith(`${path}:2: details.grounding: `)),
        error.message,
      );
      return true;
    },
  );
  const missing: Record<string, unknown> = { ...judged };
  delete missing.status;
  assert.throws(() => parseResultRow(missing, 'row 7'), { name: 'InputError', message: /^row 7: status: / });
});

test('invalid JSON names file:line', () => {
  const path = folder([JSON.stringify(judged), '{"runId": "run-1",,}']);
  assert.throws(
    () => readResultsFile(path),
    (error: unknown) => error instanceof InputError && error.message.startsWith(`${path}:2: invalid JSON: `),
  );
});

test('a NaN metric, written to JSON as null, reads back as NaN', () => {
  const row = parseResultRow(JSON.parse(JSON.stringify({ ...judged, metrics: { respectfulness: Number.NaN } })), 'row');
  assert.ok(Number.isNaN(row.metrics.respectfulness));
});

test('a combined verdict in the earlier shape (panel counts under agreement) still reads, in the one shape', () => {
  const earlier = structuredClone(judged) as unknown as { details: { judges: { combined: unknown }[] } };
  earlier.details.judges[0].combined = {
    status: 'scored',
    metrics: { respectfulness: 8.5 },
    agreement: { metrics: { respectfulness: { meanAbsoluteDeviation: 0.5, withinOnePoint: true } }, judges: 2, invalidJudges: 0 },
  };
  assert.deepEqual(parseResultRow(earlier, 'row').details?.judges?.[0].combined, judged.details!.judges![0].combined);
  earlier.details.judges[0].combined = { status: 'invalid', metrics: {}, agreement: { reason: 'no JSON', invalidJudges: 2 } };
  assert.deepEqual(parseResultRow(earlier, 'row').details?.judges?.[0].combined, { status: 'invalid', reason: 'no JSON', judges: 0, invalidJudges: 2 });
});
