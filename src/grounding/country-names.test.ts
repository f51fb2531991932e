import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ISO_ALPHA2_CODES } from '../schema/countries.js';
import { COUNTRY_NAME_LANGUAGES, countryCodeOf, countryName, countryNameEntries, foldCountryName } from './country-names.js';

describe('countryCodeOf', () => {
  it('knows every ISO code by its English name and back', () => {
    for (const code of ISO_ALPHA2_CODES) {
      const name = countryName(code);
      assert.ok(name, `${code} has no English name`);
      assert.equal(countryCodeOf(name), code, `${name}`);
    }
  });

  it('reads names in English, Chinese, Spanish, French and Arabic (and more)', () => {
    const cases: [string, string][] = [
      ['Japan', 'JP'],
      ['日本', 'JP'],
      ['Japón', 'JP'],
      ['Japon', 'JP'],
      ['اليابان', 'JP'],
      ['Mexico', 'MX'],
      ['墨西哥', 'MX'],
      ['México', 'MX'],
      ['Mexique', 'MX'],
      ['المكسيك', 'MX'],
      ['Saudi Arabia', 'SA'],
      ['沙特阿拉伯', 'SA'],
      ['Arabia Saudí', 'SA'],
      ['Arabie saoudite', 'SA'],
      ['المملكة العربية السعودية', 'SA'],
      ['China', 'CN'],
      ['中国', 'CN'],
      ['中國', 'CN'],
      ['Chine', 'CN'],
      ['الصين', 'CN'],
      ['Deutschland', 'DE'],
      ['Япония', 'JP'],
      ['ژاپن', 'JP'],
      ['जापान', 'JP'],
      ['ญี่ปุ่น', 'JP'],
      ['일본', 'JP'],
      ['Marekani', 'US'],
    ];
    for (const [name, code] of cases) assert.equal(countryCodeOf(name), code, name);
  });

  it('reads demonyms in their inflected forms', () => {
    const cases: [string, string][] = [
      ['Japanese', 'JP'],
      ['japonesa', 'JP'],
      ['japonaises', 'JP'],
      ['يابانية', 'JP'],
      ['Mexicans', 'MX'],
      ['mexicanas', 'MX'],
      ['mexicaine', 'MX'],
      ['مكسيكي', 'MX'],
      ['Saudis', 'SA'],
      ['saudíes', 'SA'],
      ['saoudiennes', 'SA'],
      ['سعوديون', 'SA'],
      ['alemanes', 'DE'],
      ['allemande', 'DE'],
      ['South African', 'ZA'],
    ];
    for (const [name, code] of cases) assert.equal(countryCodeOf(name), code, name);
  });

  it('reads codes, aliases and the spellings datasets use', () => {
    const cases: [string, string][] = [
      ['us', 'US'],
      ['JP', 'JP'],
      ['UK', 'GB'],
      ['USA', 'US'],
      ['United States of America', 'US'],
      ['North_Korea', 'KP'],
      ['South_Korea', 'KR'],
      ['Türkiye', 'TR'],
      ['Turkey', 'TR'],
      ['Ivory Coast', 'CI'],
      ['Côte d’Ivoire', 'CI'],
      ["Cote d'Ivoire", 'CI'],
      ['Burma', 'MM'],
      ['Holland', 'NL'],
      ['Czech Republic', 'CZ'],
      ['Viet Nam', 'VN'],
      ['  england ', 'GB'],
      ['السعودية', 'SA'],
      ['米国', 'US'],
      ['the Netherlands', 'NL'],
      ['The Gambia', 'GM'],
      ['the UK', 'GB'],
    ];
    for (const [name, code] of cases) assert.equal(countryCodeOf(name), code, name);
  });

  it('answers undefined for what is not a country', () => {
    for (const name of ['', 'Atlantis', 'Assam', 'Africa', 'ZZ', 'English']) assert.equal(countryCodeOf(name), undefined, name);
  });
});

describe('countryName', () => {
  it('gives the CLDR name in a language, English otherwise', () => {
    assert.equal(countryName('JP', 'zh'), '日本');
    assert.equal(countryName('mx', 'es'), 'México');
    assert.equal(countryName('SA', 'ar'), 'المملكة العربية السعودية');
    assert.equal(countryName('FR', 'xx'), 'France');
    assert.equal(countryName('XX'), undefined);
  });

  it('has a column for each language', () => {
    assert.ok(COUNTRY_NAME_LANGUAGES.includes('zh') && COUNTRY_NAME_LANGUAGES.includes('ar') && COUNTRY_NAME_LANGUAGES.includes('es'));
    for (const code of ['JP', 'BR', 'NG']) {
      for (const language of COUNTRY_NAME_LANGUAGES) assert.ok(countryName(code, language), `${code} ${language}`);
    }
  });
});

describe('countryNameEntries', () => {
  it('folds keys and marks unspaced scripts, capitals and ambiguous words', () => {
    assert.equal(foldCountryName('Côte d’Ivoire'), 'cote d ivoire');
    const entries = new Map(countryNameEntries().map((entry) => [entry.key, entry]));
    assert.equal(entries.get('日本')?.unspaced, true);
    assert.equal(entries.get('usa')?.capitals, true);
    assert.equal(entries.get('turkey')?.capitalizedOnly, true);
    assert.equal(entries.get('georgia')?.inRunningText, false);
    assert.equal(entries.get('japanese')?.kind, 'demonym');
  });
});
