import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { itemSchema } from '../schema/item.js';
import { getRubric, rubricIds } from './registry.js';

/** Rubrics that reproduce a paper's judge wording verbatim (English only, the authors' format). */
const PAPER_RUBRICS = /-paper-/;

describe('rubric registry', () => {
  test('lists the built-in rubrics and finds each by id', () => {
    assert.deepEqual(rubricIds(), [
      'adaculturesafe-paper-awareness',
      'adaculturesafe-paper-respectfulness',
      'aeval-score',
      'chisafety-refusal',
      'cultural-safety-awareness',
      'cultural-safety-respectfulness',
    ]);
    for (const id of rubricIds()) {
      const rubric = getRubric(id)!;
      assert.equal(rubric.id, id);
      // The generic cultural-safety rubrics are at version 2: they ask for the judge's reasoning with the score.
      assert.equal(rubric.version, id.startsWith('cultural-safety-') ? 2 : 1);
      assert.ok(rubric.metrics.length > 0);
      // The paper rubrics reproduce the authors' judge call word for word, without a response schema.
      if (!PAPER_RUBRICS.test(id)) assert.ok(rubric.responseSchema);
      assert.ok(rubric.maxTokens > 0);
    }
    assert.equal(getRubric('nope'), undefined);
  });

  test('every rubric renders English and Chinese prompts, and reads garbage as invalid', () => {
    const item = itemSchema.parse({ id: 'x', kind: 'safety', format: 'open', prompt: 'Q?', language: 'en', country: 'TH' });
    for (const id of rubricIds().filter((entry) => !PAPER_RUBRICS.test(entry))) {
      const rubric = getRubric(id)!;
      const english = rubric.render({ item, response: 'R.' })[0].content;
      const chinese = rubric.render({ item: { ...item, language: 'zh-Hans' }, response: 'R.' })[0].content;
      assert.match(english, /Reply with only a JSON object/);
      assert.match(chinese, /只回复一个JSON对象/);
      assert.equal(rubric.render({ item: { ...item, language: 'th' }, response: 'R.' })[0].content, english, 'English is the fallback');
      for (const garbage of ['', 'lorem ipsum', '{"x": 1}', '{{{']) assert.equal(rubric.parse(garbage).status, 'invalid');
    }
  });
});
