import type { ChatMessage } from '../schema/item.js';
import type { TokenUsage } from '../schema/response.js';

/** What a backend can do. The planner checks these before a run starts. */
export interface ModelCapabilities {
  /** Chat generation. Every backend has it. */
  generate: true;
  /** Log-likelihood of continuations given a prompt (multiple choice by log-likelihood). */
  logLikelihood: boolean;
  /** Embeddings (dense retrieval). */
  embed: boolean;
}

export interface GenerateRequest {
  messages: ChatMessage[];
  maxTokens: number;
  temperature: number;
  topP?: number;
  seed?: number;
  stop?: string[];
  /** Ask for JSON that matches this schema (OpenAI `response_format: {type: 'json_schema'}`), where the backend supports it. */
  responseFormat?: { name: string; schema: Record<string, unknown> };
}

export interface GenerateResult {
  text: string;
  finishReason?: string;
  usage: TokenUsage;
}

export interface ScoreContinuationsRequest {
  /** The shared context as raw text: no chat template is applied (as lm-evaluation-harness does for log-likelihood). */
  prompt: string;
  /** Each candidate continuation, scored as `log P(continuation | prompt)`. */
  continuations: string[];
}

export interface ContinuationScore {
  /** Sum of the token log-probabilities of the continuation. */
  logLikelihood: number;
  /** Tokens in the continuation. */
  tokens: number;
  /** Characters in the continuation (for length normalisation that does not depend on the tokenizer). */
  characters: number;
  /** Whether the continuation is the greedy continuation of the prompt. */
  isGreedy?: boolean;
}

export interface ScoreContinuationsResult {
  scores: ContinuationScore[];
  usage: TokenUsage;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * The one interface every backend implements and everything else codes against.
 *
 * @example
 * const model = await createLanguageModel({ spec: 'openai:qwen2.5-7b-instruct', baseUrl: 'http://127.0.0.1:8000/v1' });
 * const { text } = await model.generate({ messages: [{ role: 'user', content: 'Hi' }], maxTokens: 16, temperature: 0 });
 */
/**
 * Per-option scores someone recorded for one item: log-probabilities or probabilities (higher is better), ranks (1 is
 * best) or an order (the options best first, the values ignored), each keyed by the option's text.
 */
export interface RecordedOptionScores {
  kind: 'logprob' | 'prob' | 'rank' | 'order';
  /** [option text, value] in the order recorded. */
  values: [string, number][];
}

export interface LanguageModel {
  /** The spec it was created from, e.g. `openai:qwen2.5-7b-instruct`. */
  readonly spec: string;
  /** Provider name: `openai`, `llama`. */
  readonly provider: string;
  /** Model name as the backend knows it. */
  readonly modelId: string;
  readonly capabilities: ModelCapabilities;
  /**
   * What identifies this model in the cache besides the request: the base URL, the model file's hash, LoRA adapters.
   * Two models with equal identities give the same answers to the same requests.
   */
  readonly cacheIdentity: Record<string, unknown>;
  generate(request: GenerateRequest, options?: CallOptions): Promise<GenerateResult>;
  scoreContinuations?(request: ScoreContinuationsRequest, options?: CallOptions): Promise<ScoreContinuationsResult>;
  embed?(texts: string[], options?: CallOptions): Promise<number[][]>;
  /**
   * Recorded responses (`culturekit score`): the reply this "model" gave to an item, by item id. When present, the engine
   * uses it instead of calling `generate`, and scores (and judges) the recorded text.
   */
  replay?(itemId: string): GenerateResult | undefined;
  /** Recorded per-option scores (`culturekit score` with a scores column): scored as log-likelihood requests are. */
  replayScores?(itemId: string): RecordedOptionScores | undefined;
  /** Releases sockets, native memory, worker threads. */
  close(): Promise<void>;
}
