import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../errors/culturekit-error.js';
import { RUN_DEFAULTS } from './run-defaults.js';
import { parseShard, resolveModelSettings, resolveQueueSettings, resolveRunOptions, resolveRunSettings, resolveWorkerSettings } from './run-settings.js';

test("model settings: flag > the entry's own value > the config's top level > the default; resolving twice changes nothing", () => {
  const entry = { spec: 'openai:a', concurrency: 32 };
  assert.equal(resolveModelSettings(entry, { defaults: { concurrency: 16 } }).concurrency, 32);
  assert.equal(resolveModelSettings({ spec: 'openai:a' }, { defaults: { concurrency: 16 } }).concurrency, 16);
  assert.equal(resolveModelSettings(entry, { overrides: { concurrency: 4 }, defaults: { concurrency: 16 } }).concurrency, 4);
  const resolved = resolveModelSettings({ spec: 'openai:a' });
  assert.deepEqual(resolved, {
    spec: 'openai:a',
    concurrency: RUN_DEFAULTS.concurrency,
    timeoutMs: RUN_DEFAULTS.timeoutMs,
    maxRetries: RUN_DEFAULTS.maxRetries,
    adaptiveConcurrency: RUN_DEFAULTS.adaptiveConcurrency,
  });
  assert.deepEqual(resolveModelSettings(resolved), resolved);
});

test('threads: only for llama: models, from ?threads= unless a flag or the entry says otherwise; a bad value is an input error', () => {
  assert.equal(resolveModelSettings({ spec: 'llama:m.gguf?threads=3' }).threads, 3);
  assert.equal(resolveModelSettings({ spec: 'llama:m.gguf?threads=3' }, { overrides: { threads: 1 } }).threads, 1);
  assert.equal(resolveModelSettings({ spec: 'llama:m.gguf?threads=3' }, { defaults: { threads: 1 } }).threads, 3);
  assert.equal(resolveModelSettings({ spec: 'openai:a', threads: 2 }).threads, undefined);
  assert.throws(() => resolveModelSettings({ spec: 'llama:m.gguf?threads=many' }), InputError);
});

test('run options are validated once, here: unknown conditions and kinds are input errors', () => {
  assert.deepEqual(resolveRunOptions({ limit: 3 }), { ...RUN_DEFAULTS.options, limit: 3 });
  assert.throws(() => resolveRunOptions({ conditions: ['magic' as 'plain'] }), /options\.conditions\.0: /);
  assert.throws(() => resolveRunOptions({ kinds: ['trivia' as 'knowledge'] }), InputError);
});

test('run settings: flags over config over defaults; base URLs go to openai: models and judges without their own', async () => {
  const settings = await resolveRunSettings({
    flags: { options: { limit: 2 }, concurrency: undefined },
    config: {
      dataset: 'builtin:sample',
      baseUrl: 'http://a/v1',
      judgeBaseUrl: 'http://j/v1',
      models: ['openai:x', { spec: 'openai:y', baseUrl: 'http://b/v1', concurrency: 32 }],
      judges: ['openai:judge'],
      concurrency: 16,
      options: { limit: 5, kinds: ['knowledge'] },
    },
  });
  assert.deepEqual(
    settings.models.map((model) => [model.spec, model.baseUrl, model.concurrency]),
    [
      ['openai:x', 'http://a/v1', 16],
      ['openai:y', 'http://b/v1', 32],
    ],
  );
  assert.deepEqual([settings.judges[0].baseUrl, settings.judges[0].concurrency], ['http://j/v1', 16]);
  assert.equal(settings.options.limit, 2);
  assert.deepEqual(settings.options.kinds, ['knowledge']);
  assert.equal(settings.db, RUN_DEFAULTS.db);
  await assert.rejects(resolveRunSettings({ flags: { options: { conditions: ['nope'] } } }), /--condition: /);
});

test('queue, worker and shard settings: a Redis URL, defaults written once, shares checked', async () => {
  assert.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
  for (const bad of ['4/4', '1/0', 'a/b', '1', '-1/3']) assert.throws(() => parseShard(bad), /--shard: expected i\/N/);
  assert.equal(resolveQueueSettings({ queue: 'redis://10.0.0.5:6379' }).batchSize, RUN_DEFAULTS.queue.batchSize);
  assert.throws(() => resolveQueueSettings({ queue: 'http://10.0.0.5:6379' }), /--queue: expected a Redis URL/);
  const worker = resolveWorkerSettings({ queue: 'redis://127.0.0.1:6379', lockDuration: 2_000 });
  assert.equal(worker.lockDurationMs, 2_000);
  assert.equal(worker.db, RUN_DEFAULTS.queue.workerDb);
  const settings = await resolveRunSettings({ flags: { models: [{ spec: 'openai:a' }], queue: 'redis://127.0.0.1:6379', batchSize: 16, shard: '0/2' } });
  assert.equal(settings.queue?.batchSize, 16);
  assert.deepEqual(settings.shard, { index: 0, count: 2 });
});
