import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InputError } from '../errors/culturekit-error.js';
import { itemSchema } from '../schema/item.js';
import { detectBenchmark } from './detect-benchmark.js';
import { parseBenchmarkRef } from './parse-benchmark-ref.js';
import { benchmarkNames, benchmarks, getProtocol, loadBenchmark, protocolFor, protocolIds } from './registry.js';
import { fixtures } from '../../test/fixtures/benchmark-test-support.js';

describe('benchmark registry', () => {
  it('lists the benchmarks, and finds every benchmark protocol and the default one by id', () => {
    assert.deepEqual([...benchmarkNames], ['adaculturesafe', 'chisafety', 'aeval', 'geomlama', 'camel-style', 'camel', 'blend']);
    const benchmarkProtocolIds = benchmarks.flatMap((benchmark) => benchmark.protocols.map((protocol) => protocol.id));
    assert.deepEqual(benchmarkProtocolIds, [
      'adaculturesafe-safety',
      'adaculturesafe-knowledge-paper',
      'adaculturesafe-safety-paper',
      'chisafety-open',
      'aeval',
      'geomlama',
      'camel-style',
      'camel-bias',
      'blend-sem',
    ]);
    for (const id of benchmarkProtocolIds) assert.equal(getProtocol(id)!.id, id);
    assert.deepEqual(protocolIds(), [...benchmarkProtocolIds, 'default'].sort());
  });

  it("resolves an item's protocol once: the one it names, the default without one, an InputError for an unknown one", () => {
    const item = itemSchema.parse({ id: 'x', kind: 'knowledge', format: 'open', prompt: 'Q?', language: 'en', country: 'JP' });
    assert.equal(protocolFor(item).id, 'default');
    assert.equal(protocolFor({ ...item, protocol: 'blend-sem' }).id, 'blend-sem');
    assert.throws(
      () => protocolFor({ ...item, protocol: 'normad' }),
      (error: unknown) => error instanceof InputError && /unknown scoring protocol "normad"/.test(error.message),
    );
  });

  it('parses <adapter>:<path>?options with typed values, and leaves other references alone', () => {
    assert.deepEqual(parseBenchmarkRef('camel-style:/data/camel?settings=1,2&seed=7&combinations=3'), {
      name: 'camel-style',
      path: '/data/camel',
      options: { settings: [1, 2], seed: 7, combinations: 3 },
    });
    assert.deepEqual(parseBenchmarkRef('blend:/data/blend?languages=en&countries=UK,US&template=pers-3'), {
      name: 'blend',
      path: '/data/blend',
      options: { languages: ['en'], countries: ['UK', 'US'], template: 'pers-3' },
    });
    assert.deepEqual(parseBenchmarkRef('geomlama:./gd_prompt_en.tsv?noCountry=false'), {
      name: 'geomlama',
      path: './gd_prompt_en.tsv',
      options: { noCountry: false },
    });
    assert.equal(parseBenchmarkRef('builtin:sample'), undefined);
    assert.equal(parseBenchmarkRef('data/items.jsonl'), undefined);
    assert.throws(
      () => parseBenchmarkRef('camel:/data/camel?pairs=many'),
      (error: unknown) => error instanceof InputError && /pairs expects a number/.test(error.message),
    );
    assert.throws(
      () => parseBenchmarkRef('aeval:/a.json?answerKey=x.csv'),
      (error: unknown) => error instanceof InputError && /unknown option "answerKey" for aeval/.test(error.message),
    );
    assert.throws(() => parseBenchmarkRef('blend:'), InputError);
  });

  it('loads through the registry, and rejects an unknown adapter with the list of known ones', async () => {
    const dataset = await loadBenchmark('aeval', join(fixtures, 'aeval', 'aeval.json'));
    assert.equal(dataset.ref, `aeval:${join(fixtures, 'aeval', 'aeval.json')}`);
    assert.equal(dataset.adapter, 'aeval');
    await assert.rejects(
      loadBenchmark('normad', '/x'),
      (error: unknown) => error instanceof InputError && /adapters: adaculturesafe, chisafety/.test(error.message),
    );
  });

  it('does not guess: files of other shapes and missing paths are not detected', async () => {
    assert.equal(await detectBenchmark(join(fixtures, 'aeval', 'references.csv')), undefined);
    assert.equal(await detectBenchmark(join(fixtures, 'chisafety', 'answers.json')), undefined);
    assert.equal(await detectBenchmark(join(fixtures, 'does-not-exist.json')), undefined);
    assert.equal(await detectBenchmark(fixtures), undefined);
  });
});
