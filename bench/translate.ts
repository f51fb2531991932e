/**
 * Translation throughput against the deterministic translation test server (its own process, 50 ms latency), at
 * concurrency 32, as a ratio to the eval engine's rate on the same server (see bench/eval-throughput.ts):
 *   1. eval: N multiple-choice items → items/s;
 *   2. translate: N instruction records into one language, no QE (one call per record) → records/s, ratio to 1;
 *   3. translate with round-trip chrF (two calls per record) → records/s (ideal: half the eval rate).
 * Usage: node --import tsx bench/translate.ts [--records 1000]
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

  const evalRun = await timed(() =>
    evaluate({
      dataset: itemsFile(RECORDS),
      models: [{ spec: 'openai:bench-model', baseUrl: server.url }],
      options: { kinds: ['knowledge'], maxTokens: 16 },
      runtime: { concurrency: CONCURRENCY, maxRetries: 0 },
      dbPath: join(directory, 'eval.db'),
      outDir: join(directory, 'eval'),
    }),
  );
  const evalRate = RECORDS / evalRun.seconds;
  console.log(`eval: ${RECORDS} items, concurrency ${CONCURRENCY}, ${LATENCY_MS} ms latency: ${evalRun.seconds.toFixed(2)} s, ${evalRate.toFixed(1)} items/s`);

  const plain = await timed(() => runTranslation({ records: records(RECORDS, 'plain'), targets: ['sw'], translator, dbPath: join(directory, 'plain.db') }));
  const plainRate = RECORDS / plain.seconds;
  console.log(
    `translate (1 call per record): ${RECORDS} records → sw: ${plain.seconds.toFixed(2)} s, ${plainRate.toFixed(1)} records/s, ratio to eval ${(plainRate / evalRate).toFixed(3)}; kept ${plain.value.manifest.counts.kept}`,
  );

  const roundTrip = await timed(() =>
    runTranslation({ records: records(RECORDS, 'chrf'), targets: ['sw'], translator, qe: ['chrf', 'chrf++'], dbPath: join(directory, 'chrf.db') }),
  );
  const roundTripRate = RECORDS / roundTrip.seconds;
  console.log(
    `translate + round-trip chrF/chrF++ (2 calls per record): ${roundTrip.seconds.toFixed(2)} s, ${roundTripRate.toFixed(1)} records/s, ratio to eval ${(roundTripRate / evalRate).toFixed(3)} (ideal 0.5)`,
  );

  const resumed = await timed(() => runTranslation({ records: records(RECORDS, 'plain'), targets: ['sw'], translator, dbPath: join(directory, 'plain.db') }));
  console.log(`resume of the finished translation: ${resumed.seconds.toFixed(2)} s, ${resumed.value.manifest.calls.new} new calls (goal 0)`);
} finally {
  server.child.kill();
}
