import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { startOpenAITestServer, type OpenAITestServer, type TestServerPrompt } from '../fixtures/openai-test-server.js';
import { translationReply } from '../fixtures/translation-test-server.js';
import { runCli, spawnCli } from '../eval/helpers.js';

/** Calls answered before the crash; the next call reaches a process that is killed while it waits. */
const ANSWERED_BEFORE_CRASH = 5;

let server: OpenAITestServer;
let directory: string;
let input: string;
let answered = 0;
let crashing: ChildProcess | undefined;

before(async () => {
  server = await startOpenAITestServer({
    respond(request: TestServerPrompt) {
      if (crashing && answered === ANSWERED_BEFORE_CRASH) {
        crashing.kill('SIGKILL');
        crashing = undefined;
      } else {
        answered++;
      }
      return translationReply(request);
    },
  });
  directory = mkdtempSync(join(tmpdir(), 'ck-translate-resume-'));
  input = join(directory, 'instructions.jsonl');
  const lines = [
    'Write a short greeting for the guest.',
    'Say hello to {name} and bow slightly.',
    'Give a small gift when visiting a home.',
    'Eat rice with the family.',
  ].map((instruction, index) => JSON.stringify({ id: `r${index + 1}`, instruction, output: 'Welcome, dear guest! We are happy you are here.' }));
  writeFileSync(input, `${lines.join('\n')}\n`);
});
after(async () => server.close());

function args(out: string, database: string): string[] {
  return [
    'translate',
    '--input',
    input,
    '--to',
    'ja,sw',
    '--model',
    'openai:test-model',
    '--base-url',
    server.url,
    '--qe',
    'gemba-da,chrf',
    '--out',
    out,
    '--db',
    database,
    '--concurrency',
    '1',
    '--quiet',
  ];
}

function cachedCalls(database: string): number {
  const connection = new Database(database, { readonly: true, fileMustExist: true });
  try {
    assert.equal(connection.pragma('integrity_check', { simple: true }), 'ok');
    return (connection.prepare('SELECT count(*) AS n FROM cache').get() as { n: number }).n;
  } finally {
    connection.close();
  }
}

test('kill -9 midway, then the same command: no answered call is paid twice, the outputs equal an uninterrupted run', async () => {
  const reference = await runCli(args(join(directory, 'reference'), join(directory, 'reference.db')));
  assert.equal(reference.code, 0, reference.stderr);
  const uninterrupted = answered;
  assert.equal(uninterrupted, 4 * 2 * 3, 'translation, GEMBA-DA and back-translation per record and language');

  answered = 0;
  const out = join(directory, 'crashed');
  const database = join(directory, 'crashed.db');
  const child = spawnCli(args(out, database));
  crashing = child;
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, exitSignal) => resolve(exitSignal)));
  assert.equal(signal, 'SIGKILL');
  assert.equal(answered, ANSWERED_BEFORE_CRASH);
  assert.equal(cachedCalls(database), ANSWERED_BEFORE_CRASH, 'every answered call was in the store before the next one was sent');

  const requestsBefore = server.requests.total;
  const resumed = await runCli(args(out, database));
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.equal(server.requests.total - requestsBefore, uninterrupted - ANSWERED_BEFORE_CRASH, 'the resumed run sends only the calls not yet answered');
  assert.equal(answered, uninterrupted, 'answered calls over both runs = one uninterrupted run');
  for (const file of ['kept.jsonl', 'rejected.jsonl', 'ja/messages.jsonl', 'sw/messages.jsonl']) {
    assert.equal(readFileSync(join(out, file), 'utf8'), readFileSync(join(directory, 'reference', file), 'utf8'), file);
  }
  const manifest = JSON.parse(readFileSync(join(out, 'translation-manifest.json'), 'utf8'));
  assert.deepEqual(manifest.calls, { total: uninterrupted, cached: ANSWERED_BEFORE_CRASH, new: uninterrupted - ANSWERED_BEFORE_CRASH, failed: 0 });
});
