import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cachedCalls, type CrashRig, startCrashRig } from '../fixtures/crash-rig.js';
import { respondAsGenerator, writeSources } from './fake-generator.js';

/** Calls answered before the crash; the next call arrives at a process that is killed while it waits. */
const ANSWERED_BEFORE_CRASH = 4;

let rig: CrashRig;
let directory: string;
let sources: string;

before(async () => {
  rig = await startCrashRig(respondAsGenerator, ANSWERED_BEFORE_CRASH);
  directory = mkdtempSync(join(tmpdir(), 'ck-build-resume-'));
  sources = join(directory, 'sources.jsonl');
  writeSources(sources);
});
after(async () => rig.close());

function args(out: string, database: string): string[] {
  return [
    'build',
    '--sources',
    sources,
    '--generator',
    'openai:test-model',
    '--base-url',
    rig.server.url,
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

test('kill -9 midway, then the same command: no answered call is repeated and the outputs are those of an uninterrupted build', async () => {
  const { out, database, reference, uninterrupted } = await rig.killThenResume(args, directory);
  assert.equal(uninterrupted, 10);
  assert.equal(cachedCalls(database), uninterrupted);

  for (const file of ['items.jsonl', 'descriptions.jsonl', 'rejected.jsonl', 'dataset.jsonl']) {
    assert.equal(readFileSync(join(out, file), 'utf8'), readFileSync(join(reference, file), 'utf8'), file);
  }
  const manifest = JSON.parse(readFileSync(join(out, 'build-manifest.json'), 'utf8'));
  assert.deepEqual(manifest.calls, { total: 10, cached: ANSWERED_BEFORE_CRASH, new: 10 - ANSWERED_BEFORE_CRASH, failed: 0 });
});
