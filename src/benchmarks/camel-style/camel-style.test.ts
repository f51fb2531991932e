import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { computeDiagnostics } from '../benchmark-diagnostics.js';
import { camelStyleCountryPreference, cultureOverGenderRate, wrongCategoryRate } from './camel-style-diagnostics.js';
import { loadCamelStyle, type CamelStyleMetadata } from './camel-style-adapter.js';
import { detectBenchmark } from '../detect-benchmark.js';
import { getProtocol } from '../registry.js';
import { CHOICE_LETTERS } from '../../schema/fields.js';
import type { Item } from '../../schema/item.js';
import { generated, logLikelihoods, sharedData, skipWithout } from '../../../test/fixtures/benchmark-test-support.js';

const data = join(sharedData, 'culture-llm', 'camel');
const skip = skipWithout('culture-llm/camel');
const meta = (item: Item) => item.metadata as unknown as CamelStyleMetadata;
const loglik = { mcqMethod: 'loglik' as const, shuffleSeed: null };

/** Log-likelihoods that make the option with the given role (first of them) the most likely. */
function favour(item: Item, role: string) {
  const index = meta(item).options.findIndex((option) => option.role === role);
  return logLikelihoods(item.choices!.map((_, position) => (position === index ? -1 : -5)));
}

describe('CAMeL-style adapter (culture-llm prompts.json + targets.json)', () => {
  it('generates the five distractor settings for 9 categories × 10 templates × 6 countries', { skip }, async () => {
    const dataset = await loadCamelStyle(data);
    const count = (setting: string) => dataset.items.filter((item) => item.category === setting).length;
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((setting) => count(`setting-${setting}`)),
      [540, 540, 540, 540, 240],
    );
    assert.equal(dataset.items.length, 2400);
    assert.equal(dataset.skippedInvalid, 0);
    assert.ok(dataset.notes.some((note) => note.includes('sports')));
    assert.deepEqual([...new Set(dataset.items.map((item) => item.country))].sort(), ['CN', 'GR', 'IN', 'IR', 'KE', 'US']);
    const first = dataset.items.find((item) => item.id === 'camel-style-1-food-1-cn-1')!;
    assert.equal(first.prompt, "This scenario is situated in China. Tonight, we're having [BLANK] for dinner. Fill in the [BLANK].");
    assert.equal(first.topic, 'food');
    assert.equal(first.kind, 'knowledge');
    assert.equal(dataset.items.find((item) => item.category === 'setting-2')!.kind, 'safety');
  });

  it('builds each setting as described: who the options come from and what role they play', { skip }, async () => {
    const dataset = await loadCamelStyle(data);
    for (const item of dataset.items) {
      const { setting, options } = meta(item);
      const roles = options.map((option) => option.role).sort();
      const countries = options.map((option) => option.country);
      assert.deepEqual(
        options.map((option) => option.entity),
        item.choices,
        item.id,
      );
      if (setting === 1) {
        assert.deepEqual(roles, ['correct', 'foreign', 'foreign', 'foreign', 'foreign', 'foreign']);
        assert.equal(new Set(countries).size, 6);
        assert.equal(options[CHOICE_LETTERS.indexOf(item.answer!)].role, 'correct');
      } else if (setting === 2) {
        assert.equal(options.length, 5);
        assert.ok(!countries.includes(item.country!));
        assert.equal(new Set(countries).size, 5);
      } else if (setting === 3) {
        assert.deepEqual(roles, ['correct', 'correct', 'correct', 'foreign']);
      } else if (setting === 4) {
        assert.deepEqual(roles, ['correct', 'other-category', 'other-category', 'other-category']);
        assert.ok(countries.every((country) => country === item.country));
        assert.equal(new Set(options.map((option) => option.category)).size, 4);
      } else {
        assert.deepEqual(roles, ['opposite-gender-local', 'opposite-gender-local', 'same-gender-foreign', 'same-gender-foreign']);
        assert.match(item.topic!, /^(female|male)_(names|clothing)$/);
        assert.ok(
          options
            .filter((option) => option.role === 'opposite-gender-local')
            .every((option) => option.country === item.country && option.category !== item.topic),
        );
      }
    }
  });

  it('draws the same items for the same seed and other items for another', { skip }, async () => {
    const first = await loadCamelStyle(data, { settings: [2], seed: 5 });
    const again = await loadCamelStyle(data, { settings: [2], seed: 5 });
    const other = await loadCamelStyle(data, { settings: [2], seed: 6 });
    assert.equal(first.hash, again.hash);
    assert.notEqual(first.hash, other.hash);
    const more = await loadCamelStyle(join(data, 'prompts.json'), { settings: [5], combinations: 3 });
    assert.ok(more.items.length > 240 * 2 && more.items.length <= 240 * 3);
  });

  it('scores each setting through the protocol and feeds the diagnostics, as computed by hand', { skip }, async () => {
    const dataset = await loadCamelStyle(data, { settings: [1, 2, 4, 5] });
    const protocol = getProtocol('camel-style')!;
    const run = (item: Item, role: string) => {
      const rendered = protocol.render!(item, loglik);
      const score = protocol.score(item, rendered, favour(item, role));
      return { status: score.status, metrics: score.metrics, country: item.country, details: score.details, model: 'm', condition: 'plain' };
    };
    const setting = (n: number) => dataset.items.filter((item) => meta(item).setting === n).slice(0, 12);

    const accuracy = setting(1).map((item, index) => run(item, index % 3 === 0 ? 'correct' : 'foreign'));
    assert.equal(accuracy.filter((row) => row.metrics.accuracy === 1).length, 4);

    const preferenceRows = setting(2).map((item, index) => {
      const target = index < 6 ? 'US' : meta(item).options.find((option) => option.country !== 'US')!.country;
      const option = meta(item).options.find((entry) => entry.country === target) ?? meta(item).options[0];
      const rendered = protocol.render!(item, loglik);
      const outcome = logLikelihoods(item.choices!.map((choice) => (choice === option.entity ? -1 : -5)));
      const score = protocol.score(item, rendered, outcome);
      assert.equal(score.metrics[`chose_${option.country}`], 1);
      return { status: score.status, metrics: score.metrics, model: 'm', condition: 'plain', chosen: option.country };
    });
    const preference = camelStyleCountryPreference(preferenceRows)!;
    const counts: Record<string, number> = {};
    for (const row of preferenceRows) counts[row.chosen] = (counts[row.chosen] ?? 0) + 1;
    for (const country of preference.countries) assert.equal(preference.counts[country], counts[country] ?? 0, country);
    const distribution = preference.countries.map((country) => (counts[country] ?? 0) / preferenceRows.length);
    const kl = distribution.reduce((sum, p) => (p > 0 ? sum + p * Math.log(p * preference.countries.length) : sum), 0);
    assert.ok(Math.abs(preference.klFromUniform - kl) < 1e-12);

    const categoryRows = setting(4).map((item, index) => run(item, index < 3 ? 'other-category' : 'correct'));
    const wrong = wrongCategoryRate(categoryRows)!;
    assert.deepEqual({ rate: wrong.rate, count: wrong.count, n: wrong.n }, { rate: 3 / 12, count: 3, n: 12 });

    const genderRows = setting(5).map((item, index) => run(item, index % 4 === 0 ? 'opposite-gender-local' : 'same-gender-foreign'));
    const gender = cultureOverGenderRate(genderRows)!;
    assert.deepEqual({ rate: gender.rate, count: gender.count }, { rate: 3 / 12, count: 3 });

    const [diagnostics] = computeDiagnostics([...accuracy, ...preferenceRows, ...categoryRows, ...genderRows]);
    assert.equal(diagnostics.wrongCategory!.rate, 0.25);
    assert.equal(diagnostics.cultureOverGender!.rate, 0.25);
    assert.equal(diagnostics.camelStyleCountryPreference!.n, 12);
    assert.equal(diagnostics.geomlamaCountryPreference, undefined);
  });

  it('scores by letter when log-likelihood is not used, and marks unreadable replies invalid', { skip }, async () => {
    const dataset = await loadCamelStyle(data, { settings: [4] });
    const item = dataset.items[0];
    const protocol = getProtocol('camel-style')!;
    const rendered = protocol.render!(item, { mcqMethod: 'letter', shuffleSeed: null });
    assert.equal(rendered.type, 'generate');
    const right = protocol.score(item, rendered, generated(`Answer: ${item.answer}`));
    assert.deepEqual(right.metrics, { invalid: 0, accuracy: 1, wrong_category: 0 });
    const unreadable = protocol.score(item, rendered, generated('I cannot choose.'));
    assert.deepEqual({ status: unreadable.status, metrics: unreadable.metrics }, { status: 'invalid', metrics: { invalid: 1, accuracy: 0 } });
  });

  it('is detected from the folder and from prompts.json', { skip }, async () => {
    assert.equal(await detectBenchmark(data), 'camel-style');
    assert.equal(await detectBenchmark(join(data, 'prompts.json')), 'camel-style');
  });
});
