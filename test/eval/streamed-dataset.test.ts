import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { loadGenericDataset } from '../../src/datasets/load-dataset.js';
import { InputError } from '../../src/errors/culturekit-error.js';
import { evaluate, type EvaluateInput } from '../../src/eval/evaluate.js';
import { openRunDataset } from '../../src/eval/run-dataset.js';
import { openStore } from '../../src/store/open-store.js';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';
import { comparableResults, writeMcqDataset } from './helpers.js';

let server: OpenAITestServer;
let directory: string;

before(async () => {
  server = await startOpenAITestServer({ latencyMs: 0, logRequests: false });
  directory = mkdtempSync(join(tmpdir(), 'ck-streamed-'));
});
after(async () => server.close());

function input(name: string, dataset: string, extra: Partial<EvaluateInput> = {}): EvaluateInput {
  return {
    dataset,
    models: [
      { spec: 'openai:model-a', baseUrl: server.url },
      { spec: 'openai:model-b', baseUrl: server.url },
    ],
    runtime: { concurrency: 8, maxRetries: 0 },
    dbPath: join(directory, `${name}.db`),
    outDir: join(directory, name),
    ...extra,
  };
}

/** Runs with an abort after `stopAfter` results (the calls in flight finish and are saved). */
async function interruptedRun(run: EvaluateInput, stopAfter: number) {
  const controller = new AbortController();
  return evaluate({ ...run, signal: controller.signal, onProgress: (progress) => progress.done >= stopAfter && controller.abort() });
}

test('a JSON Lines dataset read back by position gives the items, descriptions and hash of the loaded dataset', async () => {
  const path = join(directory, 'mixed.jsonl');
  const lines = [
    // A byte order mark, CRLF endings, multi-byte text, a blank line, an invalid record, and a description after items
    // (the hash puts descriptions first, so the items are read a second time).
    `\uFEFF${JSON.stringify({ id: 'd1', text: 'Shoes come off at the door.', topic: 'homes', country: 'JP', language: 'en' })}`,
    JSON.stringify({ id: 'q1', prompt: '日本では？ 靴を脱ぎますか', choices: ['はい', 'いいえ'], answer: 'A', language: 'ja', country: 'JP' }),
    '',
    JSON.stringify({ id: 'q2', kind: 'safety', prompt: 'Is it rude to tip in Japan?', language: 'en', country: 'JP', descriptionId: 'd1' }),
    '{"id": "broken"',
    JSON.stringify({ id: 'd2', text: 'Gifts are given with both hands — «両手で».', topic: 'gifts', country: 'JP', language: 'en' }),
    JSON.stringify({ question: 'Which hand?', options: { A: 'left', B: 'right' }, label: 1, language: 'en', country: 'EG', id: 'q3', protocol: 'default' }),
  ];
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  const loaded = await loadGenericDataset(path, { skipInvalid: true });
  const store = openStore(join(directory, 'mixed.db'));
  const warnings: string[] = [];
  const dataset = await openRunDataset(path, { store, skipInvalid: true, onWarning: (message) => warnings.push(message) });
  try {
    assert.equal(dataset.hash, loaded.hash);
    assert.deepEqual(dataset.descriptions, loaded.descriptions);
    assert.equal(dataset.skippedInvalid, 1);
    assert.ok(warnings.some((message) => message.includes('skipped 1 invalid record')));
    const positions = Array.from({ length: dataset.items.length }, (_, position) => position);
    assert.deepEqual(dataset.items.itemsAt(positions), loaded.items);
    assert.deepEqual(dataset.items.itemsAt([2, 0]), [loaded.items[2], loaded.items[0]]);
    assert.deepEqual(
      positions.map((position) => [dataset.items.idAt(position), dataset.items.kindAt(position), dataset.items.protocolAt(position)]),
      loaded.items.map((item) => [item.id, item.kind, item.protocol]),
    );
  } finally {
    dataset.close();
    store.close();
  }
});

test('resuming, an unchanged file is not checked again; a changed one is checked and hashed again', async () => {
  const path = join(directory, 'kept.jsonl');
  writeMcqDataset(path, 30);
  const dbPath = join(directory, 'kept.db');
  const store = openStore(dbPath);
  try {
    const first = await openRunDataset(path, { store });
    first.keep('run-kept');
    first.close();
    const key = 'dataset-index:run-kept';
    // Mark the kept index: a resume that uses it without reading the file reports the mark as the hash.
    const kept = JSON.parse(store.getMeta(key)!);
    store.setMeta(key, JSON.stringify({ ...kept, index: { ...kept.index, hash: 'kept-index' } }));
    const unchanged = await openRunDataset(path, { store, previousRunId: 'run-kept' });
    assert.equal(unchanged.hash, 'kept-index');
    assert.deepEqual(
      unchanged.items.itemsAt([29]).map((item) => item.id),
      ['q0029'],
    );
    unchanged.close();
    // Other bytes (the same records, one more blank line): checked again, and the real hash is back.
    appendFileSync(path, '\n');
    const changed = await openRunDataset(path, { store, previousRunId: 'run-kept' });
    assert.equal(changed.hash, first.hash);
    changed.close();
    // With --skip-invalid the dataset may be another: checked again too.
    store.setMeta(key, JSON.stringify({ ...kept, index: { ...kept.index, hash: 'kept-index' } }));
    const skipping = await openRunDataset(path, { store, previousRunId: 'run-kept', skipInvalid: true });
    assert.equal(skipping.hash, first.hash);
    skipping.close();
  } finally {
    store.close();
  }
});

test('a half-finished run resumes to exactly the results of an uninterrupted run, asking only what is missing', async () => {
  const path = join(directory, 'half.jsonl');
  // More items than one lookup batch (500), so the resume skips whole batches and reads items past them.
  writeMcqDataset(path, 1_200, { marker: (index) => `[[answer:${'ABCD'[(index * 7) % 4]}]]` });
  const whole = await evaluate(input('whole', path));
  assert.equal(whole.outcome.done, 2_400);

  const first = await interruptedRun(input('half', path), 1_300);
  assert.ok(first.outcome.interrupted);
  const done = first.outcome.done;
  assert.ok(done >= 1_300 && done < 2_400, `${done} done before the stop`);
  const callsBefore = server.requests.total;
  const resumed = await evaluate(input('half', path, { resume: first.manifest.id, useCache: false }));
  assert.equal(resumed.resumed, true);
  assert.equal(resumed.outcome.skipped, done);
  assert.equal(resumed.outcome.done, 2_400 - done);
  assert.equal(server.requests.total - callsBefore, 2_400 - done);
  assert.deepEqual(comparableResults(join(resumed.outDir, 'results.jsonl')), comparableResults(join(whole.outDir, 'results.jsonl')));
});

test('a changed dataset is refused on resume before anything is written', async () => {
  const path = join(directory, 'changed.jsonl');
  // Enough items that the stop after 10 results lands long before the end, however slow the machine.
  writeMcqDataset(path, 400);
  const run = input('changed', path);
  const first = await interruptedRun(run, 10);
  assert.ok(first.outcome.interrupted);
  const manifestPath = join(first.outDir, 'manifest.json');
  const snapshot = () => {
    const database = new Database(run.dbPath, { readonly: true });
    try {
      return {
        results: database.prepare('SELECT model, condition, item_id, row FROM results ORDER BY model, condition, item_id').all(),
        runs: database.prepare('SELECT * FROM runs').all(),
        meta: database.prepare('SELECT * FROM meta ORDER BY key').all(),
        manifest: readFileSync(manifestPath, 'utf8'),
        manifestTime: statSync(manifestPath).mtimeMs,
        results_jsonl: existsSync(join(first.outDir, 'results.jsonl')) ? readFileSync(join(first.outDir, 'results.jsonl'), 'utf8') : undefined,
      };
    } finally {
      database.close();
    }
  };
  const before = snapshot();
  const callsBefore = server.requests.total;
  // One answer changed, same size: only the file's hash tells.
  writeFileSync(path, readFileSync(path, 'utf8').replace('"answer":"B"', '"answer":"C"'));
  for (const resume of [{ resume: first.manifest.id }, {}]) {
    await assert.rejects(
      evaluate({ ...run, ...resume }),
      (error: unknown) => error instanceof InputError && /the dataset changed, so the run cannot be resumed/.test(error.message),
    );
  }
  assert.equal(server.requests.total, callsBefore);
  assert.deepEqual(snapshot(), before);
});
