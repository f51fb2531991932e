import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RunManifest } from '../schema/manifest.js';
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
