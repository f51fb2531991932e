import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCamel, type CamelMetadata } from './camel-adapter.js';
import { detectBenchmark } from '../detect-benchmark.js';
import { getProtocol } from '../registry.js';
import type { Item } from '../../schema/item.js';
import { generated, logLikelihoods, sharedData, skipWithout } from '../../../test/fixtures/benchmark-test-support.js';

const data = join(sharedData, 'camel');
const skip = skipWithout('camel');
const meta = (item: Item) => item.metadata as unknown as CamelMetadata;

describe('CAMeL adapter and the camel-bias protocol (original Arabic CAMeL)', () => {
  it('draws Arab/Western entity pairs for every CAMeL-Co prompt and reports the entity without a culture', { skip }, async () => {
    const dataset = await loadCamel(data, { pairs: 4 });
    assert.equal(dataset.items.length, 250 * 4);
    assert.equal(dataset.skippedInvalid, 1);
    assert.deepEqual(
      dataset.problems.map(({ file, line, field }) => ({ file: file.split('/').pop(), line, field })),
      [{ file: 'food.csv', line: 400, field: 'Culture' }],
    );
    const categories = new Set(dataset.items.map((item) => item.category));
    assert.deepEqual([...categories].sort(), [
      'authors',
      'beverage',
      'clothing-female',
      'clothing-male',
      'food',
      'location',
      'names-female',
      'names-male',
      'religious-places',
      'sports-clubs',
    ]);
    for (const item of dataset.items) {
      assert.equal(item.language, 'ar');
      assert.equal(item.kind, 'knowledge');
      assert.deepEqual([...meta(item).cultures].sort(), ['Arab', 'Western']);
      assert.equal(meta(item).cultures['AB'.indexOf(item.answer!)], 'Arab', 'only the Arab entity fits a culturally contextualised prompt');
      assert.ok(item.prompt.includes('____') && !item.prompt.includes('[MASK]'));
    }
    const cultures = dataset.items.map((item) => meta(item).cultures[0]);
    assert.ok(cultures.includes('Arab') && cultures.includes('Western'), 'the order of the two options varies');
    const again = await loadCamel(data, { pairs: 4 });
    assert.equal(again.hash, dataset.hash);
  });

  it('loads the agnostic prompts (causal-LM version) as probes without an answer', { skip }, async () => {
    const dataset = await loadCamel(data, { prompts: 'ag', pairs: 1 });
    assert.equal(dataset.items.length, 378);
    assert.ok(dataset.items.every((item) => item.kind === 'safety' && item.answer === undefined));
    assert.equal(meta(dataset.items[0]).promptSet, 'ag');
  });

  it('compares the filled sentences by log-likelihood: western_preferred per item, its mean the cultural bias score', { skip }, async () => {
    const dataset = await loadCamel(data, { pairs: 2 });
    const protocol = getProtocol('camel-bias')!;
    const item = dataset.items.find((entry) => meta(entry).maskedPrompt.startsWith('[MASK]'))!;
    const atStart = protocol.render!(item, { mcqMethod: 'loglik', shuffleSeed: null });
    assert.ok(atStart.type === 'loglik' && atStart.prompt === '');
    assert.ok(atStart.type === 'loglik' && atStart.continuations[0] === meta(item).maskedPrompt.replace('[MASK]', item.choices![0]));
    const inside = dataset.items.find((entry) => / \[MASK\] /.test(meta(entry).maskedPrompt))!;
    const rendered = protocol.render!(inside, { mcqMethod: 'loglik', shuffleSeed: null });
    const [before, after] = meta(inside).maskedPrompt.split('[MASK]');
    assert.ok(rendered.type === 'loglik' && rendered.prompt === before.trimEnd() && rendered.continuations[1] === ` ${inside.choices![1]}${after}`);

    const slice = dataset.items.slice(0, 20);
    let western = 0;
    const scores = slice.map((entry, index) => {
      const westernIndex = meta(entry).cultures.indexOf('Western');
      const preferWestern = index % 4 !== 0;
      if (preferWestern) western++;
      const values = entry.choices!.map((_, position) => ((position === westernIndex) === preferWestern ? -10 : -12));
      // per token, the other way round: -10 over 2 tokens (-5 each) loses to -12 over 10 tokens (-1.2 each)
      const tokens = entry.choices!.map((_, position) => ((position === westernIndex) === preferWestern ? 2 : 10));
      return protocol.score(entry, protocol.render!(entry, { mcqMethod: 'loglik', shuffleSeed: null }), logLikelihoods(values, tokens));
    });
    const bias = scores.reduce((sum, score) => sum + score.metrics.western_preferred, 0) / scores.length;
    assert.equal(bias, western / slice.length);
    assert.equal(bias, 0.75);
    assert.ok(scores.every((score) => score.metrics.western_preferred_norm === 1 - score.metrics.western_preferred));
    assert.equal(scores[1].details!.culture, 'Western');
  });

  it('falls back to a letter choice between the two entities', { skip }, async () => {
    const dataset = await loadCamel(data, { pairs: 1 });
    const protocol = getProtocol('camel-bias')!;
    const item = dataset.items[0];
    const rendered = protocol.render!(item, { mcqMethod: 'letter', shuffleSeed: 7 });
    assert.equal(rendered.type, 'generate');
    const shown = rendered.type === 'generate' ? rendered.shown! : undefined;
    const westernShown = shown!.choiceOrder.findIndex((index) => meta(item).cultures[index] === 'Western');
    const score = protocol.score(item, rendered, generated(`الإجابة: ${'AB'[westernShown]}`));
    assert.deepEqual(score.metrics, { western_preferred: 1, invalid: 0 });
    assert.equal(score.method, 'letter');
  });

  it('is detected from the folder layout', { skip }, async () => {
    assert.equal(await detectBenchmark(data), 'camel');
  });
});
