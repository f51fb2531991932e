import { z } from 'zod';
import { itemKinds } from './item.js';
import { modelPriceSchema } from './price.js';
import { retrievalOptionsSchema } from './retrieval-options.js';

/** How a model is called: requests in flight, rate, timeout, retries, CPU threads (per model, or for all in a config file). */
export const callPolicySchema = z.object({
  concurrency: z.number().int().positive().optional(),
  requestsPerMinute: z.number().positive().optional(),
  timeoutMs: z.number().int().positive().optional(),
  maxRetries: z.number().int().nonnegative().optional(),
  /** CPU threads of an in-process `llama:` model (also `?threads=` on the spec). */
  threads: z.number().int().positive().optional(),
  /** Adapt the concurrency to 429s and rising latency (AIMD), between 1 and `concurrency`. Default true. */
  adaptiveConcurrency: z.boolean().optional(),
});

export const modelEntrySchema = z.object({
  /** The spec as given: `openai:qwen2.5-7b-instruct`, `llama:./model.gguf?lora=a.gguf&scale=1`. */
  spec: z.string().min(1),
  baseUrl: z.string().optional(),
  ...callPolicySchema.shape,
});
export type ModelEntry = z.infer<typeof modelEntrySchema>;

export const mcqMethods = ['letter', 'loglik'] as const;
export type McqMethod = (typeof mcqMethods)[number];

/**
 * Eval conditions:
 * - `plain` — the query alone;
 * - `recall` — the model first states the cultural knowledge it thinks relevant, then answers with it (two calls, both stored);
 * - `retrieved` — descriptions retrieved from the knowledge base are given with an instruction to respect them;
 * - `oracle` — the item's own paired description is given (an upper bound).
 */
export const evalConditions = ['plain', 'recall', 'retrieved', 'oracle'] as const;
export type EvalCondition = (typeof evalConditions)[number];

/** Everything that determines a run's results; two runs with the same manifest options give the same items. */
export const runOptionsSchema = z.object({
  conditions: z.array(z.enum(evalConditions)).min(1),
  kinds: z.array(z.enum(itemKinds)).min(1),
  mcqMethod: z.enum(mcqMethods),
  shuffleSeed: z.number().int().nullable(),
  temperature: z.number().min(0),
  maxTokens: z.number().int().positive(),
  limit: z.number().int().positive().nullable(),
  /** Descriptions retrieved for the `retrieved` condition. */
  groundingK: z.number().int().positive().optional(),
  /** Where the knowledge base comes from for `retrieved` (a dataset ref); default: the evaluated dataset's descriptions. */
  knowledgeBase: z.string().nullable().optional(),
  /** How `retrieved` finds descriptions (first stage, rewriting, reranking); defaults in settings/run-defaults.ts. */
  retrieval: retrievalOptionsSchema.optional(),
});
export type RunOptions = z.infer<typeof runOptionsSchema>;

export const runManifestSchema = z.object({
  id: z.string().min(1),
  createdAt: z.string(),
  toolVersion: z.string(),
  dataset: z.object({
    ref: z.string(),
    hash: z.string(),
    items: z.number().int().nonnegative(),
    skippedInvalid: z.number().int().nonnegative(),
  }),
  models: z.array(modelEntrySchema).min(1),
  /** Judge models (a panel when several) that score open responses with rubrics. */
  judges: z.array(modelEntrySchema).optional(),
  /** The model that reads the chosen option from replies the extraction rules cannot read (`--extractor`). */
  extractor: modelEntrySchema.optional(),
  options: runOptionsSchema,
  /** US dollars per million input/output tokens per model spec (the config's `prices`), so reports can show what the run cost. */
  prices: z.record(z.string().min(1), modelPriceSchema).optional(),
  /** Hash of (dataset hash, models, options): a resume must match it. */
  planHash: z.string(),
  /** This run does one share of the plan (`--shard index/count`: the items whose position modulo count is index); `culturekit merge` joins the shares. */
  shard: z.object({ index: z.number().int().nonnegative(), count: z.number().int().positive() }).optional(),
  /** A warning every report of the run shows first, e.g. the demo's "these scores are meaningless". Not part of the plan. */
  notice: z.string().optional(),
});
export type RunManifest = z.infer<typeof runManifestSchema>;
