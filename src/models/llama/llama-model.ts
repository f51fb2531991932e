import type { LlamaContext, LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';
import type { CallOptions, GenerateRequest, GenerateResult, LanguageModel, ScoreContinuationsRequest, ScoreContinuationsResult } from '../language-model.js';
import { ModelCallError } from '../model-error.js';
import type { ModelSpec } from '../model-spec.js';
import { renderChatPrompt, type ChatPrompt } from './chat-prompt.js';
import { planContinuations, scorePlannedContinuations } from './continuation-scoring.js';
import { leaseModel, llamaErrorsSince, llamaLogMark, resolveGgufFile, sha256OfFile, type ModelLease } from './llama-runtime.js';
import { SequencePool, abortedError } from './sequence-pool.js';

export interface LlamaModelOptions {
  /** Threads per evaluation (default: node-llama-cpp's choice, the CPU's math cores). Use 1 in tests. */
  threads?: number;
  /** Tokens each sequence can hold (default: the model's training context, at most 4096). */
  contextSize?: number;
  /** Layers on the GPU: this backend runs on the CPU only. */
  gpuLayers?: 0;
  /** Sequences of the context, i.e. calls evaluated at the same time (default 1; more calls wait their turn). */
  sequences?: number;
}

const DEFAULT_MAXIMUM_CONTEXT = 4096;

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function positiveInteger(value: string | number | undefined, name: string, spec: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) {
    throw new ModelCallError(`model "${spec}": ${name} must be a positive integer, got "${value}"`, { kind: 'client', isRetryable: false });
  }
  return number;
}

function formatSpec(spec: ModelSpec): string {
  const query: string[] = [];
  for (const lora of spec.loras) {
    query.push(`lora=${lora.path}`);
    if (lora.scale !== 1) query.push(`scale=${lora.scale}`);
  }
  for (const [key, value] of Object.entries(spec.parameters)) query.push(`${key}=${value}`);
  return `${spec.provider}:${spec.model}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

function earliestStop(text: string, stops: readonly string[]): number {
  let earliest = -1;
  for (const stop of stops) {
    if (stop === '') continue;
    const index = text.indexOf(stop);
    if (index >= 0 && (earliest < 0 || index < earliest)) earliest = index;
  }
  return earliest;
}

/**
 * Creates a `LanguageModel` that runs a GGUF file in-process with node-llama-cpp (CPU).
 *
 * - `generate` renders the messages with the GGUF's chat template when it has one, else with the fixed template of
 *   `renderFixedChatTemplate` (`User: …`, `Assistant: …`); temperature 0 is greedy.
 * - `scoreContinuations` sums token log-probabilities of each continuation after the raw prompt; the prompt is evaluated once
 *   per call and every continuation on top of it.
 * - LoRA adapters from the spec are applied to the context; `cacheIdentity` holds the SHA-256 of the model and of each adapter.
 * - Spec parameters `contextSize`, `threads`, `sequences` are read when the options do not set them.
 *
 * @example
 * const model = await createLlamaModel(parseModelSpec('llama:./tiny.gguf?lora=./tiny-lora.gguf&scale=0.5'), { threads: 1 });
 * const { scores } = await model.scoreContinuations!({ prompt: 'The capital of France is', continuations: [' Paris', ' Rome'] });
 * await model.close();
 */
export async function createLlamaModel(spec: ModelSpec, options: LlamaModelOptions = {}): Promise<LanguageModel> {
  const specText = formatSpec(spec);
  if (spec.provider !== 'llama') {
    throw new ModelCallError(`model "${specText}" is not a llama: spec`, { kind: 'client', isRetryable: false });
  }
  if (options.gpuLayers !== undefined && options.gpuLayers !== 0) {
    throw new ModelCallError('the llama backend runs on the CPU only (gpuLayers must be 0)', { kind: 'unsupported', isRetryable: false });
  }
  const threads = options.threads ?? positiveInteger(spec.parameters.threads, 'threads', specText);
  const requestedContext = options.contextSize ?? positiveInteger(spec.parameters.contextSize, 'contextSize', specText);
  const sequences = options.sequences ?? positiveInteger(spec.parameters.sequences, 'sequences', specText) ?? 1;

  const modelPath = await resolveGgufFile(spec.model, 'model');
  const adapters = await Promise.all(
    spec.loras.map(async (lora) => ({ path: await resolveGgufFile(lora.path, 'LoRA adapter'), scale: lora.scale, displayPath: lora.path })),
  );
  const [modelHash, ...adapterHashes] = await Promise.all([modelPath, ...adapters.map((adapter) => adapter.path)].map(sha256OfFile));

  const lease: ModelLease = await leaseModel(modelPath, spec.model);
  const model: LlamaModel = lease.model;
  let context: LlamaContext;
  const mark = llamaLogMark();
  try {
    context = await model.createContext({
      contextSize: requestedContext ?? Math.min(model.trainContextSize || DEFAULT_MAXIMUM_CONTEXT, DEFAULT_MAXIMUM_CONTEXT),
      sequences,
      threads,
      failedCreationRemedy: false,
      lora: adapters.length > 0 ? { adapters: adapters.map((adapter) => ({ filePath: adapter.path, scale: adapter.scale })) } : undefined,
    });
  } catch (error) {
    await lease.release();
    const paths = adapters.map((adapter) => adapter.displayPath).join(', ');
    throw new ModelCallError(
      `could not create a llama.cpp context for ${spec.model}${paths ? ` with LoRA adapter(s) ${paths}` : ''}: ${describeError(error)}` +
        (llamaErrorsSince(mark) ? ` (${llamaErrorsSince(mark)})` : ''),
      { kind: 'client', isRetryable: false, cause: error },
    );
  }
  const pool = new SequencePool(Array.from({ length: sequences }, () => context.getSequence()));
  let closed = false;

  const ensureOpen = (): void => {
    if (closed) throw new ModelCallError(`model ${specText} is closed`, { kind: 'client', isRetryable: false });
  };

  const wrapEngineError = (error: unknown): never => {
    if (error instanceof ModelCallError) throw error;
    throw new ModelCallError(`llama.cpp failed: ${describeError(error)}`, { kind: 'server', isRetryable: false, cause: error });
  };

  async function generateOn(sequence: LlamaContextSequence, prompt: ChatPrompt, request: GenerateRequest, signal?: AbortSignal): Promise<GenerateResult> {
    const { tokens } = prompt;
    if (tokens.length >= sequence.contextSize) {
      throw new ModelCallError(`the prompt has ${tokens.length} tokens but the context holds ${sequence.contextSize} (raise contextSize)`, {
        kind: 'client',
        isRetryable: false,
      });
    }
    const usage = { inputTokens: tokens.length, outputTokens: 0 };
    const maxTokens = Math.min(Math.floor(request.maxTokens), sequence.contextSize - tokens.length);
    if (maxTokens <= 0) return { text: '', finishReason: 'length', usage };

    const keep = Math.min(sequence.compareContextTokens(tokens).firstDifferentIndex, tokens.length - 1);
    if (sequence.nextTokenIndex > keep) await sequence.eraseContextTokenRanges([{ start: keep, end: sequence.nextTokenIndex }]);

    const stopTokens = new Set<Token>(prompt.stopTokens);
    const stops = [...prompt.stopTexts, ...(request.stop ?? [])];
    const generated: Token[] = [];
    let text = '';
    let finishReason: 'stop' | 'length' = 'stop';
    const iterator = sequence.evaluate(tokens.slice(keep), {
      temperature: Math.max(0, request.temperature),
      topK: 0,
      topP: request.topP ?? 1,
      minP: 0,
      seed: request.seed,
    });
    try {
      for await (const token of iterator) {
        if (signal?.aborted) throw abortedError(signal);
        if (stopTokens.has(token)) break;
        generated.push(token);
        let decoded = model.detokenize(generated, false, tokens);
        if (prompt.trimLeadingWhitespace) decoded = decoded.trimStart();
        const stopAt = earliestStop(decoded, stops);
        if (stopAt >= 0) {
          text = decoded.slice(0, stopAt);
          break;
        }
        text = decoded;
        if (generated.length >= maxTokens) {
          finishReason = 'length';
          break;
        }
      }
    } finally {
      await iterator.return();
    }
    usage.outputTokens = generated.length;
    return { text, finishReason, usage };
  }

  const languageModel: LanguageModel = {
    spec: specText,
    provider: 'llama',
    modelId: spec.model,
    capabilities: { generate: true, logLikelihood: true, embed: false },
    cacheIdentity: {
      provider: 'llama',
      modelSha256: modelHash,
      loras: adapters.map((adapter, index) => ({ sha256: adapterHashes[index], scale: adapter.scale })),
    },

    async generate(request: GenerateRequest, callOptions: CallOptions = {}): Promise<GenerateResult> {
      ensureOpen();
      const { signal } = callOptions;
      if (signal?.aborted) throw abortedError(signal);
      try {
        const prompt = await renderChatPrompt(model, request.messages);
        return await pool.use(prompt.tokens, signal, (sequence) => generateOn(sequence, prompt, request, signal));
      } catch (error) {
        return wrapEngineError(error);
      }
    },

    async scoreContinuations(request: ScoreContinuationsRequest, callOptions: CallOptions = {}): Promise<ScoreContinuationsResult> {
      ensureOpen();
      const { signal } = callOptions;
      if (signal?.aborted) throw abortedError(signal);
      try {
        const plan = planContinuations(model, request);
        const scores = await pool.use(plan.prefix, signal, (sequence) => scorePlannedContinuations(sequence, plan, signal));
        return { scores, usage: { inputTokens: plan.totalTokens, outputTokens: 0 } };
      } catch (error) {
        return wrapEngineError(error);
      }
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await pool.close();
      await context.dispose();
      await lease.release();
    },
  };
  return languageModel;
}
