/**
 * Scale benchmark (issue 18): `culturekit eval` and `culturekit report` at 10,000 → 1,000,000 results against a zero-latency
 * in-process OpenAI-compatible server. Each CLI command runs in its own child process under `/usr/bin/time -v`, so the
 * figures are the real command's peak RSS (maxRSS) and CPU; this process only serves the model.
 *
 * For each size N = items × models (MCQ knowledge items, `--concurrency 32`):
 *   1. fresh run: wall seconds, results/s, CPU ms per result (child user+sys), peak RSS, store bytes per result;
 *   2. resume of the finished run: seconds, model calls (goal 0);
 *   3. resume of a half-finished run (the later half of each model's items deleted from the store, as an interrupted
 *      run leaves it): seconds until the first new request reaches the server, and the whole resume;
 *   4. `culturekit report` (HTML) of the run from the store: seconds and peak RSS.
 *
 * Usage: npm run build && node --import tsx bench/million.ts [--sizes 10000,144000,1000000] [--models 5] [--skip report,half] [--cli dist|tsx] [--keep]
 * Sizes are results; items = size / models (144,000 uses 3 models as the issue's figure did, unless --models is given).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startOpenAITestServer } from '../test/fixtures/openai-test-server.js';

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const SIZES = (argument('--sizes') ?? '10000,144000,1000000').split(',').map(Number);
const MODELS = argument('--models');
const SKIP = new Set((argument('--skip') ?? '').split(',').filter(Boolean));
const KEEP = process.argv.includes('--keep');
const DIST = new URL('../dist/cli/main.js', import.meta.url).pathname;
/** The built CLI (what `culturekit` runs once installed; `npm run build`) unless `--cli tsx` or there is no build: tsx adds ~40 MiB. */
const CLI_KIND = argument('--cli') ?? (existsSync(DIST) ? 'dist' : 'tsx');
const CLI = CLI_KIND === 'dist' ? [DIST] : ['--import', 'tsx', new URL('../src/cli/main.ts', import.meta.url).pathname];

const directory = mkdtempSync(join(tmpdir(), 'ck-million-'));
const countries = ['JP', 'CN', 'IN', 'TH', 'EG', 'NG', 'DE', 'FR', 'BR', 'MX', 'US', 'AU'];

async function writeDataset(count: number): Promise<string> {
  const path = join(directory, `items-${count}.jsonl`);
  const out = createWriteStream(path);
  for (let index = 0; index < count; index++) {
    const line = `${JSON.stringify({
      id: `item-${index}`,
      kind: 'knowledge',
      format: 'mcq',
      prompt: `Question ${index}: which of these is customary in ${countries[index % countries.length]} when visiting a home for the first time?`,
      choices: ['Bring a small gift', 'Arrive two hours late', 'Refuse any food offered', 'Keep outdoor shoes on everywhere'],
      answer: 'ABCD'[index % 4],
      language: 'en',
      country: countries[index % countries.length],
      category: ['etiquette', 'food', 'gifts', 'greetings'][index % 4],
    })}\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return path;
}

let requests = 0;
let firstRequestAt = 0;
const server = await startOpenAITestServer({
  logRequests: false,
  models: Array.from({ length: 8 }, (_, index) => `m${index}`),
  respond: (request) => {
    requests++;
    if (firstRequestAt === 0) firstRequestAt = performance.now();
    const prompt = request.messages.at(-1)?.content ?? '';
    return `Answer: ${'ABCD'[prompt.length % 4]}`;
  },
});

interface Measured {
  seconds: number;
  cpuSeconds: number;
  maxRssMiB: number;
  code: number | null;
  stdout: string;
  stderr: string;
  requests: number;
  firstRequestSeconds?: number;
}

/** Runs the CLI in a child under /usr/bin/time -v. */
async function cli(args: string[]): Promise<Measured> {
  requests = 0;
  firstRequestAt = 0;
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-v', process.execPath, ...CLI, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_LLAMA_CPP_SKIP_DOWNLOAD: 'true' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - started) / 1000;
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.:]+)`).exec(stderr)?.[1] ?? Number.NaN);
  const maxRssMiB = field('Maximum resident set size \\(kbytes\\)') / 1024;
  const cpuSeconds = field('User time \\(seconds\\)') + field('System time \\(seconds\\)');
  if (code !== 0) throw new Error(`culturekit ${args.join(' ')} exited ${code}:\n${stderr.slice(-3000)}`);
  return {
    seconds,
    cpuSeconds,
    maxRssMiB,
    code,
    stdout,
    stderr,
    requests,
    firstRequestSeconds: firstRequestAt ? (firstRequestAt - started) / 1000 : undefined,
  };
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);
const lines: string[] = [];
const say = (line: string) => {
  lines.push(line);
  console.log(line);
};

say(
  `# bench/million.ts — ${new Date().toISOString()}, node ${process.version}, ${(await import('node:os')).cpus().length} CPUs (load: shared), CLI from ${CLI_KIND}`,
);
const rates: { size: number; rate: number }[] = [];
try {
  for (const size of SIZES) {
    const models = Number(MODELS ?? (size === 144000 ? 3 : 5));
    const items = Math.round(size / models);
    const dataset = await writeDataset(items);
    const db = join(directory, `store-${size}.db`);
    const out = join(directory, `run-${size}`);
    const modelFlags = Array.from({ length: models }, (_, index) => ['--model', `openai:m${index}`]).flat();
    const evalArgs = [
      'eval',
      '--dataset',
      dataset,
      ...modelFlags,
      '--base-url',
      server.url,
      '--db',
      db,
      '--out',
      out,
      '--concurrency',
      '32',
      '--max-retries',
      '0',
      '--max-tokens',
      '8',
      '--quiet',
    ];

    const fresh = await cli(evalArgs);
    const results = items * models;
    const storeBytes = statSync(db).size + (statSync(`${db}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    say(
      `${results} results (${items} items × ${models} models) fresh: ${fixed(fresh.seconds, 1)} s, ${fixed(results / fresh.seconds, 0)} results/s, ${fixed((fresh.cpuSeconds * 1000) / results, 3)} ms CPU per result (child), peak RSS ${fixed(fresh.maxRssMiB, 0)} MiB, ${fresh.requests} requests; store ${fixed(storeBytes / 2 ** 20, 0)} MiB = ${fixed(storeBytes / results, 0)} bytes per result; results.jsonl ${fixed(statSync(join(out, 'results.jsonl')).size / 2 ** 20, 0)} MiB`,
    );

    rates.push({ size: results, rate: results / fresh.seconds });
    const resumed = await cli(evalArgs);
    say(
      `${results} results: resume of the finished run: ${fixed(resumed.seconds)} s, ${resumed.requests} model calls, peak RSS ${fixed(resumed.maxRssMiB, 0)} MiB`,
    );

    if (!SKIP.has('half')) {
      const database = new Database(db);
      const deleted = database
        .prepare('DELETE FROM results WHERE CAST(substr(item_id, 6) AS INTEGER) >= ? AND model IN (SELECT DISTINCT model FROM results)')
        .run(Math.floor(items / 2)).changes;
      database.pragma('wal_checkpoint(TRUNCATE)');
      database.close();
      // --no-cache: the deleted results' calls are in the cache, and a resume would answer them from it without a request.
      const half = await cli([...evalArgs, '--no-cache']);
      say(
        `${results} results: resume of a half-finished run (${deleted} missing): first new request after ${fixed(half.firstRequestSeconds ?? Number.NaN)} s, done in ${fixed(half.seconds, 1)} s, ${half.requests} model calls, peak RSS ${fixed(half.maxRssMiB, 0)} MiB`,
      );
    }

    if (!SKIP.has('report')) {
      const runId = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).id as string;
      const report = await cli(['report', runId, '--db', db, '--out', join(directory, `report-${size}.html`)]);
      say(
        `${results} results: culturekit report (html, from the store): ${fixed(report.seconds, 1)} s (${fixed(report.cpuSeconds, 1)} s CPU; goal ≤ 15 s), peak RSS ${fixed(report.maxRssMiB, 0)} MiB (goal ≤ 500), ${fixed(statSync(join(directory, `report-${size}.html`)).size / 1024, 0)} KiB`,
      );
    }
    if (!KEEP) rmSync(out, { recursive: true, force: true });
    if (!KEEP) for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  }
  if (rates.length > 1) {
    const [first] = rates;
    const last = rates.at(-1)!;
    say(`throughput at ${last.size} results / at ${first.size}: ${fixed(last.rate / first.rate, 3)} (goal ≥ 0.95)`);
  }
} finally {
  await server.close();
  writeFileSync(join(directory, 'figures.txt'), `${lines.join('\n')}\n`);
  if (!KEEP) rmSync(directory, { recursive: true, force: true });
}
