import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { dataManifestSchema } from '../../src/adapt/data/data-manifest.js';
import { prepareTrainingData, type PrepareDataInput } from '../../src/adapt/data/prepare-training-data.js';
import { readReplayFile } from '../../src/adapt/data/read-replay.js';
import { findLeaks } from '../../src/adapt/data/split-eval.js';
import { loadDataset } from '../../src/benchmarks/load-dataset.js';
import { sha256Hex } from '../../src/util/hash.js';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';
import { respondAsTeacherAndJudge, writeAdaptDataset, writeEvalSet, writeReplay } from './data-fixtures.js';

let server: OpenAITestServer;
let directory: string;
let base: Omit<PrepareDataInput, 'outDir'>;

before(async () => {
  server = await startOpenAITestServer({ respond: respondAsTeacherAndJudge });
  directory = mkdtempSync(join(tmpdir(), 'ck-adapt-data-'));
  writeAdaptDataset(join(directory, 'dataset.jsonl'));
  writeEvalSet(join(directory, 'eval.jsonl'));
  writeReplay(join(directory, 'general.jsonl'), 40);
  base = {
    dataset: await loadDataset(join(directory, 'dataset.jsonl')),
    evalSet: await loadDataset(join(directory, 'eval.jsonl')),
    evalFraction: 0.25,
    replay: readReplayFile(join(directory, 'general.jsonl')),
    replayRatio: 0.3,
    seed: 3,
    teacher: { spec: 'openai:teacher', baseUrl: server.url },
    judge: { spec: 'openai:judge', baseUrl: server.url },
    prices: { teacher: { input: 1, output: 2 }, judge: { input: 1, output: 2 } },
    dbPath: join(directory, 'cache.db'),
  };
});
after(async () => server.close());

const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

test('stage files, exact seeded replay counts, judged safety with rejects, no eval description in training, a manifest that matches the files', async () => {
  const out = join(directory, 'out');
  const { manifest } = await prepareTrainingData({ ...base, outDir: out });
  assert.deepEqual(dataManifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))), manifest);

  // The split (seed 3): a quarter of the 9 descriptions held out, d6 and d7, plus the eval set's own description.
  const held = lines(join(out, 'eval', 'dataset.jsonl'));
  assert.deepEqual(
    held
      .filter((record) => record.type === 'description')
      .map((record) => record.id)
      .sort(),
    ['d6', 'd7'],
  );
  assert.equal(held.filter((record) => record.type === 'item').length, 6);
  assert.deepEqual(manifest.counts.descriptions, { train: 7, eval: 3 });
  const trained = [...lines(join(out, 'en', 'stage1.jsonl')), ...lines(join(out, 'en', 'stage2.jsonl'))].map((line) => JSON.stringify(line));
  for (const number of [6, 7])
    assert.ok(!trained.some((text) => text.includes(`Custom number ${number}:`) || text.includes(`(number ${number})`)), `d${number} leaked into training`);

  // The planted near-duplicate (d2's question, reworded only by punctuation, under another description) is caught.
  assert.deepEqual(manifest.counts.leakage, { evalDescription: 6, nearDuplicate: 1 });
  const rejects = lines(join(out, 'rejects.jsonl'));
  assert.match(
    rejects.find((reject) => reject.itemId === 'd2-k').reasons[0],
    /^near-duplicate of eval item e1-k \(estimated Jaccard similarity (0\.9\d|1\.00)\)$/,
  );
  assert.ok(!trained.some((text) => text.includes('which gift do visitors offer when the noodles custom')));

  // Safety: the rude answer (d3) is judged 3 and rejected, the blank answer (d5) is rejected; both reasons are kept.
  assert.match(rejects.find((reject) => reject.itemId === 'd3-s').reasons[0], /^judge score 3\.00 below 7 \(respectfulness 3, awareness 3\)$/);
  assert.match(rejects.find((reject) => reject.itemId === 'd5-s').reasons[0], /teacher returned an empty reply/);
  assert.deepEqual(manifest.counts.safety, { asked: 7, kept: 5, rejected: 2 });

  // Stage 2: safety + exactly round(safety × 0.3 / 0.7) replay examples (en: 4 + 2; ja: 1 + 0).
  const file = (stage: string, language: string) => manifest.files.find((entry) => entry.stage === stage && entry.language === language)!;
  assert.deepEqual(file('stage2', 'en').bySource, { safety: 4, replay: 2 });
  assert.deepEqual(file('stage2', 'ja').bySource, { safety: 1 });
  assert.equal(lines(join(out, 'en', 'stage2.jsonl')).length, 6);
  assert.equal(lines(join(out, 'en', 'stage2.jsonl')).filter((line) => line.messages[0].content.startsWith('Replay question')).length, 2);
  // Stage 1 (en: d1–d5, d8 less d2's leaked MCQ): an MCQ and an open form per multiple-choice item, one per true/false.
  assert.deepEqual(file('stage1', 'en').bySource, { 'knowledge-mcq': 11, 'knowledge-open': 5 });
  const mcq = lines(join(out, 'en', 'stage1.jsonl')).find((line) => /\nA\. gift 1\n/.test(line.messages[0].content));
  assert.equal(mcq.messages[1].content, 'A. gift 1\n\nCustom number 1: guests bring gift kind 1 and bow 1 times.');
  assert.match(mcq.messages[0].content, /Answer with the letter of the correct option \(A, B, C or D\)\.$/);

  // Every file's hash and count in the manifest is the file's.
  for (const entry of [...manifest.files, ...manifest.exports]) assert.equal(sha256Hex(readFileSync(join(out, entry.path))), entry.sha256, entry.path);
  for (const entry of manifest.files) assert.equal(lines(join(out, entry.path)).length, entry.count);
  assert.equal(manifest.calls.failed, 0);
  assert.equal(manifest.calls.total, 7 + 2 * 6, 'a teacher call per request, two judge calls per non-blank answer');
  assert.ok(manifest.tokens.input > 0 && manifest.cost! > 0);
  assert.deepEqual(
    manifest.sources.map((source) => source.role),
    ['dataset', 'eval-set', 'replay'],
  );
});

test('exports: every format reads back in its trainer’s shape, LLaMA-Factory and axolotl with their documented keys', async () => {
  const out = join(directory, 'out');
  const exports = join(out, 'exports');
  const canonical = lines(join(out, 'en', 'stage2.jsonl'));
  assert.deepEqual(lines(join(exports, 'openai', 'en_stage2.jsonl')), canonical);
  assert.deepEqual(lines(join(exports, 'trl-messages', 'en_stage2.jsonl')), canonical);
  const promptCompletion = lines(join(exports, 'trl-prompt-completion', 'en_stage2.jsonl'));
  assert.deepEqual(promptCompletion[0], { prompt: canonical[0].messages.slice(0, -1), completion: canonical[0].messages.slice(-1) });
  const info = JSON.parse(readFileSync(join(exports, 'llamafactory', 'dataset_info.json'), 'utf8'));
  assert.deepEqual(info.adapt_en_stage1, {
    file_name: 'en_stage1.json',
    formatting: 'sharegpt',
    columns: { messages: 'messages' },
    tags: { role_tag: 'role', content_tag: 'content', user_tag: 'user', assistant_tag: 'assistant', system_tag: 'system' },
  });
  for (const entry of Object.values(info) as { file_name: string }[]) assert.ok(existsSync(join(exports, 'llamafactory', entry.file_name)));
  assert.deepEqual(JSON.parse(readFileSync(join(exports, 'llamafactory', 'en_stage2.json'), 'utf8')), canonical);
  const axolotl = parseYaml(readFileSync(join(exports, 'axolotl', 'axolotl-datasets.yml'), 'utf8'));
  assert.deepEqual(axolotl.datasets[0], {
    path: 'en_stage1.jsonl',
    ds_type: 'json',
    type: 'chat_template',
    field_messages: 'messages',
    message_property_mappings: { role: 'role', content: 'content' },
    roles_to_train: ['assistant'],
    train_on_eos: 'turn',
  });
  const alpaca = JSON.parse(readFileSync(join(exports, 'alpaca', 'en_stage2.json'), 'utf8'));
  assert.deepEqual(alpaca[0], { instruction: canonical[0].messages[0].content, input: '', output: canonical[0].messages[1].content });
  const sharegpt = JSON.parse(readFileSync(join(exports, 'sharegpt', 'en_stage2.json'), 'utf8'));
  assert.deepEqual(sharegpt[0].conversations, [
    { from: 'human', value: canonical[0].messages[0].content },
    { from: 'gpt', value: canonical[0].messages[1].content },
  ]);
});

test('the same seed gives the same bytes from the cache alone; another seed another split and order', async () => {
  const requests = server.requests.total;
  const again = await prepareTrainingData({ ...base, outDir: join(directory, 'again') });
  assert.equal(server.requests.total, requests, 'every teacher and judge call came from the cache');
  assert.equal(again.manifest.calls.cached, again.manifest.calls.total);
  for (const file of again.manifest.files)
    assert.equal(readFileSync(join(directory, 'again', file.path), 'utf8'), readFileSync(join(directory, 'out', file.path), 'utf8'), file.path);
  const other = await prepareTrainingData({ ...base, seed: 4, outDir: join(directory, 'other') });
  assert.notDeepEqual(
    other.manifest.files.map((file) => file.sha256),
    again.manifest.files.map((file) => file.sha256),
  );
});

test('findLeaks catches a near-duplicate that hides behind a training duplicate', () => {
  const evalTexts = ['How many times do guests bow at a Thai wedding ceremony?'];
  const train = [
    'How many times do guests bow at a Thai wedding ceremony ?!',
    'How many times do guests bow at a Thai wedding ceremony?',
    'Unrelated question about rice.',
  ];
  assert.deepEqual(
    findLeaks(train, evalTexts).map((leak) => leak.index),
    [0, 1],
  );
  assert.deepEqual(findLeaks(['Unrelated question about rice.'], evalTexts), []);
});
