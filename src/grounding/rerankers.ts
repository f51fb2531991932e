import { CulturekitError, InputError } from '../errors/culturekit-error.js';
import type { CallCache, ModelCaller, ModelRequest, NewCacheEntry } from '../models/model-caller.js';
import { canonicalJson, sha256Hex } from '../util/hash.js';

/**
 * Scores documents for a query, higher is more relevant: one score per document, in the documents' order. A
 * reranker may leave a document unscored (`undefined`); it then keeps its first-stage place after the scored ones.
 */
export interface Reranker {
  /** What reranks, for the results and the report: `llm:<model spec>` or `endpoint:<model>@<url>`. */
  readonly name: string;
  rerank(query: string, documents: readonly string[], options?: { signal?: AbortSignal }): Promise<(number | undefined)[]>;
}

/** Characters of each description shown to the LLM reranker. */
const LLM_DOCUMENT_CHARACTERS = 600;

/**
 * The listwise prompt of the LLM reranker (RankGPT style): numbered descriptions, the request, and the answer
 * wanted: the numbers of the relevant descriptions, most relevant first.
 *
 * @example
 * listwiseRerankMessages('Why bow in Japan?', ['In Japan, bowing…', 'In China, …'])[0].content // 'You rank cultural descriptions…'
 */
export function listwiseRerankMessages(query: string, documents: readonly string[]): { role: 'system' | 'user'; content: string }[] {
  const numbered = documents.map(
    (text, index) => `[${index + 1}] ${text.length > LLM_DOCUMENT_CHARACTERS ? `${text.slice(0, LLM_DOCUMENT_CHARACTERS)}…` : text}`,
  );
  return [
    {
      role: 'system',
      content:
        'You rank cultural descriptions by how much a request needs them: the custom the request is about (its country, its situation) comes first. ' +
        'The request may be in any language; the descriptions too.',
    },
    {
      role: 'user',
      content: `Descriptions:\n${numbered.join('\n')}\n\nRequest:\n${query}\n\nAnswer with the numbers of the descriptions that concern the request, most relevant first, separated by " > " (e.g. [4] > [1] > [7]). Nothing else.`,
    },
  ];
}

/**
 * Reads a listwise answer (`[4] > [1] > [7]`, `4, 1, 7`, one per line…): the 1-based numbers in order of first
 * mention, those out of range dropped, as scores (the first mentioned scores highest).
 *
 * @example
 * parseListwiseRanking('[3] > [1] > [3] > [9]', 4) // [2, undefined, 3, undefined]
 */
export function parseListwiseRanking(text: string, count: number): (number | undefined)[] {
  const scores: (number | undefined)[] = new Array(count).fill(undefined);
  let next = count;
  for (const match of text.matchAll(/\d+/g)) {
    const index = Number(match[0]) - 1;
    if (index < 0 || index >= count || scores[index] !== undefined) continue;
    scores[index] = next--;
  }
  return scores;
}

/**
 * A listwise LLM reranker: one chat call per query (temperature 0) through a model caller, so it is cached, retried
 * and rate-limited like every call; new cache entries go to `newEntries` when given (written with a result), else
 * the caller writes them itself.
 *
 * @example
 * const reranker = createLlmReranker(new ModelCaller(model, policy, store, true, true));
 * await reranker.rerank('Why bow in Japan?', texts) // [undefined, 5, 4, …]
 */
export function createLlmReranker(caller: ModelCaller, options: { maxTokens?: number; newEntries?: NewCacheEntry[] } = {}): Reranker {
  return {
    name: `llm:${caller.model.spec}`,
    async rerank(query, documents) {
      if (documents.length === 0) return [];
      const request: ModelRequest = {
        type: 'generate',
        messages: listwiseRerankMessages(query, documents),
        maxTokens: options.maxTokens ?? 200,
        temperature: 0,
      };
      const call = await caller.call(request, options.newEntries ?? []);
      if (call.outcome.type !== 'generate') throw new CulturekitError(`reranker ${caller.model.spec}: expected a chat answer`);
      return parseListwiseRanking(call.outcome.result.text, documents.length);
    },
  };
}

export interface EndpointRerankerOptions {
  /** Base URL of the server (`http://127.0.0.1:8000/v1`): requests go to `<url>/rerank`; a URL already ending in `/rerank` is used as is. */
  url: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
  /** Where answers are cached (the project's store): the same request is never sent twice. */
  cache?: CallCache;
}

/**
 * A reranker behind a `/v1/rerank` endpoint in the Cohere / Jina / vLLM shape: `{model, query, documents, top_n}` →
 * `{results: [{index, relevance_score}]}`. Answers are cached by request in `cache`.
 *
 * @example
 * const reranker = createEndpointReranker({ url: 'http://127.0.0.1:8000/v1', model: 'BAAI/bge-reranker-v2-m3', cache: store });
 */
export function createEndpointReranker(options: EndpointRerankerOptions): Reranker {
  const url = options.url.replace(/\/+$/, '').endsWith('/rerank') ? options.url.replace(/\/+$/, '') : `${options.url.replace(/\/+$/, '')}/rerank`;
  return {
    name: `endpoint:${options.model}@${url}`,
    async rerank(query, documents, callOptions = {}) {
      if (documents.length === 0) return [];
      const body = { model: options.model, query, documents, top_n: documents.length };
      const key = `rerank:${sha256Hex(canonicalJson({ url, ...body }))}`;
      const cached = options.cache?.getCached(key);
      const results = cached ? (JSON.parse(cached) as { index: number; relevance_score: number }[]) : await post(url, body, options, callOptions.signal);
      if (!cached) options.cache?.putCache(key, JSON.stringify(results));
      const scores: (number | undefined)[] = new Array(documents.length).fill(undefined);
      for (const { index, relevance_score: score } of results) if (index >= 0 && index < documents.length) scores[index] = score;
      return scores;
    },
  };
}

async function post(
  url: string,
  body: object,
  options: EndpointRerankerOptions,
  signal: AbortSignal | undefined,
): Promise<{ index: number; relevance_score: number }[]> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 60_000);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) },
      body: JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    throw new CulturekitError(`reranker ${url}: ${(error as Error).message}`, { cause: error });
  }
  const text = await response.text();
  if (!response.ok) throw new CulturekitError(`reranker ${url}: HTTP ${response.status}: ${text.slice(0, 300)}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputError(`reranker ${url}: the answer is not JSON: ${text.slice(0, 200)}`);
  }
  const results = (parsed as { results?: unknown }).results;
  if (!Array.isArray(results) || !results.every((entry) => typeof entry?.index === 'number' && typeof (entry.relevance_score ?? entry.score) === 'number')) {
    throw new InputError(`reranker ${url}: expected {results: [{index, relevance_score}]}, got ${text.slice(0, 200)}`);
  }
  return results.map((entry) => ({ index: entry.index, relevance_score: entry.relevance_score ?? entry.score }));
}
