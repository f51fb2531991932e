import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startOpenAITestServer } from '../fixtures/openai-test-server.js';

const ITEMS = 200_000;
/**
 * Old-space limit of the eval process: the dataset's index (ids and byte offsets) fits, the items held whole (about
 * 76 MiB, with the code and the loading garbage: out of memory at this limit) do not, nor do their results
 * (results.jsonl alone is larger).
 */
const HEAP_MIB = 96;

async function writeDataset(path: string): Promise<void> {
  const out = createWriteStream(path);
  const countries = ['JP', 'CN', 'IN', 'EG', 'BR', 'DE'];
  for (let index = 0; index < ITEMS; index++) {
    const line = `${JSON.stringify({
      id: `q${index}`,
      kind: 'knowledge',
      prompt: `Question ${index}: which of these is customary in ${countries[index % 6]} when visiting a home for the first time?`,
      choices: ['Bring a small gift', 'Arrive two hours late', 'Refuse any food offered', 'Keep outdoor shoes on everywhere'],
      answer: 'ABCD'[index % 4],
      language: 'en',
      country: countries[index % 6],
      category: index % 2 === 0 ? 'etiquette' : 'food',
    })}\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function countLines(path: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(path)) for (const byte of chunk as Buffer) if (byte === 0x0a) lines++;
  return lines;
}

test(`${ITEMS} items run through plan → run → summary in a heap of ${HEAP_MIB} MiB, too small to hold their items or their results`, {
  timeout: 1_200_000,
}, async () => {
  const directory = mkdtempSync(join(tmpdir(), 'ck-bounded-'));
  const server = await startOpenAITestServer({ logRequests: false });
  try {
    const dataset = join(directory, 'items.jsonl');
    await writeDataset(dataset);
    const out = join(directory, 'run');
    const child = spawn(
      process.execPath,
      [
        `--max-old-space-size=${HEAP_MIB}`,
        '--import',
        import.meta.resolve('tsx'),
        new URL('../../src/cli/main.ts', import.meta.url).pathname,
        'eval',
        '--dataset',
        dataset,
        '--model',
        'openai:test-model',
        '--base-url',
        server.url,
        '--out',
        out,
        '--db',
        join(directory, 'store.db'),
        '--concurrency',
        '64',
        '--max-retries',
        '0',
        '--quiet',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_LLAMA_CPP_SKIP_DOWNLOAD: 'true' } },
    );
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, stderr.slice(-2000));

    const results = join(out, 'results.jsonl');
    assert.ok(statSync(results).size > HEAP_MIB * 2 ** 20, 'the results as text alone exceed the heap limit');
    assert.equal(await countLines(results), ITEMS);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    const [group] = summary.groups;
    assert.equal(group.counts.total, ITEMS);
    assert.equal(group.counts.error, 0);
    assert.equal(group.metrics.accuracy.overall.n, ITEMS);
    assert.equal(Object.keys(group.metrics.accuracy.byCountry).length, 6);
    assert.equal(server.requests.total, ITEMS);
  } finally {
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  }
});
