import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';
import { runCli, spawnCli, writeMcqDataset } from '../eval/helpers.js';

let directory: string;
let dataset: string;
let server: OpenAITestServer;

before(async () => {
  directory = mkdtempSync(join(tmpdir(), 'ck-hardening-'));
  dataset = join(directory, 'items.jsonl');
  writeMcqDataset(dataset, 40);
  server = await startOpenAITestServer();
});
after(async () => server.close());

/** A port where nothing listens (taken, then freed). */
async function deadPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function runs(database: string): { id: string; status: string }[] {
  if (!existsSync(database)) return [];
  const connection = new Database(database, { readonly: true });
  try {
    return connection.prepare('SELECT id, status FROM runs').all() as { id: string; status: string }[];
  } finally {
    connection.close();
  }
}

function evalArgs(name: string, baseUrl: string, extra: string[] = []): string[] {
  return [
    'eval',
    '--dataset',
    dataset,
    '--model',
    'openai:test-model',
    '--base-url',
    baseUrl,
    '--out',
    join(directory, name),
    '--db',
    join(directory, `${name}.db`),
    '--quiet',
    ...extra,
  ];
}

describe('exit codes', () => {
  test('every item ended in error: exit 3 (a CI job fails); --allow-errors exits 0', async () => {
    const picky = await startOpenAITestServer({ models: ['another-model'] });
    try {
      const failed = await runCli(evalArgs('all-errors', picky.url, ['--limit', '5', '--max-retries', '0']));
      assert.equal(failed.code, 3, failed.stderr);
      assert.match(failed.stdout, /5 items of this run ended in error/);
      assert.match(failed.stderr, /--allow-errors/);
      const allowed = await runCli(evalArgs('all-errors', picky.url, ['--limit', '5', '--allow-errors']));
      assert.equal(allowed.code, 0, allowed.stderr);
    } finally {
      await picky.close();
    }
  });

  test('a dead server: exit 4 at once with a clear message, and nothing written', async () => {
    const url = `http://127.0.0.1:${await deadPort()}/v1`;
    const started = Date.now();
    const result = await runCli(evalArgs('dead', url));
    assert.equal(result.code, 4, result.stderr);
    assert.ok(Date.now() - started < 20_000);
    assert.match(result.stderr, /cannot be reached: connection refused \(ECONNREFUSED\)/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(existsSync(join(directory, 'dead', 'manifest.json')), false);
    assert.deepEqual(runs(join(directory, 'dead.db')), []);
  });

  test('the server dies mid-run: the run stops early (exit 4), then resumes on the server at its new address', async () => {
    const many = join(directory, 'many.jsonl');
    writeMcqDataset(many, 400);
    const dying = await startOpenAITestServer({ latencyMs: 20 });
    const args = ['eval', '--dataset', many, '--model', 'openai:test-model', '--out', join(directory, 'dying'), '--db', join(directory, 'dying.db'), '--quiet'];
    const started = Date.now();
    const child = spawnCli([...args, '--base-url', dying.url, '--concurrency', '4']);
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    while (dying.requests.total < 40) await sleep(20);
    await dying.close();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const elapsed = Date.now() - started;
    assert.equal(code, 4, stderr);
    assert.match(stderr, /stopped answering: connection refused/);
    assert.match(stderr, /--resume run-/);
    // Retrying each of the ~360 remaining items 4 times with backoff would take many minutes.
    assert.ok(elapsed < 30_000, `stopped after ${elapsed} ms`);
    assert.deepEqual(
      runs(join(directory, 'dying.db')).map((run) => run.status),
      ['interrupted'],
    );

    // The server is back on another port: the same --out takes the new --base-url (the endpoint is not the model's identity).
    const back = await startOpenAITestServer();
    try {
      const resumed = await runCli([...args, '--base-url', back.url, '--retry-errors']);
      assert.equal(resumed.code, 0, resumed.stderr);
      assert.match(resumed.stderr, /resuming run/);
      const rows = readFileSync(join(directory, 'dying', 'results.jsonl'), 'utf8')
        .trim()
        .split('\n');
      assert.equal(rows.length, 400);
      const manifest = JSON.parse(readFileSync(join(directory, 'dying', 'manifest.json'), 'utf8'));
      assert.equal(manifest.models[0].baseUrl, back.url);
    } finally {
      await back.close();
    }
  });
});

describe('resume at another address', () => {
  test('--resume takes a new --base-url; the calls go to the new server', async () => {
    const first = await startOpenAITestServer();
    const database = join(directory, 'moved.db');
    const out = join(directory, 'moved');
    const initial = await runCli([
      'eval',
      '--dataset',
      dataset,
      '--model',
      'openai:test-model',
      '--base-url',
      first.url,
      '--out',
      out,
      '--db',
      database,
      '--limit',
      '10',
      '--quiet',
    ]);
    await first.close();
    assert.equal(initial.code, 0, initial.stderr);
    const runId = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).id as string;
    // Drop the results of some items so that the resumed run has work to do.
    const connection = new Database(database);
    connection.prepare("DELETE FROM results WHERE item_id IN ('q0001', 'q0002')").run();
    connection.close();
    const second = await startOpenAITestServer();
    try {
      const resumed = await runCli(['eval', '--resume', runId, '--db', database, '--base-url', second.url, '--quiet']);
      assert.equal(resumed.code, 0, resumed.stderr);
      assert.match(resumed.stdout, /2 done now, 8 already done/);
      assert.equal(second.requests.byPath['/v1/chat/completions'], 2);
    } finally {
      await second.close();
    }
  });
});

describe('bad commands are refused before anything is written (exit 2, no run left "running")', () => {
  const cases: [string, (name: string) => string[], RegExp][] = [
    [
      'a model spec without provider',
      (name) => evalArgs(name, 'http://127.0.0.1:1/v1').map((arg) => (arg === 'openai:test-model' ? 'qwen' : arg)),
      /expected "openai:<model name>"/,
    ],
    [
      'a missing GGUF file',
      (name) => evalArgs(name, 'http://127.0.0.1:1/v1').map((arg) => (arg === 'openai:test-model' ? 'llama:./missing.gguf' : arg)),
      /missing\.gguf/,
    ],
    ['--base-url not-a-url', (name) => evalArgs(name, 'not-a-url'), /base URL "not-a-url" is not an http:\/\/ or https:\/\/ URL/],
    ['--config at a folder', (name) => [...evalArgs(name, 'http://127.0.0.1:1/v1'), '--config', directory], /--config .* is a folder, not a file/],
    ['a repeated --dataset', (name) => [...evalArgs(name, 'http://127.0.0.1:1/v1'), '--dataset', 'builtin:sample'], /--dataset is given twice/],
  ];
  for (const [what, args, message] of cases) {
    test(what, async () => {
      const name = `bad-${what.replace(/\W+/g, '-')}`;
      const result = await runCli(args(name));
      assert.equal(result.code, 2, `${result.stdout}\n${result.stderr}`);
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /unexpected error|\n\s+at /, 'no stack trace');
      assert.equal(existsSync(join(directory, name, 'manifest.json')), false);
      assert.deepEqual(runs(join(directory, `${name}.db`)), []);
    });
  }

  test('--out at an existing file', async () => {
    const file = join(directory, 'a-file.txt');
    writeFileSync(file, 'not a folder');
    const result = await runCli([
      'eval',
      '--dataset',
      dataset,
      '--model',
      'openai:test-model',
      '--base-url',
      server.url,
      '--out',
      file,
      '--db',
      join(directory, 'file.db'),
      '--quiet',
    ]);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /--out .*a-file\.txt is a file, not a folder/);
    assert.equal(readFileSync(file, 'utf8'), 'not a folder');
  });

  test('after a bad --model, the corrected command runs in the same --out', async () => {
    const bad = await runCli(evalArgs('corrected', server.url, ['--limit', '3']).map((arg) => (arg === 'openai:test-model' ? 'openai:' : arg)));
    assert.equal(bad.code, 2, bad.stderr);
    const good = await runCli(evalArgs('corrected', server.url, ['--limit', '3']));
    assert.equal(good.code, 0, good.stderr);
    assert.deepEqual(
      runs(join(directory, 'corrected.db')).map((run) => run.status),
      ['finished'],
    );
  });
});

describe('run lock', () => {
  test('two identical commands on the same --out: one runs, the other is refused naming the holder (exit 5)', async () => {
    // Slow enough (40 items × 250 ms, one at a time) that the second command starts while the first runs, even on a busy machine.
    const slow = await startOpenAITestServer({ latencyMs: 250 });
    try {
      mkdirSync(join(directory, 'locked'), { recursive: true });
      const args = evalArgs('locked', slow.url, ['--concurrency', '1']);
      const first = spawnCli(args);
      let firstErr = '';
      first.stderr!.on('data', (chunk) => (firstErr += chunk));
      while (slow.requests.total < 1) await sleep(10);
      const second = await runCli(args);
      assert.equal(second.code, 5, second.stderr);
      assert.match(second.stderr, new RegExp(`in use by process ${first.pid} on \\S+ since \\d{4}-`));
      const code = await new Promise<number | null>((resolve) => first.on('close', resolve));
      assert.equal(code, 0, firstErr);
      // Each item was asked once.
      assert.equal(slow.requests.byPath['/v1/chat/completions'], 40);
      // The lock is given back: the same command now resumes the finished run.
      const again = await runCli(args);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /0 done now, 40 already done/);
    } finally {
      await slow.close();
    }
  });

  test('a lock left by a process killed with SIGKILL is taken over', async () => {
    const slow = await startOpenAITestServer({ latencyMs: 50 });
    try {
      const args = evalArgs('killed', slow.url, ['--concurrency', '1']);
      const first = spawnCli(args);
      while (slow.requests.total < 2) await sleep(10);
      first.kill('SIGKILL');
      await new Promise((resolve) => first.on('close', resolve));
      const connection = new Database(join(directory, 'killed.db'), { readonly: true });
      const held = connection.prepare('SELECT pid FROM run_locks').all() as { pid: number }[];
      connection.close();
      assert.deepEqual(
        held.map((row) => row.pid),
        [first.pid, first.pid],
      );
      const resumed = await runCli(args);
      assert.equal(resumed.code, 0, resumed.stderr);
      assert.match(resumed.stderr, /resuming run/);
    } finally {
      await slow.close();
    }
  });
});
