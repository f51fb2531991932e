/**
 * Engine benchmark against the local OpenAI-compatible test server (run in its own process):
 *   1. 2,000 multiple-choice items at concurrency 32 with 50 ms server latency → items/s and the ratio to 32/0.05 = 640 items/s;
 *   2. CPU milliseconds per item of the culturekit process with zero latency;
 *   3. peak memory for 48,000 items;
 *   4. time to resume an already finished 48,000-item run (no model calls expected).
 * Usage: node --import tsx bench/eval-throughput.ts [--items 2000] [--big 48000]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { evaluate } from '../src/eval/evaluate.js';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const ITEMS = argument('--items', 2000);
const BIG = argument('--big', 48000);
const CONCURRENCY = 32;
const LATENCY_MS = 50;

const directory = mkdtempSync(join(tmpdir(), 'ck-bench-'));

function writeDataset(count: number): string {
  const path = join(directory, `items-${count}.jsonl`);
  const countries = ['JP', 'CN', 'IN', 'TH', 'EG', 'NG', 'DE', 'FR', 'BR', 'MX', 'US', 'AU'];
  const lines: string[] = [];
  for (let index = 0; index < count; index++) {
    lines.push(
      JSON.stringify({
        id: `item-${index}`,
        kind: 'knowledge',
        format: 'mcq',
        prompt: `Question ${index}: which of these is customary in ${countries[index % countries.length]} when visiting a home for the first time?`,
        choices: ['Bring a small gift', 'Arrive two hours late', 'Refuse any food offered', 'Keep outdoor shoes on everywhere'],
        answer: 'A',
        language: 'en',
        country: countries[index % countries.length],
        category: ['etiquette', 'food', 'gifts', 'greetings'][index % 4],
      }),
    );
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function startServer(latencyMs: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/openai-test-server.ts', '--port', '0', '--latency', String(latencyMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const match = /listening (\S+)/.exec(line);
    if (match) return { url: match[1], child };
  }
  throw new Error('the test server did not start');
}

async function run(label: string, dataset: string, baseUrl: string, outName: string, database: string) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let runStarted = 0;
  let runEnded = 0;
  const output = await evaluate({
    onProgress: (progress) => {
      if (progress.done === 0) runStarted = performance.now();
      if (progress.done === progress.total) runEnded = performance.now();
    },
    dataset,
    models: [{ spec: 'openai:bench-model', baseUrl }],
    options: { kinds: ['knowledge'], maxTokens: 16 },
    runtime: { concurrency: CONCURRENCY, maxRetries: 0 },
    dbPath: join(directory, database),
    outDir: join(directory, outName),
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { label, seconds, cpuMs, output, runSeconds: (runEnded - runStarted) / 1000 };
}

const slow = await startServer(LATENCY_MS);
const fast = await startServer(0);
try {
  // Warm up (JIT, sockets) on a separate run.
  await run('warm-up', writeDataset(300), fast.url, 'warm', 'warm.db');

  const throughput = await run('throughput', writeDataset(ITEMS), slow.url, 'throughput', 'throughput.db');
  const rate = ITEMS / throughput.seconds;
  console.log(
    `throughput: ${ITEMS} items, concurrency ${CONCURRENCY}, ${LATENCY_MS} ms latency: ${throughput.seconds.toFixed(2)} s, ${rate.toFixed(1)} items/s, ratio to ${(CONCURRENCY / (LATENCY_MS / 1000)).toFixed(0)} items/s = ${(rate / (CONCURRENCY / (LATENCY_MS / 1000))).toFixed(3)} (goal ≥ 0.97); the run phase alone (after loading, before writing the files): ${throughput.runSeconds.toFixed(2)} s, ratio ${(ITEMS / throughput.runSeconds / (CONCURRENCY / (LATENCY_MS / 1000))).toFixed(3)}`,
  );

  const cpuRun = await run('cpu', writeDataset(ITEMS * 2), fast.url, 'cpu', 'cpu.db');
  console.log(
    `cpu: ${ITEMS * 2} items at zero latency: ${(cpuRun.cpuMs / (ITEMS * 2)).toFixed(3)} ms CPU per item (culturekit process; goal ≤ 1 ms), ${((ITEMS * 2) / cpuRun.seconds).toFixed(0)} items/s`,
  );

  const bigDataset = writeDataset(BIG);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const big = await run('big', bigDataset, fast.url, 'big', 'big.db');
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  console.log(
    `memory: ${BIG} items in ${big.seconds.toFixed(1)} s (${(big.cpuMs / BIG).toFixed(3)} ms CPU per item): peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (process maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB)`,
  );

  const resumed = await run('resume', bigDataset, fast.url, 'big', 'big.db');
  console.log(
    `resume: finished ${BIG}-item run resumed in ${resumed.seconds.toFixed(2)} s with ${resumed.output.outcome.done} model calls (goal: 0 calls, ≤ 5 s)`,
  );
} finally {
  slow.child.kill();
  fast.child.kill();
}
