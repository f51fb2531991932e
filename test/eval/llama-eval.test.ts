import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { writeTinyLoraAdapter, writeTinyModel, type TinyModelOptions } from '../../src/models/llama/tiny-model.js';
import { runCli } from './helpers.js';

// After the prompt's last token (':' of "Answer:"), the model prefers " Tokyo" over " Kyoto" over anything else.
const base: TinyModelOptions = {
  tokens: [' Osaka', ' Nara'],
  transitions: [
    { from: ':', to: ' Tokyo', logit: 8 },
    { from: ':', to: ' Kyoto', logit: 4 },
    { from: '*', to: '</s>', logit: 2 },
  ],
};

let directory: string;
let dataset: string;

before(async () => {
  directory = mkdtempSync(join(tmpdir(), 'ck-llama-eval-'));
  await writeTinyModel(join(directory, 'tiny.gguf'), base);
  // The adapter makes " Kyoto" the favourite.
  await writeTinyLoraAdapter(join(directory, 'kyoto.gguf'), { base, transitions: [{ from: ':', to: ' Kyoto', logit: 12 }] });
  const items = [
    { id: 'a', prompt: 'Which city is the capital of Japan today?', choices: ['Osaka', 'Tokyo', 'Kyoto', 'Nara'], answer: 'B' },
    { id: 'b', prompt: 'Where is the Imperial Palace of the Emperor?', choices: ['Tokyo', 'Nara', 'Osaka', 'Kyoto'], answer: 'A' },
    { id: 'c', prompt: 'Which city was the capital until 1869?', choices: ['Nara', 'Osaka', 'Tokyo', 'Kyoto'], answer: 'D' },
    { id: 'd', prompt: 'Which city is famous for the Fushimi Inari shrine?', choices: ['Kyoto', 'Osaka', 'Nara'], answer: 'A' },
  ].map((item) => ({ ...item, kind: 'knowledge', language: 'en', country: 'JP', category: 'places' }));
  dataset = join(directory, 'japan.jsonl');
  writeFileSync(dataset, `${items.map((item) => JSON.stringify(item)).join('\n')}\n`);
});

async function evaluateSpec(spec: string, out: string) {
  const result = await runCli([
    'eval',
    '--dataset',
    dataset,
    '--model',
    spec,
    '--mcq-method',
    'loglik',
    '--threads',
    '1',
    '--db',
    join(directory, 'store.db'),
    '--out',
    join(directory, out),
    '--quiet',
  ]);
  assert.equal(result.code, 0, result.stderr);
  const rows = readFileSync(join(directory, out, 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  return Object.fromEntries(rows.map((row) => [row.itemId, row])) as Record<string, any>;
}

test('log-likelihood multiple choice through node-llama-cpp picks the options the model prefers', async () => {
  const rows = await evaluateSpec(`llama:${join(directory, 'tiny.gguf')}`, 'base');
  assert.deepEqual(Object.fromEntries(Object.entries(rows).map(([id, row]) => [id, [row.extracted, row.metrics.accuracy, row.method]])), {
    a: ['B', 1, 'loglik'],
    b: ['A', 1, 'loglik'],
    c: ['C', 0, 'loglik'],
    d: ['A', 1, 'loglik'],
  });
  assert.equal(rows.a.details.logLikelihoods.length, 4);
  assert.ok(rows.a.details.logLikelihoods[1] > rows.a.details.logLikelihoods[2]);
  const summary = JSON.parse(readFileSync(join(directory, 'base', 'summary.json'), 'utf8'));
  assert.equal(summary.groups[0].metrics.accuracy.overall.mean, 0.75);
});

test('a LoRA adapter given in the model spec changes the choices', async () => {
  const rows = await evaluateSpec(`llama:${join(directory, 'tiny.gguf')}?lora=${join(directory, 'kyoto.gguf')}&scale=1`, 'lora');
  assert.deepEqual(Object.fromEntries(Object.entries(rows).map(([id, row]) => [id, row.extracted])), { a: 'C', b: 'D', c: 'D', d: 'A' });
});
