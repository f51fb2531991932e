import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DiagnosticRow } from '../analysis/diagnostics.js';
import { computeDiagnostics, diagnosticTables } from './benchmark-diagnostics.js';
import { camelStyleCountryPreference, cultureOverGenderRate, wrongCategoryRate } from './camel-style/camel-style-diagnostics.js';
import { compareGeomlamaLanguages, geomlamaCountryPreference } from './geomlama/geomlama-diagnostics.js';

const row = (metrics: Record<string, number>, extra: Partial<DiagnosticRow> = {}): DiagnosticRow => ({ status: 'scored', metrics, ...extra });

describe('country preference', () => {
  it('CAMeL-style setting 2: the share of choices per country among the countries offered', () => {
    const rows = [
      row({ chose_US: 1, chose_CN: 0, chose_IN: 0 }),
      row({ chose_US: 1, chose_CN: 0, chose_KE: 0 }),
      row({ chose_US: 0, chose_CN: 1, chose_KE: 0 }),
      row({ chose_US: 1, chose_IN: 0, chose_KE: 0 }),
      row({ invalid: 1 }, { status: 'invalid' }),
      row({ accuracy: 1 }),
    ];
    const preference = camelStyleCountryPreference(rows)!;
    assert.deepEqual(preference.countries, ['CN', 'IN', 'KE', 'US']);
    assert.deepEqual(preference.distribution, { CN: 0.25, IN: 0, KE: 0, US: 0.75 });
    assert.equal(preference.n, 4);
    assert.ok(Math.abs(preference.klFromUniform - (0.25 * Math.log(1) + 0.75 * Math.log(3))) < 1e-15);
  });

  it('GeoMLaMA no-country: an answer shared by several countries is split between them; unmatched answers are counted apart', () => {
    const rows = [
      row({ matches_US: 1, matches_CN: 1, matches_IN: 0 }),
      row({ matches_US: 0, matches_CN: 0, matches_IN: 0 }),
      row({ matches_US: 0, matches_CN: 0, matches_IN: 1 }),
    ];
    const preference = geomlamaCountryPreference(rows)!;
    assert.deepEqual(preference.counts, { CN: 0.5, IN: 1, US: 0.5 });
    assert.deepEqual(preference.distribution, { CN: 0.25, IN: 0.5, US: 0.25 });
    assert.equal(preference.unmatched, 1);
    assert.equal(preference.n, 3);
    assert.equal(geomlamaCountryPreference([row({ accuracy: 1 })]), undefined);
  });
});

describe('rates', () => {
  it('wrong category and culture over gender, overall and by country, with a Wilson interval', () => {
    const rows = [
      row({ wrong_category: 1, accuracy: 0 }, { country: 'US' }),
      row({ wrong_category: 0, accuracy: 1 }, { country: 'US' }),
      row({ wrong_category: 0, accuracy: 1 }, { country: 'KE' }),
      row({ wrong_category: 0, accuracy: 0 }, { country: 'KE' }),
      row({ accuracy: 0, invalid: 1 }, { country: 'KE', status: 'invalid' }),
    ];
    const wrong = wrongCategoryRate(rows)!;
    assert.deepEqual({ rate: wrong.rate, count: wrong.count, n: wrong.n }, { rate: 0.25, count: 1, n: 4 });
    assert.deepEqual(wrong.byCountry, { US: { rate: 0.5, count: 1, n: 2 }, KE: { rate: 0, count: 0, n: 2 } });
    assert.ok(wrong.ci95[0] < 0.25 && wrong.ci95[1] > 0.25);
    assert.equal(cultureOverGenderRate(rows), undefined);
    const gender = cultureOverGenderRate([row({ culture_over_gender: 1 }), row({ culture_over_gender: 1 }), row({ culture_over_gender: 0 })])!;
    assert.equal(gender.rate, 2 / 3);
  });
});

describe('computeDiagnostics', () => {
  it('groups by model and condition and leaves out groups without diagnostic rows', () => {
    const diagnostics = computeDiagnostics([
      row({ culture_over_gender: 1 }, { model: 'a', condition: 'plain' }),
      row({ culture_over_gender: 0 }, { model: 'b', condition: 'plain' }),
      row({ chose_US: 1, chose_CN: 0 }, { model: 'b', condition: 'plain' }),
      row({ accuracy: 1 }, { model: 'c', condition: 'plain' }),
    ]);
    assert.deepEqual(
      diagnostics.map((entry) => [entry.model, entry.cultureOverGender?.rate, entry.camelStyleCountryPreference?.distribution.US]),
      [
        ['a', 1, undefined],
        ['b', 0, 1],
      ],
    );
    assert.deepEqual(
      diagnosticTables(diagnostics[1]).map((table) => [table.kind, table.title]),
      [
        ['country-preference', 'which country\u2019s entity the model picks when no option fits (CAMeL-style)'],
        ['rates', 'Wrong category and grammatical gender'],
      ],
    );
  });
});

describe('compareGeomlamaLanguages', () => {
  it('pairs the same question in English and in the local language, per country', () => {
    const geo = (questionId: string, country: string, language: string, accuracy: number): DiagnosticRow =>
      row({ accuracy }, { country, language, details: { setting: 'country', questionId } });
    const rows = [
      geo('q1-cn', 'CN', 'en', 1),
      geo('q1-cn', 'CN', 'zh', 0),
      geo('q2-cn', 'CN', 'en', 0.5),
      geo('q2-cn', 'CN', 'zh', 1),
      geo('q3-cn', 'CN', 'en', 1),
      geo('q1-us', 'US', 'en', 1),
      geo('q1-ke', 'KE', 'en', 0),
      geo('q1-ke', 'KE', 'sw', 1),
      geo('q1-ke', 'KE', 'zh', 1),
    ];
    assert.deepEqual(compareGeomlamaLanguages(rows), [
      { country: 'CN', localLanguage: 'zh', pairs: 2, english: 0.75, local: 0.5, difference: -0.25 },
      { country: 'KE', localLanguage: 'sw', pairs: 1, english: 0, local: 1, difference: 1 },
    ]);
  });
});
