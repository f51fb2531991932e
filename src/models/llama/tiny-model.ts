import { gguf, writeGguf, type GgufContent, type GgufTensor } from './gguf-writer.js';
import { BEGIN_TOKEN, buildTinyVocabulary, type TinyVocabulary } from './tiny-vocabulary.js';

/** After token `from`, token `to` gets the next-token logit `logit`. */
export interface TinyTransition {
  /**
   * A token text: a word with its leading space (`' France'`), one character (`':'`), `'<s>'` (the start of the text),
   * or `'*'`: every token that is the `from` of no transition.
   */
  from: string;
  /** A token text (`' Paris'`, `'.'`) or `'</s>'` (end of generation). */
  to: string;
  logit: number;
}

export interface TinyModelOptions {
  transitions: readonly TinyTransition[];
  /** More tokens to put in the vocabulary (same forms as in transitions). */
  tokens?: readonly string[];
  /** Logit of every next token that no transition names (default 0). */
  defaultLogit?: number;
  /** Context length the model declares (default 4096). */
  contextLength?: number;
  /** Written as `tokenizer.chat_template`. */
  chatTemplate?: string;
  /** Control tokens for the chat template (e.g. `<|im_start|>`). */
  controlTokens?: readonly string[];
  /** `general.name` (default `culturekit-tiny`). */
  name?: string;
}

/** A built tiny model: the GGUF content and what a test needs to know about it. */
export interface TinyModel {
  readonly content: GgufContent;
  readonly vocabulary: TinyVocabulary;
  /** The next-token logit the model gives `to` after `from`. */
  logit(from: string, to: string): number;
  /** The exact next-token log-probability of `to` after `from` (log-softmax over the whole vocabulary). */
  logProbability(from: string, to: string): number;
}

const HEAD_LENGTH = 8;
const FEED_FORWARD_LENGTH = 8;
const RMS_EPSILON = 1e-5;
const WILDCARD = '*';

interface TinyLayout {
  vocabulary: TinyVocabulary;
  /** State (embedding dimension) of each token id; 0 is the shared state of tokens without transitions. */
  stateOfToken: Int32Array;
  /** State of each `from` text that has its own state. */
  stateOfText: Map<string, number>;
  embeddingLength: number;
  /** RMS norm maps the one-hot embedding (value 1) to this value. */
  normalizedValue: number;
  /** logits[state * vocabularySize + token]. */
  logits: Float32Array;
}

function tokenId(vocabulary: TinyVocabulary, text: string): number {
  const id = vocabulary.idOf(text);
  if (id === undefined) throw new TypeError(`tiny model: token ${JSON.stringify(text)} is not in the vocabulary`);
  return id;
}

function layout(options: TinyModelOptions): TinyLayout {
  const texts: string[] = [...(options.tokens ?? [])];
  for (const transition of options.transitions) {
    if (transition.from !== WILDCARD) texts.push(transition.from);
    if (transition.to === WILDCARD || transition.to === BEGIN_TOKEN) {
      throw new TypeError(`tiny model: transition target ${JSON.stringify(transition.to)} is not a token`);
    }
    if (!Number.isFinite(transition.logit)) throw new TypeError(`tiny model: transition ${transition.from} → ${transition.to}: logit is not finite`);
    texts.push(transition.to);
  }
  const vocabulary = buildTinyVocabulary(texts, { chatTemplate: options.chatTemplate, controlTokens: options.controlTokens });
  const vocabularySize = vocabulary.pieces.length;

  const stateOfText = new Map<string, number>([[WILDCARD, 0]]);
  for (const transition of options.transitions) {
    if (!stateOfText.has(transition.from)) stateOfText.set(transition.from, stateOfText.size);
  }
  const states = stateOfText.size;
  const stateOfToken = new Int32Array(vocabularySize);
  for (const [text, state] of stateOfText) if (text !== WILDCARD) stateOfToken[tokenId(vocabulary, text)] = state;

  const logits = new Float32Array(states * vocabularySize).fill(options.defaultLogit ?? 0);
  for (const transition of options.transitions) {
    logits[stateOfText.get(transition.from)! * vocabularySize + tokenId(vocabulary, transition.to)] = transition.logit;
  }
  const embeddingLength = Math.max(states, 2);
  return {
    vocabulary,
    stateOfToken,
    stateOfText,
    embeddingLength,
    normalizedValue: 1 / Math.sqrt(1 / embeddingLength + RMS_EPSILON),
    logits,
  };
}

function filled(dimensions: number[], value: number): GgufTensor['data'] {
  return new Float32Array(dimensions.reduce((product, dimension) => product * dimension, 1)).fill(value);
}

/**
 * Builds a one-layer llama model whose next-token distribution depends only on the current token (a bigram model):
 * one-hot token embeddings (one dimension per `from` token, one shared by all others), zero attention and feed-forward outputs
 * (the residual passes the embedding through), RMS norm weights 1, and `output.weight` holding the transition logits.
 *
 * What a test can rely on, for text given to the llama.cpp tokenizer:
 * - BOS (`<s>`) is prepended when the caller asks for it (`add_bos_token` is true); `add_space_prefix` is true, so the text
 *   starts with `▁` and every space becomes `▁`.
 * - Each `▁`-led stretch of the text becomes the longest vocabulary piece (registered words and all their prefixes) that starts
 *   it, so a registered word (`' Paris'`) is one token when the next character (a space, the end, `h`…) does not extend it
 *   to a longer piece (`'Parish'` → `▁Paris`, `h`; with `' Paris:'` registered, `'Paris:'` → `▁Paris:`). Other characters are single-character tokens (`▁`, printable ASCII, the characters of
 *   registered words) or UTF-8 byte tokens (`日` → `<0xE6>`, `<0x97>`, `<0xA5>`; `\n` → `<0x0A>` unless registered).
 * - After token `from`, the logit of `to` is exactly the transition's logit (float32), every other logit is `defaultLogit`;
 *   tokens that are the `from` of no transition use the `'*'` row.
 *
 * @example
 * const model = buildTinyModel({
 *   transitions: [{ from: ' France', to: ' Paris', logit: 8 }, { from: ' Paris', to: '</s>', logit: 9 }],
 * });
 * model.logit(' France', ' Paris'); // 8
 */
export function buildTinyModel(options: TinyModelOptions): TinyModel {
  const { vocabulary, stateOfToken, stateOfText, embeddingLength, normalizedValue, logits } = layout(options);
  const vocabularySize = vocabulary.pieces.length;

  const embeddings = new Float32Array(embeddingLength * vocabularySize);
  for (let token = 0; token < vocabularySize; token++) embeddings[token * embeddingLength + stateOfToken[token]] = 1;
  const output = new Float32Array(embeddingLength * vocabularySize);
  const states = logits.length / vocabularySize;
  for (let token = 0; token < vocabularySize; token++) {
    for (let state = 0; state < states; state++) {
      output[token * embeddingLength + state] = logits[state * vocabularySize + token] / normalizedValue;
    }
  }

  const tensors: GgufTensor[] = [
    { name: 'token_embd.weight', dimensions: [embeddingLength, vocabularySize], data: embeddings },
    { name: 'output_norm.weight', dimensions: [embeddingLength], data: filled([embeddingLength], 1) },
    { name: 'output.weight', dimensions: [embeddingLength, vocabularySize], data: output },
    ...zeroLayerTensors(0, embeddingLength),
  ];

  const content: GgufContent = {
    metadata: {
      'general.architecture': 'llama',
      'general.name': options.name ?? 'culturekit-tiny',
      'general.file_type': gguf.uint32(0),
      'llama.context_length': gguf.uint32(options.contextLength ?? 4096),
      'llama.embedding_length': gguf.uint32(embeddingLength),
      'llama.block_count': gguf.uint32(1),
      'llama.feed_forward_length': gguf.uint32(FEED_FORWARD_LENGTH),
      'llama.attention.head_count': gguf.uint32(1),
      'llama.attention.head_count_kv': gguf.uint32(1),
      'llama.attention.key_length': gguf.uint32(HEAD_LENGTH),
      'llama.attention.value_length': gguf.uint32(HEAD_LENGTH),
      'llama.rope.dimension_count': gguf.uint32(HEAD_LENGTH),
      'llama.attention.layer_norm_rms_epsilon': gguf.float32(RMS_EPSILON),
      'llama.vocab_size': gguf.uint32(vocabularySize),
      ...vocabulary.metadata,
    },
    tensors,
  };

  const stateOf = (from: string): number => stateOfText.get(from) ?? stateOfToken[tokenId(vocabulary, from)];
  return {
    content,
    vocabulary,
    logit(from: string, to: string): number {
      return logits[stateOf(from) * vocabularySize + tokenId(vocabulary, to)];
    },
    logProbability(from: string, to: string): number {
      const row = logits.subarray(stateOf(from) * vocabularySize, (stateOf(from) + 1) * vocabularySize);
      const maximum = row.reduce((best, value) => Math.max(best, value), -Infinity);
      const total = row.reduce((sum, value) => sum + Math.exp(value - maximum), 0);
      return row[tokenId(vocabulary, to)] - maximum - Math.log(total);
    },
  };
}

function zeroLayerTensors(layer: number, embeddingLength: number): GgufTensor[] {
  const tensor = (name: string, dimensions: number[], value: number): GgufTensor => ({
    name: `blk.${layer}.${name}.weight`,
    dimensions,
    data: filled(dimensions, value),
  });
  return [
    tensor('attn_norm', [embeddingLength], 1),
    tensor('attn_q', [embeddingLength, HEAD_LENGTH], 0),
    tensor('attn_k', [embeddingLength, HEAD_LENGTH], 0),
    tensor('attn_v', [embeddingLength, HEAD_LENGTH], 0),
    tensor('attn_output', [HEAD_LENGTH, embeddingLength], 0),
    tensor('ffn_norm', [embeddingLength], 1),
    tensor('ffn_gate', [embeddingLength, FEED_FORWARD_LENGTH], 0),
    tensor('ffn_up', [embeddingLength, FEED_FORWARD_LENGTH], 0),
    tensor('ffn_down', [FEED_FORWARD_LENGTH, embeddingLength], 0),
  ];
}

/**
 * Writes a tiny bigram model (see {@link buildTinyModel}) as a GGUF file.
 *
 * @example
 * await writeTinyModel('/tmp/tiny.gguf', { transitions: [{ from: ' France', to: ' Paris', logit: 8 }] });
 */
export async function writeTinyModel(path: string, options: TinyModelOptions): Promise<TinyModel> {
  const model = buildTinyModel(options);
  await writeGguf(path, model.content);
  return model;
}

export interface TinyLoraAdapterOptions {
  /** The options the base model was built from. */
  base: TinyModelOptions;
  /**
   * New logits (at adapter scale 1) for transitions of the base model. Each `from` must be the `from` of a base transition
   * (or `'*'`), so it has its own embedding dimension; each `to` must be in the base vocabulary.
   */
  transitions: readonly TinyTransition[];
}

/**
 * Builds a LoRA adapter GGUF for a tiny model. It adapts `output.weight` (the LM head, which llama.cpp multiplies through its
 * LoRA path), so at scale `s` the logit of `to` after `from` becomes `base + s × (new − base)`.
 *
 * @example
 * const adapter = buildTinyLoraAdapter({ base, transitions: [{ from: ' France', to: ' Lyon', logit: 12 }] });
 */
export function buildTinyLoraAdapter(options: TinyLoraAdapterOptions): GgufContent {
  const { vocabulary, stateOfText, embeddingLength, normalizedValue, logits } = layout(options.base);
  const vocabularySize = vocabulary.pieces.length;
  if (options.transitions.length === 0) throw new TypeError('tiny LoRA adapter: no transitions');
  const ranks = new Map<number, number>();
  for (const transition of options.transitions) {
    const state = stateOfText.get(transition.from);
    if (state === undefined) {
      throw new TypeError(`tiny LoRA adapter: ${JSON.stringify(transition.from)} is the "from" of no base transition, so it has no own state to adapt`);
    }
    if (!ranks.has(state)) ranks.set(state, ranks.size);
  }
  const rank = ranks.size;
  const down = new Float32Array(embeddingLength * rank);
  for (const [state, row] of ranks) down[row * embeddingLength + state] = 1;
  const up = new Float32Array(rank * vocabularySize);
  for (const transition of options.transitions) {
    const state = stateOfText.get(transition.from)!;
    const token = tokenId(vocabulary, transition.to);
    const delta = transition.logit - logits[state * vocabularySize + token];
    up[token * rank + ranks.get(state)!] = delta / normalizedValue;
  }
  return {
    metadata: {
      'general.architecture': 'llama',
      'general.type': 'adapter',
      'general.name': `${options.base.name ?? 'culturekit-tiny'}-lora`,
      'adapter.type': 'lora',
      'adapter.lora.alpha': gguf.float32(rank),
    },
    tensors: [
      { name: 'output.weight.lora_a', dimensions: [embeddingLength, rank], data: down },
      { name: 'output.weight.lora_b', dimensions: [rank, vocabularySize], data: up },
    ],
  };
}

/**
 * Writes a LoRA adapter for a tiny model (see {@link buildTinyLoraAdapter}).
 *
 * @example
 * await writeTinyLoraAdapter('/tmp/tiny-lora.gguf', { base, transitions: [{ from: ' France', to: ' Lyon', logit: 12 }] });
 */
export async function writeTinyLoraAdapter(path: string, options: TinyLoraAdapterOptions): Promise<void> {
  await writeGguf(path, buildTinyLoraAdapter(options));
}
