import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cachedCalls, type CrashRig, startCrashRig } from '../fixtures/crash-rig.js';
import { runCli } from '../eval/helpers.js';
import { respondAsTeacherAndJudge, writeAdaptDataset, writeReplay } from './data-fixtures.js';

/** Replies delivered before the crash; the next request arrives at a process that is killed while it waits. */
const ANSWERED_BEFORE_CRASH = 6;

let rig: CrashRig;
let directory: string;

before(async () => {
  rig = await startCrashRig(respondAsTeacherAndJudge, ANSWERED_BEFORE_CRASH);
  directory = mkdtempSync(join(tmpdir(), 'ck-adapt-data-cli-'));
  writeAdaptDataset(join(directory, 'dataset.jsonl'));
  writeReplay(join(directory, 'general.jsonl'), 20);
});
after(async () => rig.close());

function args(out: string, database: string, replay = join(directory, 'general.jsonl')): string[] {
  return [
    'adapt',
    'data',
    '--dataset',
    join(directory, 'dataset.jsonl'),
    '--out',
    out,
    '--teacher',
    'openai:teacher',
    '--judge',
    'openai:judge',
    '--base-url',
    rig.server.url,
    '--replay',
    replay,
    '--replay-ratio',
    '0.3',
    '--eval-fraction',
    '0.25',
    '--seed',
    '3',
    '--db',
    database,
    '--concurrency',
    '1',
    '--quiet',
  ];
}

function requestKeys(from: number): string[] {
  return rig.server.requests.log.slice(from).map((entry) => JSON.stringify((entry.body as { model: string; messages: unknown }).messages));
}

test('a malformed replay file: exit 2 naming file, line and field; nothing written', async () => {
  const replay = join(directory, 'bad.jsonl');
  writeFileSync(
    replay,
    [
      JSON.stringify({ prompt: 'fine', completion: 'fine' }),
      '',
      JSON.stringify({ prompt: 'no completion here' }),
      '{not json',
      JSON.stringify({ messages: [{ role: 'robot', content: 'x' }] }),
    ].join('\n'),
  );
  const out = join(directory, 'bad-out');
  const result = await runCli(args(out, join(directory, 'bad.db'), replay));
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, new RegExp(`${replay}:3: completion: missing`));
  assert.match(result.stderr, new RegExp(`${replay}:4: not JSON`));
  assert.match(result.stderr, new RegExp(`${replay}:5: messages\\.0\\.role: unknown role "robot"`));
  assert.equal(existsSync(out), false);
  assert.deepEqual(
    readdirSync(directory).filter((name) => name.startsWith('bad-out')),
    [],
  );
});

test('kill -9 during the teacher and judge calls, then the same command: no answered call is asked again, outputs equal an uninterrupted run', async () => {
  const reference = await runCli(args(join(directory, 'reference'), join(directory, 'reference.db')));
  assert.equal(reference.code, 0, reference.stderr);
  assert.match(reference.stdout, /en\/stage2\.jsonl\s+6 examples \((safety 4, replay 2|replay 2, safety 4)\)/);
  const uninterrupted = rig.answered;
  assert.equal(uninterrupted, 7 + 2 * 6);

  rig.answered = 0;
  const out = join(directory, 'crashed');
  const database = join(directory, 'crashed.db');
  assert.equal(await rig.runUntilKilled(args(out, database)), 'SIGKILL');
  assert.equal(existsSync(out), false, 'nothing half-written');
  const cachedBefore = cachedCalls(database);
  assert.ok(cachedBefore >= ANSWERED_BEFORE_CRASH - 1 && cachedBefore <= ANSWERED_BEFORE_CRASH, `${cachedBefore} cached calls`);

  const logStart = rig.server.requests.log.length;
  const resumed = await runCli(args(out, database));
  assert.equal(resumed.code, 0, resumed.stderr);
  const resumedRequests = requestKeys(logStart);
  assert.equal(resumedRequests.length, uninterrupted - cachedBefore, 'the resumed run sends only the calls not in the store');
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  assert.deepEqual(manifest.calls, { total: uninterrupted, cached: cachedBefore, new: uninterrupted - cachedBefore, failed: 0 });
  for (const file of manifest.files as { path: string }[])
    assert.equal(readFileSync(join(out, file.path), 'utf8'), readFileSync(join(directory, 'reference', file.path), 'utf8'), file.path);
  assert.equal(readFileSync(join(out, 'rejects.jsonl'), 'utf8'), readFileSync(join(directory, 'reference', 'rejects.jsonl'), 'utf8'));
});

test('adapt, adapt data and adapt eval --help end with an example of themselves', async () => {
  for (const command of [['adapt'], ['adapt', 'data'], ['adapt', 'eval']]) {
    const result = await runCli([...command, '--help']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`Example:\\n {2}culturekit ${command.join(' ')}`));
  }
});
