import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';
import { comparableResults, runCli, spawnCli, writeMcqDataset } from './helpers.js';

const ITEMS = 240;
let server: OpenAITestServer;
let directory: string;
let dataset: string;

before(async () => {
  server = await startOpenAITestServer({ latencyMs: 15 });
  directory = mkdtempSync(join(tmpdir(), 'ck-kill-'));
  dataset = join(directory, 'items.jsonl');
  // Some items fail once with a 500 and are retried: the resumed run must still match.
  writeMcqDataset(dataset, ITEMS, {
    marker: (index) => (index % 17 === 0 ? `[[fault:500:1]] [[answer:${'ABCD'[index % 3]}]]` : `[[answer:${'ABCD'[index % 3]}]]`),
  });
});
after(async () => server.close());

function args(out: string, database: string): string[] {
  return [
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
    database,
    '--concurrency',
    '8',
    '--quiet',
  ];
}

function countRows(database: string): number {
  try {
    const connection = new Database(database, { readonly: true, fileMustExist: true });
    try {
      return (connection.prepare('SELECT count(*) AS n FROM results').get() as { n: number }).n;
    } finally {
      connection.close();
    }
  } catch {
    return 0;
  }
}

test('kill -9 at several moments, then resume: identical results, no duplicates, an intact store', async () => {
  const reference = await runCli(args(join(directory, 'reference'), join(directory, 'reference.db')));
  assert.equal(reference.code, 0, reference.stderr);
  const expected = comparableResults(join(directory, 'reference', 'results.jsonl'));
  assert.equal(expected.length, ITEMS);

  const out = join(directory, 'killed');
  const database = join(directory, 'killed.db');
  const killPoints = [1, 60, 150];
  for (const killAt of killPoints) {
    const child = spawnCli(args(out, database));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    while (countRows(database) < killAt && child.exitCode === null) await sleep(5);
    child.kill('SIGKILL');
    await exited;
    const rows = countRows(database);
    assert.ok(rows < ITEMS, `the run was killed before it finished (${rows} rows)`);
  }
  const resumed = await runCli(args(out, database));
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stderr, /resuming run/);

  const actual = comparableResults(join(out, 'results.jsonl'));
  assert.equal(actual.length, ITEMS, 'one row per item');
  assert.equal(new Set(actual.map((row) => row.itemId)).size, ITEMS, 'no duplicate rows');
  assert.deepEqual(actual, expected);

  const connection = new Database(database, { readonly: true });
  assert.equal(connection.pragma('integrity_check', { simple: true }), 'ok');
  assert.equal((connection.prepare('SELECT count(*) AS n FROM results').get() as { n: number }).n, ITEMS);
  connection.close();

  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  const referenceSummary = JSON.parse(readFileSync(join(directory, 'reference', 'summary.json'), 'utf8'));
  assert.deepEqual(summary.groups[0].metrics, referenceSummary.groups[0].metrics);
});
