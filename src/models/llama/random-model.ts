import { gguf, type GgufContent, type GgufTensor } from './gguf-writer.js';
import { buildTinyVocabulary } from './tiny-vocabulary.js';

export interface RandomModelOptions {
  /** Words of the vocabulary (space-led, e.g. `' culture'`), besides bytes and ASCII characters. */
  words: readonly string[];
  layers: number;
  embeddingLength: number;
  feedForwardLength: number;
  heads: number;
  contextLength?: number;
  seed?: number;
}

/** A seeded normal-ish generator (sum of uniforms), deterministic across runs. */
function gaussian(seed: number): () => number {
  let state = seed >>> 0 || 1;
  const uniform = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  return () => uniform() + uniform() + uniform() + uniform() - 2;
}

/**
 * Builds a llama model with random F32 weights, for benchmarks where evaluation must cost what it costs in a real model
 * (several layers, real attention and feed-forward work). Its outputs mean nothing.
 *
 * @example
 * const content = buildRandomModel({ words: [' hello'], layers: 4, embeddingLength: 256, feedForwardLength: 768, heads: 4 });
 * await writeGguf('/tmp/random.gguf', content);
 */
export function buildRandomModel(options: RandomModelOptions): GgufContent {
  const { layers, embeddingLength: embedding, feedForwardLength: feedForward, heads } = options;
  if (embedding % heads !== 0 || (embedding / heads) % 2 !== 0) {
    throw new TypeError('random model: embeddingLength must split into heads of even length');
  }
  const vocabulary = buildTinyVocabulary(options.words);
  const vocabularySize = vocabulary.pieces.length;
  const next = gaussian(options.seed ?? 1);
  const random = (name: string, dimensions: number[], scale: number): GgufTensor => {
    const data = new Float32Array(dimensions.reduce((product, dimension) => product * dimension, 1));
    for (let index = 0; index < data.length; index++) data[index] = next() * scale;
    return { name, dimensions, data };
  };
  const ones = (name: string, length: number): GgufTensor => ({ name, dimensions: [length], data: new Float32Array(length).fill(1) });
  const tensors: GgufTensor[] = [
    random('token_embd.weight', [embedding, vocabularySize], 1),
    ones('output_norm.weight', embedding),
    random('output.weight', [embedding, vocabularySize], 1 / Math.sqrt(embedding)),
  ];
  for (let layer = 0; layer < layers; layer++) {
    const name = (part: string): string => `blk.${layer}.${part}.weight`;
    tensors.push(
      ones(name('attn_norm'), embedding),
      random(name('attn_q'), [embedding, embedding], 1 / Math.sqrt(embedding)),
      random(name('attn_k'), [embedding, embedding], 1 / Math.sqrt(embedding)),
      random(name('attn_v'), [embedding, embedding], 1 / Math.sqrt(embedding)),
      random(name('attn_output'), [embedding, embedding], 1 / Math.sqrt(embedding)),
      ones(name('ffn_norm'), embedding),
      random(name('ffn_gate'), [embedding, feedForward], 1 / Math.sqrt(embedding)),
      random(name('ffn_up'), [embedding, feedForward], 1 / Math.sqrt(embedding)),
      random(name('ffn_down'), [feedForward, embedding], 1 / Math.sqrt(feedForward)),
    );
  }
  return {
    metadata: {
      'general.architecture': 'llama',
      'general.name': 'culturekit-random',
      'general.file_type': gguf.uint32(0),
      'llama.context_length': gguf.uint32(options.contextLength ?? 4096),
      'llama.embedding_length': gguf.uint32(embedding),
      'llama.block_count': gguf.uint32(layers),
      'llama.feed_forward_length': gguf.uint32(feedForward),
      'llama.attention.head_count': gguf.uint32(heads),
      'llama.attention.head_count_kv': gguf.uint32(heads),
      'llama.rope.dimension_count': gguf.uint32(embedding / heads),
      'llama.attention.layer_norm_rms_epsilon': gguf.float32(1e-5),
      'llama.vocab_size': gguf.uint32(vocabularySize),
      ...vocabulary.metadata,
    },
    tensors,
  };
}
