import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { loadDataset } from '../../benchmarks/load-dataset.js';
import { InputError } from '../../errors/culturekit-error.js';
import { startGateway, groundingModes, type GroundingMode } from '../../grounding/gateway/gateway.js';
import { checkGroundingTemplate } from '../../grounding/grounded-prompts.js';
import { buildKnowledgeBase } from '../../grounding/knowledge-base.js';
import type { LanguageModel } from '../../models/language-model.js';
import { parseModelSpec } from '../../models/model-spec.js';
import { createOpenAICompatibleModel } from '../../models/openai/openai-compatible-model.js';
import { nonNegativeInteger, positiveInteger } from '../cli-options.js';
import { DEFAULT_DB } from '../eval/eval-command.js';
import { waitForShutdownSignal } from '../wait-for-shutdown.js';

interface ServeFlags {
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

export function createServeCommand(): Command {
  return new Command('serve')
    .description('run an OpenAI-compatible gateway that grounds every chat request in cultural knowledge before passing it to a model server')
    .requiredOption('--upstream <url>', 'base URL of the OpenAI-compatible model server, with /v1 (e.g. http://127.0.0.1:8000/v1)')
    .requiredOption('--kb <dataset>', 'cultural descriptions to ground in: builtin:sample, or a .jsonl/.json/.csv/.parquet file with descriptions')
    .option('--port <n>', 'port to listen on (0: any free port)', nonNegativeInteger('--port'), 8787)
    .option('--host <host>', 'address to listen on; the default only accepts connections from this machine', '127.0.0.1')
    .option('--api-key <key>', 'require clients to send Authorization: Bearer <key> (default $CULTUREKIT_GATEWAY_API_KEY)')
    .option('--upstream-api-key <key>', "API key sent to the upstream (default $CULTUREKIT_UPSTREAM_API_KEY; else the client's Authorization is passed through when --api-key is not set)")
    .option('--k <n>', 'descriptions given per request', positiveInteger('--k'), 3)
    .addOption(new Option('--mode <mode>', 'default grounding; a request may choose with the x-culturekit-grounding header').choices(groundingModes).default('retrieved'))
    .option('--template <id>', 'grounding template: grounding-retrieved@1 (before the user turn) or grounding-retrieved-system@1 (system message)')
    .option('--template-file <path>', 'a template of your own: text with {{knowledge}} and {{request}} (without {{request}} it goes in the system message)')
    .option('--timeout <ms>', 'longest wait for the upstream to start answering, and longest silence in a stream', positiveInteger('--timeout'), 600_000)
    .option('--db <path>', `SQLite store where the search index and embeddings are kept (default ${DEFAULT_DB})`, DEFAULT_DB)
    .option('--embeddings-model <name>', 'also retrieve by embeddings from this model (OpenAI /v1/embeddings), fused with BM25')
    .option('--embeddings-url <url>', 'base URL of the embeddings server (default: --upstream)')
    .option('--skip-invalid', 'load the knowledge base without its invalid records instead of rejecting it')
    .action(async (flags: ServeFlags) => {
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
    });
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
