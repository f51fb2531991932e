/**
 * Start-up of the `culturekit` command: median wall time of `--version` and `--help`, and the time from spawning an
 * eval to the first request its model server sees (a test server in this process), against a bare `node -e 0`.
 *
 *   npm run build && node --import tsx bench/startup.ts [--runs 10] [--bin bin/culturekit.js]
 *
 * `bin/culturekit.js` runs the compiled `dist/` when it exists: build first, or the figures include tsx compiling the
 * TypeScript. `--bin` measures another checkout (e.g. an older build) the same way.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startOpenAITestServer } from '../test/fixtures/openai-test-server.js';

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const runs = Number(argument('runs') ?? 10);
const bin = resolve(argument('bin') ?? new URL('../bin/culturekit.js', import.meta.url).pathname);

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Wall time of one process from spawn to exit, in milliseconds. */
function timeProcess(args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: 'ignore' });
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done(performance.now() - started) : fail(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

async function timeCommand(args: string[]): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push(await timeProcess(args));
  return median(times);
}

/** Milliseconds from spawning `culturekit eval` to its first model request, in a fresh folder (no store, no cache). */
async function timeToFirstRequest(): Promise<number> {
  let firstRequest: (() => void) | undefined;
  const server = await startOpenAITestServer({
    respond: () => {
      firstRequest?.();
      return 'Answer: A';
    },
  });
  const times: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const folder = mkdtempSync(join(tmpdir(), 'ck-startup-'));
      const started = performance.now();
      const child = spawn(
        process.execPath,
        [bin, 'eval', '--dataset', 'builtin:sample', '--model', 'openai:test-model', '--base-url', server.url, '--limit', '1', '--quiet'],
        {
          cwd: folder,
          stdio: 'ignore',
        },
      );
      const exited = new Promise((done) => child.on('exit', done));
      const seen = await Promise.race([new Promise<number>((done) => (firstRequest = () => done(performance.now() - started))), exited.then(() => Number.NaN)]);
      firstRequest = undefined;
      child.kill('SIGKILL');
      await exited;
      rmSync(folder, { recursive: true, force: true });
      if (Number.isNaN(seen)) throw new Error('the eval exited before sending a request');
      times.push(seen);
    }
  } finally {
    await server.close();
  }
  return median(times);
}

const figures: [string, number][] = [
  ['node -e 0', await timeCommand(['-e', '0'])],
  ['culturekit --version', await timeCommand([bin, '--version'])],
  ['culturekit --help', await timeCommand([bin, '--help'])],
  ['culturekit eval --help', await timeCommand([bin, 'eval', '--help'])],
  ['eval: spawn → first request', await timeToFirstRequest()],
];
process.stdout.write(`start-up of ${bin}, median of ${runs} runs:\n`);
for (const [name, milliseconds] of figures) process.stdout.write(`  ${name.padEnd(30)} ${(milliseconds / 1000).toFixed(3)} s\n`);
