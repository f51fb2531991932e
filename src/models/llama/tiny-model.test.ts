import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readGgufFileInfo, type LlamaModel } from 'node-llama-cpp';
import { getSharedLlama } from './llama-runtime.js';
import { buildTinyLoraAdapter, buildTinyModel, writeTinyModel, type TinyModelOptions } from './tiny-model.js';
import { tokenTextToPiece } from './tiny-vocabulary.js';

const options: TinyModelOptions = {
  tokens: [' capital', ' Parisian', ' 東京', ' Lyon'],
  transitions: [
    { from: ' France:', to: ' Paris', logit: 8 },
    { from: ' Paris', to: '.', logit: 6 },
    { from: '<s>', to: ' France:', logit: 3 },
    { from: '*', to: '</s>', logit: 5 },
  ],
};

let folder: string;
let model: LlamaModel;
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'culturekit-tiny-'));
  await writeTinyModel(join(folder, 'tiny.gguf'), options);
  const llama = await getSharedLlama();
  model = await llama.loadModel({ modelPath: join(folder, 'tiny.gguf'), vocabOnly: true });
});
after(async () => {
  await model?.dispose();
  await rm(folder, { recursive: true, force: true });
});

const pieces = (text: string): string[] => model.tokenize(text).map((token) => buildTinyModel(options).vocabulary.pieces[token]);

describe('tiny model', () => {
  it('is a small llama GGUF with BOS 1, EOS 2, byte tokens and the registered words', async () => {
    const path = join(folder, 'tiny.gguf');
    assert.ok((await stat(path)).size < 1_000_000);
    const info = await readGgufFileInfo(path, { logWarnings: false });
    assert.equal(info.metadata.general.architecture, 'llama');
    assert.equal(model.tokens.bos, 1);
    assert.equal(model.tokens.eos, 2);
    assert.equal(model.tokens.shouldPrependBosToken, true);
    const tiny = buildTinyModel(options);
    assert.equal(tiny.vocabulary.idOf('<s>'), 1);
    assert.equal(tiny.vocabulary.pieces[3], '<0x00>');
    assert.equal(tiny.vocabulary.pieces[258], '<0xFF>');
  });

  it('tokenizes predictably: a space prefix, whole registered words, longest registered prefixes, ASCII characters', () => {
    assert.deepEqual(pieces('The capital of France: Paris.'), ['▁', 'T', 'h', 'e', '▁capital', '▁', 'o', 'f', '▁France:', '▁Paris', '.']);
    assert.deepEqual(pieces('Parisian'), ['▁Parisian']);
    assert.deepEqual(pieces('Parisians'), ['▁Parisian', 's']);
    assert.deepEqual(pieces('Parish'), ['▁Paris', 'h']);
    assert.deepEqual(pieces('France'), ['▁France']);
    assert.deepEqual(pieces(' 東京'), ['▁', '▁東京']);
    assert.deepEqual(pieces('東京'), ['▁東京']);
  });

  it('falls back to UTF-8 byte tokens for characters it does not know', () => {
    assert.deepEqual(pieces('日'), ['▁', '<0xE6>', '<0x97>', '<0xA5>']);
    assert.equal(model.detokenize(model.tokenize('x 日本語 ok')), ' x 日本語 ok'.trimStart());
  });

  it('knows its own logits and log-probabilities', () => {
    const tiny = buildTinyModel(options);
    assert.equal(tiny.logit(' France:', ' Paris'), 8);
    assert.equal(tiny.logit(' France:', ' Lyon'), 0);
    assert.equal(tiny.logit(' capital', '</s>'), 5);
    const size = tiny.vocabulary.pieces.length;
    assert.ok(Math.abs(tiny.logProbability(' France:', ' Paris') - (8 - Math.log(Math.exp(8) + size - 1))) < 1e-9);
  });

  it('rejects token texts that are not one character or a space-led word', () => {
    assert.throws(() => tokenTextToPiece('Paris'), /a space followed by a word/);
    assert.throws(() => tokenTextToPiece(' New York'), /a space followed by a word/);
    assert.equal(tokenTextToPiece(' '), '▁');
    assert.equal(tokenTextToPiece('\n'), '\n');
  });

  it('builds LoRA adapters only for states and tokens the base model has', () => {
    const adapter = buildTinyLoraAdapter({ base: options, transitions: [{ from: ' France:', to: ' Lyon', logit: 12 }] });
    assert.equal(adapter.metadata['general.type'], 'adapter');
    assert.equal(adapter.metadata['adapter.type'], 'lora');
    assert.deepEqual(
      adapter.tensors.map((tensor) => tensor.name),
      ['output.weight.lora_a', 'output.weight.lora_b'],
    );
    assert.throws(() => buildTinyLoraAdapter({ base: options, transitions: [{ from: ' capital', to: ' Lyon', logit: 1 }] }), /no own state/);
    assert.throws(() => buildTinyLoraAdapter({ base: options, transitions: [{ from: ' France:', to: ' Rome', logit: 1 }] }), /not in the vocabulary/);
  });
});
