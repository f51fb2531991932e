import type {
  CallOptions,
  ContinuationScore,
  GenerateRequest,
  GenerateResult,
  LanguageModel,
  ModelCapabilities,
  ScoreContinuationsRequest,
  ScoreContinuationsResult,
} from '../language-model.js';
import { ModelCallError } from '../model-error.js';
import type { ModelSpec } from '../model-spec.js';
import { ChatStreamReader } from './chat-stream.js';
import { logLikelihoodNeedsEcho, scoreEchoedContinuation, type EchoedLogprobs } from './continuation-logprobs.js';
import { errorFromResponse, serverMessage } from './http-error.js';
import { createHttpTransport, type HttpExchange, type HttpTransport } from './http-transport.js';

export interface OpenAICompatibleModelOptions {
  /** Base URL including the version segment, e.g. `http://127.0.0.1:8000/v1`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>` when given. */
  apiKey?: string;
  /** Longest one request may take, in milliseconds. Default 120000. */
  timeoutMs?: number;
  /** Stream chat completions (server-sent events) instead of waiting for one JSON body. */
  stream?: boolean;
  /** Connections kept open to the server; set it to the run's concurrency. Default: the spec's `concurrency` parameter, else 32. */
  maxSockets?: number;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
}

const capabilities: ModelCapabilities = { generate: true, logLikelihood: true, embed: true };
const chatPath = '/chat/completions';
const completionsPath = '/completions';
const embeddingsPath = '/embeddings';
/** Statuses with which servers turn down `echo`/`logprobs` on `/completions` (or lack the endpoint). */
const echoRefusals = new Set([400, 404, 405, 422, 501]);

/**
 * A model behind any OpenAI-compatible server (vLLM, Ollama, llama.cpp server, TGI, LM Studio, OpenAI).
 * Each method makes one attempt; wrap calls in `withRetries` for retries. Errors are `ModelCallError`s.
 *
 * @example
 * const model = createOpenAICompatibleModel(parseModelSpec('openai:qwen2.5-7b-instruct'), { baseUrl: 'http://127.0.0.1:8000/v1' });
 * const { text } = await model.generate({ messages: [{ role: 'user', content: 'Hi' }], maxTokens: 16, temperature: 0 });
 * await model.close();
 */
export function createOpenAICompatibleModel(spec: ModelSpec, options: OpenAICompatibleModelOptions): LanguageModel {
  return new OpenAICompatibleModel(spec, options);
}

class OpenAICompatibleModel implements LanguageModel {
  readonly spec: string;
  readonly provider = 'openai';
  readonly modelId: string;
  readonly capabilities = capabilities;
  readonly cacheIdentity: Record<string, unknown>;
  private readonly transport: HttpTransport;
  private readonly stream: boolean;

  constructor(spec: ModelSpec, options: OpenAICompatibleModelOptions) {
    const baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.spec = `openai:${spec.model}`;
    this.modelId = spec.model;
    this.cacheIdentity = { provider: 'openai', baseUrl, model: spec.model };
    this.stream = options.stream ?? false;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: this.stream ? 'application/json, text/event-stream' : 'application/json',
      ...options.headers,
    };
    if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
    const concurrency = Number(spec.parameters?.concurrency);
    this.transport = createHttpTransport({
      baseUrl,
      headers,
      timeoutMs: options.timeoutMs ?? 120_000,
      maxSockets: options.maxSockets ?? (concurrency > 0 ? concurrency : 32),
    });
  }

  async generate(request: GenerateRequest, options?: CallOptions): Promise<GenerateResult> {
    const stop = request.stop && request.stop.length > 0 ? request.stop : undefined;
    const fields = {
      model: this.modelId,
      messages: request.messages,
      max_tokens: request.maxTokens,
      temperature: request.temperature,
      top_p: request.topP,
      seed: request.seed,
      stop,
      response_format: request.responseFormat
        ? { type: 'json_schema', json_schema: { name: request.responseFormat.name, schema: request.responseFormat.schema, strict: true } }
        : undefined,
    };
    if (this.stream) {
      const body = JSON.stringify({ ...fields, stream: true, stream_options: { include_usage: true } });
      const reader = new ChatStreamReader();
      const exchange = await this.transport.post(chatPath, body, options?.signal, reader);
      if (exchange.streamed) return this.streamResult(exchange, reader);
      return this.chatResult(exchange);
    }
    const body = JSON.stringify(fields);
    return this.chatResult(await this.transport.post(chatPath, body, options?.signal));
  }

  async scoreContinuations(request: ScoreContinuationsRequest, options?: CallOptions): Promise<ScoreContinuationsResult> {
    const answers = await Promise.all(request.continuations.map((continuation) => this.scoreOne(request.prompt, continuation, options?.signal)));
    const scores: ContinuationScore[] = [];
    let inputTokens = 0;
    let outputTokens = 0;
    for (const answer of answers) {
      scores.push(answer.score);
      inputTokens += answer.inputTokens;
      outputTokens += answer.outputTokens;
    }
    return { scores, usage: { inputTokens, outputTokens } };
  }

  async embed(texts: string[], options?: CallOptions): Promise<number[][]> {
    if (texts.length === 0) return [];
    const body = JSON.stringify({ model: this.modelId, input: texts, encoding_format: 'float' });
    const exchange = await this.transport.post(embeddingsPath, body, options?.signal);
    if (exchange.statusCode >= 300) throw errorFromResponse(exchange, `POST ${this.transport.url(embeddingsPath)}`);
    const parsed = parseBody(exchange, this.transport.url(embeddingsPath)) as EmbeddingsBody;
    const data = parsed?.data;
    if (!Array.isArray(data) || data.length !== texts.length || !data.every((entry) => Array.isArray(entry?.embedding))) {
      throw malformed(`${this.transport.url(embeddingsPath)} answered without one embedding per input`);
    }
    const vectors: number[][] = new Array(texts.length);
    data.forEach((entry, position) => {
      const index = typeof entry.index === 'number' ? entry.index : position;
      vectors[index] = entry.embedding;
    });
    return vectors;
  }

  async close(): Promise<void> {
    this.transport.close();
  }

  private chatResult(exchange: HttpExchange): GenerateResult {
    if (exchange.statusCode >= 300) throw errorFromResponse(exchange, `POST ${this.transport.url(chatPath)}`);
    const parsed = parseBody(exchange, this.transport.url(chatPath)) as ChatBody;
    const choice = Array.isArray(parsed?.choices) ? parsed.choices[0] : undefined;
    if (!choice || typeof choice !== 'object') throw malformed(`${this.transport.url(chatPath)} answered without choices: ${serverMessage(exchange.text)}`);
    return {
      text: messageText(choice.message?.content),
      finishReason: choice.finish_reason ?? undefined,
      usage: {
        inputTokens: count(parsed.usage?.prompt_tokens),
        outputTokens: count(parsed.usage?.completion_tokens),
      },
    };
  }

  private streamResult(exchange: HttpExchange, reader: ChatStreamReader): GenerateResult {
    reader.end();
    if (reader.error) throw reader.error;
    if (!reader.finished) {
      throw new ModelCallError(
        `${this.transport.url(chatPath)}: the stream ended before [DONE] or a finish reason${exchange.complete ? '' : ' (the connection closed)'}`,
        { kind: 'stream-cut', isRetryable: true },
      );
    }
    return {
      text: reader.text,
      finishReason: reader.finishReason,
      usage: { inputTokens: count(reader.inputTokens), outputTokens: count(reader.outputTokens) },
    };
  }

  private async scoreOne(
    prompt: string,
    continuation: string,
    signal: AbortSignal | undefined,
  ): Promise<{ score: ContinuationScore; inputTokens: number; outputTokens: number }> {
    if (continuation.length === 0) {
      return { score: { logLikelihood: 0, tokens: 0, characters: 0, isGreedy: true }, inputTokens: 0, outputTokens: 0 };
    }
    if (prompt.length === 0) {
      throw new ModelCallError('log-likelihood needs a non-empty prompt (the first token has no log-probability)', {
        kind: 'client',
        isRetryable: false,
      });
    }
    const body = JSON.stringify({
      model: this.modelId,
      prompt: prompt + continuation,
      max_tokens: 1,
      temperature: 0,
      logprobs: 1,
      echo: true,
    });
    const url = this.transport.url(completionsPath);
    const exchange = await this.transport.post(completionsPath, body, signal);
    if (exchange.statusCode >= 300) {
      const error = errorFromResponse(exchange, `POST ${url}`);
      if (echoRefusals.has(exchange.statusCode) || (exchange.statusCode >= 500 && mentionsEcho(exchange.text))) {
        throw new ModelCallError(`${logLikelihoodNeedsEcho}. POST ${url} answered HTTP ${exchange.statusCode}: ${serverMessage(exchange.text)}`, {
          kind: 'unsupported',
          isRetryable: false,
          statusCode: exchange.statusCode,
          cause: error,
        });
      }
      throw error;
    }
    const parsed = parseBody(exchange, url) as CompletionsBody;
    const choice = Array.isArray(parsed?.choices) ? parsed.choices[0] : undefined;
    if (!choice || typeof choice !== 'object') throw malformed(`${url} answered without choices: ${serverMessage(exchange.text)}`);
    return {
      score: scoreEchoedContinuation(choice.logprobs, prompt, continuation),
      inputTokens: count(parsed.usage?.prompt_tokens),
      outputTokens: count(parsed.usage?.completion_tokens),
    };
  }
}

interface ChatBody {
  choices?: { message?: { content?: unknown }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
}

interface CompletionsBody {
  choices?: { text?: string; logprobs?: EchoedLogprobs | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
}

interface EmbeddingsBody {
  data?: { index?: number; embedding: number[] }[];
}

function parseBody(exchange: HttpExchange, url: string): unknown {
  try {
    return JSON.parse(exchange.text);
  } catch (cause) {
    throw malformed(`${url} answered with a body that is not valid JSON: ${exchange.text.slice(0, 200)}`, cause);
  }
}

function malformed(message: string, cause?: unknown): ModelCallError {
  return new ModelCallError(message, { kind: 'malformed', isRetryable: true, cause });
}

/** Chat content is a string, null (nothing or only tool calls) or, from some servers, a list of text parts. */
function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    let text = '';
    for (const part of content) if (part && typeof part.text === 'string') text += part.text;
    return text;
  }
  return '';
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

function mentionsEcho(text: string): boolean {
  return /\becho\b|prompt_logprobs|logprobs/i.test(text);
}
