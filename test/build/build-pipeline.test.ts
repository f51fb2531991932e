import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildBenchmark, type BuildResult } from '../../src/build/build-benchmark.js';
import { loadTemplateFile } from '../../src/build/prompt-templates.js';
import { readSources } from '../../src/build/read-sources.js';
import { writeBuildOutputs } from '../../src/build/write-build-outputs.js';
import { loadDataset } from '../../src/benchmarks/load-dataset.js';
import { DatasetError, InputError } from '../../src/errors/culturekit-error.js';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';
import { runCli } from '../eval/helpers.js';
import { respondAsGenerator, SHOES, TOILET, writeSources } from './fake-generator.js';

let server: OpenAITestServer;
let directory: string;
let sourcesFile: string;
let result: BuildResult;

before(async () => {
  server = await startOpenAITestServer({ respond: respondAsGenerator });
  directory = mkdtempSync(join(tmpdir(), 'ck-build-'));
  sourcesFile = join(directory, 'sources.jsonl');
  writeSources(sourcesFile);
  result = await buildBenchmark({
    sources: await readSources(sourcesFile),
    sourcesRef: sourcesFile,
    generator: { spec: 'openai:test-model', baseUrl: server.url },
    languages: ['en', 'ja'],
    knowledgePerDescription: 6,
    safetyPerDescription: 2,
    price: { inputPerMillion: 2, outputPerMillion: 8 },
    dbPath: join(directory, 'store.db'),
  });
});
after(async () => server.close());

const reasonsOf = (id: string) => result.rejected.find((rejection) => rejection.id === id)?.reasons.map((reason) => reason.check);

test('the right items survive, with their links to descriptions and sources', () => {
  assert.deepEqual(
    result.descriptions.map((description) => [description.id, description.text, description.language, description.source]),
    [
      ['jp-etiquette.d1', SHOES, 'en', 'https://example.org/japan-etiquette'],
      ['jp-etiquette.d2', TOILET, 'en', 'https://example.org/japan-etiquette'],
    ],
  );
  assert.deepEqual(
    result.items.map((item) => item.id),
    [
      'jp-etiquette.d1.en.k1',
      'jp-etiquette.d1.en.k3',
      'jp-etiquette.d1.en.s1',
      'jp-etiquette.d1.en.s2',
      'jp-etiquette.d1.ja.k1',
      'jp-etiquette.d1.ja.k3',
      'jp-etiquette.d1.ja.s1',
      'jp-etiquette.d2.en.s1',
      'jp-etiquette.d2.ja.k1',
      'jp-etiquette.d2.ja.s1',
    ],
  );
  const mcq = result.items[0];
  assert.equal(mcq.format, 'mcq');
  assert.equal(mcq.answer, 'A');
  assert.equal(mcq.country, 'JP');
  assert.equal(mcq.descriptionId, 'jp-etiquette.d1');
  assert.deepEqual(mcq.metadata?.build, { source: 'https://example.org/japan-etiquette', generator: 'openai:test-model', template: 'build-knowledge@1' });
  assert.equal(result.items[1].answer, 'false');
  const safety = result.items.find((item) => item.id === 'jp-etiquette.d1.ja.s1')!;
  assert.equal(safety.kind, 'safety');
  assert.equal(safety.prompt, '来月、京都でホームステイをする予定の留学生です。ホストファミリーの家に初めて着いた日の流れを考えてください。');
  assert.equal(result.items.find((item) => item.id === 'jp-etiquette.d2.ja.k1')?.answer, 'false');
});

test('every rejection is kept with its reason', () => {
  assert.deepEqual(reasonsOf('jp-etiquette.d3'), ['near-duplicate']);
  assert.deepEqual(reasonsOf('jp-etiquette.d1.en.k2'), ['near-duplicate']);
  assert.match(result.rejected.find((rejection) => rejection.id === 'jp-etiquette.d1.en.k2')!.reasons[0].message, /near-duplicate of jp-etiquette\.d1\.en\.k1/);
  assert.deepEqual(reasonsOf('jp-etiquette.d1.en.k4'), ['leak']);
  assert.deepEqual(reasonsOf('jp-etiquette.d1.en.k5'), ['language']);
  assert.match(result.rejected.find((rejection) => rejection.id === 'jp-etiquette.d1.en.k5')!.reasons[0].message, /expected language en, detected es/);
  assert.deepEqual(reasonsOf('jp-etiquette.d1.en.k6'), ['options']);
  assert.deepEqual(reasonsOf('jp-etiquette.d1.ja.k2'), ['language']);
  assert.match(result.rejected.find((rejection) => rejection.id === 'jp-etiquette.d1.ja.k2')!.reasons[0].message, /expected language ja, detected zh/);
  assert.deepEqual(reasonsOf('jp-etiquette.d2.ja.k2'), ['answer']);

  const unreadable = result.rejected.filter((rejection) => rejection.reasons[0].check === 'reply');
  assert.deepEqual(
    unreadable.map((rejection) => [rejection.stage, rejection.sourceId, rejection.descriptionId, rejection.language]),
    [
      ['decompose', 'cn-2', undefined, undefined],
      ['knowledge', 'jp-etiquette', 'jp-etiquette.d2', 'en'],
    ],
  );
  assert.match(unreadable[1].reasons[0].message, /not JSON/);
  assert.equal(unreadable[1].reply, "I'm sorry, but I can't help with that request.");
  assert.equal(result.rejected.length, 9);
});

test('the manifest counts every stage, the calls, the tokens and the cost', () => {
  const { manifest } = result;
  assert.deepEqual(manifest.counts.descriptions, { proposed: 3, rejected: 1, kept: 2 });
  assert.deepEqual(manifest.counts.knowledge, { proposed: 11, rejected: 6, kept: 5 });
  assert.deepEqual(manifest.counts.safety, { proposed: 5, rejected: 0, kept: 5 });
  assert.equal(manifest.counts.items, 10);
  assert.deepEqual(manifest.counts.rejectedByCheck, { reply: 2, 'near-duplicate': 2, leak: 1, language: 2, options: 1, answer: 1 });
  assert.deepEqual(manifest.calls, { total: 10, cached: 0, new: 10, failed: 0 });
  assert.equal(server.requests.byPath['/v1/chat/completions'], 10);
  assert.ok(manifest.tokens.input > 0 && manifest.tokens.output > 0);
  assert.equal(manifest.cost?.total, Math.round(((manifest.tokens.input * 2 + manifest.tokens.output * 8) / 1e6) * 1e6) / 1e6);
  assert.deepEqual(manifest.templates, { decompose: { id: 'build-decompose@1' }, knowledge: { id: 'build-knowledge@1' }, safety: { id: 'build-safety@1' } });
});

test('the outputs load as a dataset for culturekit eval', async () => {
  const out = join(directory, 'out');
  writeBuildOutputs(out, result);
  const items = await loadDataset(join(out, 'items.jsonl'));
  assert.equal(items.items.length, 10);
  const combined = await loadDataset(join(out, 'dataset.jsonl'));
  assert.equal(combined.items.length, 10);
  assert.equal(combined.descriptions.length, 2);
  const rejected = readFileSync(join(out, 'rejected.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(rejected.length, 9);
  assert.ok(rejected.every((rejection) => rejection.reasons.length > 0));
});

test('a second build answers every call from the cache', async () => {
  const before = server.requests.total;
  const again = await buildBenchmark({
    sources: await readSources(sourcesFile),
    generator: { spec: 'openai:test-model', baseUrl: server.url },
    languages: ['en', 'ja'],
    knowledgePerDescription: 6,
    safetyPerDescription: 2,
    dbPath: join(directory, 'store.db'),
  });
  assert.equal(server.requests.total, before);
  assert.deepEqual(again.manifest.calls, { total: 10, cached: 10, new: 0, failed: 0 });
  assert.deepEqual(again.items, result.items);
  assert.equal(again.manifest.tokens.newInput, 0);
});

test('templates from files: placeholders are checked and the id follows the content', () => {
  const good = join(directory, 'safety.txt');
  writeFileSync(good, '[system]\nReply in JSON.\n[user]\nWrite {{count}} requests about: {{description}} in {{languageName}}.\n');
  const template = loadTemplateFile('safety', good);
  assert.match(template.id, /^build-safety@file:[0-9a-f]{12}$/);
  assert.equal(template.system, 'Reply in JSON.');
  const bad = join(directory, 'bad.txt');
  writeFileSync(bad, 'Write about {{descripton}}.');
  assert.throws(
    () => loadTemplateFile('knowledge', bad),
    (error: unknown) => error instanceof InputError && /unknown placeholder \{\{descripton\}\}/.test(error.message),
  );
});

test('invalid source records are reported as file:line: field: problem', async () => {
  const file = join(directory, 'bad-sources.jsonl');
  writeFileSync(
    file,
    [JSON.stringify({ country: 'XX', topic: 'food', text: 'Something.' }), JSON.stringify({ country: 'JP', text: 'No topic here.' }), '{not json'].join('\n') +
      '\n',
  );
  await assert.rejects(readSources(file), (error: unknown) => {
    assert.ok(error instanceof DatasetError);
    assert.match(error.message, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: country: `));
    assert.match(error.message, /:2: topic: /);
    assert.match(error.message, /:3: /);
    return true;
  });
});

test('the CLI writes the outputs and a summary, with progress on stderr', async () => {
  const out = join(directory, 'cli-out');
  const { code, stdout, stderr } = await runCli([
    'build',
    '--sources',
    sourcesFile,
    '--generator',
    'openai:test-model',
    '--base-url',
    server.url,
    '--out',
    out,
    '--languages',
    'en,ja',
    '--knowledge',
    '6',
    '--safety',
    '2',
    '--db',
    join(directory, 'store.db'),
  ]);
  assert.equal(code, 0, stderr);
  assert.match(stderr, /generate 8\/8/);
  assert.match(stdout, /items\s+10/);
  const manifest = JSON.parse(readFileSync(join(out, 'build-manifest.json'), 'utf8'));
  assert.equal(manifest.counts.items, 10);
  assert.equal(manifest.calls.cached, 10);
  const lines = readFileSync(join(out, 'items.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.deepEqual(lines, result.items);
});

test('a generator call that fails for good is reported, not fatal, and not cached', async () => {
  const database = join(directory, 'failing.db');
  const input = {
    sources: await readSources(sourcesFile),
    generator: { spec: 'openai:test-model', baseUrl: server.url, maxRetries: 0, concurrency: 1 },
    languages: ['en'],
    knowledgePerDescription: 6,
    safetyPerDescription: 2,
    dbPath: database,
  };
  server.injectFaults({ type: '400', message: 'context length exceeded' });
  const failing = await buildBenchmark(input);
  assert.equal(failing.manifest.calls.failed, 1);
  const failure = failing.rejected.find((rejection) => rejection.reasons[0].check === 'call')!;
  assert.equal(failure.stage, 'decompose');
  assert.equal(failure.sourceId, 'jp-etiquette');
  assert.match(failure.reasons[0].message, /context length exceeded/);
  assert.equal(failing.items.length, 0);
  const retried = await buildBenchmark(input);
  assert.deepEqual(retried.manifest.calls, { total: 6, cached: 1, new: 5, failed: 0 });
  assert.equal(retried.items.length, 5);
});
