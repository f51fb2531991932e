/**
 * Throughput and CPU cost of the OpenAI-compatible client against the test server (in a child process).
 *
 *   node --import tsx bench/openai-client.ts [--requests 2000] [--concurrency 32] [--latency 50]
 *
 * Prints items/s and the ratio to the theoretical `concurrency / latency` for our client and for a bare
 * `fetch` loop, then the client's CPU per request (process.cpuUsage of this process) and the server's
 * (from /proc) against a zero-latency server. The raw-socket line is the floor that the server and the machine
 * allow: prebuilt requests on plain keep-alive sockets, no HTTP client at all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { LanguageModel } from '../src/models/language-model.js';
import { parseModelSpec } from '../src/models/model-spec.js';
import { createOpenAICompatibleModel } from '../src/models/openai/openai-compatible-model.js';

const flags = new Map<string, number>();
for (let index = 2; index < process.argv.length; index += 2) flags.set(process.argv[index].replace(/^--/, ''), Number(process.argv[index + 1]));
const requests = flags.get('requests') ?? 2000;
const concurrency = flags.get('concurrency') ?? 32;
const latencyMs = flags.get('latency') ?? 50;
const theoretical = (concurrency * 1000) / latencyMs;

interface Server {
  url: string;
  child: ChildProcess;
}

async function startServer(latency: number): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/openai-test-server.ts', '--port', '0', '--latency', String(latency)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  const url = /^listening (\S+)$/.exec(line)?.[1];
  if (!url) throw new Error(`unexpected server output: ${line}`);
  return { url, child };
}

async function stopServer(server: Server): Promise<void> {
  server.child.kill('SIGTERM');
  await once(server.child, 'exit');
}

/** CPU time of a process in ms, from /proc (Linux). */
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function prompt(index: number): string {
  return `Question ${index}: which option fits the culture best?\nA. first option\nB. second option\nC. third option\nD. fourth option`;
}

async function pool(count: number, width: number, task: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

function ourTask(model: LanguageModel) {
  return (index: number) =>
    model.generate({ messages: [{ role: 'user', content: prompt(index) }], maxTokens: 16, temperature: 0 }).then((result) => {
      if (!result.text.startsWith('Answer:')) throw new Error(`unexpected reply ${result.text}`);
    });
}

function fetchTask(url: string) {
  return async (index: number) => {
    const response = await fetch(`${url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: prompt(index) }], max_tokens: 16, temperature: 0 }),
    });
    const body = (await response.json()) as { choices: { message: { content: string } }[] };
    if (!body.choices[0].message.content.startsWith('Answer:')) throw new Error('unexpected reply');
  };
}

/** The floor set by the server and the machine: raw keep-alive sockets, a prebuilt request, no parsing beyond framing. */
function rawSocketTask(url: string) {
  const { hostname, port, pathname } = new URL(`${url}/chat/completions`);
  const sockets: { socket: ReturnType<typeof connect>; busy: boolean }[] = [];
  return (index: number) =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: prompt(index) }], max_tokens: 16, temperature: 0 });
      let entry = sockets.find((candidate) => !candidate.busy);
      if (!entry) {
        entry = { socket: connect(Number(port), hostname), busy: false };
        entry.socket.setNoDelay(true);
        sockets.push(entry);
      }
      const current = entry;
      current.busy = true;
      let received = '';
      const onData = (chunk: Buffer) => {
        received += chunk.toString('latin1');
        const headerEnd = received.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/content-length: (\d+)/i.exec(received.slice(0, headerEnd))?.[1]);
        if (received.length < headerEnd + 4 + length) return;
        current.socket.off('data', onData);
        current.socket.off('error', reject);
        current.busy = false;
        resolve();
      };
      current.socket.on('data', onData);
      current.socket.once('error', reject);
      current.socket.write(
        `POST ${pathname} HTTP/1.1\r\nhost: ${hostname}:${port}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: keep-alive\r\n\r\n${body}`,
      );
    });
}

async function measure(label: string, task: (index: number) => Promise<unknown>, server: Server, count: number): Promise<void> {
  await pool(Math.min(200, count), concurrency, task);
  const serverBefore = processCpuMs(server.child.pid!);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await pool(count, concurrency, task);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const serverCpu = processCpuMs(server.child.pid!) - serverBefore;
  const perSecond = count / seconds;
  const ratio = latencyFor(server) > 0 ? ` ratio ${(perSecond / theoretical).toFixed(3)} of ${theoretical}/s` : '';
  console.log(
    `${label.padEnd(38)} ${perSecond.toFixed(0).padStart(6)} items/s${ratio}` +
      `  client CPU ${((cpu.user + cpu.system) / 1000 / count).toFixed(3)} ms/request` +
      `  server CPU ${(serverCpu / count).toFixed(3)} ms/request`,
  );
}

const latencies = new Map<Server, number>();
function latencyFor(server: Server): number {
  return latencies.get(server) ?? 0;
}

const slow = await startServer(latencyMs);
latencies.set(slow, latencyMs);
console.log(`${requests} chat requests, concurrency ${concurrency}, server latency ${latencyMs} ms (theoretical ${theoretical}/s)`);
const ours = createOpenAICompatibleModel(parseModelSpec('openai:test-model'), { baseUrl: slow.url, maxSockets: concurrency });
await measure('culturekit client (node:http)', ourTask(ours), slow, requests);
await ours.close();
await measure('bare fetch loop', fetchTask(slow.url), slow, requests);
await measure('raw sockets (floor of server+machine)', rawSocketTask(slow.url), slow, requests);
await stopServer(slow);

const fast = await startServer(0);
latencies.set(fast, 0);
console.log(`\nCPU cost against a zero-latency server (${requests * 2} requests, concurrency ${concurrency}):`);
const oursFast = createOpenAICompatibleModel(parseModelSpec('openai:test-model'), { baseUrl: fast.url, maxSockets: concurrency });
await measure('culturekit client (node:http)', ourTask(oursFast), fast, requests * 2);
await oursFast.close();
await measure('bare fetch loop', fetchTask(fast.url), fast, requests * 2);
await stopServer(fast);
