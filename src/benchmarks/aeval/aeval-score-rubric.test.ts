import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InputError } from '../../errors/culturekit-error.js';
import { itemSchema, type Item } from '../../schema/item.js';
import { rubricTag } from '../../scoring/judge/rubric.js';
import { aevalScoreRubric, createAevalScoreRubric } from './aeval-score-rubric.js';

const item: Item = itemSchema.parse({
  id: 'aeval-412',
  kind: 'capability',
  format: 'open',
  prompt: '从下面的句子中抽取所有地名：我上周从北京出发，经过武汉，最后到了广州。',
  language: 'zh',
  category: '信息抽取',
});

describe('aeval-score rubric', () => {
  test('id, metrics, schema', () => {
    assert.equal(rubricTag(aevalScoreRubric), 'aeval-score@1');
    assert.deepEqual(aevalScoreRubric.metrics, ['score', 'acc60', 'acc90']);
    assert.equal(aevalScoreRubric.combine, 'mean');
    assert.deepEqual(aevalScoreRubric.responseSchema, {
      type: 'object',
      properties: { reason: { type: 'string' }, score: { type: 'integer' } },
      required: ['reason', 'score'],
      additionalProperties: false,
    });
  });

  test('the Chinese prompt shows the question and the answer, and the reference only when there is one', () => {
    const without = aevalScoreRubric.render({ item, response: '北京、武汉、广州' })[0].content;
    assert.ok(without.includes(item.prompt));
    assert.ok(without.includes('北京、武汉、广州'));
    assert.match(without, /给出0到100之间的整数分数/);
    assert.doesNotMatch(without, /参考答案/);
    const withReference = aevalScoreRubric.render({ item: { ...item, reference: '北京；武汉；广州' }, response: '北京' })[0].content;
    assert.ok(withReference.includes('参考答案：\n[参考答案开始]\n北京；武汉；广州\n[参考答案结束]'));
    assert.ok(withReference.indexOf('北京；武汉；广州') < withReference.indexOf('助手的回答'));
  });

  test('an English item gets the English prompt', () => {
    const content = aevalScoreRubric.render({
      item: { ...item, language: 'en', prompt: 'List the cities.', reference: 'Beijing, Wuhan' },
      response: 'Beijing',
    })[0].content;
    assert.match(content, /integer from 0 to 100/);
    assert.match(content, /Reference answer:\n\[Start of reference\]\nBeijing, Wuhan/);
  });

  test('parses the score and the thresholds', () => {
    assert.deepEqual(aevalScoreRubric.parse('{"reason": "完全正确", "score": 95}'), {
      status: 'scored',
      metrics: { score: 95, acc60: 1, acc90: 1 },
      reasoning: '完全正确',
    });
    assert.deepEqual(aevalScoreRubric.parse('{"score": 60}'), { status: 'scored', metrics: { score: 60, acc60: 1, acc90: 0 } });
    assert.deepEqual(aevalScoreRubric.parse('{"score": 59}'), { status: 'scored', metrics: { score: 59, acc60: 0, acc90: 0 } });
    assert.deepEqual(aevalScoreRubric.parse('分数：０'), { status: 'scored', metrics: { score: 0, acc60: 0, acc90: 0 } });
    assert.deepEqual(aevalScoreRubric.parse('{"得分": 100}'), { status: 'scored', metrics: { score: 100, acc60: 1, acc90: 1 } });
  });

  test('bad replies are invalid', () => {
    for (const reply of ['', '很好', '{"score": 101}', '{"score": -5}', '{"score": 88.5}', '{"reason": "ok"}', '{"score": "九十"}']) {
      assert.equal(aevalScoreRubric.parse(reply).status, 'invalid', `expected invalid for ${JSON.stringify(reply)}`);
    }
  });

  test('thresholds are configurable and re-derived from a mean', () => {
    const rubric = createAevalScoreRubric({ thresholds: [50, 80] });
    assert.deepEqual(rubric.metrics, ['score', 'acc50', 'acc80']);
    assert.deepEqual(rubric.parse('{"score": 79}'), { status: 'scored', metrics: { score: 79, acc50: 1, acc80: 0 } });
    assert.deepEqual(rubric.deriveMetrics!({ score: 80, acc50: 0.5, acc80: 0.5 }), { score: 80, acc50: 1, acc80: 1 });
    assert.throws(() => createAevalScoreRubric({ thresholds: [0] }), InputError);
    assert.throws(() => createAevalScoreRubric({ thresholds: [60.5] }), InputError);
    assert.throws(() => createAevalScoreRubric({ thresholds: [60, 60] }), InputError);
  });
});
