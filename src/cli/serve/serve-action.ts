import { readFileSync } from 'node:fs';
import { loadDataset } from '../../benchmarks/load-dataset.js';
import { InputError } from '../../errors/culturekit-error.js';
import { startGateway, groundingModes, type GroundingMode } from '../../grounding/gateway/gateway.js';
import { checkGroundingTemplate } from '../../grounding/grounded-prompts.js';
import { buildKnowledgeBase } from '../../grounding/knowledge-base.js';
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
  upstreamApiKey?: string;
  k: number;
  mode: GroundingMode;
  template?: string;
  templateFile?: string;
  timeout: number;
  db: string;
  embeddingsModel?: string;
  embeddingsUrl?: string;
  skipInvalid?: boolean;
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
  const apiKey = flags.apiKey ?? (process.env.CULTUREKIT_GATEWAY_API_KEY || undefined);
  const upstreamApiKey = flags.upstreamApiKey ?? (process.env.CULTUREKIT_UPSTREAM_API_KEY || undefined);
  let embeddings: LanguageModel | undefined;
  if (flags.embeddingsModel) {
    embeddings = createOpenAICompatibleModel(parseModelSpec(`openai:${flags.embeddingsModel}`), {
      baseUrl: flags.embeddingsUrl ?? flags.upstream,
      apiKey: upstreamApiKey,
      timeoutMs: flags.timeout,
    });
  }
  const knowledgeBase = await buildKnowledgeBase(dataset.descriptions, { embeddings, dbPath: flags.db });
  const gateway = await startGateway({
    upstream: flags.upstream,
    knowledgeBase,
    apiKey,
    upstreamApiKey,
    k: flags.k,
    mode: flags.mode,
    template,
    timeoutMs: flags.timeout,
    port: flags.port,
    host: flags.host,
    onWarning: (message) => process.stderr.write(`culturekit: ${message}\n`),
  });
  if (!LOOPBACK.has(flags.host) && !apiKey) {
    process.stderr.write(`culturekit: warning: listening on ${flags.host} without --api-key: anyone who can reach this address can use the upstream\n`);
  }
  process.stderr.write(
    `culturekit gateway: ${knowledgeBase.size} descriptions from ${flags.kb}${knowledgeBase.hasEmbeddings ? ' (BM25 + embeddings)' : ''}, ` +
      `grounding ${flags.mode} with k=${flags.k} → ${flags.upstream}\n`,
  );
  process.stdout.write(`listening ${gateway.url}\n`);
  await waitForShutdownSignal();
  await gateway.close();
  await embeddings?.close();
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
