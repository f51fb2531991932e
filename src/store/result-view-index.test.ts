import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { ResultRow } from '../schema/result.js';
import { openStore } from './open-store.js';

function row(model: string, itemId: string, accuracy: number, prompt = `Question ${itemId}?`): ResultRow {
  return {
    runId: 'r1',
    model,
    condition: 'plain',
    itemId,
    kind: 'knowledge',
    format: 'mcq',
    language: 'en',
    country: itemId.startsWith('jp') ? 'JP' : 'US',
    template: 'mcq-letter@1',
    prompt: [{ role: 'user', content: prompt }],
    answer: 'A',
    response: `Answer: ${accuracy ? 'A' : 'B'}`,
    extracted: accuracy ? 'A' : 'B',
    status: 'scored',
    method: 'letter',
    metrics: { accuracy },
    latencyMs: 10,
    usage: { inputTokens: 1, outputTokens: 1 },
    cached: false,
    attempts: 1,
    completedAt: '2026-01-01T00:00:00.000Z',
  };
}

test('the view index follows the store: new and rewritten results by row id, a full rebuild when results go away', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'ck-view-index-')), 'culturekit.db');
  const store = openStore(path);
  const index = store.resultViewIndex('accuracy');
  store.saveResults([row('m1', 'jp-1', 1), row('m2', 'jp-1', 0), row('m1', 'us-1', 0), row('m2', 'us-1', 0)].map((value) => ({ row: value })));
  assert.equal(index.page({ runId: 'r1' }, 10, 0).total, 4);
  assert.deepEqual(
    index.page({ runId: 'r1', across: 'flipped' }, 10, 0).rows.map((value) => `${value.model} ${value.itemId} ${value.outcome}`),
    ['m1 jp-1 correct', 'm2 jp-1 incorrect'],
  );
  assert.deepEqual([...new Set(index.page({ runId: 'r1', across: 'all-wrong' }, 10, 0).rows.map((value) => value.itemId))], ['us-1']);
  // A result rewritten (a resume re-scoring it) replaces its old entry.
  store.saveResult(row('m2', 'us-1', 1, 'Rewritten 100% question_with underscore?'));
  assert.equal(index.page({ runId: 'r1', across: 'all-wrong' }, 10, 0).total, 0);
  assert.deepEqual(
    index.page({ runId: 'r1', search: '100%' }, 10, 0).rows.map((value) => value.itemId),
    ['us-1'],
  );
  assert.equal(index.page({ runId: 'r1', search: 'question_with' }, 10, 0).total, 1);
  assert.deepEqual(index.statusCounts('r1'), { correct: 2, incorrect: 2 });
  // Sorted by score, then walked with previous / next.
  const sorted = index.page({ runId: 'r1', sort: 'score', descending: true }, 10, 0).rows.map((value) => `${value.model} ${value.itemId}`);
  assert.deepEqual(sorted, ['m2 us-1', 'm1 jp-1', 'm2 jp-1', 'm1 us-1']);
  const middle = index.neighbours({ runId: 'r1', sort: 'score', descending: true }, { model: 'm1', condition: 'plain', itemId: 'jp-1' });
  assert.deepEqual([middle.previous?.itemId, middle.next?.itemId], ['us-1', 'jp-1']);
  // Another process deletes results (as a resume dropping failed rows does): the run is indexed afresh.
  const other = new Database(path);
  other.prepare("DELETE FROM results WHERE run_id = 'r1' AND model = 'm1'").run();
  other.close();
  assert.deepEqual(
    index.page({ runId: 'r1' }, 10, 0).rows.map((value) => `${value.model} ${value.itemId}`),
    ['m2 jp-1', 'm2 us-1'],
  );
  store.close();
});
