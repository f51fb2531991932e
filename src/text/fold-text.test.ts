import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldAnswer, foldText } from './fold-text.js';

describe('foldText', () => {
  it('applies NFKC, lower case, and drops accents and Arabic short vowels', () => {
    assert.equal(foldText('Día de Muertos'), 'dia de muertos');
    assert.equal(foldText('ＪＡＰＡＮ'), 'japan');
    assert.equal(foldText('Côte d’Ivoire'), 'cote d’ivoire');
    assert.equal(foldText('مُحَمَّد'), 'محمد');
    assert.equal(foldText('أهلاً'), 'اهلا');
  });

  it('keeps kana voicing marks, Hangul and Devanagari vowel signs', () => {
    assert.equal(foldText('ビジネス'), 'ビジネス');
    assert.equal(foldText('한국어'), '한국어');
    assert.equal(foldText('भारत जापान'), 'भारत जापान');
  });
});

describe('foldAnswer', () => {
  it('folds like foldText, and turns every run of spaces, punctuation, symbols and markdown into one space', () => {
    assert.equal(foldAnswer('**Kyoto.**'), 'kyoto');
    assert.equal(foldAnswer('  「京都」。'), '京都');
    assert.equal(foldAnswer('  **Cotton-Candy!** '), 'cotton candy');
    assert.equal(foldAnswer('Ήλιο.'), 'ηλιο');
    assert.equal(foldAnswer('ＫＩＭＣＨＩ'), 'kimchi');
    assert.equal(foldAnswer('Café  au   lait'), 'cafe au lait');
    assert.equal(foldAnswer('«أهلاً»'), 'اهلا');
  });
});
