import { readFileSync } from 'node:fs';
import { loadDataset } from '../../benchmarks/load-dataset.js';
import { InputError } from '../../errors/culturekit-error.js';
import { startGateway, groundingModes, type GroundingMode } from '../../grounding/gateway/gateway.js';
import { checkGroundingTemplate } from '../../grounding/grounded-prompts.js';
import { buildKnowledgeBase, type KnowledgeBase } from '../../grounding/knowledge-base.js';
import { descriptionQuestions } from '../../grounding/description-questions.js';
import { rerankerFromSettings } from '../../grounding/reranker-from-settings.js';
import { createRetrievalPipeline, parsePipelineSpec, type RetrievalPipeline } from '../../grounding/retrieval-pipeline.js';
import { type RequestCounter, requestWeights } from '../../grounding/request-weights.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { resolveRetrievalSettings } from '../../settings/run-settings.js';
import type { LanguageModel } from '../../models/language-model.js';
import { parseModelSpec } from '../../models/model-spec.js';
import { createOpenAICompatibleModel } from '../../models/openai/openai-compatible-model.js';
import { waitForShutdownSignal } from '../wait-for-shutdown.js';

export interface ServeFlags {
  upstream: string;
  kb: string;
  port: number;
  host: string;
  apiKey?: string;
  apiKeyFile?: string;
  upstreamApiKey?: string;
  upstreamApiKeyFile?: string;
  cors?: string[];
  k: number;
  mode: GroundingMode;
  template?: string;
  templateFile?: string;
  timeout: number;
  db: string;
  embeddingsModel?: string;
  embeddingsUrl?: string;
  skipInvalid?: boolean;
  retriever?: string;
  rerankModel?: string;
  rerankUrl?: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Runs `culturekit serve` until Ctrl-C. */
export async function runServeCommand(flags: ServeFlags): Promise<void> {
  if (!(groundingModes as readonly string[]).includes(flags.mode))
    throw new InputError(`--mode: expected one of ${groundingModes.join(', ')}, got "${flags.mode}"`);
  const template = templateOf(flags);
  const dataset = await loadDataset(flags.kb, { skipInvalid: flags.skipInvalid, onWarning: (message) => process.stderr.write(`culturekit: ${message}\n`) });
  if (dataset.descriptions.length === 0) {
    throw new InputError(`--kb ${flags.kb} has no cultural descriptions (records with country, topic, language and text) to ground in`);
  }
  const apiKey = secret('--api-key', flags.apiKey, flags.apiKeyFile, 'CULTUREKIT_GATEWAY_API_KEY');
  const upstreamApiKey = secret('--upstream-api-key', flags.upstreamApiKey, flags.upstreamApiKeyFile, 'CULTUREKIT_UPSTREAM_API_KEY');
  const cors = (flags.cors ?? []).map(corsOrigin);
  let embeddings: LanguageModel | undefined;
  if (flags.embeddingsModel) {
    embeddings = createOpenAICompatibleModel(parseModelSpec(`openai:${flags.embeddingsModel}`), {
      baseUrl: flags.embeddingsUrl ?? flags.upstream,
      apiKey: upstreamApiKey,
      timeoutMs: flags.timeout,
    });
  }
  const knowledgeBase = await buildKnowledgeBase(dataset.descriptions, { embeddings, dbPath: flags.db, questions: descriptionQuestions(dataset.items) });
  // Request weights start from the knowledge base dataset's own requests (if it has items) and count each one served.
  const requestCounter = requestWeights(dataset.items);
  const retrieval = await gatewayPipeline(flags, knowledgeBase, upstreamApiKey, requestCounter);
  const gateway = await startGateway({
    upstream: flags.upstream,
    knowledgeBase,
    pipeline: retrieval.pipeline,
    requestCounter,
    apiKey,
    upstreamApiKey,
    k: flags.k,
    mode: flags.mode,
    template,
    timeoutMs: flags.timeout,
    port: flags.port,
    host: flags.host,
    cors,
    onWarning: (message) => process.stderr.write(`culturekit: ${message}\n`),
  });
  if (!LOOPBACK.has(flags.host) && !apiKey) {
    process.stderr.write(`culturekit: warning: listening on ${flags.host} without --api-key: anyone who can reach this address can use the upstream\n`);
  }
  process.stderr.write(
    `culturekit gateway: ${knowledgeBase.size} descriptions from ${flags.kb}${knowledgeBase.hasEmbeddings ? ' (BM25 + embeddings)' : ''}, ` +
      `grounding ${flags.mode} with k=${flags.k} → ${flags.upstream}, retrieval ${retrieval.pipeline.name}\n`,
  );
  process.stdout.write(`listening ${gateway.url}\n`);
  await waitForShutdownSignal();
  await gateway.close();
  await embeddings?.close();
  await retrieval.close();
}

/** The retrieval pipeline of `--retriever` (default BM25F, hybrid with embeddings) and its reranker; reranker calls cached in `--db`. */
async function gatewayPipeline(
  flags: ServeFlags,
  knowledgeBase: KnowledgeBase,
  apiKey: string | undefined,
  requestCounter: RequestCounter,
): Promise<{ pipeline: RetrievalPipeline; close(): Promise<void> }> {
  const endpoint = flags.rerankUrl !== undefined && flags.rerankModel !== undefined && !flags.rerankModel.includes(':');
  const spec = flags.retriever ?? (knowledgeBase.hasEmbeddings ? 'hybrid' : RUN_DEFAULTS.retrieval.firstStage);
  const settings = resolveRetrievalSettings({
    ...parsePipelineSpec(spec, endpoint ? 'endpoint' : 'llm'),
    rerankModel: flags.rerankModel,
    rerankUrl: flags.rerankUrl,
  });
  if (settings.rewrite) throw new InputError('--retriever: +rewrite is for evaluation runs (the evaluated model recalls); the gateway does not rewrite');
  const parts = await rerankerFromSettings(settings, {
    dbPath: flags.db,
    apiKey,
    baseUrl: flags.upstream,
    timeoutMs: flags.timeout,
    policy: { concurrency: RUN_DEFAULTS.concurrency, maxRetries: RUN_DEFAULTS.maxRetries },
  });
  return { pipeline: createRetrievalPipeline(knowledgeBase, settings, { reranker: parts.reranker, requestWeights: requestCounter }), close: parts.close };
}

/**
 * A key from its flag, its file (`--api-key-file`: the first line, so it stays out of `ps` and the shell history) or its
 * environment variable. A key typed on the command line is visible to every user of the machine: warned about.
 */
function secret(flag: string, value: string | undefined, file: string | undefined, variable: string): string | undefined {
  if (value !== undefined && file !== undefined) throw new InputError(`give ${flag} or ${flag}-file, not both`);
  if (value !== undefined) {
    process.stderr.write(`culturekit: warning: ${flag} on the command line is visible to other users (ps): prefer ${flag}-file or $${variable}\n`);
    return value;
  }
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new InputError(`${flag}-file ${file}: ${(error as Error).message}`, { cause: error });
    }
    const key = text.split(/\r?\n/)[0].trim();
    if (!key) throw new InputError(`${flag}-file ${file}: the file is empty (its first line is the key)`);
    return key;
  }
  return process.env[variable] || undefined;
}

/** A `--cors` origin: scheme, host and port only (`https://app.example.com`), as browsers send it in `Origin`. */
function corsOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(`--cors: "${value}" is not an origin (expected e.g. https://app.example.com)`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== value.replace(/\/+$/, '')) {
    throw new InputError(
      `--cors: "${value}" is not an origin: give scheme, host and port only (e.g. ${url.origin === 'null' ? 'https://app.example.com' : url.origin})`,
    );
  }
  return url.origin;
}

function templateOf(flags: ServeFlags): string | undefined {
  if (flags.template && flags.templateFile) throw new InputError('give --template or --template-file, not both');
  let template = flags.template;
  if (flags.templateFile) {
    try {
      template = readFileSync(flags.templateFile, 'utf8');
    } catch (error) {
      throw new InputError(`--template-file ${flags.templateFile}: ${(error as Error).message}`, { cause: error });
    }
  }
  if (template !== undefined) checkGroundingTemplate(template);
  return template;
}
