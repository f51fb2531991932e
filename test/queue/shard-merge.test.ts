import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';
import { comparableResults, runCli, writeMcqDataset } from '../eval/helpers.js';
import { comparableSummary } from './queue-helpers.js';

const ITEMS = 50;
let server: OpenAITestServer;
let directory: string;
let dataset: string;

before(async () => {
  server = await startOpenAITestServer({ latencyMs: 1 });
  directory = mkdtempSync(join(tmpdir(), 'ck-shard-'));
  dataset = join(directory, 'items.jsonl');
  writeMcqDataset(dataset, ITEMS, { marker: (index) => `[[answer:${'ABCD'[index % 3]}]]` });
});
after(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

const evalArgs = (out: string, extra: string[] = []) => [
  'eval',
  '--dataset',
  dataset,
  '--model',
  'openai:test-model',
  '--model',
  'openai:other-model',
  '--base-url',
  server.url,
  '--out',
  join(directory, out),
  '--db',
  join(directory, `${out}.db`),
  '--quiet',
  ...extra,
];

test('--shard i/N splits the plan into disjoint shares; culturekit merge gives the unsharded run item by item', async () => {
  const runs = await Promise.all([
    runCli(evalArgs('whole')),
    runCli(evalArgs('s2', ['--shard', '2/3'])),
    runCli(evalArgs('s0', ['--shard', '0/3'])),
    runCli(evalArgs('s1', ['--shard', '1/3'])),
  ]);
  for (const run of runs) assert.equal(run.code, 0, run.stderr);
  const sizes = ['s0', 's1', 's2'].map((share) => comparableResults(join(directory, share, 'results.jsonl')).length);
  assert.deepEqual(sizes, [34, 34, 32], 'items 0,3,6… / 1,4,7… / 2,5,8…, for both models');
  assert.deepEqual(JSON.parse(readFileSync(join(directory, 's1', 'manifest.json'), 'utf8')).shard, { index: 1, count: 3 });

  const merged = await runCli([
    'merge',
    join(directory, 's2'),
    join(directory, 's0'),
    join(directory, 's1'),
    '--out',
    join(directory, 'merged'),
    '--db',
    join(directory, 'merged.db'),
  ]);
  assert.equal(merged.code, 0, merged.stderr);
  assert.match(merged.stdout, /100 results of 100 planned from 3 shares/);
  assert.deepEqual(comparableResults(join(directory, 'merged', 'results.jsonl')), comparableResults(join(directory, 'whole', 'results.jsonl')));
  assert.deepEqual(comparableSummary(join(directory, 'merged')), comparableSummary(join(directory, 'whole')));
  const manifest = JSON.parse(readFileSync(join(directory, 'merged', 'manifest.json'), 'utf8'));
  const whole = JSON.parse(readFileSync(join(directory, 'whole', 'manifest.json'), 'utf8'));
  assert.equal(manifest.shard, undefined);
  assert.equal(manifest.planHash, whole.planHash);

  const missing = await runCli([
    'merge',
    join(directory, 's0'),
    join(directory, 's2'),
    '--out',
    join(directory, 'partial'),
    '--db',
    join(directory, 'partial.db'),
  ]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /share 1\/3 missing/);
  const twice = await runCli([
    'merge',
    join(directory, 's0'),
    join(directory, 's0'),
    join(directory, 's1'),
    '--out',
    join(directory, 'twice'),
    '--db',
    join(directory, 'twice.db'),
  ]);
  assert.equal(twice.code, 2);
  assert.match(twice.stderr, /are both share 0\/3/);
  const whole2 = await runCli(['merge', join(directory, 'whole'), '--out', join(directory, 'w2'), '--db', join(directory, 'w2.db')]);
  assert.equal(whole2.code, 2);
  assert.match(whole2.stderr, /is a whole run, not a share/);
});

test('--shard is checked: a bad value, and another share in the same folder, are input errors', async () => {
  const bad = await runCli(evalArgs('bad', ['--shard', '3/3']));
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--shard: expected i\/N with 0 ≤ i < N/);
  const other = await runCli(evalArgs('s0', ['--shard', '1/3']));
  assert.equal(other.code, 2);
  assert.match(other.stderr, /does shard 0\/3, not shard 1\/3/);
});
