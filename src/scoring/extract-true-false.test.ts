import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PROMPT_WORDS } from './answer-words.js';
import { extractTrueFalse } from './extract-true-false.js';

/** [reply, expected ('true' | 'false', optionally with `:rule`) or 'invalid', language] */
type Row = [string, string, string];

const ROWS: Row[] = [
  ['True', 'true:leading-word', 'en'],
  ['False.', 'false:leading-word', 'en'],
  ['**False**', 'false:leading-word', 'en'],
  ['Answer: True', 'true:marker', 'en'],
  ['The statement is false.', 'false:marker', 'en'],
  ['The statement is not true.', 'false:marker', 'en'],
  ['This is incorrect.', 'false:marker', 'en'],
  ['Yes', 'true:leading-word', 'en'],
  ['No, Kyoto was the capital until 1869.', 'false:leading-word', 'en'],
  ['True. Wait — actually, the answer is false.', 'false:marker', 'en'],
  ["It's true that Tokyo is big, but the statement is false.", 'false:marker', 'en'],
  ["Not sure, but I'd say true.", 'true:marker', 'en'],
  ['Kyoto stayed the capital until 1869, so this claim is simply false.', 'false:marker', 'en'],
  ['Kyoto remained the capital until 1869, which makes the claim false.', 'false:verdict-word', 'en'],
  ['Is it true? Hard to say.', 'invalid', 'en'],
  ['True or false? Hard to say.', 'invalid', 'en'],
  ['Yes and no.', 'invalid', 'en'],
  ["I don't know if that's true.", 'invalid', 'en'],
  ["I don't know.", 'invalid', 'en'],
  ['', 'invalid', 'en'],
  ['Tokyo is large. Kyoto is old.', 'invalid', 'en'],
  ['对', 'true:leading-word', 'zh'],
  ['错', 'false:leading-word', 'zh'],
  ['这个说法是错误的。', 'false:marker', 'zh'],
  ['答案：对', 'true:marker', 'zh'],
  ['是的', 'true:leading-word', 'zh'],
  ['对于这个说法，我认为是错误的。', 'false:verdict-word', 'zh'],
  ['正しい', 'true:leading-word', 'ja'],
  ['この記述は正しくありません。', 'false:marker', 'ja'],
  ['誤りです。', 'false:leading-word', 'ja'],
  ['참', 'true:leading-word', 'ko'],
  ['거짓입니다.', 'false:leading-word', 'ko'],
  ['صحيح', 'true:leading-word', 'ar'],
  ['العبارة خاطئة', 'false:marker', 'ar'],
  ['จริง', 'true:leading-word', 'th'],
  ['ไม่จริง', 'false:leading-word', 'th'],
  ['सही', 'true:leading-word', 'hi'],
  ['गलत है', 'false:leading-word', 'hi'],
  ['Verdadero', 'true:leading-word', 'es'],
  ['La afirmación es falsa.', 'false:marker', 'es'],
  ['Verdadero o falso', 'invalid', 'es'],
  ['Vrai', 'true:leading-word', 'fr'],
  ["C'est faux.", 'false', 'fr'],
  ['Richtig', 'true:leading-word', 'de'],
  ['Die Aussage ist nicht richtig.', 'false:marker', 'de'],
  ['Verdadeiro', 'true:leading-word', 'pt'],
  ['Não', 'false:leading-word', 'pt'],
  ['Неверно.', 'false:leading-word', 'ru'],
  ['Верно', 'true:leading-word', 'ru'],
  ['Sai', 'false:leading-word', 'vi'],
  ['Benar', 'true:leading-word', 'id'],
  ['Doğru değil.', 'false:leading-word', 'tr'],
  ['نادرست', 'false:leading-word', 'fa'],
  ['Si kweli', 'false:leading-word', 'sw'],
];

describe('extractTrueFalse', () => {
  it('has a table of replies in at least 10 languages', () => {
    assert.ok(ROWS.length >= 40);
    assert.ok(new Set(ROWS.map((row) => row[2])).size >= 10);
  });

  for (const [reply, expected, language] of ROWS) {
    it(`${language}: ${JSON.stringify(reply)} → ${expected}`, () => {
      const result = extractTrueFalse(reply, { language });
      if (expected === 'invalid') {
        assert.equal(result.status, 'invalid', JSON.stringify(result));
        return;
      }
      const [value, rule] = expected.split(':');
      assert.equal(result.status, 'found', JSON.stringify(result));
      assert.equal(result.status === 'found' && result.value, value);
      if (rule) assert.equal(result.status === 'found' && result.rule, rule);
    });
  }

  it('reads nothing from the true/false instruction of any language', () => {
    for (const [language, words] of Object.entries(PROMPT_WORDS)) {
      assert.equal(extractTrueFalse(words.trueFalseInstruction, { language }).status, 'invalid', `${language}: ${words.trueFalseInstruction}`);
    }
  });
});
