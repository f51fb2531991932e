import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadGeoMlama } from './geomlama-adapter.js';
import { geomlamaDiagnostics, geomlamaPaperTable } from './geomlama-diagnostics.js';
import { getProtocol } from '../registry.js';
import type { Item } from '../../schema/item.js';
import { fixtures, sharedData, skipWithout } from '../../../test/fixtures/benchmark-test-support.js';
import { recordedContinuationScores } from '../../scoring/recorded-option-scores.js';

const csv = join(fixtures, 'geomlama-csv', 'en.csv');

/** Scores an item by log-likelihood with the options ranked in `order` (best first). */
function scoreRanked(item: Item, order: string[]) {
  const protocol = getProtocol('geomlama')!;
  const rendered = protocol.render(item, { mcqMethod: 'loglik', shuffleSeed: null });
  if (rendered.type !== 'loglik') throw new Error('expected a log-likelihood request');
  const shown = rendered.shown.choiceOrder.map((index) => item.choices![index]);
  const scores = recordedContinuationScores(shown, { kind: 'order', values: order.map((text, index) => [text, index + 1]) });
  if (typeof scores === 'string') throw new Error(scores);
  return protocol.score(item, rendered, { type: 'loglik', result: { scores, usage: { inputTokens: 0, outputTokens: 0 } } });
}

describe('GeoMLaMA protocol=paper', () => {
  it('keeps misspelt golds verbatim (a miss, not repaired, not skipped) and pools hits ÷ golds per country', async () => {
    const paper = await loadGeoMlama(csv, { protocol: 'paper', noCountry: false });
    const ours = await loadGeoMlama(csv, { noCountry: false });
    const india = (dataset: typeof paper) => dataset.items.find((item) => item.country === 'IN')!;
    assert.deepEqual((india(paper).metadata as { paperGolds: string[] }).paperGolds, ['feet', 'metr']);
    assert.match(ours.notes.join('\n'), /gold answer "metr" matched to the candidate "meter"/);
    assert.match(paper.notes.join('\n'), /gold answer "metr" not among the options: counted as a miss/);
    // The model ranks meter, feet first for India: culturekit (repaired) 2 of 2; the authors' scorer 1 of 2.
    assert.equal(scoreRanked(india(ours), ['meter', 'feet', 'inch', 'centimeter']).metrics.accuracy, 1);
    assert.deepEqual(scoreRanked(india(paper), ['meter', 'feet', 'inch', 'centimeter']).metrics, { invalid: 0, hits: 1, golds: 2, accuracy: 0.5 });
    // Pooling: US (2 golds, 1 hit) and a second US-like item weigh by their golds.
    const rows = paper.items.map((item) => ({
      model: 'm',
      language: 'en',
      country: item.country,
      ...scoreRanked(item, ['feet', 'meter', 'inch', 'centimeter']),
    }));
    const [cell] = geomlamaPaperTable(rows);
    assert.deepEqual(cell.hits, { US: 1, CN: 0, IN: 1, IR: 0, KE: 2, GR: 0 });
    assert.deepEqual(cell.golds, { US: 2, CN: 1, IN: 2, IR: 1, KE: 2, GR: 1 });
    assert.equal(cell.scores.KE, 1);
    // The same pooled cells join a run's diagnostics (per model × condition).
    assert.deepEqual(geomlamaDiagnostics.compute(rows)?.geomlamaPaperTable?.[0].golds, cell.golds);
  });

  it('warns, with a count, about rows whose question names another country than the label', async () => {
    const dataset = await loadGeoMlama(csv, { noCountry: false });
    assert.match(dataset.notes.join('\n'), /1 row ask about another country than the row's label .*line 7 \(GR\) asks about US/);
  });

  it('rejects an unknown protocol name', async () => {
    await assert.rejects(loadGeoMlama(csv, { protocol: 'papre' as never }), /protocol must be culturekit or paper, got "papre"/);
  });

  it('on the published culture-llm files: every row kept, 34 Greek golds that are no option, 25 Greek rows asking about the US', {
    skip: skipWithout('culture-llm'),
  }, async () => {
    const folder = join(sharedData, 'culture-llm', 'geomlama');
    const paper = await loadGeoMlama(folder, { protocol: 'paper', languages: ['el'] });
    const ours = await loadGeoMlama(folder, { languages: ['el'] });
    assert.equal(paper.items.filter((item) => item.id.endsWith('no-country') === false).length, 150);
    assert.equal(paper.skippedInvalid, 0);
    assert.ok(ours.skippedInvalid > 0, 'culturekit skips rows whose golds cannot be repaired');
    const missing = paper.notes
      .filter((note) => /not among the options/.test(note))
      .map((note) => /gold answers? (.*) not among/.exec(note)![1].split(', ').length);
    assert.equal(
      missing.reduce((sum, count) => sum + count, 0),
      34,
    );
    assert.match(paper.notes.join('\n'), /25 rows ask about another country than the row's label/);
  });
});
