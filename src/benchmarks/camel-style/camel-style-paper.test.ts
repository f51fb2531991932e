import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCamelStyle, type CamelStyleMetadata } from './camel-style-adapter.js';
import { camelStylePaperTable } from './camel-style-diagnostics.js';
import { getProtocol } from '../registry.js';
import { foldAnswer } from '../../text/fold-text.js';
import type { Item } from '../../schema/item.js';
import { fixtures, logLikelihoods, sharedData, skipWithout } from '../../../test/fixtures/benchmark-test-support.js';

const data = join(sharedData, 'culture-llm', 'camel');
const skip = skipWithout('culture-llm/camel');
const published = join(fixtures, 'camel-style', 'english_results_tiny_type_5.csv');
const meta = (item: Item) => item.metadata as unknown as CamelStyleMetadata;

describe('CAMeL-style distractors that are in fact right', () => {
  it('settings 1–5 never offer an entity of the scenario country’s own list (folded) as a wrong option', { skip }, async () => {
    const targets = JSON.parse(readFileSync(join(data, 'targets.json'), 'utf8')) as Record<string, Record<string, string[]>>;
    const names: Record<string, string> = { US: 'USA', CN: 'China', IN: 'India', IR: 'Iran', KE: 'Kenya', GR: 'Greece' };
    const dataset = await loadCamelStyle(data, { combinations: 3 });
    let checked = 0;
    for (const item of dataset.items) {
      const lists = targets[names[item.country!]];
      const own = new Set((lists[meta(item).entityCategory] ?? []).map(foldAnswer));
      for (const option of meta(item).options) {
        if (option.role === 'correct') continue;
        checked++;
        assert.ok(
          !own.has(foldAnswer(option.entity)),
          `${item.id}: "${option.entity}" (${option.role}) is in ${item.country}'s own ${meta(item).entityCategory} list`,
        );
        if (option.role === 'same-gender-foreign') {
          const opposite = new Set((lists[meta(item).options.find((entry) => entry.role === 'opposite-gender-local')!.category] ?? []).map(foldAnswer));
          assert.ok(!opposite.has(foldAnswer(option.entity)), `${item.id}: "${option.entity}" is the scenario country's own too`);
        }
      }
    }
    assert.ok(checked > 5000);
  });
});

describe('CAMeL-style published option sets (optionSets=…, protocol=paper)', () => {
  it('loads each published row with its options in the published order', { skip }, async () => {
    const dataset = await loadCamelStyle(data, { optionSets: published, protocol: 'paper' });
    assert.equal(dataset.items.length, 2);
    const [greece, china] = dataset.items;
    assert.deepEqual(greece.choices, ['Wool Vest', 'Sash Belt', 'Wrap Dress', 'Sun Hat']);
    assert.equal(greece.id, 'camel-style-published-5-1');
    assert.deepEqual(
      meta(greece).options.map((option) => option.role),
      ['opposite-gender-local', 'opposite-gender-local', 'same-gender-foreign', 'same-gender-foreign'],
    );
    assert.equal(china.country, 'CN');
    // The authors' rule: the chosen option's text occurs in the `incorrect` cell.
    const protocol = getProtocol('camel-style')!;
    const rows = dataset.items.map((item, index) => {
      const rendered = protocol.render(item, { mcqMethod: 'loglik', shuffleSeed: null });
      const favoured = index === 0 ? 2 : 0; // Wrap Dress (a same-gender foreign entity), then Mei Lin (a Chinese female name)
      return {
        country: item.country,
        topic: item.topic,
        ...protocol.score(item, rendered, logLikelihoods(item.choices!.map((_, position) => (position === favoured ? -1 : -5)))),
      };
    });
    assert.equal(rows[0].metrics.incorrect_chosen, 0);
    assert.equal(rows[1].metrics.incorrect_chosen, 1);
    assert.equal(rows[1].metrics.culture_over_gender, 1);
    assert.deepEqual(camelStylePaperTable(rows, 5).get('Overall'), { GR: 0, CN: 1 });
  });

  it('names the file and line of a row it cannot use, and the columns a published file needs', { skip }, async () => {
    const dataset = await loadCamelStyle(data, { optionSets: join(fixtures, 'geomlama-csv', 'en.csv'), settings: [5] }).catch((error: Error) => error);
    assert.match(String(dataset), /en\.csv:1: missing columns category, prompt, correct, incorrect, options/);
  });
});
