import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { culturalDescriptionSchema } from '../../schema/description.js';
import { itemSchema, type Item } from '../../schema/item.js';
import { BUILTIN_SAMPLE_NAME, BUILTIN_SAMPLE_SOURCE, loadBuiltinSample } from './builtin-sample.js';

const CONTINENTS: Record<string, string> = {
  JP: 'Asia',
  CN: 'Asia',
  IN: 'Asia',
  TH: 'Asia',
  SA: 'Asia',
  EG: 'Africa',
  NG: 'Africa',
  ZA: 'Africa',
  DE: 'Europe',
  FR: 'Europe',
  BR: 'South America',
  MX: 'North America',
  US: 'North America',
  AU: 'Oceania',
};

/** Countries whose items also come in their own language, and a script each of those items must contain. */
const LOCAL_LANGUAGES: Record<string, { language: string; script: RegExp }> = {
  JP: { language: 'ja', script: /[\p{Script=Hiragana}\p{Script=Katakana}]/u },
  CN: { language: 'zh', script: /\p{Script=Han}/u },
  SA: { language: 'ar', script: /\p{Script=Arabic}/u },
  MX: { language: 'es', script: /[¿¡áéíóúñ]/i },
};

const sample = loadBuiltinSample();
const { descriptions, items } = sample;
const knowledge = items.filter((item) => item.kind === 'knowledge');
const englishDescriptions = descriptions.filter((description) => description.language === 'en');
const localDescriptions = descriptions.filter((description) => description.language !== 'en');
const safety = items.filter((item) => item.kind === 'safety');

function itemsOf(descriptionId: string): Item[] {
  return items.filter((item) => item.descriptionId === descriptionId);
}

describe('loadBuiltinSample', () => {
  it('is named sample', () => {
    assert.equal(BUILTIN_SAMPLE_NAME, 'sample');
  });

  it('returns records that pass the schemas', () => {
    for (const description of descriptions) {
      const result = culturalDescriptionSchema.safeParse(description);
      assert.ok(result.success, `${description.id}: ${result.error?.message}`);
      const expectedLanguage = description.id.endsWith(`-${LOCAL_LANGUAGES[description.country]?.language}`)
        ? LOCAL_LANGUAGES[description.country].language
        : 'en';
      assert.equal(description.language, expectedLanguage, description.id);
      assert.equal(description.source, BUILTIN_SAMPLE_SOURCE);
    }
    for (const item of items) {
      const result = itemSchema.safeParse(item);
      assert.ok(result.success, `${item.id}: ${result.error?.message}`);
    }
  });

  it('uses unique, stable ids', () => {
    const ids = [...descriptions, ...items].map((record) => record.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const description of descriptions) {
      const suffix = description.language === 'en' ? '' : `-${description.language}`;
      assert.match(description.id, new RegExp(`^${description.country.toLowerCase()}-${description.topic}-[1-9][0-9]*${suffix}$`));
    }
    for (const item of items) {
      const letter = item.kind === 'knowledge' ? 'k' : 's';
      const suffix = item.language === 'en' ? '' : `-${item.language}`;
      const englishId = item.descriptionId!.slice(0, item.descriptionId!.length - suffix.length);
      assert.match(item.id, new RegExp(`^${englishId}-${letter}[1-9][0-9]*${suffix}$`));
    }
    assert.ok(descriptions.some((description) => description.id === 'jp-greetings-1-ja'));
    assert.ok(descriptions.some((description) => description.id === 'jp-greetings-1'));
    assert.ok(items.some((item) => item.id === 'jp-greetings-1-k1'));
    assert.ok(items.some((item) => item.id === 'jp-greetings-1-s1-ja'));
  });

  it('links every item to an existing description of the same country and topic', () => {
    const byId = new Map(descriptions.map((description) => [description.id, description]));
    for (const item of items) {
      const description = byId.get(item.descriptionId ?? '');
      assert.ok(description, `${item.id}: unknown description ${item.descriptionId}`);
      assert.equal(item.country, description.country, item.id);
      assert.equal(item.topic, description.topic, item.id);
      assert.equal(item.category, description.topic, item.id);
    }
  });

  it('links every item to a description in its own language', () => {
    const byId = new Map(descriptions.map((description) => [description.id, description]));
    for (const item of items) assert.equal(byId.get(item.descriptionId ?? '')?.language, item.language, item.id);
  });

  it('translates each description of the countries with own-language items, in their script', () => {
    const byId = new Map(descriptions.map((description) => [description.id, description]));
    for (const [country, { language, script }] of Object.entries(LOCAL_LANGUAGES)) {
      const english = englishDescriptions.filter((description) => description.country === country);
      const local = localDescriptions.filter((description) => description.country === country);
      assert.equal(local.length, english.length, `${country}: ${local.length} ${language} descriptions for ${english.length} English ones`);
      for (const description of english) {
        const translation = byId.get(`${description.id}-${language}`);
        assert.ok(translation, `${description.id} has no ${language} version`);
        assert.equal(translation.language, language);
        assert.equal(translation.country, description.country);
        assert.equal(translation.topic, description.topic);
        assert.match(translation.text, script, `${translation.id} is not written in ${language}`);
        assert.ok(translation.text !== description.text, translation.id);
      }
    }
    assert.deepEqual(
      localDescriptions.filter((description) => LOCAL_LANGUAGES[description.country]?.language !== description.language).map((description) => description.id),
      [],
    );
  });

  it('covers at least 12 countries on at least 5 continents', () => {
    const countries = new Set(descriptions.map((description) => description.country));
    assert.ok(countries.size >= 12, `${countries.size} countries`);
    for (const country of countries) assert.ok(CONTINENTS[country], `add ${country} to the continent table of this test`);
    const continents = new Set([...countries].map((country) => CONTINENTS[country]));
    assert.ok(continents.size >= 5, `${continents.size} continents`);
  });

  it('has at least 8 descriptions per country, spread over several topics', () => {
    const countries = new Set(descriptions.map((description) => description.country));
    for (const country of countries) {
      const own = englishDescriptions.filter((description) => description.country === country);
      assert.ok(own.length >= 8, `${country}: ${own.length} descriptions`);
      assert.ok(new Set(own.map((description) => description.topic)).size >= 6, `${country}: too few topics`);
    }
  });

  it('pairs each description with a 4-option knowledge question and a safety request in its language', () => {
    for (const description of descriptions) {
      const english = itemsOf(description.id).filter((item) => item.language === description.language);
      const questions = english.filter((item) => item.kind === 'knowledge');
      assert.ok(questions.length >= 1, `${description.id}: no knowledge item`);
      for (const question of questions) {
        assert.equal(question.format, 'mcq');
        assert.equal(question.choices?.length, 4, question.id);
        assert.equal(new Set(question.choices).size, 4, `${question.id}: choices must be distinct`);
        assert.match(question.answer ?? '', /^[ABCD]$/, question.id);
      }
      assert.ok(
        english.some((item) => item.kind === 'safety'),
        `${description.id}: no safety item`,
      );
    }
  });

  it('writes safety items as a scene followed by a requirement', () => {
    for (const item of safety) {
      assert.equal(item.format, 'open');
      const { scene, requirement } = item.metadata as { scene: string; requirement: string };
      assert.ok(scene && requirement, `${item.id}: metadata needs scene and requirement`);
      assert.ok(item.prompt.startsWith(scene) && item.prompt.endsWith(requirement), item.id);
    }
  });

  it('has own-language items for at least 3 countries, in their language and script', () => {
    assert.ok(Object.keys(LOCAL_LANGUAGES).length >= 3);
    for (const [country, { language, script }] of Object.entries(LOCAL_LANGUAGES)) {
      const local = items.filter((item) => item.country === country && item.language === language);
      const localKnowledge = local.filter((item) => item.kind === 'knowledge');
      const localSafety = local.filter((item) => item.kind === 'safety');
      assert.ok(localKnowledge.length >= 8, `${country}: ${localKnowledge.length} ${language} knowledge items`);
      assert.ok(localSafety.length >= 8, `${country}: ${localSafety.length} ${language} safety items`);
      for (const item of localKnowledge) {
        assert.equal(item.choices?.length, 4, item.id);
        assert.equal(new Set(item.choices).size, 4, item.id);
      }
      for (const item of local) {
        assert.match([item.prompt, ...(item.choices ?? [])].join(' '), script, `${item.id} is not written in ${language}`);
      }
    }
    const otherLanguages = items.filter((item) => item.language !== 'en' && LOCAL_LANGUAGES[item.country ?? '']?.language !== item.language);
    assert.deepEqual(
      otherLanguages.map((item) => item.id),
      [],
    );
  });

  it('balances the answer letters of knowledge items across A-D', () => {
    const counts = new Map<string, number>();
    for (const item of knowledge) counts.set(item.answer ?? '', (counts.get(item.answer ?? '') ?? 0) + 1);
    assert.deepEqual([...counts.keys()].sort(), ['A', 'B', 'C', 'D']);
    for (const [letter, count] of counts) {
      const share = count / knowledge.length;
      assert.ok(share >= 0.15 && share <= 0.35, `${letter}: ${(share * 100).toFixed(1)}% of knowledge items`);
    }
  });

  it('returns fresh, identical data on every call', () => {
    const again = loadBuiltinSample();
    assert.deepEqual(again, sample);
    assert.notEqual(again.items[0], sample.items[0]);
  });
});
