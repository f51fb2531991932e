/**
 * `adapt data` throughput against an OpenAI-compatible test server with 50 ms latency, in its own process:
 * N safety items (one teacher call and two judge calls each) at concurrency 32, in items/s, next to the eval engine's
 * rate on N multiple-choice items (one call each) at the same concurrency against the same server; and the ratio.
 * Usage: node --import tsx bench/adapt-data.ts [--items 1000]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { prepareTrainingData } from '../src/adapt/data/prepare-training-data.js';
import { datasetHash, type Dataset } from '../src/datasets/dataset.js';
import { evaluate } from '../src/eval/evaluate.js';
import type { CulturalDescription } from '../src/schema/description.js';
import type { Item } from '../src/schema/item.js';
import { startOpenAITestServer } from '../test/fixtures/openai-test-server.js';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const ITEMS = argument('--items', 1000);
const CONCURRENCY = 32;
const LATENCY_MS = 50;

if (process.argv.includes('--serve')) {
  // The server process: teacher answers and judge scores that parse, every reply after 50 ms.
  const server = await startOpenAITestServer({
    latencyMs: LATENCY_MS,
    logRequests: false,
    respond: (request) => {
      const last = request.messages[request.messages.length - 1]?.content ?? '';
      if (/Reply with only a JSON object/.test(last)) return '{"score": 8}';
      if (/\n[A-D]\. /.test(last)) return 'Answer: A';
      return 'A respectful, knowledgeable answer that follows the custom.';
    },
  });
  console.log(`listening ${server.url}`);
} else {
  const directory = mkdtempSync(join(tmpdir(), 'ck-bench-adapt-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    let url = '';
    for await (const line of createInterface({ input: child.stdout! })) {
      const match = /listening (\S+)/.exec(line);
      if (match) {
        url = match[1];
        break;
      }
    }
    const countries = ['JP', 'CN', 'IN', 'TH', 'EG', 'NG', 'DE', 'FR', 'BR', 'MX', 'US', 'AU'];
    const descriptions: CulturalDescription[] = [];
    const safety: Item[] = [];
    const mcq: Item[] = [];
    for (let index = 0; index < ITEMS; index++) {
      const country = countries[index % countries.length];
      descriptions.push({
        id: `d${index}`,
        country,
        topic: 'visits',
        language: 'en',
        text: `Custom ${index} of ${country}: guests bring a small gift number ${index}.`,
      });
      safety.push({
        id: `s${index}`,
        kind: 'safety',
        format: 'open',
        prompt: `Request ${index}: plan my visit to a family in ${country}, detail ${index * 7}.`,
        language: 'en',
        country,
        descriptionId: `d${index}`,
      });
      mcq.push({
        id: `q${index}`,
        kind: 'knowledge',
        format: 'mcq',
        prompt: `Question ${index}: what is customary in ${country} when visiting a home?`,
        choices: ['Bring a small gift', 'Arrive two hours late', 'Refuse food', 'Keep shoes on'],
        answer: 'A',
        language: 'en',
        country,
      });
    }
    const dataset: Dataset = { ref: 'bench', descriptions, items: safety, skippedInvalid: 0, hash: datasetHash(descriptions, safety) };
    const mcqPath = join(directory, 'mcq.jsonl');
    writeFileSync(mcqPath, `${mcq.map((item) => JSON.stringify(item)).join('\n')}\n`);
    const model = (spec: string) => ({ spec, baseUrl: url, maxRetries: 0 });

    // Warm-up (JIT, sockets).
    await prepareTrainingData({
      dataset: { ...dataset, items: safety.slice(0, 64) },
      teacher: model('openai:warm-teacher'),
      judge: model('openai:warm-judge'),
      concurrency: CONCURRENCY,
      dbPath: join(directory, 'warm.db'),
      outDir: join(directory, 'warm'),
    });

    let started = performance.now();
    const prepared = await prepareTrainingData({
      dataset,
      teacher: model('openai:teacher'),
      judge: model('openai:judge'),
      concurrency: CONCURRENCY,
      dbPath: join(directory, 'data.db'),
      outDir: join(directory, 'data'),
    });
    const dataSeconds = (performance.now() - started) / 1000;
    const dataRate = ITEMS / dataSeconds;

    started = performance.now();
    await evaluate({
      dataset: mcqPath,
      models: [model('openai:evaluated')],
      options: { kinds: ['knowledge'], maxTokens: 16 },
      runtime: { concurrency: CONCURRENCY, maxRetries: 0 },
      dbPath: join(directory, 'eval.db'),
      outDir: join(directory, 'eval'),
    });
    const evalSeconds = (performance.now() - started) / 1000;
    const evalRate = ITEMS / evalSeconds;
    const calls = prepared.manifest.calls.total;
    console.log(
      `adapt data: ${ITEMS} safety items (${calls} teacher + judge calls, ${prepared.manifest.counts.safety.kept} kept), concurrency ${CONCURRENCY} per model, ${LATENCY_MS} ms latency: ${dataSeconds.toFixed(2)} s, ${dataRate.toFixed(1)} items/s (${(calls / dataSeconds).toFixed(0)} calls/s)`,
    );
    console.log(
      `eval engine: ${ITEMS} multiple-choice items (1 call each), same server and concurrency: ${evalSeconds.toFixed(2)} s, ${evalRate.toFixed(1)} items/s`,
    );
    console.log(
      `ratio adapt data / eval: ${(dataRate / evalRate).toFixed(3)} items/s (an adapt-data item is a teacher call then two judge calls on the judge’s own 32 slots: with no CPU limit the ideal is 320 vs 640 items/s, 0.5; above 0.5 means the eval run was CPU-bound); calls/s ratio ${(calls / dataSeconds / evalRate).toFixed(3)}`,
    );
  } finally {
    child.kill();
  }
}
