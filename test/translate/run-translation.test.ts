import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { OpenAITestServer } from '../fixtures/openai-test-server.js';
import { startQeStubServer, startTranslationTestServer } from '../fixtures/translation-test-server.js';
import { runTranslation } from '../../src/translate/run-translation.js';
import type { SourceRecord } from '../../src/translate/read-translation-input.js';
import { ModelCallError } from '../../src/models/model-error.js';

const SENTENCES = [
  'Write a short greeting for the guest.',
  'Welcome, dear guest! We are happy you are here.',
  'Say hello to the guest and bow slightly.',
  'Give a small gift when visiting a home.',
  'Eat rice with the family.',
  'Bring tea for the family.',
  'The guide explains the customs of the family.',
  'Keep shoes on at home.',
  'Say hello to the family [[long]]',
];

function records(): SourceRecord[] {
  return SENTENCES.map((instruction, index) => ({
    id: `s${index + 1}`,
    kind: 'instruction',
    language: 'en',
    fields: { instruction, output: 'We are happy you are here.' },
    where: `test:${index + 1}`,
  }));
}

let server: OpenAITestServer;
let directory: string;
before(async () => {
  server = await startTranslationTestServer();
  directory = mkdtempSync(join(tmpdir(), 'ck-run-translation-'));
});
after(async () => server.close());

describe('runTranslation filters', () => {
  it('rejects a length-ratio outlier of its language (median ± MADs of the log ratio), and bounds the ratio', async () => {
    const translator = { spec: 'openai:test-model', baseUrl: server.url };
    const robust = await runTranslation({ records: records(), targets: ['sw'], translator, dbPath: join(directory, 'a.db') });
    const outlier = robust.records.find((record) => record.sourceId === 's9')!;
    assert.equal(outlier.status, 'rejected');
    assert.equal(outlier.reasons[0].check, 'length-ratio');
    assert.match(outlier.reasons[0].message, /outlier for sw/);
    assert.equal(robust.records.filter((record) => record.status === 'kept').length, 8);
    const bounded = await runTranslation({
      records: records().slice(0, 3),
      targets: ['sw'],
      translator,
      lengthRatio: { max: 1.05 },
      dbPath: join(directory, 'a.db'),
    });
    assert.ok(bounded.records.some((record) => record.reasons[0]?.message.match(/outside \[0\.2, 1\.05\]/)));
    assert.ok(bounded.records.every((record) => record.reasons.every((reason) => reason.check === 'length-ratio')));
    const unchecked = await runTranslation({
      records: records().slice(0, 3),
      targets: ['sw'],
      translator,
      lengthRatio: { min: 0, max: 100 },
      dbPath: join(directory, 'a.db'),
    });
    assert.ok(
      unchecked.records.every((record) => record.status === 'kept'),
      'too few records for the robust test: only the bounds apply',
    );
  });

  it('marks kept records near a threshold as borderline, and the language table counts them', async () => {
    const result = await runTranslation({
      records: records().slice(0, 4),
      targets: ['ja'],
      translator: { spec: 'openai:test-model', baseUrl: server.url },
      qe: ['gemba-da'],
      thresholds: { 'gemba-da': 90 },
      borderlineMargin: 10,
      dbPath: join(directory, 'b.db'),
    });
    assert.ok(result.records.every((record) => record.status === 'kept' && record.borderline[0] === 'gemba-da 95 within 10 of 90'));
    const [row] = result.manifest.languages;
    assert.equal(row.borderline, 4);
    assert.deepEqual(row.qe['gemba-da'], { mean: 95, low: 95, high: 95, n: 4, invalid: 0 });
    assert.equal(result.manifest.prompts['gemba-da'], 'gemba-da@1');
  });

  it('does not translate a record into its own language', async () => {
    const result = await runTranslation({
      records: records().slice(0, 2),
      targets: ['en', 'zh'],
      translator: { spec: 'openai:test-model', baseUrl: server.url },
      dbPath: join(directory, 'c.db'),
    });
    assert.equal(result.manifest.counts.notTranslated, 2);
    assert.deepEqual(
      result.records.map((record) => record.id),
      ['s1.zh', 's2.zh'],
    );
  });

  it('a failing QE service is an error naming it, not a score; segments go in batches', async () => {
    const stub = await startQeStubServer({ path: '/score' });
    try {
      await assert.rejects(
        runTranslation({
          records: records().slice(0, 2),
          targets: ['zh'],
          translator: { spec: 'openai:test-model', baseUrl: server.url },
          qe: ['http'],
          http: { url: stub.url.replace('/score', '/nowhere'), batchSize: 8, timeoutMs: 5000 },
          dbPath: join(directory, 'd.db'),
        }),
        (error: unknown) => error instanceof ModelCallError && /QE service .*\/nowhere answered 404/.test(error.message),
      );
      const batched = await runTranslation({
        records: records(),
        targets: ['zh'],
        translator: { spec: 'openai:test-model', baseUrl: server.url },
        qe: ['http'],
        http: { url: stub.url, batchSize: 4, timeoutMs: 5000 },
        dbPath: join(directory, 'd.db'),
      });
      assert.deepEqual(
        stub.requests.map((batch) => batch.length),
        [4, 4, 1],
        'segments go in batches of --qe-batch',
      );
      assert.ok(batched.records.every((record) => typeof record.qe.http === 'number'));
    } finally {
      await stub.close();
    }
  });
});
