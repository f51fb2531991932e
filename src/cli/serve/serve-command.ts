import { Command } from 'commander';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { collect, nonNegativeInteger, positiveInteger } from '../cli-options.js';
import type { ServeFlags } from './serve-action.js';

/** `culturekit serve`: its options; the gateway is loaded when it runs. */
export function createServeCommand(): Command {
  return new Command('serve')
    .description('run an OpenAI-compatible gateway that grounds every chat request in cultural knowledge before passing it to a model server')
    .requiredOption('--upstream <url>', 'base URL of the OpenAI-compatible model server, with /v1 (e.g. http://127.0.0.1:8000/v1)')
    .requiredOption('--kb <dataset>', 'cultural descriptions to ground in: builtin:sample, or a .jsonl/.json/.csv/.parquet file with descriptions')
    .option('--port <n>', 'port to listen on (0: any free port)', nonNegativeInteger('--port'), 8787)
    .option('--host <host>', 'address to listen on; the default only accepts connections from this machine', '127.0.0.1')
    .option(
      '--api-key <key>',
      'require clients to send Authorization: Bearer <key> (default $CULTUREKIT_GATEWAY_API_KEY; visible in ps: prefer --api-key-file)',
    )
    .option('--api-key-file <path>', 'read --api-key from the first line of a file')
    .option('--upstream-api-key-file <path>', 'read --upstream-api-key from the first line of a file')
    .option(
      '--cors <origin>',
      'let web pages of this origin call the gateway (repeatable); default: requests from web pages of other origins are refused',
      collect,
    )
    .option(
      '--upstream-api-key <key>',
      "API key sent to the upstream (default $CULTUREKIT_UPSTREAM_API_KEY; else the client's Authorization is passed through when --api-key is not set)",
    )
    .option('--k <n>', 'descriptions given per request', positiveInteger('--k'), 3)
    .option('--mode <mode>', 'default grounding: retrieved or off; a request may choose with the x-culturekit-grounding header', 'retrieved')
    .option('--template <id>', 'grounding template: grounding-retrieved@1 (before the user turn) or grounding-retrieved-system@1 (system message)')
    .option('--template-file <path>', 'a template of your own: text with {{knowledge}} and {{request}} (without {{request}} it goes in the system message)')
    .option('--timeout <ms>', 'longest wait for the upstream to start answering, and longest silence in a stream', positiveInteger('--timeout'), 600_000)
    .option('--db <path>', `SQLite store where the search index and embeddings are kept (default ${RUN_DEFAULTS.db})`, RUN_DEFAULTS.db)
    .option('--embeddings-model <name>', 'also retrieve by embeddings from this model (OpenAI /v1/embeddings), fused with BM25')
    .option('--embeddings-url <url>', 'base URL of the embeddings server (default: --upstream)')
    .option('--retriever <pipeline>', 'how descriptions are found: bm25, bm25f (default), dense, hybrid (default with embeddings), then +boost, +rerank')
    .option('--rerank-model <spec>', 'the reranker of +rerank: an LLM spec (openai:…), or with --rerank-url the model name of a /v1/rerank endpoint')
    .option('--rerank-url <url>', 'a /v1/rerank endpoint for +rerank, or the base URL of the reranking LLM (default: --upstream)')
    .option('--skip-invalid', 'load the knowledge base without its invalid records instead of rejecting it')
    .action(async (flags: ServeFlags) => (await import('./serve-action.js')).runServeCommand(flags));
}
