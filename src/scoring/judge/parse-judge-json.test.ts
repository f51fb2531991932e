import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseJudgeJson } from './parse-judge-json.js';

describe('parseJudgeJson', () => {
  test('plain JSON', () => {
    assert.deepEqual(parseJudgeJson('{"score": 8}'), { score: 8 });
    assert.deepEqual(parseJudgeJson('  {"reason": "ok", "label": 3, "nested": {"a": [1, 2.5, null, true]}}\n'), {
      reason: 'ok',
      label: 3,
      nested: { a: [1, 2.5, null, true] },
    });
  });

  test('a fenced ```json block, with prose around it', () => {
    assert.deepEqual(parseJudgeJson('Here is my verdict:\n```json\n{\n  "score": 7\n}\n```\nThanks.'), { score: 7 });
    assert.deepEqual(parseJudgeJson('```\n{"score": 2}\n```'), { score: 2 });
    assert.deepEqual(parseJudgeJson('The response is respectful overall. {"score": 9} That is my answer.'), { score: 9 });
  });

  test('single quotes, curly quotes, unquoted keys, trailing commas, comments, Python literals', () => {
    assert.deepEqual(parseJudgeJson("{'score': 6}"), { score: 6 });
    assert.deepEqual(parseJudgeJson("{'reason': 'it\\'s fine', 'label': '2'}"), { reason: "it's fine", label: '2' });
    assert.deepEqual(parseJudgeJson('{“score”: 5}'), { score: 5 });
    assert.deepEqual(parseJudgeJson('{score: 4, reason: "brief",}'), { score: 4, reason: 'brief' });
    assert.deepEqual(parseJudgeJson('{"scores": [1, 2,], "ok": True, "note": None}'), { scores: [1, 2], ok: true, note: null });
    assert.deepEqual(parseJudgeJson('{\n  // my score\n  "score": 3 /* out of 10 */\n}'), { score: 3 });
  });

  test('a string score is kept as written; curly quotes inside a string stay text', () => {
    assert.deepEqual(parseJudgeJson('{"score": "8"}'), { score: '8' });
    assert.deepEqual(parseJudgeJson('{"reason": "the word “tea” is used well", "score": 8}'), { reason: 'the word “tea” is used well', score: 8 });
  });

  test("full-width and other scripts' digits and punctuation", () => {
    assert.deepEqual(parseJudgeJson('｛"score"：８｝'), { score: 8 });
    assert.deepEqual(parseJudgeJson('{"score": １０}'), { score: 10 });
    assert.deepEqual(parseJudgeJson('{"score": ٧}'), { score: 7 });
    assert.deepEqual(parseJudgeJson('{"score": ๙}'), { score: 9 });
    assert.deepEqual(parseJudgeJson('评分理由：回答尊重习俗。\n{"score"： "９"}'), { score: '9' });
  });

  test('several objects: the last complete one', () => {
    assert.deepEqual(parseJudgeJson('First guess {"score": 3}, on reflection {"score": 7}.'), { score: 7 });
    assert.deepEqual(parseJudgeJson('{"score": 3}\n{"score": 5'), { score: 3 });
    assert.deepEqual(parseJudgeJson('Example format: {"score": N}. My answer: {"score": 6}'), { score: 6 });
  });

  test('bare key: value pairs without braces', () => {
    assert.deepEqual(parseJudgeJson('score: 8'), { score: 8 });
    assert.deepEqual(parseJudgeJson('The response is polite.\nScore: 7/10.'), { Score: 7 });
    assert.deepEqual(parseJudgeJson('"label": 3'), { label: 3 });
    assert.deepEqual(parseJudgeJson('Score：８'), { Score: 8 });
    assert.deepEqual(parseJudgeJson("label = '2'"), { label: '2' });
    assert.deepEqual(parseJudgeJson('score: 6 at first, but final score: 8'), { score: 8 });
  });

  test('garbage and unreadable replies are undefined, never a guess', () => {
    for (const reply of [
      '',
      'I would give it an eight.',
      'The response is fine',
      '8',
      '{score: eight}',
      '{"score": }',
      '{"score" 8}',
      'score: 8-9',
      'score: high',
      '[1, 2, 3]',
      '{{{{',
      '}{',
      '{"score": NaN}',
    ]) {
      assert.equal(parseJudgeJson(reply), undefined, `expected undefined for ${JSON.stringify(reply)}`);
    }
  });

  test('an object cut short is read as its complete key: value pairs', () => {
    assert.deepEqual(parseJudgeJson('{"reason": "cut off'), undefined);
    assert.deepEqual(parseJudgeJson('{"score": 8'), { score: 8 });
    assert.deepEqual(parseJudgeJson('{"reason": "the tea custom", "score": 8'), { reason: 'the tea custom', score: 8 });
  });

  test('a key named __proto__ stays a plain property', () => {
    const parsed = parseJudgeJson('{"__proto__": {"polluted": 1}, "score": 2}')!;
    assert.equal(parsed.score, 2);
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('a runaway reply with thousands of braces is still read', () => {
    assert.deepEqual(parseJudgeJson(`${'{'.repeat(20_000)} I refuse {"score": 5}`), { score: 5 });
    assert.deepEqual(parseJudgeJson(`${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)} {"score": 4}`), { score: 4 });
  });
});
