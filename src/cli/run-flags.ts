import { Option, type Command } from 'commander';
import { InputError } from '../errors/culturekit-error.js';
import type { RunFlagLayer } from '../settings/run-settings.js';
import { parsePipelineSpec, type RetrievalOptions } from '../schema/retrieval-options.js';
import { RUN_DEFAULTS } from '../settings/run-defaults.js';
import { commaList, nonNegativeInteger, nonNegativeNumber, once, positiveInteger } from './cli-options.js';
import { addGateOptions, gateFlagLayer, type GateFlags } from './gate-options.js';

/** The flags of `eval`, `score` and `demo`, as commander parses them. */
export interface RunFlags extends GateFlags {
  dataset?: string;
  model?: string[];
  baseUrl?: string;
  config?: string;
  out?: string;
  db?: string;
  resume?: string;
  retryErrors?: boolean;
  allowErrors?: boolean;
  cache?: boolean;
  skipInvalid?: boolean;
  concurrency?: number;
  rpm?: number;
  timeout?: number;
  maxRetries?: number;
  kind?: string[];
  condition?: string[];
  mcqMethod?: 'letter' | 'loglik';
  shuffleChoices?: number | boolean;
  temperature?: number;
  maxTokens?: number;
  limit?: number;
  stream?: boolean;
  threads?: number;
  quiet?: boolean;
  judge?: string[];
  judgeBaseUrl?: string;
  extractor?: string;
  kb?: string;
  groundingK?: number;
  retriever?: string;
  rerankModel?: string;
  rerankUrl?: string;
  maxCost?: number;
  fixedConcurrency?: boolean;
  /** `eval` only: run on queue workers, one share of the plan. */
  queue?: string;
  batchSize?: number;
  shard?: string;
}

/** Adds the options shared by `eval`, `score` and `demo`. */
export function addRunOptions(command: Command): Command {
  addGateOptions(command)
    .option(
      '--max-cost <usd>',
      'stop starting new items once this invocation has spent this many US dollars (prices from the config); resumable',
      positiveNumber,
    )
    .option('--fixed-concurrency', 'keep --concurrency fixed instead of adapting it to 429s and rising latency');
  return command
    .option(
      '--out <dir>',
      'folder for manifest.json, results.jsonl and summary.json (default runs/<run id>); rerunning with the same folder resumes',
      once('--out'),
    )
    .option('--db <path>', `SQLite store for the cache and all runs (default ${RUN_DEFAULTS.db})`, once('--db'))
    .option('--resume <run-id>', 'continue a run from the store: only what is missing is done', once('--resume'))
    .option('--retry-errors', 're-ask only the items that ended in error')
    .option('--allow-errors', 'exit 0 even when some items ended in error (default: exit code 3, so a CI job fails)')
    .option('--no-cache', 'do not read cached model calls (results are still cached)')
    .option('--skip-invalid', 'load a dataset without its invalid records (counted) instead of rejecting it')
    .option('--concurrency <n>', `requests in flight per model and judge (default ${RUN_DEFAULTS.concurrency})`, positiveInteger('--concurrency'))
    .option('--rpm <n>', 'requests-per-minute limit per model and judge', positiveInteger('--rpm'))
    .option('--timeout <ms>', `timeout of one model call in milliseconds (default ${RUN_DEFAULTS.timeoutMs})`, positiveInteger('--timeout'))
    .option('--max-retries <n>', `retries of a failed call that may succeed later (default ${RUN_DEFAULTS.maxRetries})`, nonNegativeInteger('--max-retries'))
    .option('--kind <kinds>', 'item kinds to evaluate: knowledge,safety,capability (default all)', commaList)
    .option('--condition <conditions>', 'eval conditions: plain,recall,retrieved,oracle (default plain)', commaList)
    .option('--kb <dataset>', "cultural descriptions for the retrieved condition (default: the dataset's own descriptions)", once('--kb'))
    .option('--grounding-k <n>', 'descriptions retrieved per item for the retrieved condition (default 3)', positiveInteger('--grounding-k'))
    .option(
      '--retriever <pipeline>',
      'retrieval for the retrieved condition: bm25, bm25f (default), dense, hybrid, then +boost, +rewrite, +rerank',
      once('--retriever'),
    )
    .option(
      '--rerank-model <spec>',
      'the reranker of +rerank: an LLM spec (openai:…), or with --rerank-url the model name of a /v1/rerank endpoint',
      once('--rerank-model'),
    )
    .option('--rerank-url <url>', 'a /v1/rerank endpoint (Cohere, Jina, vLLM shape) for +rerank, or the base URL of the reranking LLM', once('--rerank-url'))
    .addOption(new Option('--mcq-method <method>', 'multiple choice by generated letter or by log-likelihood of each option').choices(['letter', 'loglik']))
    .option('--shuffle-choices [seed]', "shuffle each item's options with a seed (default seed 1) to expose position bias", (value: string) => {
      const seed = Number(value);
      if (!Number.isInteger(seed)) throw new InputError(`--shuffle-choices: the seed must be a whole number, got "${value}"`);
      return seed;
    })
    .option('--temperature <t>', `sampling temperature (default ${RUN_DEFAULTS.options.temperature})`, nonNegativeNumber('--temperature'))
    .option('--max-tokens <n>', `most tokens per reply (default ${RUN_DEFAULTS.options.maxTokens})`, positiveInteger('--max-tokens'))
    .option('--limit <n>', 'evaluate only the first n selected items', positiveInteger('--limit'))
    .option('--stream', 'use streaming chat completions')
    .option('--threads <n>', 'CPU threads for in-process GGUF models (default: the cores but one)', positiveInteger('--threads'))
    .option('--quiet', 'no progress line')
    .option(
      '--extractor <spec>',
      'model that reads the chosen option from replies the extraction rules cannot read (e.g. openai:gpt-4o-mini); recorded per item',
    );
}

/** The flags as the settings layer with the highest precedence. */
export function runFlagLayer(flags: RunFlags): RunFlagLayer {
  return {
    dataset: flags.dataset,
    models: flags.model?.map((spec) => ({ spec })),
    baseUrl: flags.baseUrl,
    judges: flags.judge?.map((spec) => ({ spec })),
    judgeBaseUrl: flags.judgeBaseUrl,
    extractor: flags.extractor ? { spec: flags.extractor } : undefined,
    db: flags.db,
    out: flags.out,
    resume: flags.resume,
    retryErrors: flags.retryErrors,
    allowErrors: flags.allowErrors,
    useCache: flags.cache,
    skipInvalid: flags.skipInvalid,
    stream: flags.stream,
    quiet: flags.quiet,
    concurrency: flags.concurrency,
    requestsPerMinute: flags.rpm,
    timeoutMs: flags.timeout,
    maxRetries: flags.maxRetries,
    threads: flags.threads,
    adaptiveConcurrency: flags.fixedConcurrency ? false : undefined,
    gate: gateFlagLayer(flags),
    maxCost: flags.maxCost,
    queue: flags.queue,
    batchSize: flags.batchSize,
    shard: flags.shard,
    options: {
      kinds: flags.kind,
      conditions: flags.condition,
      groundingK: flags.groundingK,
      knowledgeBase: flags.kb,
      retrieval: retrievalFlags(flags),
      mcqMethod: flags.mcqMethod,
      shuffleSeed: flags.shuffleChoices === undefined ? undefined : flags.shuffleChoices === true ? 1 : (flags.shuffleChoices as number),
      temperature: flags.temperature,
      maxTokens: flags.maxTokens,
      limit: flags.limit,
    },
  };
}

function positiveNumber(value: string): number {
  const parsed = Number(value);
  if (!(Number.isFinite(parsed) && parsed > 0)) throw new InputError(`--max-cost: expected a positive number of US dollars, got "${value}"`);
  return parsed;
}

/** `--retriever`, `--rerank-model`, `--rerank-url` as run options (a rerank model without `provider:` and a URL: an endpoint). */
function retrievalFlags(flags: RunFlags): RetrievalOptions | undefined {
  if (!flags.retriever && !flags.rerankModel && !flags.rerankUrl) return undefined;
  const endpoint = flags.rerankUrl !== undefined && flags.rerankModel !== undefined && !flags.rerankModel.includes(':');
  return {
    ...(flags.retriever ? parsePipelineSpec(flags.retriever, endpoint ? 'endpoint' : 'llm') : {}),
    ...(flags.rerankModel ? { rerankModel: flags.rerankModel } : {}),
    ...(flags.rerankUrl ? { rerankUrl: flags.rerankUrl } : {}),
  };
}
