import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RunManifest } from '../schema/manifest.js';
import Database from 'better-sqlite3';
import { openStore } from './open-store.js';
import { resultKey } from './result-key.js';
import type { ResultRow } from '../schema/result.js';

const manifest: RunManifest = {
  id: 'run-test',
  createdAt: '2026-01-01T00:00:00.000Z',
  toolVersion: '0.0.0',
  dataset: { ref: 'builtin:sample', hash: 'abc', items: 2, skippedInvalid: 0 },
  models: [{ spec: 'openai:m' }],
  options: { conditions: ['plain'], kinds: ['knowledge'], mcqMethod: 'letter', shuffleSeed: null, temperature: 0, maxTokens: 16, limit: null },
  planHash: 'def',
};

function row(itemId: string, status: ResultRow['status']): ResultRow {
  return {
    runId: manifest.id,
    model: 'openai:m',
    condition: 'plain',
    itemId,
    kind: 'knowledge',
    format: 'mcq',
    language: 'en',
    template: 'mcq-letter@1',
    prompt: [{ role: 'user', content: 'q' }],
    status,
    method: 'letter',
    metrics: status === 'scored' ? { accuracy: 1 } : {},
    latencyMs: 1,
    usage: { inputTokens: 3, outputTokens: 2 },
    cached: false,
    attempts: 1,
    completedAt: '2026-01-01T00:00:01.000Z',
  };
}

test('results and cache survive reopening; a result is replaced, never duplicated', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'ck-store-')), 'store.db');
  const store = openStore(path);
  store.saveRun(manifest, 'runs/x', 'running');
  store.saveResult(row('a', 'error'), [{ key: 'k1', value: '{"x":1}' }]);
  store.saveResult(row('b', 'scored'));
  store.saveResult(row('a', 'scored'));
  store.close();

  const reopened = openStore(path);
  assert.equal(reopened.countResults(manifest.id), 2);
  assert.deepEqual([...reopened.resultStatuses(manifest.id)].sort(), [
    [resultKey('openai:m', 'plain', 'a'), 'scored'],
    [resultKey('openai:m', 'plain', 'b'), 'scored'],
  ]);
  assert.equal(reopened.getCached('k1'), '{"x":1}');
  assert.equal(reopened.getCached('missing'), undefined);
  assert.deepEqual(
    [...reopened.iterateResults(manifest.id)].map((result) => result.itemId),
    ['a', 'b'],
  );
  assert.equal(reopened.getRun(manifest.id)?.outDir, 'runs/x');
  reopened.setRunStatus(manifest.id, 'finished');
  assert.equal(reopened.getRun(manifest.id)?.status, 'finished');
  assert.equal(reopened.listRuns().length, 1);
  reopened.close();
});

test('statuses are looked up by batch and counted by status; a version-1 store (WITHOUT ROWID results) is migrated with its results', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'ck-store-')), 'store.db');
  const old = new Database(path);
  old.exec(`CREATE TABLE results (run_id TEXT NOT NULL, model TEXT NOT NULL, condition TEXT NOT NULL, item_id TEXT NOT NULL, status TEXT NOT NULL,
    row TEXT NOT NULL, PRIMARY KEY (run_id, model, condition, item_id)) WITHOUT ROWID;
    CREATE INDEX results_by_status ON results (run_id, status);`);
  const insert = old.prepare('INSERT INTO results VALUES (?, ?, ?, ?, ?, ?)');
  for (const [itemId, status] of [
    ['a', 'scored'],
    ['b', 'error'],
  ] as const) {
    insert.run(manifest.id, 'openai:m', 'plain', itemId, status, JSON.stringify(row(itemId, status)));
  }
  old.close();

  const store = openStore(path);
  store.saveResult(row('c', 'invalid'));
  assert.equal(store.countResults(manifest.id), 3);
  assert.equal(store.countResults(manifest.id, 'error'), 1);
  assert.deepEqual([...store.resultStatusesOf(manifest.id, 'openai:m', 'plain', ['c', 'missing', 'a', 'b'])].sort(), [
    ['a', 'scored'],
    ['b', 'error'],
    ['c', 'invalid'],
  ]);
  assert.equal(store.resultStatusesOf(manifest.id, 'openai:other', 'plain', ['a']).size, 0);
  assert.deepEqual(
    [...store.iterateResults(manifest.id)].map((result) => `${result.itemId} ${result.status}`),
    ['a scored', 'b error', 'c invalid'],
  );
  store.close();
  const check = new Database(path, { readonly: true });
  const sql = check.prepare<[], { sql: string }>("SELECT sql FROM sqlite_schema WHERE name = 'results'").get()!.sql;
  assert.doesNotMatch(sql, /WITHOUT ROWID/i);
  assert.equal(check.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema_version'").get()?.value, '2');
  check.close();
});

test('every query on results searches an index: nothing scans the table as it grows', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'ck-store-')), 'store.db');
  openStore(path).close();
  const store = openStore(path);
  const statements = (store as unknown as { statements: Record<string, { source: string; reader: boolean }> }).statements;
  const database = new Database(path, { readonly: true });
  const checked: string[] = [];
  for (const [name, statement] of Object.entries(statements)) {
    if (!statement.reader || !/\bFROM results\b/.test(statement.source)) continue;
    const parameters = (statement.source.match(/\?/g) ?? []).map(() => '[]');
    const plan = database
      .prepare(`EXPLAIN QUERY PLAN ${statement.source}`)
      .all(...parameters)
      .map((row) => (row as { detail: string }).detail);
    assert.ok(
      plan.some((detail) => /^SEARCH results USING (COVERING )?INDEX/.test(detail)),
      `${name}: ${plan.join('; ')}`,
    );
    assert.ok(!plan.some((detail) => /^SCAN results\b|USE TEMP B-TREE/.test(detail)), `${name} scans or sorts: ${plan.join('; ')}`);
    checked.push(name);
  }
  assert.ok(checked.length >= 5, `checked ${checked.join(', ')}`);
  database.close();
  store.close();
});
