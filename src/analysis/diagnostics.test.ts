import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerDistribution, countryPreference, klFromUniform, metricRate, type DiagnosticRow } from './diagnostics.js';

const row = (metrics: Record<string, number>, extra: Partial<DiagnosticRow> = {}): DiagnosticRow => ({ status: 'scored', metrics, ...extra });

describe('klFromUniform', () => {
  it('is 0 for a uniform distribution and ln K for a certain one', () => {
    assert.equal(klFromUniform([0.2, 0.2, 0.2, 0.2, 0.2]), 0);
    assert.ok(Math.abs(klFromUniform([1, 0, 0, 0]) - Math.log(4)) < 1e-15);
    assert.ok(Math.abs(klFromUniform([0.5, 0.5, 0]) - 0.5 * Math.log(1.5) * 2) < 1e-15);
  });
});

describe('countryPreference', () => {
  it('splits shared answers, counts unmatched ones apart, and is all zeros when nothing matched', () => {
    const preference = countryPreference([{ US: 1 }, { US: 0.5, CN: 0.5 }, {}], ['US', 'CN'], 1);
    assert.deepEqual(preference.countries, ['CN', 'US']);
    assert.deepEqual(preference.distribution, { CN: 0.25, US: 0.75 });
    assert.deepEqual({ n: preference.n, unmatched: preference.unmatched }, { n: 3, unmatched: 1 });
    assert.deepEqual(countryPreference([{}], ['US', 'CN'], 1).distribution, { CN: 0, US: 0 });
  });
});

describe('metricRate', () => {
  it('reads a 0/1 metric of scored rows only, by country, and is undefined without one', () => {
    const rate = metricRate(
      [row({ hit: 1 }, { country: 'JP' }), row({ hit: 0 }, { country: 'JP' }), row({ hit: 1 }, { status: 'invalid' }), row({ other: 1 })],
      'hit',
    )!;
    assert.deepEqual(
      { rate: rate.rate, count: rate.count, n: rate.n, byCountry: rate.byCountry },
      { rate: 0.5, count: 1, n: 2, byCountry: { JP: { rate: 0.5, count: 1, n: 2 } } },
    );
    assert.equal(metricRate([row({ other: 1 })], 'hit'), undefined);
  });
});

describe('answerDistribution', () => {
  it('counts the chosen options by text and by shown letter', () => {
    const rows: DiagnosticRow[] = [
      { status: 'unscored', metrics: {}, extracted: 'A', choices: ['是', '否'] },
      { status: 'unscored', metrics: {}, extracted: 'B', choices: ['否', '是'] },
      { status: 'unscored', metrics: {}, extracted: 'B', choices: ['是', '否'] },
      { status: 'invalid', metrics: {}, choices: ['是', '否'] },
    ];
    assert.deepEqual(answerDistribution(rows), { n: 3, byChoice: { 是: 2 / 3, 否: 1 / 3 }, byLetter: { A: 1 / 3, B: 2 / 3 } });
  });
});
