import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { adapterNames, detectAdapter, loadAdapterDataset, parseAdapterRef } from '../../src/datasets/adapters/index.js';
import { InputError } from '../../src/errors/culturekit-error.js';
import { benchmarkProtocolIds } from '../../src/scoring/protocols/index.js';
import { getProtocol } from '../../src/scoring/protocol.js';
import { fixtures } from './test-support.js';

describe('benchmark adapter registry', () => {
  it('lists the adapters and registers every benchmark protocol once', () => {
    assert.deepEqual([...adapterNames], ['adaculturesafe', 'chisafety', 'aeval', 'geomlama', 'camel-style', 'camel', 'blend']);
    assert.deepEqual([...benchmarkProtocolIds], ['adaculturesafe-safety', 'chisafety-open', 'aeval', 'geomlama', 'camel-style', 'camel-bias', 'blend-sem']);
    for (const id of benchmarkProtocolIds) assert.equal(getProtocol(id)!.id, id);
  });

  it('parses <adapter>:<path>?options with typed values, and leaves other references alone', () => {
    assert.deepEqual(parseAdapterRef('camel-style:/data/camel?settings=1,2&seed=7&combinations=3'), {
      name: 'camel-style',
      path: '/data/camel',
      options: { settings: [1, 2], seed: 7, combinations: 3 },
    });
    assert.deepEqual(parseAdapterRef('blend:/data/blend?languages=en&countries=UK,US&template=pers-3'), {
      name: 'blend',
      path: '/data/blend',
      options: { languages: ['en'], countries: ['UK', 'US'], template: 'pers-3' },
    });
    assert.deepEqual(parseAdapterRef('geomlama:./gd_prompt_en.tsv?noCountry=false'), { name: 'geomlama', path: './gd_prompt_en.tsv', options: { noCountry: false } });
    assert.equal(parseAdapterRef('builtin:sample'), undefined);
    assert.equal(parseAdapterRef('data/items.jsonl'), undefined);
    assert.throws(() => parseAdapterRef('camel:/data/camel?pairs=many'), (error: unknown) => error instanceof InputError && /pairs expects a number/.test(error.message));
    assert.throws(() => parseAdapterRef('aeval:/a.json?answerKey=x.csv'), (error: unknown) => error instanceof InputError && /unknown option "answerKey" for aeval/.test(error.message));
    assert.throws(() => parseAdapterRef('blend:'), InputError);
  });

  it('loads through the registry, and rejects an unknown adapter with the list of known ones', async () => {
    const dataset = await loadAdapterDataset('aeval', join(fixtures, 'aeval', 'aeval.json'));
    assert.equal(dataset.ref, `aeval:${join(fixtures, 'aeval', 'aeval.json')}`);
    assert.equal(dataset.adapter, 'aeval');
    await assert.rejects(loadAdapterDataset('normad', '/x'), (error: unknown) => error instanceof InputError && /adapters: adaculturesafe, chisafety/.test(error.message));
  });

  it('does not guess: files of other shapes and missing paths are not detected', async () => {
    assert.equal(await detectAdapter(join(fixtures, 'aeval', 'references.csv')), undefined);
    assert.equal(await detectAdapter(join(fixtures, 'chisafety', 'answers.json')), undefined);
    assert.equal(await detectAdapter(join(fixtures, 'does-not-exist.json')), undefined);
    assert.equal(await detectAdapter(fixtures), undefined);
  });
});
