import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { compareGeomlamaLanguages, geomlamaCountryPreference } from './geomlama-diagnostics.js';
import { loadGeoMlama } from './geomlama-adapter.js';
import { removeCountryMention } from './geomlama-country-mentions.js';
import { detectBenchmark } from '../detect-benchmark.js';
import type { RenderedRequest } from '../../scoring/render-request.js';
import type { CallOutcome } from '../../models/call-outcome.js';
import { getProtocol } from '../registry.js';
import type { Item } from '../../schema/item.js';
import type { RunOptions } from '../../schema/manifest.js';
import { fixtures, generated, logLikelihoods, sharedData, skipWithout } from '../../../test/fixtures/benchmark-test-support.js';

const folder = join(fixtures, 'geomlama');
const protocol = () => getProtocol('geomlama')!;
const loglik: Pick<RunOptions, 'mcqMethod' | 'shuffleSeed'> = { mcqMethod: 'loglik', shuffleSeed: null };
const letter: Pick<RunOptions, 'mcqMethod' | 'shuffleSeed'> = { mcqMethod: 'letter', shuffleSeed: null };

function score(item: Item, options: Pick<RunOptions, 'mcqMethod' | 'shuffleSeed'>, outcome: CallOutcome) {
  const rendered: RenderedRequest = protocol().render!(item, options);
  return protocol().score(item, rendered, outcome);
}

describe('removeCountryMention', () => {
  it('takes the United States out of questions and masked prompts', () => {
    assert.equal(removeCountryMention('In United States, it is <mask> that customers will pay tips.', 'en'), 'It is <mask> that customers will pay tips.');
    assert.equal(
      removeCountryMention('Does an American wedding ceremony last for more than one day?', 'en'),
      'Does a wedding ceremony last for more than one day?',
    );
    assert.equal(
      removeCountryMention('Nchini Marekani, ni <mask> kwa watu wazima kuishi na wazazi wao.', 'sw'),
      'Ni <mask> kwa watu wazima kuishi na wazazi wao.',
    );
    assert.equal(removeCountryMention('美国人的主食是什么？', 'zh'), '人们的主食是什么？');
    assert.equal(removeCountryMention('No country here.', 'en'), undefined);
    assert.equal(removeCountryMention('Quelque chose aux États-Unis ?', 'fr'), undefined);
  });
});

describe('GeoMLaMA adapter, original TSV shape (our fixture)', () => {
  it('loads the blocks of five countries per concept, in English and Chinese, plus the no-country probes', async () => {
    const dataset = await loadGeoMlama(folder);
    const country = dataset.items.filter((item) => item.metadata!.setting === 'country');
    const noCountry = dataset.items.filter((item) => item.metadata!.setting === 'no-country');
    assert.equal(country.length, 19);
    assert.equal(noCountry.length, 4);
    assert.equal(dataset.skippedInvalid, 1);
    assert.deepEqual(
      dataset.problems.map(({ line, field }) => ({ line, field })),
      [{ line: 12, field: 'answer' }],
    );
    assert.match(dataset.problems[0].problem, /gold answer "Tuesday" is not among the candidate answers/);
    assert.deepEqual(
      country.filter((item) => item.language === 'en' && item.metadata!.concept === 1).map((item) => item.country),
      ['US', 'CN', 'IN', 'IR', 'KE'],
    );
    const english = dataset.items.find((item) => item.id === 'geomlama-en-1-cn')!;
    const chinese = dataset.items.find((item) => item.id === 'geomlama-zh-1-cn')!;
    assert.equal(english.metadata!.questionId, chinese.metadata!.questionId);
    assert.equal(chinese.metadata!.localLanguage, true);
    assert.equal(english.metadata!.localLanguage, false);
    assert.equal(english.category, 'breakfast');
    assert.equal(english.prompt, 'What do people usually eat for breakfast in China?');
  });

  it('renders a log-likelihood request around the mask, and a lettered question otherwise', async () => {
    const dataset = await loadGeoMlama(folder);
    const us = dataset.items.find((item) => item.id === 'geomlama-en-1-us')!;
    const rendered = protocol().render!(us, loglik);
    assert.equal(rendered.type, 'loglik');
    if (rendered.type === 'loglik') {
      assert.equal(rendered.prompt, 'People usually eat');
      assert.deepEqual(rendered.continuations, [
        ' cereal for breakfast in United States.',
        ' rice porridge for breakfast in United States.',
        ' flatbread for breakfast in United States.',
        ' ugali for breakfast in United States.',
      ]);
    }
    const chinese = protocol().render!(dataset.items.find((item) => item.id === 'geomlama-zh-1-us')!, loglik);
    assert.ok(chinese.type === 'loglik' && chinese.prompt === '在美国，人们早餐一般吃' && chinese.continuations[0] === '麦片。');
    const lettered = protocol().render!(us, letter);
    assert.ok(lettered.type === 'generate' && lettered.template === 'mcq-letter@1');
    assert.match(lettered.type === 'generate' ? lettered.messages[0].content : '', /A\. cereal\nB\. rice porridge\nC\. flatbread\nD\. ugali/);
  });

  it('scores single and multi-gold items as in the work (golds in the top k), by hand', async () => {
    const dataset = await loadGeoMlama(folder);
    const byId = (id: string) => dataset.items.find((item) => item.id === id)!;
    const kenya = byId('geomlama-en-1-ke'); // golds ugali, flatbread; choices cereal, rice porridge, flatbread, ugali
    const cases: [Item, CallOutcome, number][] = [
      [byId('geomlama-en-1-us'), logLikelihoods([-1, -4, -3, -2]), 1],
      [byId('geomlama-en-1-cn'), logLikelihoods([-1, -4, -3, -2]), 0],
      [kenya, logLikelihoods([-1, -5, -3, -2]), 0.5], // top 2: cereal, ugali → 1 of 2 golds
      [kenya, logLikelihoods([-4, -5, -3, -2], [1, 1, 3, 1]), 1], // per token: flatbread -1, ugali -2 → both golds
      [kenya, logLikelihoods([-0.5, -5, -3, -2], [1, 1, 3, 1]), 0.5], // per token: cereal -0.5, flatbread -1 → 1 of 2 golds
    ];
    const values = cases.map(([item, outcome]) => score(item, loglik, outcome));
    values.forEach((value, index) => assert.equal(value.metrics.accuracy, cases[index][2], `case ${index}`));
    assert.equal(values.reduce((sum, value) => sum + value.metrics.accuracy, 0) / values.length, (1 + 0 + 0.5 + 1 + 0.5) / 5);
    assert.deepEqual(values[3].details!.golds, ['ugali', 'flatbread']);
    assert.equal(values[3].method, 'loglik');

    assert.equal(score(kenya, letter, generated('C')).metrics.accuracy, 1, 'any gold by letter');
    assert.equal(score(kenya, letter, generated('Answer: A')).metrics.accuracy, 0);
    const invalid = score(kenya, letter, generated('hard to say'));
    assert.deepEqual({ status: invalid.status, metrics: invalid.metrics }, { status: 'invalid', metrics: { accuracy: 0, invalid: 1 } });
    const shuffled = score(kenya, { mcqMethod: 'letter', shuffleSeed: 3 }, generated('A'));
    const shownFirst = protocol().render!(kenya, { mcqMethod: 'letter', shuffleSeed: 3 });
    const firstShown = shownFirst.type === 'generate' ? shownFirst.shown!.choices[0] : '';
    assert.equal(shuffled.metrics.accuracy, ['ugali', 'flatbread'].includes(firstShown) ? 1 : 0, 'letters are read through the shown order');
  });

  it('scores the no-country probes by which country the answer belongs to', async () => {
    const dataset = await loadGeoMlama(folder);
    const probe = dataset.items.find((item) => item.id === 'geomlama-en-1-no-country')!;
    assert.equal(probe.country, undefined);
    assert.equal(probe.prompt, 'What do people usually eat for breakfast?');
    assert.equal(probe.metadata!.maskedPrompt, 'People usually eat <mask> for breakfast.');
    const flatbread = score(probe, loglik, logLikelihoods([-3, -4, -1, -2]));
    assert.deepEqual(flatbread.metrics, { matches_US: 0, matches_CN: 0, matches_IN: 1, matches_IR: 1, matches_KE: 1 });
    const cereal = score(probe, letter, generated('A'));
    assert.deepEqual(cereal.metrics, { matches_US: 1, matches_CN: 0, matches_IN: 0, matches_IR: 0, matches_KE: 0 });
    const rows = [flatbread, cereal].map((entry) => ({ status: entry.status, metrics: entry.metrics }));
    const preference = geomlamaCountryPreference(rows)!;
    // flatbread splits 1 between IN, IR, KE; cereal gives 1 to US: counts US 1, IN/IR/KE 1/3 each, CN 0 → total 2
    assert.deepEqual(preference.counts, { CN: 0, IN: 1 / 3, IR: 1 / 3, KE: 1 / 3, US: 1 });
    assert.equal(preference.distribution.US, 0.5);
    const expected = 0.5 * Math.log(0.5 * 5) + 3 * (1 / 6) * Math.log((1 / 6) * 5);
    assert.ok(Math.abs(preference.klFromUniform - expected) < 1e-12);
  });

  it('is detected from the TSV files and the folder', async () => {
    assert.equal(await detectBenchmark(folder), 'geomlama');
    assert.equal(await detectBenchmark(join(folder, 'gd_prompt_zh.tsv')), 'geomlama');
  });
});

describe('GeoMLaMA adapter, Global Gallery CSV shape (culture-llm data)', () => {
  const data = join(sharedData, 'culture-llm', 'geomlama');
  const skip = skipWithout('culture-llm/geomlama');

  it('loads the six languages, reports golds missing from the candidates, and adds the no-country probes', { skip }, async () => {
    const dataset = await loadGeoMlama(data);
    const country = dataset.items.filter((item) => item.metadata!.setting === 'country');
    assert.equal(country.length, 6 * 150 - 6);
    assert.equal(dataset.skippedInvalid, 6, 'six Greek rows whose gold (λευκό) is not a candidate (άσπρο)');
    assert.ok(dataset.problems.every((problem) => problem.file.endsWith('el.csv')));
    assert.equal(dataset.items.filter((item) => item.metadata!.setting === 'no-country').length, 149);
    assert.equal(country.filter((item) => (item.metadata!.golds as number[]).length > 1).length, 6 * 26);
    assert.deepEqual([...new Set(country.map((item) => item.country))].sort(), ['CN', 'GR', 'IN', 'IR', 'KE', 'US']);
    assert.deepEqual([...new Set(country.map((item) => item.language))].sort(), ['el', 'en', 'fa', 'hi', 'sw', 'zh']);
    const hindi = dataset.items.find((item) => item.id === 'geomlama-hi-9-us')!;
    assert.equal(new Set(hindi.choices).size, hindi.choices!.length, 'duplicate candidates are merged');
  });

  it('renders the question with listed options for log-likelihood and pairs English with the local language', { skip }, async () => {
    const dataset = await loadGeoMlama(data, { languages: ['en', 'zh'] });
    const item = dataset.items.find((entry) => entry.id === 'geomlama-en-1-in')!;
    const rendered = protocol().render!(item, loglik);
    assert.ok(rendered.type === 'loglik');
    if (rendered.type === 'loglik') {
      assert.equal(rendered.prompt, 'Which side do people usually keep when driving in the India?\n(A) right\n(B) left\n(C) middle\n(D) anywhere\nAnswer:');
      assert.deepEqual(rendered.continuations, [' right', ' left', ' middle', ' anywhere']);
    }
    const rows = dataset.items
      .filter((entry) => entry.metadata!.setting === 'country' && entry.country === 'CN')
      .map((entry) => {
        const outcome =
          entry.language === 'zh'
            ? logLikelihoods(entry.choices!.map((_, index) => ((entry.metadata!.golds as number[]).includes(index) ? 0 : -1)))
            : logLikelihoods(entry.choices!.map((_, index) => -index));
        const value = score(entry, loglik, outcome);
        return { status: value.status, metrics: value.metrics, details: value.details, country: entry.country, language: entry.language };
      });
    const [comparison] = compareGeomlamaLanguages(rows);
    assert.equal(comparison.country, 'CN');
    assert.equal(comparison.pairs, 25);
    assert.equal(comparison.local, 1, 'the Chinese prompts rank the golds first');
    const englishByHand = rows.filter((row) => row.language === 'en').reduce((sum, row) => sum + row.metrics.accuracy, 0) / 25;
    assert.ok(Math.abs(comparison.english - englishByHand) < 1e-12);
    assert.ok(Math.abs(comparison.difference - (1 - englishByHand)) < 1e-12);
  });

  it('is detected from a CSV file and from the folder', { skip }, async () => {
    assert.equal(await detectBenchmark(join(data, 'el.csv')), 'geomlama');
    assert.equal(await detectBenchmark(data), 'geomlama');
  });
});
