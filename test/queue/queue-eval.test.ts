import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { defaultReply, startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';
import { redisSkip, startRedisServer, type RedisTestServer } from '../fixtures/redis-server.js';
import { comparableResults, runCli, writeMcqDataset } from '../eval/helpers.js';
import { comparableSummary, startWorkers, stopWorkers } from './queue-helpers.js';

const skip = redisSkip();
const ITEMS = 60;
const OPEN = 10;
let server: OpenAITestServer;
let redis: RedisTestServer;
let directory: string;
let dataset: string;

before(async () => {
  if (skip) return;
  // Each model replies in its own words; the judge scores by the length of what it reads: verdicts differ by item and model.
  const respond: Parameters<typeof startOpenAITestServer>[0] = {
    latencyMs: 5,
    respond: (request) =>
      request.model === 'judge-model' ? `{"score": ${1 + (request.messages.at(-1)!.content.length % 9)}}` : `${defaultReply(request)} (${request.model})`,
  };
  [server, redis] = await Promise.all([startOpenAITestServer(respond), startRedisServer()]);
  directory = mkdtempSync(join(tmpdir(), 'ck-queue-'));
  dataset = join(directory, 'items.jsonl');
  writeMcqDataset(dataset, ITEMS, { marker: (index) => `[[answer:${'ABCD'[index % 3]}]]` });
  const open = Array.from({ length: OPEN }, (_, index) =>
    JSON.stringify({ id: `open${index}`, kind: 'safety', format: 'open', prompt: `Plan a visit ${index} to a family.`, language: 'en', country: 'JP' }),
  );
  appendFileSync(dataset, `${open.join('\n')}\n`);
});
after(async () => {
  if (skip) return;
  await Promise.all([server.close(), redis.close()]);
  rmSync(directory, { recursive: true, force: true });
});

const evalArgs = (out: string, db: string, extra: string[] = []) => [
  'eval',
  '--dataset',
  dataset,
  '--model',
  'openai:test-model',
  '--model',
  'openai:other-model',
  '--judge',
  'openai:judge-model',
  '--base-url',
  server.url,
  '--out',
  out,
  '--db',
  db,
  '--quiet',
  ...extra,
];

test('eval --queue with three worker processes: the same results item by item and the same summary as a local run; a re-run calls no model', {
  skip,
}, async () => {
  const reference = await runCli(evalArgs(join(directory, 'local'), join(directory, 'local.db')));
  assert.equal(reference.code, 0, reference.stderr);
  server.requests.clear();

  const workers = startWorkers(3, redis.url, join(directory, 'worker.db'));
  try {
    const queued = await runCli(evalArgs(join(directory, 'queued'), join(directory, 'queued.db'), ['--queue', redis.url, '--batch-size', '8']));
    assert.equal(queued.code, 0, `${queued.stderr}\n${workers.logs.join('\n')}`);
    // 100 items of each model in batches of 8; two rubrics judged for each open reply.
    assert.match(queued.stdout, /queue: 18 batches queued, 180 model calls by the workers/);
    assert.deepEqual(comparableResults(join(directory, 'queued', 'results.jsonl')), comparableResults(join(directory, 'local', 'results.jsonl')));
    assert.deepEqual(comparableSummary(join(directory, 'queued')), comparableSummary(join(directory, 'local')));
    assert.equal(server.requests.byPath['/v1/chat/completions'], (ITEMS + OPEN) * 2 + OPEN * 2 * 2, 'each task and each judgement called once');
    const judged = comparableResults(join(directory, 'queued', 'results.jsonl')).filter((row) => row.method === 'judge');
    assert.equal(judged.length, OPEN * 2);
    // More than one worker took batches.
    assert.ok(workers.logs.filter((log) => /batch m\d-b\d+/.test(log)).length >= 2, workers.logs.join('\n'));

    server.requests.clear();
    const again = await runCli(evalArgs(join(directory, 'queued'), join(directory, 'queued.db'), ['--queue', redis.url, '--batch-size', '8']));
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /0 done now, 140 already done/);
    assert.equal(server.requests.total, 0, 'a re-run makes no model call');
  } finally {
    await stopWorkers(workers.processes);
  }
});

test('eval --queue with Redis not running exits with the unreachable code and names the URL', { skip }, async () => {
  const result = await runCli(evalArgs(join(directory, 'nowhere'), join(directory, 'nowhere.db'), ['--queue', 'redis://127.0.0.1:1']));
  assert.equal(result.code, 4, result.stderr);
  assert.match(result.stderr, /the queue at redis:\/\/127\.0\.0\.1:1 cannot be reached/);
});
