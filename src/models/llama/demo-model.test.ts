import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { LanguageModel } from '../language-model.js';
import { parseModelSpec } from '../model-spec.js';
import { DEMO_MODEL_REPLY, writeDemoModel } from './demo-model.js';
import { createLlamaModel } from './llama-model.js';

let folder: string;
let model: LanguageModel;
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'culturekit-demo-'));
  await writeDemoModel(join(folder, 'demo.gguf'));
  model = await createLlamaModel(parseModelSpec(`llama:${join(folder, 'demo.gguf')}`), { threads: 1 });
});
after(async () => {
  await model?.close();
  await rm(folder, { recursive: true, force: true });
});

const prompts = [
  'Which dish is traditional in Spain?\nA. paella\nB. sushi\nC. tacos\nD. pho\nAnswer with the letter.',
  '中国春节期间，人们通常会做什么？\nA. 贴春联\nB. 吃火鸡\nC. 放风筝\nD. 划龙舟',
  '日本では、贈り物を受け取ったときにどうしますか？',
  'ما هو الطبق التقليدي في المغرب؟',
  'คนไทยทักทายกันอย่างไร',
  '¿Cuál es la capital de México?',
];

describe('demo model', () => {
  it('is a small GGUF written the same way every time', async () => {
    const path = join(folder, 'demo.gguf');
    assert.ok((await stat(path)).size < 2_000_000);
    await writeDemoModel(join(folder, 'new', 'folder', 'again.gguf'));
    assert.deepEqual(await readFile(join(folder, 'new', 'folder', 'again.gguf')), await readFile(path));
  });

  it('answers every chat with the same short reply, then stops', async () => {
    for (const prompt of prompts) {
      const result = await model.generate({ messages: [{ role: 'user', content: prompt }], maxTokens: 32, temperature: 0 });
      assert.equal(result.text, DEMO_MODEL_REPLY);
      assert.equal(result.finishReason, 'stop');
    }
  });

  it('scores continuations in any script, deterministically', async () => {
    for (const prompt of prompts) {
      const request = { prompt: `${prompt}\nAnswer:`, continuations: [' A', ' B', ' C', ' D', ' 贴春联', ' طاجين'] };
      const first = await model.scoreContinuations!(request);
      assert.ok(first.scores.every((score) => Number.isFinite(score.logLikelihood) && score.logLikelihood < 0));
      assert.deepEqual(await model.scoreContinuations!(request), first);
    }
  });
});
