import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type CrashRig, startCrashRig } from '../fixtures/crash-rig.js';
import { translationReply } from '../fixtures/translation-test-server.js';

/** Calls answered before the crash; the next call reaches a process that is killed while it waits. */
const ANSWERED_BEFORE_CRASH = 5;

let rig: CrashRig;
let directory: string;
let input: string;

before(async () => {
  rig = await startCrashRig(translationReply, ANSWERED_BEFORE_CRASH);
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
after(async () => rig.close());

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
    rig.server.url,
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

test('kill -9 midway, then the same command: no answered call is paid twice, the outputs equal an uninterrupted run', async () => {
  const { out, reference, uninterrupted } = await rig.killThenResume(args, directory);
  assert.equal(uninterrupted, 4 * 2 * 3, 'translation, GEMBA-DA and back-translation per record and language');
  for (const file of ['kept.jsonl', 'rejected.jsonl', 'ja/messages.jsonl', 'sw/messages.jsonl']) {
    assert.equal(readFileSync(join(out, file), 'utf8'), readFileSync(join(reference, file), 'utf8'), file);
  }
  const manifest = JSON.parse(readFileSync(join(out, 'translation-manifest.json'), 'utf8'));
  assert.deepEqual(manifest.calls, { total: uninterrupted, cached: ANSWERED_BEFORE_CRASH, new: uninterrupted - ANSWERED_BEFORE_CRASH, failed: 0 });
});
