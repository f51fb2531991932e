import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { evaluate, type EvaluateInput } from '../../src/eval/evaluate.js';
import { InputError } from '../../src/errors/culturekit-error.js';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';
import { runCli, writeMcqDataset } from './helpers.js';

let server: OpenAITestServer;
let directory: string;

before(async () => {
  server = await startOpenAITestServer({ latencyMs: 0 });
  directory = mkdtempSync(join(tmpdir(), 'ck-engine-'));
});
after(async () => server.close());

function input(name: string, dataset: string, extra: Partial<EvaluateInput> = {}): EvaluateInput {
  return {
    dataset,
    models: [{ spec: 'openai:test-model', baseUrl: server.url }],
    runtime: { concurrency: 4, maxRetries: 2 },
    dbPath: join(directory, `${name}.db`),
    outDir: join(directory, name),
    ...extra,
  };
}

const readRows = (out: string) =>
  readFileSync(join(out, 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

test('scores by extracted letter, keeps every prompt and response, and summarises per country with intervals', async () => {
  const dataset = join(directory, 'basic.jsonl');
  // The server answers the letter in the marker: items 0..11, answer ABCD[i % 4], marker ABCD[i % 3] → correct when equal.
  writeMcqDataset(dataset, 12, { marker: (index) => (index === 5 ? '[[reply:I would rather not say.]]' : `[[answer:${'ABCD'[index % 3]}]]`) });
  const output = await evaluate(input('basic', dataset));
  const rows = readRows(output.outDir);
  assert.equal(rows.length, 12);
  const expectedCorrect = Array.from({ length: 12 }, (_, index) => index !== 5 && 'ABCD'[index % 4] === 'ABCD'[index % 3]).filter(Boolean).length;
  const accuracy = output.summary.groups[0].metrics.accuracy.overall;
  assert.equal(accuracy.n, 12);
  assert.equal(accuracy.mean, expectedCorrect / 12);
  assert.ok(accuracy.ci95[0] <= accuracy.mean && accuracy.mean <= accuracy.ci95[1]);
  const invalid = rows.find((row) => row.itemId === 'q0005');
  assert.equal(invalid.status, 'invalid');
  assert.equal(output.summary.groups[0].counts.invalid, 1);
  const first = rows.find((row) => row.itemId === 'q0000');
  assert.equal(first.method, 'letter');
  assert.equal(first.extracted, 'A');
  assert.match(first.prompt[0].content, /Question 0/);
  assert.equal(typeof first.response, 'string');
  assert.ok(first.usage.inputTokens > 0);
  assert.ok(Object.keys(output.summary.groups[0].metrics.accuracy.byCountry).length === 6);
  const summaryFile = JSON.parse(readFileSync(join(output.outDir, 'summary.json'), 'utf8'));
  assert.deepEqual(summaryFile.groups, JSON.parse(JSON.stringify(output.summary.groups)));
  const manifest = JSON.parse(readFileSync(join(output.outDir, 'manifest.json'), 'utf8'));
  assert.equal(manifest.id, output.manifest.id);
});

test('rerunning with the same --out does only what is missing: no model calls for a finished run', async () => {
  const dataset = join(directory, 'rerun.jsonl');
  writeMcqDataset(dataset, 10);
  const first = await evaluate(input('rerun', dataset));
  const before = server.requests.total;
  const second = await evaluate(input('rerun', dataset));
  assert.equal(server.requests.total, before);
  assert.equal(second.manifest.id, first.manifest.id);
  assert.equal(second.outcome.skipped, 10);
  assert.equal(second.outcome.done, 0);
  assert.equal(readRows(second.outDir).length, 10);
  await assert.rejects(
    evaluate(input('rerun', dataset, { options: { shuffleSeed: 3 } })),
    (error: unknown) => error instanceof InputError && /other models or options/.test(error.message),
  );
});

test('items that end in error are kept with their reason; --retry-errors re-asks only them', async () => {
  const dataset = join(directory, 'errors.jsonl');
  // Items 0 and 1 fail once with a 500; with no retries they end in error.
  writeMcqDataset(dataset, 6, { marker: (index) => (index < 2 ? `[[fault:500:1]]` : '') });
  const first = await evaluate(input('errors', dataset, { runtime: { concurrency: 2, maxRetries: 0 } }));
  assert.equal(first.outcome.errors, 2);
  const errorRows = readRows(first.outDir).filter((row) => row.status === 'error');
  assert.deepEqual(errorRows.map((row) => row.itemId).sort(), ['q0000', 'q0001']);
  assert.match(errorRows[0].error, /server/);
  assert.equal(first.summary.groups[0].counts.error, 2);

  const callsBefore = server.requests.total;
  const resumed = await evaluate(input('errors', dataset, { runtime: { concurrency: 2, maxRetries: 0 } }));
  assert.equal(server.requests.total, callsBefore, 'a plain resume does not re-ask errors');
  assert.equal(resumed.outcome.done, 0);

  const retried = await evaluate(input('errors', dataset, { retryErrors: true, runtime: { concurrency: 2, maxRetries: 0 } }));
  assert.equal(server.requests.total, callsBefore + 2, 'only the two failed items are asked again');
  assert.equal(retried.outcome.errors, 0);
  assert.equal(readRows(retried.outDir).filter((row) => row.status === 'error').length, 0);
  assert.equal(readRows(retried.outDir).length, 6);
});

test('a 500 is retried within the call; the cache answers a new run; --no-cache bypasses it', async () => {
  const dataset = join(directory, 'cache.jsonl');
  writeMcqDataset(dataset, 5, { marker: (index) => (index === 0 ? '[[fault:500:1]] (cache test)' : '') });
  const first = await evaluate(input('cache-a', dataset, { dbPath: join(directory, 'shared.db') }));
  assert.equal(first.outcome.errors, 0);
  assert.equal(readRows(first.outDir).find((row) => row.itemId === 'q0000').attempts, 2);
  const callsBefore = server.requests.total;
  const cached = await evaluate(input('cache-b', dataset, { dbPath: join(directory, 'shared.db') }));
  assert.equal(server.requests.total, callsBefore, 'a new run with the same requests is answered from the cache');
  assert.equal(cached.outcome.cached, 5);
  assert.ok(readRows(cached.outDir).every((row) => row.cached === true));
  const uncached = await evaluate(input('cache-c', dataset, { dbPath: join(directory, 'shared.db'), useCache: false }));
  assert.equal(server.requests.total, callsBefore + 5);
  assert.equal(uncached.outcome.cached, 0);
});

test('shuffled choices: the model sees the shuffled order and is scored against the moved answer', async () => {
  const dataset = join(directory, 'shuffle.jsonl');
  writeMcqDataset(dataset, 8);
  const output = await evaluate(input('shuffle', dataset, { options: { shuffleSeed: 42 } }));
  for (const row of readRows(output.outDir)) {
    const original = ['first option', 'second option', 'third option', 'fourth option'];
    const itemIndex = Number(row.itemId.slice(1));
    assert.equal(row.choices['ABCD'.indexOf(row.answer)], original[itemIndex % 4], 'the answer letter points at the right option after shuffling');
    assert.equal(row.metrics.accuracy, row.extracted === row.answer ? 1 : 0);
    assert.match(row.prompt[0].content, new RegExp(`A\\. ${row.choices[0]}`));
  }
});

test('the CLI: bad dataset is a clear error with exit code 2; a run prints the table', async () => {
  const bad = join(directory, 'bad.jsonl');
  await import('node:fs').then(({ writeFileSync }) =>
    writeFileSync(bad, '{"id":"x","prompt":"q","choices":["a","b"],"answer":"A","language":"en","country":"XX"}\n{oops\n'),
  );
  const failed = await runCli([
    'eval',
    '--dataset',
    bad,
    '--model',
    'openai:test-model',
    '--base-url',
    server.url,
    '--db',
    join(directory, 'cli.db'),
    '--quiet',
  ]);
  assert.equal(failed.code, 2);
  assert.match(failed.stderr, /bad\.jsonl:1: country: /);
  assert.match(failed.stderr, /bad\.jsonl:2: /);

  const good = join(directory, 'cli.jsonl');
  writeMcqDataset(good, 6);
  const ran = await runCli([
    'eval',
    '--dataset',
    good,
    '--model',
    'openai:test-model',
    '--base-url',
    server.url,
    '--db',
    join(directory, 'cli.db'),
    '--out',
    join(directory, 'cli-out'),
  ]);
  assert.equal(ran.code, 0, ran.stderr);
  assert.match(ran.stdout, /accuracy by country/);
  assert.match(ran.stdout, /openai:test-model/);
  assert.match(ran.stderr, /6\/6 \(100\.0%\)/);
});

test('streaming chat gives the same results as plain chat', async () => {
  const dataset = join(directory, 'stream.jsonl');
  writeMcqDataset(dataset, 6, { marker: (index) => `[[answer:${'ABCD'[index % 4]}]] (stream test)` });
  const plain = await evaluate(input('stream-plain', dataset));
  const streamed = await evaluate(input('stream-on', dataset, { useCache: false, modelDefaults: { stream: true } }));
  const strip = (rows: Record<string, unknown>[]) => rows.map(({ response, extracted, metrics, status }) => ({ response, extracted, metrics, status }));
  assert.deepEqual(strip(readRows(streamed.outDir)), strip(readRows(plain.outDir)));
  assert.equal(streamed.summary.groups[0].metrics.accuracy.overall.mean, 1);
  assert.ok(server.requests.log.some((request) => (request.body as { stream?: boolean } | undefined)?.stream === true));
});

test('eval with no --model looks for a local server and says what it found or what to pass', async () => {
  const result = await runCli(['eval', '--dataset', 'builtin:sample', '--db', join(directory, 'discover.db'), '--limit', '2', '--quiet'], { cwd: directory });
  if (/found /.test(result.stderr)) {
    assert.match(result.stderr, /using --model openai:/); // a real local server answered on a usual port
  } else {
    assert.equal(result.code, 2);
    assert.match(
      result.stderr,
      /no --model given, and no local OpenAI-compatible server answered on the usual ports \(Ollama :11434, llama\.cpp server :8080, vLLM :8000, LM Studio :1234\)/,
    );
    assert.match(result.stderr, /culturekit demo/);
  }
});
