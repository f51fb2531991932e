import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countriesIn, recognizeCountries } from './recognize-countries.js';

describe('recognizeCountries', () => {
  it('finds names and demonyms in English, Chinese, Spanish, French and Arabic', () => {
    assert.deepEqual(countriesIn('How should I greet my Japanese hosts when I visit Mexico?'), ['JP', 'MX']);
    assert.deepEqual(countriesIn('在中国过春节时，日本人会做什么？'), ['CN', 'JP']);
    assert.deepEqual(countriesIn('Mi novia es mexicana y vive en Arabia Saudí.'), ['MX', 'SA']);
    assert.deepEqual(countriesIn('Les coutumes des Japonaises et la cuisine marocaine'), ['JP', 'MA']);
    assert.deepEqual(countriesIn('التحية في المملكة العربية السعودية وعند المصريين'), ['SA', 'EG']);
  });

  it('says where each mention is and what kind it is', () => {
    assert.deepEqual(recognizeCountries('Food in México, by Mexicans, 在中国'), [
      { country: 'MX', text: 'México', index: 8, kind: 'name' },
      { country: 'MX', text: 'Mexicans', index: 19, kind: 'demonym' },
      { country: 'CN', text: '中国', index: 30, kind: 'name' },
    ]);
  });

  it('prefers the longest name', () => {
    assert.deepEqual(countriesIn('A South African braai'), ['ZA']);
    assert.deepEqual(countriesIn('印度尼西亚和印度'), ['ID', 'IN']);
    assert.deepEqual(countriesIn('Customs of the Democratic Republic of the Congo'), ['CD']);
  });

  it('strips Arabic conjunctions, prepositions and articles', () => {
    assert.deepEqual(countriesIn('وبالسعودية'), ['SA']);
    assert.deepEqual(countriesIn('سافرت لليابان'), ['JP']);
    assert.deepEqual(countriesIn('الطعام الياباني'), ['JP']);
  });

  it('reads upper-case ISO codes and aliases, but not common abbreviations or shouted text', () => {
    assert.deepEqual(countriesIn('Moving from the US to JP, then the UK'), ['US', 'JP', 'GB']);
    assert.deepEqual(countriesIn('Tell us about it'), []);
    assert.deepEqual(countriesIn('Send the report to IT in LA, CA by 5 PM'), []);
    assert.deepEqual(countriesIn('PLEASE TELL US HOW TO GREET PEOPLE'), []);
    assert.deepEqual(countriesIn('Trips to the U.S. and EE.UU.'), ['US']);
  });

  it('needs capitals for names that are common words, and skips names too ambiguous for running text', () => {
    assert.deepEqual(countriesIn('How long to roast a turkey?'), []);
    assert.deepEqual(countriesIn('Visiting Turkey in spring'), ['TR']);
    assert.deepEqual(countriesIn('fine china and chile en nogada'), []);
    assert.deepEqual(countriesIn('My friend Chad from Georgia and New Jersey'), []);
  });

  it('finds nothing in text without countries', () => {
    assert.deepEqual(recognizeCountries(''), []);
    assert.deepEqual(countriesIn('How do I politely decline a second helping?'), []);
  });
});
