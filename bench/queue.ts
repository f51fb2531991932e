/**
 * Queue benchmark (`eval --queue` with `culturekit worker` processes, Redis started here):
 *   1. items/s with 1, 2 and 4 workers against a test server with a fixed capacity (CAPACITY requests at once, each
 *      LATENCY_MS): linear in the workers until the server's limit (each worker holds CONCURRENCY calls in flight);
 *   2. the queue's overhead against a local run at 1 worker (same server, same concurrency; goal ≤ 10%);
 *   3. the rate limit's accuracy across 3 workers (`--rpm`): calls per minute the server saw.
 * Items/s are counted on the server, from the first call to the last (process start-up not included). The default
 * latency (500 ms, a real model's order) keeps culturekit's own CPU out of the scaling figures on a small machine.
 * Usage: node --import tsx bench/queue.ts [--items 480] [--latency 500] [--batch-size 16] [--rpm 1200] [--workers 1,2,4] [--only scaling]
 */
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOpenAITestServer } from '../test/fixtures/openai-test-server.js';
import { startRedisServer } from '../test/fixtures/redis-server.js';
import { runCli, spawnCli, writeMcqDataset } from '../test/eval/helpers.js';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const ITEMS = argument('--items', 480);
const RPM = argument('--rpm', 1200);
const LATENCY_MS = argument('--latency', 500);
const BATCH_SIZE = argument('--batch-size', 16);
const listed = process.argv.indexOf('--workers');
const WORKER_COUNTS = listed >= 0 ? process.argv[listed + 1].split(',').map(Number) : [1, 2, 4];
const ONLY_SCALING = process.argv.includes('--only');
const CONCURRENCY = 8;
const CAPACITY = 24;

const directory = mkdtempSync(join(tmpdir(), 'ck-bench-queue-'));
const dataset = join(directory, 'items.jsonl');
writeMcqDataset(dataset, ITEMS, { marker: (index) => `[[answer:${'ABCD'[index % 3]}]]` });
const upstream = await startOpenAITestServer({ latencyMs: LATENCY_MS, logRequests: false });
const redis = await startRedisServer();

/** The test server behind a gate of `capacity` requests at once (the rest wait), recording when each call started. */
async function startCappedServer(capacity: number): Promise<{ url: string; starts: number[]; close: () => Promise<void> }> {
  const starts: number[] = [];
  let active = 0;
  const waiting: (() => void)[] = [];
  const target = new URL(upstream.url);
  const server = http.createServer(async (request, response) => {
    if (active >= capacity) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    if (request.method === 'POST') starts.push(performance.now());
    const forwarded = http.request(
      { host: target.hostname, port: target.port, path: request.url, method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        answer.on('end', () => {
          const next = waiting.shift();
          if (next) next();
          else active--;
        });
      },
    );
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/v1`, starts, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const running = new Set<ChildProcess>();
const cleanUp = () => {
  for (const child of running) child.kill('SIGKILL');
  void redis.close().then(() => process.exit(130));
};
process.once('SIGINT', cleanUp);
process.once('SIGTERM', cleanUp);

async function startWorkers(count: number): Promise<ChildProcess[]> {
  const workers = Array.from({ length: count }, () => spawnCli(['worker', '--queue', redis.url, '--db', join(directory, 'worker.db')]));
  for (const worker of workers) running.add(worker);
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          let text = '';
          worker.stderr!.on('data', (chunk) => {
            text += chunk;
            if (text.includes('waiting for runs')) resolve();
          });
        }),
    ),
  );
  return workers;
}

async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(workers.map((worker) => new Promise((resolve) => (worker.once('exit', resolve), worker.kill('SIGTERM')))));
  for (const worker of workers) running.delete(worker);
}

/** The most calls that started in any window of `windowMs`, per minute. */
function peakRate(starts: number[], windowMs: number): number {
  let peak = 0;
  for (let first = 0, last = 0; last < starts.length; last++) {
    while (starts[last] - starts[first] > windowMs) first++;
    peak = Math.max(peak, last - first + 1);
  }
  return (peak * 60_000) / windowMs;
}

let runs = 0;
/** One run; items/s on the server from its first call to its last. */
async function run(
  url: string,
  starts: number[],
  extra: string[],
): Promise<{ itemsPerSecond: number; wallSeconds: number; callsPerMinute: number; peakPerMinute: number }> {
  starts.length = 0;
  runs++;
  const began = performance.now();
  const result = await runCli([
    'eval',
    '--dataset',
    dataset,
    '--model',
    'openai:test-model',
    '--base-url',
    url,
    '--out',
    join(directory, `run-${runs}`),
    '--db',
    join(directory, `run-${runs}.db`),
    '--concurrency',
    String(CONCURRENCY),
    '--fixed-concurrency',
    '--no-cache',
    '--quiet',
    ...extra,
  ]);
  if (result.code !== 0) throw new Error(result.stderr);
  const span = (starts[starts.length - 1] - starts[0]) / 1000 + LATENCY_MS / 1000;
  return {
    itemsPerSecond: ITEMS / span,
    wallSeconds: (performance.now() - began) / 1000,
    callsPerMinute: ((starts.length - 1) / (starts[starts.length - 1] - starts[0])) * 60_000,
    peakPerMinute: peakRate(starts, 5_000),
  };
}

const capped = await startCappedServer(CAPACITY);
const open = await startCappedServer(Number.POSITIVE_INFINITY);
try {
  console.log(`${ITEMS} items, ${LATENCY_MS} ms per call, ${CONCURRENCY} calls in flight per worker, batches of ${BATCH_SIZE}`);
  console.log(`\n1. scaling against a server that answers ${CAPACITY} calls at once (limit ${((CAPACITY * 1000) / LATENCY_MS).toFixed(0)} items/s):`);
  for (const count of WORKER_COUNTS) {
    const workers = await startWorkers(count);
    const measured = await run(capped.url, capped.starts, ['--queue', redis.url, '--batch-size', String(BATCH_SIZE)]);
    await stopWorkers(workers);
    const ideal = Math.min(count * CONCURRENCY, CAPACITY) / (LATENCY_MS / 1000);
    console.log(
      `   ${count} worker${count > 1 ? 's' : ' '}: ${measured.itemsPerSecond.toFixed(0).padStart(4)} items/s (ideal ${ideal.toFixed(0)}, ${((100 * measured.itemsPerSecond) / ideal).toFixed(0)}%)`,
    );
  }

  if (!ONLY_SCALING) await overheadAndRateLimit();
} finally {
  await Promise.all([capped.close(), open.close(), upstream.close(), redis.close()]);
}

async function overheadAndRateLimit(): Promise<void> {
  console.log('\n2. overhead of the queue at 1 worker (no server limit):');
  const local = await run(open.url, open.starts, []);
  const workers = await startWorkers(1);
  const queued = await run(open.url, open.starts, ['--queue', redis.url, '--batch-size', String(BATCH_SIZE)]);
  await stopWorkers(workers);
  console.log(`   local run:         ${local.itemsPerSecond.toFixed(0)} items/s (command ${local.wallSeconds.toFixed(1)} s)`);
  console.log(`   queue, 1 worker:   ${queued.itemsPerSecond.toFixed(0)} items/s (command ${queued.wallSeconds.toFixed(1)} s)`);
  console.log(`   overhead: ${(100 * (local.itemsPerSecond / queued.itemsPerSecond - 1)).toFixed(1)}% (goal ≤ 10%)`);

  console.log(`\n3. --rpm ${RPM} across 3 workers:`);
  const limitedItems = Math.min(ITEMS, Math.round(RPM / 4));
  const three = await startWorkers(3);
  const limited = await run(open.url, open.starts, ['--queue', redis.url, '--rpm', String(RPM), '--limit', String(limitedItems), '--batch-size', '10']);
  await stopWorkers(three);
  console.log(
    `   ${limitedItems} calls at ${limited.callsPerMinute.toFixed(0)} per minute on the server: ${((100 * (limited.callsPerMinute - RPM)) / RPM).toFixed(1)}% from --rpm ${RPM}; busiest 5 s: ${limited.peakPerMinute.toFixed(0)} per minute`,
  );
}
