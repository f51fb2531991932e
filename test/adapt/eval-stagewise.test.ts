import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { TrainManifest } from '../../src/adapt/train-manifest.js';
import { englishAbilityItems } from '../../src/adapt/eval/english-ability-set.js';
import { writeTinyLoraAdapter, writeTinyModel, type TinyModelOptions } from '../../src/models/llama/tiny-model.js';
import { itemSchema } from '../../src/schema/item.js';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';
import { runCli } from '../eval/helpers.js';

// After "Answer:" the base model prefers " Tokyo"; the stage adapters make " Kyoto" the favourite.
const base: TinyModelOptions = {
  tokens: [' Osaka', ' Nara'],
  transitions: [
    { from: ':', to: ' Tokyo', logit: 8 },
    { from: ':', to: ' Kyoto', logit: 4 },
    { from: '*', to: '</s>', logit: 2 },
  ],
};

let directory: string;
let server: OpenAITestServer;

function writeItems(path: string, items: Record<string, unknown>[]): void {
  writeFileSync(path, `${items.map((item) => JSON.stringify(item)).join('\n')}\n`);
}

before(async () => {
  directory = mkdtempSync(join(tmpdir(), 'ck-adapt-eval-'));
  server = await startOpenAITestServer({
    // The judge: 9 for a response that names Kyoto, 4 otherwise.
    respond: (request) => {
      const last = request.messages[request.messages.length - 1].content;
      return /Kyoto/.test(last.split('[Start of response]')[1] ?? '') ? '{"score": 9}' : '{"score": 4}';
    },
  });
  await writeTinyModel(join(directory, 'base.gguf'), base);
  await writeTinyLoraAdapter(join(directory, 'stage1.gguf'), { base, transitions: [{ from: ':', to: ' Kyoto', logit: 12 }] });
  await writeTinyLoraAdapter(join(directory, 'stage2.gguf'), {
    base,
    transitions: [
      { from: ':', to: ' Kyoto', logit: 14 },
      { from: ':', to: ' Tokyo', logit: 2 },
    ],
  });
  const choices = ['Osaka', 'Tokyo', 'Kyoto', 'Nara'];
  // Knowledge: the right answer is Kyoto (base wrong, stages right); JP in English, and two in Spanish.
  writeItems(
    join(directory, 'knowledge.jsonl'),
    Array.from({ length: 8 }, (_, index) => ({
      id: `k${index}`,
      kind: 'knowledge',
      format: 'mcq',
      prompt: `Which city is meant by old capital clue number ${index}?`,
      choices,
      answer: 'C',
      language: index < 6 ? 'en' : 'es',
      country: index % 2 ? 'JP' : 'TH',
    })),
  );
  // Safety: open requests, answered by the models and judged.
  writeItems(
    join(directory, 'safety.jsonl'),
    Array.from({ length: 4 }, (_, index) => ({
      id: `s${index}`,
      kind: 'safety',
      format: 'open',
      prompt: `Plan visit ${index}. Answer:`,
      language: 'en',
      country: 'JP',
    })),
  );
  // English: the right answer is Tokyo (base right, the stages forget it).
  writeItems(
    join(directory, 'english.jsonl'),
    Array.from({ length: 6 }, (_, index) => ({
      id: `e${index}`,
      kind: 'capability',
      format: 'mcq',
      prompt: `Which city is the capital today, general question ${index}?`,
      choices,
      answer: 'B',
      language: 'en',
    })),
  );
  const training: TrainManifest = {
    trainer: 'trl',
    baseModel: 'tiny',
    stages: [
      {
        name: 'stage1',
        status: 'succeeded',
        adapterDir: 'stage1/adapter',
        gguf: join(directory, 'stage1.gguf'),
        log: [1, 2, 3].map((step) => ({ step, loss: 5 - step / 4, learningRate: 0.005, epoch: step / 3 })),
      },
      { name: 'stage2', status: 'succeeded', log: [1, 2].map((step) => ({ step, loss: 4.5 - step / 5, learningRate: 0.005, epoch: step / 2 })) },
    ],
  };
  writeFileSync(join(directory, 'train-manifest.json'), JSON.stringify(training));
});
after(async () => server.close());

test('adapt eval on tiny GGUFs with LoRA stages: the Adaptation section with CIs, paired tests, per country and language, retention flag and loss curves', async () => {
  const gguf = (name: string) => join(directory, name);
  const out = join(directory, 'adapt-eval');
  const result = await runCli([
    'adapt',
    'eval',
    '--base',
    `llama:${gguf('base.gguf')}`,
    '--stage',
    `stage1=llama:${gguf('base.gguf')}?lora=${gguf('stage1.gguf')}`,
    '--stage',
    `stage2=llama:${gguf('base.gguf')}?lora=${gguf('stage2.gguf')}`,
    '--knowledge',
    join(directory, 'knowledge.jsonl'),
    '--safety',
    join(directory, 'safety.jsonl'),
    '--english',
    join(directory, 'english.jsonl'),
    '--judge',
    'openai:judge',
    '--base-url',
    server.url,
    '--mcq-method',
    'loglik',
    '--train-dir',
    directory,
    '--threads',
    '1',
    '--db',
    join(directory, 'store.db'),
    '--out',
    out,
    '--quiet',
  ]);
  assert.equal(result.code, 0, result.stderr);
  const summary = JSON.parse(readFileSync(join(out, 'adaptation.json'), 'utf8'));
  const cell = (stage: string, set: string) => summary.cells.find((entry: { stage: string; set: string }) => entry.stage === stage && entry.set === set);
  assert.equal(cell('base', 'knowledge').mean, 0);
  assert.equal(cell('stage1', 'knowledge').mean, 1);
  assert.equal(cell('stage1', 'knowledge').n, 8);
  // Wilson interval for 8/8, and the paired test: 8 wrong → right flips, McNemar exact p = 2 × 0.5^8.
  assert.deepEqual(
    cell('stage1', 'knowledge').ci95.map((value: number) => Number(value.toFixed(4))),
    [0.6756, 1],
  );
  assert.equal(cell('stage1', 'knowledge').vsBase.difference, 1);
  assert.equal(cell('stage1', 'knowledge').vsBase.test.name, 'mcnemar-exact');
  assert.ok(Math.abs(cell('stage1', 'knowledge').vsBase.test.p - 2 * 0.5 ** 8) < 1e-12);
  assert.equal(cell('base', 'english').mean, 1);
  assert.equal(cell('stage2', 'english').mean, 0);
  assert.deepEqual(
    summary.retention.map((check: { stage: string; flagged: boolean }) => [check.stage, check.flagged]),
    [
      ['stage1', true],
      ['stage2', true],
    ],
  );
  assert.equal(cell('base', 'safety').metric, 'respectfulness');
  assert.equal(cell('base', 'safety').n, 4);
  const byLanguage = summary.groups.find(
    (group: { set: string; stage: string; by: string }) => group.set === 'knowledge' && group.stage === 'stage1' && group.by === 'language',
  );
  assert.deepEqual(
    byLanguage.cells.map((entry: { key: { language: string }; n: number; difference: number }) => [entry.key.language, entry.n, entry.difference]),
    [
      ['en', 6, 1],
      ['es', 2, 1],
    ],
  );
  const byCountry = summary.groups.find(
    (group: { set: string; stage: string; by: string }) => group.set === 'knowledge' && group.stage === 'stage2' && group.by === 'country',
  );
  assert.deepEqual(
    byCountry.cells.map((entry: { key: { country: string } }) => entry.key.country),
    ['JP', 'TH'],
  );
  assert.equal(summary.training.stages[0].log.length, 3);

  const html = readFileSync(join(out, 'report.html'), 'utf8');
  assert.match(html, /<section id="adaptation"><h2>Adaptation<\/h2>/);
  assert.match(html, /data-chart="training-loss"/);
  assert.match(html, /⚠ English retention: <span class="mono">stage1<\/span>/);
  assert.match(html, /1\.000 <span class="ci">\[0\.676, 1\.000\]<\/span> n=8/);
  const markdown = readFileSync(join(out, 'report.md'), 'utf8');
  assert.match(markdown, /^## Adaptation$/m);
  assert.match(markdown, /\| stage1 \| 1\.000 \[0\.676, 1\.000\] \(n=8\); Δ \+1\.000 \[1\.000, 1\.000\], p 0\.008 \|/);
  assert.match(markdown, /\| stage2 \| 1 \| 4\.3 \| 0\.005 \| 0\.5 \|/);
  assert.match(result.stdout, /English retention flag: stage1 dropped 1\.000 \(> 0\.02\)/);
});

test('the built-in English-ability set: 50 valid, distinct multiple-choice items with answers spread over the letters', () => {
  const items = englishAbilityItems();
  assert.equal(items.length, 50);
  assert.equal(new Set(items.map((item) => item.id)).size, 50);
  assert.equal(new Set(items.map((item) => item.prompt)).size, 50);
  for (const item of items) assert.ok(itemSchema.safeParse(item).success, item.id);
  const letters = new Set(items.map((item) => item.answer));
  assert.ok(letters.size >= 3, [...letters].join(''));
});
