import { z } from 'zod';
import { InputError } from '../errors/culturekit-error.js';

/** First stages of retrieval: lexical (`bm25`, `bm25f`), `dense` (embeddings alone), `hybrid` (BM25F and embeddings fused by RRF). */
export const FIRST_STAGES = ['bm25', 'bm25f', 'dense', 'hybrid'] as const;
/** Second stages: none, a listwise LLM, or a `/v1/rerank` endpoint. */
export const RERANK_MODES = ['none', 'llm', 'endpoint'] as const;

/**
 * How the `retrieved` condition (and the gateway) find descriptions; every field optional, the rest from the defaults
 * (`settings/run-defaults.ts`). Part of a run's options: it decides what the model is given.
 */
export const retrievalOptionsSchema = z
  .object({
    firstStage: z.enum(FIRST_STAGES),
    /** A country named in the request: its descriptions searched first (`filter`) or weighted up (`boost`). */
    countryMode: z.enum(['filter', 'boost']),
    /** Descriptions the first stage hands to query rewriting and reranking. */
    candidates: z.number().int().min(1).max(200),
    rerank: z.enum(RERANK_MODES),
    /** Words common to many requests count less in the lexical first stage (`grounding/request-weights.ts`). */
    requestWeights: z.boolean(),
    /** Also search what the model recalls about the request (the `recall` condition's text), fused by RRF. */
    rewrite: z.boolean(),
    /** `llm`: the reranking model's spec (`openai:…`); `endpoint`: the model name sent to the endpoint. */
    rerankModel: z.string().min(1),
    /** `llm`: the base URL of the reranking model's server; `endpoint`: the `/v1/rerank` server's base URL. */
    rerankUrl: z.string().url(),
  })
  .partial()
  .strict();
export type RetrievalOptions = z.infer<typeof retrievalOptionsSchema>;

/** Retrieval options with every choice decided (`resolveRetrievalSettings` in settings/run-settings.ts). */
export type RetrievalSettings = Required<Pick<RetrievalOptions, 'firstStage' | 'countryMode' | 'candidates' | 'rerank' | 'rewrite' | 'requestWeights'>> &
  Pick<RetrievalOptions, 'rerankModel' | 'rerankUrl'>;

/**
 * Reads a pipeline name as `--retriever` takes it: a first stage, then `+boost` (country boost instead of filter),
 * `+unweighted` (every query word counts fully, no request weights), `+rewrite`, `+rerank` (`+rerank=llm` / `+rerank=endpoint`; plain `+rerank` takes `defaultRerank`). What the name
 * does not say is left to the settings' merge.
 *
 * @example
 * parsePipelineSpec('bm25f+rewrite+rerank') // { firstStage: 'bm25f', rewrite: true, rerank: 'llm' }
 */
export function parsePipelineSpec(spec: string, defaultRerank: 'llm' | 'endpoint' = 'llm'): RetrievalOptions {
  const [first, ...modifiers] = spec.trim().split('+');
  if (!(FIRST_STAGES as readonly string[]).includes(first))
    throw new InputError(`--retriever ${spec}: the first stage must be one of ${FIRST_STAGES.join(', ')}`);
  const options: RetrievalOptions = { firstStage: first as RetrievalSettings['firstStage'], rewrite: false, rerank: 'none' };
  for (const modifier of modifiers) {
    const [name, value] = modifier.split('=');
    if (name === 'boost') options.countryMode = 'boost';
    else if (name === 'filter') options.countryMode = 'filter';
    else if (name === 'rewrite') options.rewrite = true;
    else if (name === 'unweighted') options.requestWeights = false;
    else if (name === 'rerank') {
      const mode = value ?? defaultRerank;
      if (!(RERANK_MODES as readonly string[]).includes(mode) || mode === 'none') throw new InputError(`--retriever ${spec}: rerank must be llm or endpoint`);
      options.rerank = mode as RetrievalSettings['rerank'];
    } else throw new InputError(`--retriever ${spec}: unknown step "${modifier}" (expected boost, filter, unweighted, rewrite or rerank)`);
  }
  return options;
}
