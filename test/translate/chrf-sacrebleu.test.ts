import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { corpusChrf, sentenceChrf, type ChrfVariant } from '../../src/translate/chrf.js';
import { seededRandom } from '../../src/util/seeded-random.js';
import { pythonSkip, testPython } from '../fixtures/python-skip.js';

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

/** sacrebleu's scores of the given segments, computed now by the Python environment. */
function sacrebleuScores(hyps: string[], refs: string[][]): { chrf: { corpus: number; sentences: number[] }; chrfpp: { corpus: number; sentences: number[] } } {
  const program = [
    'import json, sys',
    'from sacrebleu.metrics import CHRF',
    'data = json.load(sys.stdin)',
    'out = {}',
    'for key, order in (("chrf", 0), ("chrfpp", 2)):',
    '    metric = CHRF(word_order=order)',
    '    out[key] = {"corpus": metric.corpus_score(data["hyps"], data["refs"]).score,',
    '                "sentences": [metric.sentence_score(h, [r[i] for r in data["refs"]]).score for i, h in enumerate(data["hyps"])]}',
    'json.dump(out, sys.stdout)',
  ].join('\n');
  const output = execFileSync(testPython(), ['-c', program], { input: JSON.stringify({ hyps, refs }), encoding: 'utf8' });
  return JSON.parse(output);
}

describe('chrF / chrF++ against sacrebleu run now on random segments', { skip: pythonSkip() }, () => {
  it('the committed fixture is what scripts/make-chrf-fixture.py makes', () => {
    const made = JSON.parse(execFileSync(testPython(), [new URL('../../scripts/make-chrf-fixture.py', import.meta.url).pathname], { encoding: 'utf8' }));
    assert.deepEqual(made, fixture);
  });
  it('agrees within 1e-6 on 150 random segments mixing scripts, whitespace and punctuation, with 1–3 references', () => {
    const random = seededRandom(20261206);
    const pieces = [
      'the',
      'cat',
      'Hund',
      'straße',
      '猫',
      'は',
      '寝',
      'ている',
      'ข้าว',
      'ผัด',
      'مرحبا',
      'بالعالم',
      'नमस्ते',
      '।',
      '。',
      '、',
      '!',
      '(',
      ')',
      '"',
      "'",
      ',',
      '.',
      '-',
      '🍣',
      '𠮷',
      'A',
      'a',
      '42',
    ];
    const spaces = [' ', ' ', ' ', '', '\u3000', '\u00a0', '\u200b', '\t', '\n', '\u2028', '\ufeff', '\u0085'];
    const segment = () => {
      const length = Math.floor(random() * 9);
      let text = '';
      for (let index = 0; index < length; index++) text += pieces[Math.floor(random() * pieces.length)] + spaces[Math.floor(random() * spaces.length)];
      return text;
    };
    const hyps = Array.from({ length: 150 }, segment);
    const streams = 1 + Math.floor(random() * 3);
    const refs = Array.from({ length: streams }, () =>
      hyps.map((hyp) => (random() < 0.5 ? segment() : hyp.slice(0, Math.floor(random() * hyp.length)) + segment())),
    );
    const expected = sacrebleuScores(hyps, refs);
    for (const [variant, key] of [
      ['chrf', 'chrf'],
      ['chrf++', 'chrfpp'],
    ] as [ChrfVariant, 'chrf' | 'chrfpp'][]) {
      assert.ok(Math.abs(corpusChrf(hyps, refs, variant) - expected[key].corpus) <= 1e-6, `${variant} corpus`);
      hyps.forEach((hyp, index) => {
        const score = sentenceChrf(
          hyp,
          refs.map((stream) => stream[index]),
          variant,
        );
        assert.ok(
          Math.abs(score - expected[key].sentences[index]) <= 1e-6,
          `${variant} segment ${index} ${JSON.stringify(hyp)}: ${score} vs ${expected[key].sentences[index]}`,
        );
      });
    }
  });
});
