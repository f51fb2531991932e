import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guessLanguage } from './guess-language.js';
import { lightStem } from './light-stem.js';
import { tokenize } from './tokenize.js';

const words = (text: string, language?: string) => tokenize(text, { language, bigrams: false });
const bigrams = (text: string) =>
  tokenize(text)
    .filter((token) => token.startsWith('\u0001'))
    .map((token) => token.slice(1));

describe('tokenize', () => {
  it('drops stopwords and single letters, folds and stems English', () => {
    assert.deepEqual(words('In Japan, bows are THE customary greetings; it’s Japan’s way.'), ['japan', 'bow', 'customari', 'greet', 'japan', 'wai']);
  });

  it('segments Chinese, Japanese and Thai into words', () => {
    assert.deepEqual(words('在中国，姓在名之前。'), ['中国', '姓', '名', '之前']);
    assert.deepEqual(words('日本の家庭を訪問したとき'), ['日本', '家庭', '訪問', 'とき']);
    assert.deepEqual(words('ในประเทศไทย การไหว้เป็นการทักทาย'), ['ใน', 'ประเทศไทย', 'การ', 'ไหว้', 'เป็นการ', 'ทักทาย']);
  });

  it('adds character bigrams of CJK runs, marked so that they never equal a segmented word', () => {
    assert.deepEqual(bigrams('长寿面'), ['长寿', '寿面']);
    assert.ok(!tokenize('长寿面').includes('长寿') || tokenize('长寿面').filter((token) => token === '长寿').length === 1);
    assert.deepEqual(bigrams('Japan'), []);
  });

  it('chooses Latin stopwords by the language given, or guesses them', () => {
    assert.deepEqual(words('Las personas que están comiendo', 'es'), ['persona', 'estan', 'comiendo']);
    assert.deepEqual(words('Las personas que están comiendo'), ['persona', 'estan', 'comiendo']);
    assert.ok(words('people die young', 'en').includes('die'));
  });

  it('strips the Arabic article and conjunctions lightly', () => {
    assert.deepEqual(tokenize('والسعودية في السعودية'), tokenize('السعودية السعودية'));
  });
});

describe('lightStem', () => {
  it('brings inflected forms together without eating short words', () => {
    assert.equal(lightStem('greetings'), lightStem('greet'));
    assert.equal(lightStem('chopped'), 'chop');
    assert.equal(lightStem('bring'), 'bring');
    assert.equal(lightStem('customs'), 'custom');
    assert.equal(lightStem('ceremonies'), 'ceremony');
    assert.equal(lightStem('class'), 'class');
  });
});

describe('guessLanguage', () => {
  it('tells scripts and common Latin-script languages apart', () => {
    assert.equal(guessLanguage('日本の家庭を訪問したとき'), 'ja');
    assert.equal(guessLanguage('在中国，姓在名之前'), 'zh');
    assert.equal(guessLanguage('في المملكة العربية السعودية'), 'ar');
    assert.equal(guessLanguage('¿Qué se acostumbra decir a las personas que están comiendo?'), 'es');
    assert.equal(guessLanguage('Quelles sont les coutumes du pays ?'), 'fr');
    assert.equal(guessLanguage('How do I greet my host?'), 'en');
    assert.equal(guessLanguage('xyz'), 'en');
  });
});
