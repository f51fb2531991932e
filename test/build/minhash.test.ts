import assert from 'node:assert/strict';
import { test } from 'node:test';
import { characterShingles, createMinHasher, findNearDuplicates, jaccard, normalizeForShingles } from '../../src/build/minhash.js';
import { seededRandom } from '../../src/util/seeded-random.js';

test('near-duplicates in English, Chinese and Thai are found; different texts on the same topic are not', () => {
  const texts = [
    'In Japan, what do visitors usually do at the genkan before stepping up into a home?',
    'In Thailand, how do people greet monks at a temple?',
    'In Japan, what do visitors usually do at the genkan before stepping up into the home?',
    '在中国，春节期间家人通常会一起吃团圆饭。',
    '在中国，中秋节时人们通常会吃月饼并赏月。',
    '在中国，春节期间家人通常会一起吃团圆饭吗？',
    'ในประเทศไทย การไหว้เป็นการทักทายแบบดั้งเดิมที่แสดงความเคารพ',
    'ในประเทศไทย ไม่ควรจับศีรษะของผู้อื่นเพราะถือว่าศีรษะเป็นของสูง',
    'ในประเทศไทย การไหว้เป็นการทักทายแบบดั้งเดิมที่แสดงถึงความเคารพ',
    'IN JAPAN — what do visitors usually do at the genkan, before stepping up into a home!',
  ];
  const duplicates = findNearDuplicates(texts);
  assert.deepEqual(
    duplicates.map(({ index, of }) => [index, of]),
    [
      [2, 0],
      [5, 3],
      [8, 6],
      [9, 0],
    ],
  );
  assert.ok(duplicates.every(({ similarity }) => similarity >= 0.8 && similarity <= 1));
  assert.equal(duplicates.find(({ index }) => index === 9)?.similarity, 1, 'case and punctuation do not count');
  assert.deepEqual(
    findNearDuplicates(texts, { threshold: 0.97 }).map(({ index }) => index),
    [9],
  );
});

test('the estimate follows the exact Jaccard similarity of the shingle sets', () => {
  const random = seededRandom(7);
  const words = 'rice tea shoes temple bow gift red envelope festival family dinner elder monk slippers tatami host guest'.split(' ');
  const minhash = createMinHasher({ permutations: 128, seed: 3 });
  let totalError = 0;
  const pairs = 200;
  for (let pair = 0; pair < pairs; pair++) {
    const base = Array.from({ length: 12 }, () => words[Math.floor(random() * words.length)]);
    const changed = base.map((word) => (random() < 0.3 ? words[Math.floor(random() * words.length)] : word));
    const left = base.join(' ');
    const right = changed.join(' ');
    const exact = jaccard(characterShingles(left), characterShingles(right));
    totalError += Math.abs(minhash.similarity(minhash.signature(left), minhash.signature(right)) - exact);
  }
  assert.ok(totalError / pairs < 0.04, `mean absolute error ${(totalError / pairs).toFixed(3)}`);
});

test('signatures depend only on the seed', () => {
  const text = '在中国，春节期间家人通常会一起吃团圆饭。';
  assert.deepEqual(createMinHasher({ seed: 5 }).signature(text), createMinHasher({ seed: 5 }).signature(text));
  assert.notDeepEqual(createMinHasher({ seed: 5 }).signature(text), createMinHasher({ seed: 6 }).signature(text));
});

test('shingles are code points of the normalised text, in any script', () => {
  assert.equal(normalizeForShingles('Ｔｈｅ  Custom!'), 'the custom');
  assert.deepEqual([...characterShingles('abcd', 3)], ['abc', 'bcd']);
  assert.deepEqual([...characterShingles('靴を脱', 3)], ['靴を脱']);
  assert.deepEqual([...characterShingles('ไหว้', 2)], ['ไห', 'หว', 'ว้']);
  assert.deepEqual([...characterShingles('𠀀𠀁𠀂𠀃', 3)], ['𠀀𠀁𠀂', '𠀁𠀂𠀃'], 'a code point outside the BMP is one character');
  assert.equal(characterShingles('?!').size, 0);
});
