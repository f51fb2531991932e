import { Command } from 'commander';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import type { RetrievalFlags } from './retrieval-action.js';

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').filter(Boolean)];

/** `culturekit retrieval`: recall@1/3/10 and MRR of the retrieval pipelines over items paired with their description. */
export function createRetrievalCommand(): Command {
  return new Command('retrieval')
    .description(
      'measure retrieval: how often each item’s own description (descriptionId) is retrieved — recall@1/3/10 and MRR, per kind, language and country',
    )
    .requiredOption('--dataset <ref>', 'items with descriptionId (and their descriptions): a file, <benchmark>:<path>, or builtin:sample')
    .option('--kb <ref>', "descriptions to search (default: the dataset's own)")
    .option('--kb-language <lang>', 'search only descriptions in this language; an item paired with a translation (`<id>-<lang>`) counts its source `<id>`')
    .option(
      '--retriever <list>',
      `pipelines to compare, comma-separated: a first stage (bm25, bm25f, dense, hybrid) with +boost, +unweighted, +rewrite, +rerank (default ${RUN_DEFAULTS.retrieval.firstStage}; request weights cross-fitted: counted over the requests about other descriptions)`,
      collect,
    )
    .option('--candidates <n>', `descriptions the first stage hands to rewriting and reranking (default ${RUN_DEFAULTS.retrieval.candidates})`, Number)
    .option('--rerank-model <spec>', 'the reranker of +rerank: an LLM spec (openai:…, listwise), or with --rerank-url the model name of a /v1/rerank endpoint')
    .option('--rerank-url <url>', 'a /v1/rerank endpoint (Cohere, Jina, vLLM shape) for +rerank, or the base URL of the reranking LLM')
    .option('--rewrite-model <spec>', "the model whose recall of the request is searched too, for +rewrite (the `recall` condition's prompt)")
    .option('--embeddings-model <name>', 'embeddings model (OpenAI /v1/embeddings) for dense and hybrid')
    .option('--embeddings-url <url>', 'base URL of the embeddings server (default: --base-url)')
    .option('--base-url <url>', 'base URL of openai: models (default $OPENAI_BASE_URL)')
    .option('--api-key-file <file>', 'API key of the servers (first line; default $OPENAI_API_KEY)')
    .option('--kind <kind>', 'only items of this kind (knowledge, safety)')
    .option('--filter-country', "also restrict retrieval to the item's country (as if the user had said it)")
    .option('--limit <n>', 'only the first n items', Number)
    .option('--by <groups>', 'breakdowns to print: kind, language, country (comma-separated; default kind,language)', 'kind,language')
    .option('--db <path>', `SQLite store for the index, embeddings and the model calls' cache (default ${RUN_DEFAULTS.db})`, RUN_DEFAULTS.db)
    .option('--no-cache', 'call the models again instead of reading their cached answers')
    .option('--json', 'print the figures as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  culturekit retrieval --dataset builtin:sample --retriever bm25,bm25f\n' +
        '  culturekit retrieval --dataset builtin:sample --kb-language en --retriever bm25f,bm25f+rewrite --rewrite-model openai:qwen2.5-7b-instruct\n' +
        '  culturekit retrieval --dataset data.jsonl --retriever bm25f+rerank --rerank-url http://127.0.0.1:8001/v1 --rerank-model bge-reranker-v2-m3',
    )
    .action(async (flags: RetrievalFlags) => (await import('./retrieval-action.js')).runRetrievalCommand(flags));
}
