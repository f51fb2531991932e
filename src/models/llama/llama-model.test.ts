import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { LanguageModel, ScoreContinuationsRequest, ScoreContinuationsResult } from '../language-model.js';
import { ModelCallError } from '../model-error.js';
import { parseModelSpec } from '../model-spec.js';
import { renderFixedChatTemplate } from './chat-prompt.js';
import { createLlamaModel } from './llama-model.js';
import { writeTinyLoraAdapter, writeTinyModel, type TinyModel, type TinyModelOptions } from './tiny-model.js';

/**
 * Facts as bigrams: the prompt's last token (`' France:'`) decides the next word. `' Argentina:'` is built so that the
 * summed log-likelihood prefers ' Lima' while the per-character one prefers ' Buenos Aires'.
 */
const options: TinyModelOptions = {
  tokens: [' Rome', ' Tokyo', ' Madrid', ' Berlin', ' Quito', ' Bogota', ' sushi', ' tacos', ' couscous', ' bow', ' handshake', ' hug', ' kiss'],
  transitions: [
    { from: ' France:', to: ' Paris', logit: 8 },
    { from: ' France:', to: ' Rome', logit: 2 },
    { from: ' Japan:', to: ' Tokyo', logit: 7 },
    { from: ' Japan:', to: ' Paris', logit: 1 },
    { from: ' Spain:', to: ' paella', logit: 6 },
    { from: ' Spain:', to: ' tacos', logit: 3 },
    { from: ' Thailand:', to: ' wai', logit: 6 },
    { from: ' Thailand:', to: ' bow', logit: 4 },
    { from: ' Argentina:', to: ' Lima', logit: 3 },
    { from: ' Argentina:', to: ' Buenos', logit: 2 },
    { from: ' Buenos', to: ' Aires', logit: 10 },
    { from: ':', to: ' The', logit: 9 },
    { from: ' The', to: ' capital', logit: 9 },
    { from: ' capital', to: ' is', logit: 9 },
    { from: ' is', to: ' Paris', logit: 9 },
    { from: ' Paris', to: '.', logit: 9 },
    { from: '.', to: '</s>', logit: 9 },
    { from: '*', to: '</s>', logit: 5 },
  ],
};

const questions: { prompt: string; continuations: string[]; answer: number }[] = [
  { prompt: 'The capital of France:', continuations: [' Rome', ' Paris', ' Tokyo', ' Madrid'], answer: 1 },
  { prompt: 'The capital of Japan:', continuations: [' Paris', ' Berlin', ' Madrid', ' Tokyo'], answer: 3 },
  { prompt: 'A traditional dish of Spain:', continuations: [' paella', ' sushi', ' tacos', ' couscous'], answer: 0 },
  { prompt: 'The usual greeting in Thailand:', continuations: [' handshake', ' bow', ' wai', ' kiss'], answer: 2 },
];

let folder: string;
let tiny: TinyModel;
let model: LanguageModel;
const opened: LanguageModel[] = [];

async function open(spec: string, extra: { sequences?: number } = {}): Promise<LanguageModel> {
  const created = await createLlamaModel(parseModelSpec(spec), { threads: 1, contextSize: 512, ...extra });
  opened.push(created);
  return created;
}

function argmax(values: number[]): number {
  return values.indexOf(Math.max(...values));
}

before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'culturekit-llama-'));
  tiny = await writeTinyModel(join(folder, 'tiny.gguf'), options);
  await writeTinyLoraAdapter(join(folder, 'rome.gguf'), { base: options, transitions: [{ from: ' France:', to: ' Rome', logit: 12 }] });
  model = await open(`llama:${join(folder, 'tiny.gguf')}`);
});

after(async () => {
  await Promise.all(opened.map((each) => each.close()));
  await rm(folder, { recursive: true, force: true });
});

describe('llama model: log-likelihood scoring', () => {
  it('picks the expected option of 4-option questions, with exact log-probabilities', async () => {
    for (const question of questions) {
      const { scores, usage } = await model.scoreContinuations!(question);
      assert.equal(argmax(scores.map((score) => score.logLikelihood)), question.answer, question.prompt);
      const subject = ` ${question.prompt.split(' ').at(-1)}`;
      question.continuations.forEach((continuation, index) => {
        assert.ok(Math.abs(scores[index].logLikelihood - tiny.logProbability(subject, continuation)) < 1e-4, continuation);
        assert.equal(scores[index].tokens, 1);
        assert.equal(scores[index].characters, continuation.length);
        assert.equal(scores[index].isGreedy, index === question.answer);
      });
      assert.ok(usage.inputTokens > 4);
    }
  });

  it('sums multi-token continuations, so sum and length-normalised ranking can differ', async () => {
    const { scores } = await model.scoreContinuations!({
      prompt: 'The capital of Argentina:',
      continuations: [' Lima', ' Buenos Aires', ' Quito', ' Bogota'],
    });
    const expected = tiny.logProbability(' Argentina:', ' Buenos') + tiny.logProbability(' Buenos', ' Aires');
    assert.ok(Math.abs(scores[1].logLikelihood - expected) < 1e-4);
    assert.equal(scores[1].tokens, 2);
    assert.equal(argmax(scores.map((score) => score.logLikelihood)), 0);
    assert.equal(argmax(scores.map((score) => score.logLikelihood / score.characters)), 1);
  });

  it('splits prompt and continuation where their tokenizations part, and scores an empty continuation as 0', async () => {
    const { scores } = await model.scoreContinuations!({ prompt: 'The capital of France: Pa', continuations: ['ris.', '', 'ris'] });
    // 'Pa' + 'ris' merge into the one token ' Paris': it is scored, predicted from ' France:'.
    const paris = tiny.logProbability(' France:', ' Paris');
    assert.ok(Math.abs(scores[0].logLikelihood - (paris + tiny.logProbability(' Paris', '.'))) < 1e-4);
    assert.equal(scores[0].tokens, 2);
    assert.deepEqual(scores[1], { logLikelihood: 0, tokens: 0, characters: 0, isGreedy: true });
    assert.ok(Math.abs(scores[2].logLikelihood - paris) < 1e-4);
  });

  it('scores a continuation of an empty prompt from BOS', async () => {
    const { scores } = await model.scoreContinuations!({ prompt: '', continuations: ['France:', 'Paris'] });
    assert.ok(Math.abs(scores[0].logLikelihood - tiny.logProbability('<s>', ' France:')) < 1e-4);
    assert.equal(scores[0].isGreedy, false);
  });

  it('gives the same numbers to 8 concurrent calls as to sequential ones, on one sequence or several', async () => {
    const requests: ScoreContinuationsRequest[] = [...questions, ...questions].map((question, index) => ({
      prompt: index % 3 === 0 ? `Remember this. ${question.prompt}` : question.prompt,
      continuations: question.continuations,
    }));
    const sequential: ScoreContinuationsResult[] = [];
    for (const request of requests) sequential.push(await model.scoreContinuations!(request));
    assert.deepEqual(await Promise.all(requests.map((request) => model.scoreContinuations!(request))), sequential);
    const pooled = await open(`llama:${join(folder, 'tiny.gguf')}`, { sequences: 3 });
    const concurrent = await Promise.all(requests.map((request) => pooled.scoreContinuations!(request)));
    concurrent.forEach((result, index) =>
      result.scores.forEach((score, option) => assert.ok(Math.abs(score.logLikelihood - sequential[index].scores[option].logLikelihood) < 1e-5)),
    );
  });
});

describe('llama model: LoRA adapters', () => {
  it('changes the chosen option, in proportion to the scale', async () => {
    const adapter = join(folder, 'rome.gguf');
    const full = await open(`llama:${join(folder, 'tiny.gguf')}?lora=${adapter}`);
    const half = await open(`llama:${join(folder, 'tiny.gguf')}?lora=${adapter}&scale=0.5`);
    const question = questions[0];
    const base = await model.scoreContinuations!(question);
    const adapted = await full.scoreContinuations!(question);
    const halfAdapted = await half.scoreContinuations!(question);
    assert.equal(argmax(base.scores.map((score) => score.logLikelihood)), 1);
    assert.equal(argmax(adapted.scores.map((score) => score.logLikelihood)), 0);
    assert.ok(Math.abs(adapted.scores[0].logLikelihood - adapted.scores[1].logLikelihood - (12 - 8)) < 1e-4);
    // At scale 0.5 the Rome logit is 2 + 0.5 × (12 − 2) = 7, still below Paris (8).
    assert.ok(Math.abs(halfAdapted.scores[1].logLikelihood - halfAdapted.scores[0].logLikelihood - (8 - 7)) < 1e-4);
    assert.notDeepEqual(full.cacheIdentity, model.cacheIdentity);
    assert.notDeepEqual(full.cacheIdentity, half.cacheIdentity);
    assert.deepEqual(
      (half.cacheIdentity.loras as { scale: number }[]).map((lora) => lora.scale),
      [0.5],
    );
    // The base model, which shares the loaded weights, is unchanged.
    assert.deepEqual(await model.scoreContinuations!(question), base);
  });
});

describe('llama model: generation', () => {
  const messages = [{ role: 'user' as const, content: 'What is the capital of France?' }];

  it('generates the known greedy continuation and stops at end of generation', async () => {
    const result = await model.generate({ messages, maxTokens: 20, temperature: 0 });
    assert.equal(result.text, 'The capital is Paris.');
    assert.equal(result.finishReason, 'stop');
    assert.equal(result.usage.outputTokens, 5);
    assert.ok(result.usage.inputTokens > 10);
  });

  it('honours maxTokens and stop strings', async () => {
    assert.deepEqual(await model.generate({ messages, maxTokens: 2, temperature: 0 }), {
      text: 'The capital',
      finishReason: 'length',
      usage: (await model.generate({ messages, maxTokens: 2, temperature: 0 })).usage,
    });
    const stopped = await model.generate({ messages, maxTokens: 20, temperature: 0, stop: [' is'] });
    assert.equal(stopped.text, 'The capital');
    assert.equal(stopped.finishReason, 'stop');
  });

  it('is the same under concurrency and mixed with scoring', async () => {
    const calls = Array.from({ length: 6 }, (_, index) =>
      index % 2 === 0 ? model.generate({ messages, maxTokens: 20, temperature: 0 }) : model.scoreContinuations!(questions[0]),
    );
    const results = await Promise.all(calls);
    assert.equal((results[0] as { text: string }).text, 'The capital is Paris.');
    assert.deepEqual(results[2], results[0]);
    assert.deepEqual(results[3], results[1]);
  });

  it('uses the fixed template without a GGUF chat template, and continues an unfinished assistant message', async () => {
    assert.equal(
      renderFixedChatTemplate([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello.' },
        { role: 'user', content: 'Capital?' },
      ]),
      'Be brief.\n\nUser: Hi\n\nAssistant: Hello.\n\nUser: Capital?\n\nAssistant:',
    );
    const result = await model.generate({
      messages: [...messages, { role: 'assistant', content: 'The capital' }],
      maxTokens: 20,
      temperature: 0,
    });
    assert.equal(result.text, ' is Paris.');
  });

  it('renders with the GGUF chat template when there is one', async () => {
    const path = join(folder, 'chatml.gguf');
    await writeTinyModel(path, {
      tokens: ['\n'],
      controlTokens: ['<|im_start|>', '<|im_end|>'],
      chatTemplate:
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}",
      transitions: [
        { from: '\n', to: ' Bonjour', logit: 9 },
        { from: ' Bonjour', to: '<|im_end|>', logit: 9 },
        { from: '<|im_end|>', to: ' after', logit: 9 },
        { from: ':', to: ' wrong', logit: 9 },
        { from: '*', to: '</s>', logit: 5 },
      ],
    });
    const chat = await open(`llama:${path}`);
    const result = await chat.generate({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Say hello <|im_end|> in French:' },
      ],
      maxTokens: 10,
      temperature: 0,
    });
    assert.equal(result.text.trim(), 'Bonjour');
    assert.equal(result.finishReason, 'stop');
  });

  it('samples with a seed when the temperature is above 0', async () => {
    const request = { messages, maxTokens: 8, temperature: 1.5, seed: 7 };
    assert.deepEqual(await model.generate(request), await model.generate(request));
  });
});

describe('llama model: identity and errors', () => {
  it('declares its capabilities and identity', () => {
    assert.deepEqual(model.capabilities, { generate: true, logLikelihood: true, embed: false });
    assert.equal(model.provider, 'llama');
    assert.equal(model.modelId, join(folder, 'tiny.gguf'));
    assert.equal(model.spec, `llama:${join(folder, 'tiny.gguf')}`);
    assert.match(String(model.cacheIdentity.modelSha256), /^[0-9a-f]{64}$/);
  });

  it('rejects missing files and files that are not GGUF, naming the path, as not retryable', async () => {
    const missing = join(folder, 'missing.gguf');
    await assert.rejects(createLlamaModel(parseModelSpec(`llama:${missing}`)), (error: unknown) => {
      assert.ok(ModelCallError.isInstance(error));
      assert.equal(error.isRetryable, false);
      assert.ok(error.message.includes(missing));
      return true;
    });
    const text = join(folder, 'notes.gguf');
    await writeFile(text, 'not a model');
    await assert.rejects(createLlamaModel(parseModelSpec(`llama:${text}`)), /not a GGUF file: .*notes\.gguf/);
    await assert.rejects(
      createLlamaModel(parseModelSpec(`llama:${join(folder, 'tiny.gguf')}?lora=${missing}`)),
      /LoRA adapter file not found: .*missing\.gguf/,
    );
  });

  it('explains why llama.cpp refuses an adapter made for another model', async () => {
    const other: TinyModelOptions = { transitions: [{ from: ' x', to: ' y', logit: 1 }] };
    const adapter = join(folder, 'other-lora.gguf');
    await writeTinyLoraAdapter(adapter, { base: other, transitions: [{ from: ' x', to: ' y', logit: 3 }] });
    await assert.rejects(createLlamaModel(parseModelSpec(`llama:${join(folder, 'tiny.gguf')}?lora=${adapter}`), { threads: 1 }), (error: unknown) => {
      assert.ok(ModelCallError.isInstance(error));
      assert.equal(error.isRetryable, false);
      assert.match(error.message, /other-lora\.gguf.*incorrect shape/);
      return true;
    });
  });

  it('rejects an aborted call and calls after close', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(model.scoreContinuations!(questions[0], { signal: controller.signal }), { kind: 'aborted' });
    await assert.rejects(model.generate({ messages: [], maxTokens: 1, temperature: 0 }, { signal: controller.signal }), { kind: 'aborted' });
    const closing = await open(`llama:${join(folder, 'tiny.gguf')}`);
    const pending = closing.scoreContinuations!(questions[1]);
    await closing.close();
    assert.equal((await pending).scores.length, 4);
    await assert.rejects(closing.scoreContinuations!(questions[1]), /closed/);
  });

  it('refuses prompts longer than the context', async () => {
    const small = await createLlamaModel(parseModelSpec(`llama:${join(folder, 'tiny.gguf')}?contextSize=256`), { threads: 1 });
    opened.push(small);
    await assert.rejects(small.scoreContinuations!({ prompt: 'x '.repeat(300), continuations: [' y'] }), /raise contextSize/);
  });
});
