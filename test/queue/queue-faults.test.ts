import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';
import { redisSkip, startRedisServer, type RedisTestServer } from '../fixtures/redis-server.js';
import { comparableResults, runCli, spawnCli, writeMcqDataset } from '../eval/helpers.js';
import { startWorkers, stopWorkers } from './queue-helpers.js';

const skip = redisSkip();
const ITEMS = 160;
const CONCURRENCY = 4;
let server: OpenAITestServer;
/** The local run's own server: it runs alongside, and the queue's server counts only the queue's calls. */
let referenceServer: OpenAITestServer;
let redis: RedisTestServer;
let directory: string;
let dataset: string;

before(async () => {
  if (skip) return;
  [server, referenceServer, redis] = await Promise.all([startOpenAITestServer({ latencyMs: 60 }), startOpenAITestServer({ latencyMs: 5 }), startRedisServer()]);
  directory = mkdtempSync(join(tmpdir(), 'ck-queue-faults-'));
  dataset = join(directory, 'items.jsonl');
  writeMcqDataset(dataset, ITEMS, { marker: (index) => `[[answer:${'ABCD'[index % 3]}]]` });
});
after(async () => {
  if (skip) return;
  await Promise.all([server.close(), referenceServer.close(), redis.close()]);
  rmSync(directory, { recursive: true, force: true });
});

async function waitFor(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

test('a worker killed mid-batch, Redis restarted, the coordinator killed and resumed: exactly one result per task, as a local run, duplicate calls bounded', {
  skip,
}, async (t) => {
  const args = (out: string, extra: string[], url = server.url) => [
    'eval',
    '--dataset',
    dataset,
    '--model',
    'openai:test-model',
    '--out',
    join(directory, out),
    '--db',
    join(directory, `${out}.db`),
    '--base-url',
    url,
    '--concurrency',
    String(CONCURRENCY),
    '--fixed-concurrency',
    '--quiet',
    ...extra,
  ];
  const reference = runCli(args('local', [], referenceServer.url));
  const chat = () => server.requests.byPath['/v1/chat/completions'] ?? 0;

  const workerDb = join(directory, 'worker.db');
  // One worker first, so the calls seen are its own: killed after its first 4 to 8 requests of a 10-task batch, it dies
  // mid-batch for certain (on a busy or an idle machine alike), and its batch must be re-delivered.
  const first = startWorkers(1, redis.url, workerDb, ['--lock-duration', '2500']);
  let later: ReturnType<typeof startWorkers> = { processes: [], logs: [] };
  const queueArgs = args('queued', ['--queue', redis.url, '--batch-size', '10']);
  const coordinator = spawnCli(queueArgs);
  coordinator.stdout!.resume();
  coordinator.stderr!.resume();
  try {
    // 1. kill -9 the worker while its batch has calls in flight; two more workers take over.
    await waitFor('the first calls', () => chat() >= 4, 90_000);
    first.processes[0].kill('SIGKILL');
    later = startWorkers(2, redis.url, workerDb, ['--lock-duration', '2500']);
    // 2. Restart Redis (it keeps the queue in its append-only file).
    await waitFor('more calls', () => chat() >= 60);
    await redis.stop();
    await sleep(300);
    await redis.start();
    // 3. kill -9 the coordinator; the workers go on; a resumed coordinator re-attaches and collects everything.
    await waitFor('more calls after the restart', () => chat() >= 100);
    coordinator.kill('SIGKILL');
    await new Promise((resolve) => coordinator.once('exit', resolve));
    const runId = JSON.parse(readFileSync(join(directory, 'queued', 'manifest.json'), 'utf8')).id as string;
    const resumed = await runCli(['eval', '--resume', runId, '--db', join(directory, 'queued.db'), '--queue', redis.url, '--quiet']);
    assert.equal(resumed.code, 0, `${resumed.stderr}\n${first.logs.join('\n')}${later.logs.join('\n')}`);

    const local = await reference;
    assert.equal(local.code, 0, local.stderr);
    const rows = comparableResults(join(directory, 'queued', 'results.jsonl'));
    assert.equal(rows.length, ITEMS, 'exactly one result per item');
    assert.deepEqual(rows, comparableResults(join(directory, 'local', 'results.jsonl')));
    // The killed worker's finished calls are in the machine's worker cache: a re-delivered batch asks again only what
    // its worker had in flight (a batch whose lock lapsed while Redis restarted is re-delivered too).
    const redelivered = Number(/(\d+) batch re-deliveries after a worker stopped/.exec(resumed.stdout)?.[1]);
    assert.ok(redelivered >= 1, resumed.stdout);
    const duplicates = chat() - ITEMS;
    t.diagnostic(`${duplicates} duplicate model calls, ${redelivered} batch re-deliveries`);
    assert.ok(duplicates >= 0 && duplicates <= redelivered * CONCURRENCY, `duplicate calls: ${duplicates}, re-deliveries: ${redelivered}`);
  } finally {
    coordinator.kill('SIGKILL');
    await stopWorkers([...first.processes, ...later.processes]);
  }
});
