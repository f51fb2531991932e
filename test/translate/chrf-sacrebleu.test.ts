import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { corpusChrf, sentenceChrf, type ChrfVariant } from '../../src/translate/chrf.js';

interface FixtureCase {
  name: string;
  hyps: string[];
  refs: string[][];
  chrf: { corpus: number; sentences: number[] };
  chrfpp: { corpus: number; sentences: number[] };
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/sacrebleu-chrf.json', import.meta.url), 'utf8')) as {
  sacrebleu: string;
  signatures: { chrf: string; chrfpp: string };
  cases: FixtureCase[];
};

describe('chrF / chrF++ against sacrebleu 2.6.0 (test/fixtures/sacrebleu-chrf.json, scripts/make-chrf-fixture.py)', () => {
  it('the fixture was made by sacrebleu 2.6.0 with the default signatures', () => {
    assert.equal(fixture.sacrebleu, '2.6.0');
    assert.equal(fixture.signatures.chrf, 'nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0');
    assert.equal(fixture.signatures.chrfpp, 'nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0');
    assert.ok(fixture.cases.length >= 10);
  });
  for (const testCase of fixture.cases) {
    for (const [variant, key] of [
      ['chrf', 'chrf'],
      ['chrf++', 'chrfpp'],
    ] as [ChrfVariant, 'chrf' | 'chrfpp'][]) {
      it(`${testCase.name}: ${variant} corpus and sentence scores within 1e-6`, () => {
        const expected = testCase[key];
        const corpus = corpusChrf(testCase.hyps, testCase.refs, variant);
        assert.ok(Math.abs(corpus - expected.corpus) <= 1e-6, `corpus ${corpus} vs sacrebleu ${expected.corpus}`);
        testCase.hyps.forEach((hypothesis, index) => {
          const sentence = sentenceChrf(
            hypothesis,
            testCase.refs.map((stream) => stream[index]),
            variant,
          );
          assert.ok(Math.abs(sentence - expected.sentences[index]) <= 1e-6, `segment ${index}: ${sentence} vs sacrebleu ${expected.sentences[index]}`);
        });
      });
    }
  }
  it('ADAPTATION.md check values', () => {
    const hyps = ['Der Hund bellt laut.', '猫は寝ている'];
    const refs = [['Der Hund bellt sehr laut.', '猫が寝ている']];
    assert.ok(Math.abs(corpusChrf(hyps, refs) - 63.008091132890165) < 1e-9);
    assert.ok(Math.abs(corpusChrf(hyps, refs, 'chrf++') - 64.26290771807906) < 1e-9);
  });
});
