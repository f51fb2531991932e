import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadAEval } from './aeval-adapter.js';
import { detectBenchmark } from '../detect-benchmark.js';
import { renderRequest } from '../../scoring/render-request.js';
import { getProtocol } from '../registry.js';
import { fixtures, generated } from '../../../test/fixtures/benchmark-test-support.js';

const file = join(fixtures, 'aeval', 'aeval.json');

describe('A-Eval adapter (our fixture in the published shape)', () => {
  it('loads open capability items with category, difficulty as topic, and the subtask', async () => {
    const dataset = await loadAEval(file);
    assert.equal(dataset.items.length, 4);
    assert.equal(dataset.skippedInvalid, 1);
    assert.equal(dataset.problems[0].field, '1.infos.1.hard_level');
    assert.match(dataset.problems[0].problem, /expected 易, 中 or 难, got "很难"/);
    const first = dataset.items[0];
    assert.deepEqual(
      { id: first.id, kind: first.kind, format: first.format, language: first.language, category: first.category, topic: first.topic },
      { id: 'aeval-1', kind: 'capability', format: 'open', language: 'zh', category: 'text-understanding', topic: 'easy' },
    );
    assert.deepEqual(first.metadata, { benchmark: 'aeval', id: 1, category: '文本理解', subtask: '情感分析', hardLevel: '易', difficulty: 'easy' });
    assert.deepEqual(
      dataset.items.map((item) => item.topic),
      ['easy', 'medium', 'hard', 'medium'],
    );
    assert.equal(dataset.items[2].category, 'logical-reasoning');
  });

  it('adds reference answers from a file and reports the ones that match no item', async () => {
    const dataset = await loadAEval(file, { references: join(fixtures, 'aeval', 'references.csv') });
    assert.equal(dataset.items.find((item) => item.id === 'aeval-1')!.reference, '好评');
    assert.equal(dataset.items.find((item) => item.id === 'aeval-3')!.reference, '小刚');
    assert.equal(dataset.items.find((item) => item.id === 'aeval-2')!.reference, undefined);
    assert.ok(dataset.notes.some((note) => note.includes('1 references match no A-Eval item')));
  });

  it('names the aeval-score rubric and leaves the response to the judge', async () => {
    const dataset = await loadAEval(file);
    const item = dataset.items[0];
    const protocol = getProtocol(item.protocol!)!;
    assert.deepEqual(protocol.rubrics!(item), ['aeval-score']);
    const rendered = renderRequest(item, { mcqMethod: 'loglik', shuffleSeed: 1 });
    assert.deepEqual(rendered.type === 'generate' ? rendered.messages : [], [{ role: 'user', content: item.prompt }]);
    const score = protocol.score(item, rendered, generated('好评'));
    assert.deepEqual({ status: score.status, method: score.method }, { status: 'unscored', method: 'none' });
  });

  it('is detected from its content', async () => {
    assert.equal(await detectBenchmark(file), 'aeval');
  });
});
