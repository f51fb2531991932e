import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkProtectedSpans, protectedSpans, withoutProtectedSpans } from './protected-spans.js';
import { parseTranslationReply, translationMessages } from './translation-prompt.js';

describe('protected spans', () => {
  it('finds code, URLs, placeholders, markup and option letters (code first)', () => {
    const text =
      'Hi {name}, {{user}} and %s, %(count)d, %1$s, \u0024{x}, $1.\nSee https://example.org/a?b=1. <b>bold</b> &amp; `x = {y}`\n```py\nprint("{z}")\n```\nA. one\nB) two';
    const kinds = protectedSpans(text).map((span) => `${span.kind}:${span.text}`);
    assert.deepEqual(kinds, [
      'code-block:```py\nprint("{z}")\n```',
      'inline-code:`x = {y}`',
      'url:https://example.org/a?b=1',
      'placeholder:{name}',
      'placeholder:{{user}}',
      'placeholder:%s',
      'placeholder:%(count)d',
      'placeholder:%1$s',
      `placeholder:$\u007bx}`,
      'placeholder:$1',
      'markup:<b>',
      'markup:</b>',
      'markup:&amp;',
      'option-letter:A.',
      'option-letter:B.',
    ]);
    assert.doesNotMatch(withoutProtectedSpans(text), /\{name\}|https|print/);
  });
  it('reports lost, changed and added spans; order does not matter', () => {
    assert.deepEqual(checkProtectedSpans('Hello {name}, see https://x.org', 'https://x.org を見て、{name} さん'), []);
    assert.deepEqual(checkProtectedSpans('Hello {name}!', 'Bonjour {nom} !'), [
      { kind: 'placeholder', text: '{name}', source: 1, translation: 0 },
      { kind: 'placeholder', text: '{nom}', source: 0, translation: 1 },
    ]);
    assert.deepEqual(checkProtectedSpans('```a```', '```b```').length, 2);
    assert.deepEqual(checkProtectedSpans('A. yes\nB. no', 'A. はい\nB. いいえ'), []);
    assert.deepEqual(checkProtectedSpans('{a} {a}', '{a}'), [{ kind: 'placeholder', text: '{a}', source: 2, translation: 1 }]);
  });
});

describe('translation prompt', () => {
  it('asks for the same keys in JSON and reads the reply (fenced or not)', () => {
    const messages = translationMessages({ instruction: 'Greet {name}.', output: 'Hello!' }, 'en', 'sw');
    assert.match(messages[1].content, /from English to Swahili/);
    assert.match(messages[1].content, /\{"instruction":"Greet \{name\}\.","output":"Hello!"\}$/);
    assert.deepEqual(parseTranslationReply('```json\n{"instruction": "Salimia {name}.", "output": "Habari!"}\n```', ['instruction', 'output']), {
      ok: true,
      fields: { instruction: 'Salimia {name}.', output: 'Habari!' },
    });
  });
  it('rejects junk, missing keys and extra keys with a reason', () => {
    assert.deepEqual(parseTranslationReply('Sorry, I cannot.', ['a']), { ok: false, problem: 'the reply holds no JSON object' });
    assert.equal(parseTranslationReply('{"a": 1}', ['a']).ok, false);
    assert.equal(parseTranslationReply('{"a": "x", "b": "y"}', ['a']).ok, false);
    assert.equal(parseTranslationReply('{"a": "x"', ['a']).ok, false);
  });
});
