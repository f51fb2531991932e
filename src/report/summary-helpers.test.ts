import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { placeLabels, sharedDomain } from './chart-specs.js';
import { countryLabel, countryNumericId } from './country-labels.js';
import { titlesFromAriaLabels } from './render-svg.js';
import { groupsByScore, pText } from './summary-data.js';
import { unmappedCountries } from './world-map.js';

describe('report helpers', () => {
  test('countries by name with their code; numeric ids for the map; unknown codes kept as they are', () => {
    assert.equal(countryLabel('JP'), 'Japan (JP)');
    assert.equal(countryLabel('CN'), 'China (CN)');
    assert.equal(countryLabel('US'), 'United States (US)');
    assert.equal(countryLabel('GB'), 'United Kingdom (GB)');
    assert.equal(countryLabel('IN-AS'), 'India (IN-AS)');
    assert.equal(countryLabel('XX'), 'XX');
    assert.equal(countryLabel('<b>'), '<b>');
    assert.equal(countryNumericId('JP'), '392');
    assert.equal(countryNumericId('XX'), undefined);
    assert.deepEqual(
      unmappedCountries(['JP', 'IN', 'IN-AS', 'XX', 'SG'].map((country) => ({ country, mean: 1, low: 1, high: 1, n: 1 }))),
      ['IN-AS', 'XX', 'SG'],
      'a second region of a country, a code that names none, a state too small for 1:110m',
    );
  });

  test('one domain for every chart of a metric', () => {
    assert.deepEqual(sharedDomain([0.2, 0.9, Number.NaN]), [0, 1]);
    assert.deepEqual(sharedDomain([3, 7.5]), [1, 10]);
    assert.deepEqual(sharedDomain([0, 7.5]), [0, 100]);
    assert.deepEqual(sharedDomain([40, 95]), [0, 100]);
    assert.deepEqual(sharedDomain([-2, 140]), [-2, 140]);
  });

  test('labels never overlap and stay inside the plot; a label that fits nowhere is left out', () => {
    const crowd = Array.from({ length: 12 }, (_, index) => ({ label: `Country ${index}`, x: 0.5, y: 5 }));
    const placed = placeLabels(crowd, [0, 1], [0, 10]);
    assert.ok(placed.length >= 3 && placed.length < crowd.length, `placed ${placed.length}`);
    const boxes = placed.map((label) => {
      const x = label.x * 420;
      const y = 320 - (label.y / 10) * 320;
      const width = label.label.length * 0.62 * 9;
      const left = label.align === 'left' ? x : label.align === 'right' ? x - width : x - width / 2;
      return { left, right: left + width, top: y - 5.5, bottom: y + 5.5 };
    });
    for (const [index, box] of boxes.entries()) {
      assert.ok(box.left >= -0.01 && box.right <= 420.01 && box.top >= -0.01 && box.bottom <= 320.01, JSON.stringify(box));
      for (const other of boxes.slice(index + 1)) {
        const overlap =
          Math.min(box.right, other.right) - Math.max(box.left, other.left) > 0.01 && Math.min(box.bottom, other.bottom) - Math.max(box.top, other.top) > 0.01;
        assert.ok(!overlap, `${JSON.stringify(box)} × ${JSON.stringify(other)}`);
      }
    }
    const edge = placeLabels([{ label: 'Thailand', x: 1, y: 5 }], [0, 1], [0, 10]);
    assert.equal(edge[0].align, 'right', 'at the right edge the label goes left of its point');
  });

  test('tooltips from the labels Vega writes, already escaped; p-values read as sentences', () => {
    assert.equal(
      titlesFromAriaLabels('<path aria-label="a &lt;b&gt;" d="M0,0"/>'),
      '<path aria-label="a &lt;b&gt;" d="M0,0"><title>a &lt;b&gt;</title></path>',
    );
    assert.equal(titlesFromAriaLabels('<path d="M0,0"/>'), '<path d="M0,0"/>');
    assert.equal(pText(0.0004), 'p < 0.001');
    assert.equal(pText(0.0123), 'p = 0.012');
  });

  test('groups sorted by score, worst first: by the first series, higher first where higher is worse', () => {
    const point = (series: string, group: string, mean: number) => ({ series, group, mean, low: mean, high: mean, n: 10 });
    const points = [point('a', 'JP', 0.9), point('a', 'TH', 0.2), point('a', 'US', 0.5), point('b', 'FR', 0.1), point('b', 'JP', 0.1)];
    assert.deepEqual(groupsByScore({ kind: 'knowledge', metric: 'accuracy', groupBy: 'country', points }), ['TH', 'US', 'JP', 'FR']);
    assert.deepEqual(groupsByScore({ kind: 'knowledge', metric: 'invalid', groupBy: 'country', points }), ['JP', 'US', 'TH', 'FR']);
  });
});
