/**
 * Translation throughput against the deterministic translation test server (its own process, 50 ms latency), at
 * concurrency 32, as a ratio to the eval engine's rate on the same server (see bench/eval-throughput.ts):
 *   1. eval: N multiple-choice items → items/s;
 *   2. translate: N instruction records into one language, no QE (one call per record) → records/s, ratio to 1;
 *   3. translate with round-trip chrF (two calls per record) → records/s (ideal: half the eval rate).
 * Eval and plain translation run alternately (`--rounds`, default 2) and the best time of each counts.
 * Usage: node --import tsx bench/translate.ts [--records 1000] [--rounds 2]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { evaluate } from '../src/eval/evaluate.js';
import { runTranslation } from '../src/translate/run-translation.js';
import type { SourceRecord } from '../src/translate/read-translation-input.js';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const RECORDS = argument('--records', 1000);
const ROUNDS = argument('--rounds', 2);
const CONCURRENCY = 32;
const LATENCY_MS = 50;
const directory = mkdtempSync(join(tmpdir(), 'ck-bench-translate-'));

async function startServer(latencyMs: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/translation-test-server.ts', '--port', '0', '--latency', String(latencyMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    const match = /listening (\S+)/.exec(line);
    if (match) return { url: match[1], child };
  }
  throw new Error('the translation test server did not start');
}

function itemsFile(count: number): string {
  const path = join(directory, `items-${count}.jsonl`);
  const lines = Array.from({ length: count }, (_, index) =>
    JSON.stringify({
      id: `item-${index}`,
      kind: 'knowledge',
      format: 'mcq',
      prompt: `Question ${index}: which of these is customary when visiting a home?`,
      choices: ['Bring a small gift', 'Arrive late', 'Refuse tea', 'Keep shoes on'],
      answer: 'A',
      language: 'en',
      country: 'JP',
    }),
  );
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function records(count: number, tag: string): SourceRecord[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${tag}-${index}`,
    kind: 'instruction' as const,
    language: 'en',
    fields: { instruction: `Write a short greeting for the guest number ${index}.`, output: 'Welcome, dear guest! We are happy you are here.' },
    where: `bench:${index}`,
  }));
}

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { seconds: (performance.now() - started) / 1000, value };
}

const server = await startServer(LATENCY_MS);
try {
  const translator = { spec: 'openai:bench-model', baseUrl: server.url, concurrency: CONCURRENCY, maxRetries: 0 };
  // Warm-up (JIT, sockets).
  await runTranslation({ records: records(200, 'warm'), targets: ['sw'], translator, dbPath: join(directory, 'warm.db') });

  // Alternated rounds, best of each: the machine's load changes from one second to the next.
  let evalSeconds = Infinity;
  let plainSeconds = Infinity;
  let kept = 0;
  let roundTripSeconds = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const evalRun = await timed(() =>
      evaluate({
        dataset: itemsFile(RECORDS),
        models: [{ spec: 'openai:bench-model', baseUrl: server.url }],
        options: { kinds: ['knowledge'], maxTokens: 16 },
        runtime: { concurrency: CONCURRENCY, maxRetries: 0 },
        dbPath: join(directory, `eval-${round}.db`),
        outDir: join(directory, `eval-${round}`),
      }),
    );
    evalSeconds = Math.min(evalSeconds, evalRun.seconds);
    const plain = await timed(() =>
      runTranslation({ records: records(RECORDS, 'plain'), targets: ['sw'], translator, dbPath: join(directory, `plain-${round}.db`) }),
    );
    plainSeconds = Math.min(plainSeconds, plain.seconds);
    kept = plain.value.manifest.counts.kept;
    const roundTrip = await timed(() =>
      runTranslation({ records: records(RECORDS, 'chrf'), targets: ['sw'], translator, qe: ['chrf', 'chrf++'], dbPath: join(directory, `chrf-${round}.db`) }),
    );
    roundTripSeconds = Math.min(roundTripSeconds, roundTrip.seconds);
  }
  const evalRate = RECORDS / evalSeconds;
  const plainRate = RECORDS / plainSeconds;
  console.log(
    `eval (best of ${ROUNDS}): ${RECORDS} items, concurrency ${CONCURRENCY}, ${LATENCY_MS} ms latency: ${evalSeconds.toFixed(2)} s, ${evalRate.toFixed(1)} items/s`,
  );
  console.log(
    `translate (1 call per record, best of ${ROUNDS}): ${RECORDS} records → sw: ${plainSeconds.toFixed(2)} s, ${plainRate.toFixed(1)} records/s, ratio to eval ${(plainRate / evalRate).toFixed(3)}; kept ${kept}`,
  );

  const roundTripRate = RECORDS / roundTripSeconds;
  console.log(
    `translate + round-trip chrF/chrF++ (2 calls per record, best of ${ROUNDS}): ${roundTripSeconds.toFixed(2)} s, ${roundTripRate.toFixed(1)} records/s, ratio to eval ${(roundTripRate / evalRate).toFixed(3)} (ideal 0.5)`,
  );

  const resumed = await timed(() => runTranslation({ records: records(RECORDS, 'plain'), targets: ['sw'], translator, dbPath: join(directory, 'plain-0.db') }));
  console.log(`resume of the finished translation: ${resumed.seconds.toFixed(2)} s, ${resumed.value.manifest.calls.new} new calls (goal 0)`);
} finally {
  server.child.kill();
}
