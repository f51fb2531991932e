import { InputError } from '../errors/culturekit-error.js';
import { createLanguageModel } from '../models/create-language-model.js';
import type { LanguageModel } from '../models/language-model.js';
import { type CallCache, type CallPolicy, ModelCaller } from '../models/model-caller.js';
import type { RetrievalSettings } from '../schema/retrieval-options.js';
import { openStore } from '../store/open-store.js';
import { createEndpointReranker, createLlmReranker, type Reranker } from './rerankers.js';

export interface RerankerContext {
  /** Where model calls and endpoint answers are cached: an open store, or the store's file (opened when a reranker is used, closed by `close`). */
  cache?: CallCache;
  dbPath?: string;
  /** Read the cache (false: call again, still writing). */
  useCache?: boolean;
  apiKey?: string;
  /** Base URL of an `openai:` reranking model when the settings give none. */
  baseUrl?: string;
  /** The reranking model's call policy. */
  policy: CallPolicy;
  timeoutMs?: number;
}

/**
 * The reranker the settings ask for (`rerank`: `llm` → a listwise LLM reranker around `rerankModel`, served at
 * `rerankUrl` or `baseUrl`; `endpoint` → the `/v1/rerank` endpoint at `rerankUrl`, sending `rerankModel`), and a
 * `close` for the model it created. None for `rerank: none`.
 *
 * @example
 * const { reranker, close } = await rerankerFromSettings(settings, { cache: store, policy: { concurrency: 4, maxRetries: 4 } });
 */
export async function rerankerFromSettings(settings: RetrievalSettings, context: RerankerContext): Promise<{ reranker?: Reranker; close(): Promise<void> }> {
  if (settings.rerank === 'none') return { close: async () => {} };
  const opened = context.cache ? undefined : context.dbPath ? openStore(context.dbPath) : undefined;
  const cache: CallCache = context.cache ?? opened ?? { getCached: () => undefined, putCache: () => {} };
  try {
    const parts = await createReranker(settings, { ...context, cache });
    return {
      reranker: parts.reranker,
      close: async () => {
        await parts.close();
        opened?.close();
      },
    };
  } catch (error) {
    opened?.close();
    throw error;
  }
}

async function createReranker(
  settings: RetrievalSettings,
  context: RerankerContext & { cache: CallCache },
): Promise<{ reranker: Reranker; close(): Promise<void> }> {
  if (!settings.rerankModel) {
    throw new InputError(
      `retrieval: rerank ${settings.rerank} needs a model (${settings.rerank === 'llm' ? '--rerank-model <spec>' : '--rerank-endpoint-model <name>'})`,
    );
  }
  if (settings.rerank === 'endpoint') {
    if (!settings.rerankUrl) throw new InputError('retrieval: rerank endpoint needs the /v1/rerank server (--rerank-url)');
    const reranker = createEndpointReranker({
      url: settings.rerankUrl,
      model: settings.rerankModel,
      apiKey: context.apiKey,
      timeoutMs: context.timeoutMs,
      cache: readOnlyWhenUnused(context),
    });
    return { reranker, close: async () => {} };
  }
  const baseUrl = settings.rerankUrl ?? context.baseUrl;
  const model: LanguageModel = await createLanguageModel(
    {
      spec: settings.rerankModel,
      ...(baseUrl && settings.rerankModel.startsWith('openai:') ? { baseUrl } : {}),
      ...(context.timeoutMs ? { timeoutMs: context.timeoutMs } : {}),
    },
    { apiKey: context.apiKey },
  );
  const caller = new ModelCaller(model, context.policy, context.cache, context.useCache ?? true, true);
  return { reranker: createLlmReranker(caller), close: () => model.close() };
}

/** The cache, written but not read when `useCache` is false. */
function readOnlyWhenUnused(context: RerankerContext & { cache: CallCache }): CallCache {
  if (context.useCache ?? true) return context.cache;
  return { getCached: () => undefined, putCache: (key, value) => context.cache.putCache(key, value) };
}
