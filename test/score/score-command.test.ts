import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';
import { runCli, writeMcqDataset } from '../eval/helpers.js';

let server: OpenAITestServer;
let directory: string;

before(async () => {
  server = await startOpenAITestServer();
  directory = mkdtempSync(join(tmpdir(), 'ck-score-'));
});
after(async () => server.close());

test('re-scoring a results file gives the aggregate computed independently, without calling any model', async () => {
  const dataset = join(directory, 'items.jsonl');
  writeMcqDataset(dataset, 30, {
    marker: (index) => (index % 7 === 3 ? '[[reply:I would rather not choose.]]' : `[[answer:${'ABCD'[(index * 5) % 4]}]] (score test)`),
  });
  const evaluated = await runCli([
    'eval',
    '--dataset',
    dataset,
    '--model',
    'openai:test-model',
    '--base-url',
    server.url,
    '--db',
    join(directory, 'eval.db'),
    '--out',
    join(directory, 'eval'),
    '--quiet',
  ]);
  assert.equal(evaluated.code, 0, evaluated.stderr);

  // Independent computation from the raw responses: the letter after "Answer:" against the dataset's key.
  const answers = new Map(
    readFileSync(dataset, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .map((item) => [item.id, item.answer]),
  );
  const rows = readFileSync(join(directory, 'eval', 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const correct = rows.filter((row) => /Answer: ([A-D])/.exec(row.response)?.[1] === answers.get(row.itemId)).length;
  const invalid = rows.filter((row) => !/Answer: [A-D]/.test(row.response)).length;

  // Published-style CSV: other column names.
  const csv = join(directory, 'published.csv');
  writeFileSync(
    csv,
    `${['question_id,system,output', ...rows.map((row) => `${row.itemId},gpt-x,"${String(row.response).replace(/"/g, '""')}"`)].join('\n')}\n`,
  );
  const requestsBefore = server.requests.total;
  const scored = await runCli([
    'score',
    '--responses',
    csv,
    '--dataset',
    dataset,
    '--id-column',
    'question_id',
    '--response-column',
    'output',
    '--model-column',
    'system',
    '--db',
    join(directory, 'score.db'),
    '--out',
    join(directory, 'score'),
    '--quiet',
  ]);
  assert.equal(scored.code, 0, scored.stderr);
  assert.equal(server.requests.total, requestsBefore, 'no model is called');
  const summary = JSON.parse(readFileSync(join(directory, 'score', 'summary.json'), 'utf8'));
  assert.equal(summary.groups.length, 1);
  assert.match(summary.groups[0].model, /^recorded:gpt-x@/);
  assert.equal(summary.groups[0].metrics.accuracy.overall.n, 30);
  assert.equal(summary.groups[0].metrics.accuracy.overall.mean, correct / 30);
  assert.equal(summary.groups[0].counts.invalid, invalid);
  assert.ok(invalid > 0 && correct > 0);
});

test('a responses file with a missing column is a clear error naming the place', async () => {
  const dataset = join(directory, 'few.jsonl');
  writeMcqDataset(dataset, 2);
  const bad = join(directory, 'bad.jsonl');
  writeFileSync(bad, '{"itemId":"q0000","response":"Answer: A"}\n{"itemId":"q0001"}\n');
  const result = await runCli(['score', '--responses', bad, '--dataset', dataset, '--db', join(directory, 'bad.db'), '--quiet']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /bad\.jsonl:2: response: missing response/);
});
