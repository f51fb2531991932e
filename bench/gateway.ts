/**
 * Latency the grounding gateway adds: the same open-loop load (a fixed request rate, not a closed loop that slows
 * down with the server) sent straight to an instant upstream, then through `culturekit serve` in front of it.
 * Both servers run in child processes on loopback; every request is a chat completion whose question names a
 * country, so the gateway retrieves and grounds each one (k=3) before passing it on.
 *
 *   node --import tsx bench/gateway.ts [--rate 1000] [--seconds 30] [--warmup 2] [--stream 0] [--off 0]
 *
 * `--off 1` sends `x-culturekit-grounding: off`: the cost of the proxy alone, without retrieval and grounding.
 * Prints p50/p90/p99/max latency of each path, the difference (what the gateway adds), the errors, and the
 * gateway's CPU per request. Goal at 1,000 requests/s: p50 added ≤ 1 ms, 0 errors. Bounded: rate × seconds
 * requests per path, each with a 10 s limit; nothing leaves 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadBuiltinSample } from '../src/datasets/builtin/builtin-sample.js';

const flags = new Map<string, number>();
for (let index = 2; index < process.argv.length; index += 2) flags.set(process.argv[index].replace(/^--/, ''), Number(process.argv[index + 1]));
const rate = flags.get('rate') ?? 1000;
const seconds = flags.get('seconds') ?? 30;
const warmupSeconds = flags.get('warmup') ?? 2;
const stream = (flags.get('stream') ?? 0) === 1;
const groundingOff = (flags.get('off') ?? 0) === 1;
const REQUEST_LIMIT_MS = 10_000;

interface Child {
  url: string;
  process: ChildProcess;
}

async function startChild(args: string[]): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, NODE_LLAMA_CPP_SKIP_DOWNLOAD: 'true' },
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const url = /^listening (\S+)$/.exec(line)?.[1];
    if (url) return { url, process: child };
  }
  throw new Error(`${args.join(' ')} exited before listening`);
}

async function stopChild(child: Child): Promise<void> {
  child.process.kill('SIGTERM');
  await once(child.process, 'exit');
}

/** CPU time of a process in ms, from /proc (Linux). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const sample = loadBuiltinSample();
const bodies = sample.items
  .filter((item) => item.kind === 'knowledge')
  .map((item) => Buffer.from(JSON.stringify({ model: 'test-model', stream, max_tokens: 16, messages: [{ role: 'user', content: item.prompt }] })));

interface Outcome {
  latencies: number[];
  errors: number;
  seconds: number;
}

/** Sends `rate` requests per second for `duration` seconds to `url` (open loop), and times each one to its last byte. */
async function load(url: string, duration: number): Promise<Outcome> {
  const target = new URL(`${url}/chat/completions`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512, maxFreeSockets: 512 });
  const total = Math.round(rate * duration);
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  let done = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const finishOne = () => {
      done++;
      if (done === total) resolve();
    };
    const send = (index: number) => {
      const body = bodies[index % bodies.length];
      const begin = performance.now();
      const request = http.request(
        {
          agent,
          hostname: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': body.length, ...(groundingOff ? { 'x-culturekit-grounding': 'off' } : {}) },
        },
        (response) => {
          response.on('data', () => undefined);
          response.on('end', () => {
            if (response.statusCode === 200) latencies.push(performance.now() - begin);
            else errors++;
            finishOne();
          });
        },
      );
      request.setTimeout(REQUEST_LIMIT_MS, () => request.destroy(new Error('timeout')));
      request.on('error', () => {
        errors++;
        finishOne();
      });
      request.end(body);
    };
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - started) * rate) / 1000) + 1);
      while (sent < due) send(sent++);
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  agent.destroy();
  return { latencies: latencies.sort((left, right) => left - right), errors, seconds: (performance.now() - started) / 1000 };
}

function percentile(sorted: number[], share: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

function report(label: string, outcome: Outcome): void {
  const ms = (value: number) => `${value.toFixed(3)} ms`;
  const { latencies } = outcome;
  console.log(
    `${label.padEnd(16)} ${String(latencies.length + outcome.errors).padStart(6)} requests in ${outcome.seconds.toFixed(1)} s  ` +
      `p50 ${ms(percentile(latencies, 0.5))}  p90 ${ms(percentile(latencies, 0.9))}  p99 ${ms(percentile(latencies, 0.99))}  max ${ms(latencies.at(-1) ?? Number.NaN)}  errors ${outcome.errors}`,
  );
}

const directory = mkdtempSync(join(tmpdir(), 'culturekit-bench-gateway-'));
const upstream = await startChild(['test/fixtures/openai-test-server.ts', '--port', '0', '--latency', '0']);
const gateway = await startChild([
  'src/cli/main.ts',
  'serve',
  '--upstream',
  upstream.url,
  '--kb',
  'builtin:sample',
  '--port',
  '0',
  '--k',
  '3',
  '--db',
  join(directory, 'store.db'),
]);
try {
  console.log(
    `${rate} requests/s for ${seconds} s per path (after ${warmupSeconds} s of warm-up), ${stream ? 'streaming' : 'non-streaming'} chat completions, ` +
      (groundingOff ? 'grounding off (proxy only)' : 'k=3'),
  );
  await load(upstream.url, warmupSeconds);
  const direct = await load(upstream.url, seconds);
  report('direct', direct);
  await load(gateway.url, warmupSeconds);
  const cpuBefore = processCpuMs(gateway.process.pid!);
  const through = await load(gateway.url, seconds);
  const gatewayCpu = processCpuMs(gateway.process.pid!) - cpuBefore;
  report('through gateway', through);
  const added = (share: number) => (percentile(through.latencies, share) - percentile(direct.latencies, share)).toFixed(3);
  console.log(
    `added by the gateway: p50 ${added(0.5)} ms  p90 ${added(0.9)} ms  p99 ${added(0.99)} ms; gateway CPU ${(gatewayCpu / (through.latencies.length + through.errors)).toFixed(3)} ms/request`,
  );
} finally {
  await stopChild(gateway);
  await stopChild(upstream);
  rmSync(directory, { recursive: true, force: true });
}
