import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderWordDiff, wordDiff } from './word-diff.js';

test('a word diff marks only the changed words, in English, Japanese and Thai (ICU word boundaries)', () => {
  assert.deepEqual(wordDiff('Where do shoes come off in a Japanese home?', 'Where do visitors take off their shoes in a Japanese house?'), [
    { kind: 'same', text: 'Where do ' },
    { kind: 'removed', text: 'shoes' },
    { kind: 'added', text: 'visitors' },
    { kind: 'same', text: ' ' },
    { kind: 'removed', text: 'come' },
    { kind: 'added', text: 'take' },
    { kind: 'same', text: ' off ' },
    { kind: 'added', text: 'their shoes ' },
    { kind: 'same', text: 'in a Japanese ' },
    { kind: 'removed', text: 'home' },
    { kind: 'added', text: 'house' },
    { kind: 'same', text: '?' },
  ]);
  assert.deepEqual(wordDiff('日本で贈り物として避けられる数はどれですか？', '日本で贈り物として好まれる数はどれですか？'), [
    { kind: 'same', text: '日本で贈り物として' },
    { kind: 'removed', text: '避けられる' },
    { kind: 'added', text: '好まれる' },
    { kind: 'same', text: '数はどれですか？' },
  ]);
  assert.deepEqual(wordDiff('ในประเทศไทย ไม่ควรแตะส่วนใดของร่างกาย', 'ในประเทศไทย ควรแตะส่วนใดของร่างกาย'), [
    { kind: 'same', text: 'ในประเทศไทย ' },
    { kind: 'removed', text: 'ไม่' },
    { kind: 'same', text: 'ควรแตะส่วนใดของร่างกาย' },
  ]);
  assert.deepEqual(wordDiff('same', 'same'), [{ kind: 'same', text: 'same' }]);
  assert.deepEqual(wordDiff('', 'new'), [{ kind: 'added', text: 'new' }]);
});

test('the diff of two very long texts stays bounded (one removal and one addition for the changed middle), and its markup escapes the text', () => {
  const a = Array.from({ length: 3000 }, (_, index) => `a${index}`).join(' ');
  const b = Array.from({ length: 3000 }, (_, index) => `b${index}`).join(' ');
  const parts = wordDiff(`start ${a} end`, `start ${b} end`);
  assert.deepEqual(
    parts.map((part) => part.kind),
    ['same', 'removed', 'added', 'same'],
  );
  const markup = renderWordDiff('say <b>hi</b>', 'say <img src=x onerror=alert(1)>').value;
  assert.ok(markup.includes('&lt;') && markup.includes('img'));
  assert.ok(!/<(img|b)\b/.test(markup), markup);
});
