import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { startOpenAITestServer, type OpenAITestServer, type TestServerPrompt } from '../fixtures/openai-test-server.js';
import { runCli, spawnCli } from '../eval/helpers.js';
import { respondAsGenerator, writeSources } from './fake-generator.js';

/** Calls answered before the crash; the next call arrives at a process that is killed while it waits. */
const ANSWERED_BEFORE_CRASH = 4;

let server: OpenAITestServer;
let directory: string;
let sources: string;
/** Replies the server delivered (a request whose client was killed while it was being answered is not counted). */
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
      return respondAsGenerator(request);
    },
  });
  directory = mkdtempSync(join(tmpdir(), 'ck-build-resume-'));
  sources = join(directory, 'sources.jsonl');
  writeSources(sources);
});
after(async () => server.close());

function args(out: string, database: string): string[] {
  return [
    'build',
    '--sources',
    sources,
    '--generator',
    'openai:test-model',
    '--base-url',
    server.url,
    '--out',
    out,
    '--db',
    database,
    '--languages',
    'en,ja',
    '--knowledge',
    '6',
    '--safety',
    '2',
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

test('kill -9 midway, then the same command: no answered call is repeated and the outputs are those of an uninterrupted build', async () => {
  const reference = await runCli(args(join(directory, 'reference'), join(directory, 'reference.db')));
  assert.equal(reference.code, 0, reference.stderr);
  const uninterrupted = answered;
  assert.equal(uninterrupted, 10);

  answered = 0;
  const out = join(directory, 'crashed');
  const database = join(directory, 'crashed.db');
  const child = spawnCli(args(out, database));
  crashing = child;
  const exit = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  assert.equal(exit, 'SIGKILL');
  assert.equal(answered, ANSWERED_BEFORE_CRASH);
  assert.equal(cachedCalls(database), ANSWERED_BEFORE_CRASH, 'every answered call was in the store before the next one was sent');

  const requestsBefore = server.requests.total;
  const resumed = await runCli(args(out, database));
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.equal(server.requests.total - requestsBefore, uninterrupted - ANSWERED_BEFORE_CRASH, 'the resumed build sends only the calls not yet answered');
  assert.equal(answered, uninterrupted, 'answered calls over both runs = one uninterrupted build');
  assert.equal(cachedCalls(database), uninterrupted);

  for (const file of ['items.jsonl', 'descriptions.jsonl', 'rejected.jsonl', 'dataset.jsonl']) {
    assert.equal(readFileSync(join(out, file), 'utf8'), readFileSync(join(directory, 'reference', file), 'utf8'), file);
  }
  const manifest = JSON.parse(readFileSync(join(out, 'build-manifest.json'), 'utf8'));
  assert.deepEqual(manifest.calls, { total: 10, cached: ANSWERED_BEFORE_CRASH, new: 10 - ANSWERED_BEFORE_CRASH, failed: 0 });
});
