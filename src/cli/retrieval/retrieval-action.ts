import { readFileSync } from 'node:fs';
import { loadDataset } from '../../benchmarks/load-dataset.js';
import { InputError } from '../../errors/culturekit-error.js';
import { recallMessages } from '../../grounding/grounded-prompts.js';
import { buildKnowledgeBase } from '../../grounding/knowledge-base.js';
import { descriptionQuestions, expandsQuestions } from '../../grounding/description-questions.js';
import { rerankerFromSettings } from '../../grounding/reranker-from-settings.js';
import { createRetrievalPipeline, parsePipelineSpec, type QueryRewriter } from '../../grounding/retrieval-pipeline.js';
import {
  crossFittedRequestWeights,
  evaluateRetrieval,
  pairWithKnowledgeBase,
  percentileOf,
  RECALL_CUTOFFS,
  type RetrievalEvaluation,
  type RetrievalMetrics,
  retrievalQueries,
} from '../../grounding/retrieval-metrics.js';
import { createLanguageModel } from '../../models/create-language-model.js';
import type { LanguageModel } from '../../models/language-model.js';
import { ModelCaller } from '../../models/model-caller.js';
import { openStore, type Store } from '../../store/open-store.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { resolveRetrievalSettings } from '../../settings/run-settings.js';
import { formatTable } from '../format-table.js';

export interface RetrievalFlags {
  dataset: string;
  kb?: string;
  kbLanguage?: string;
  retriever?: string[];
  candidates?: number;
  rerankModel?: string;
  rerankUrl?: string;
  rewriteModel?: string;
  embeddingsModel?: string;
  embeddingsUrl?: string;
  baseUrl?: string;
  apiKeyFile?: string;
  kind?: string;
  filterCountry?: boolean;
  limit?: number;
  by: string;
  db: string;
  cache: boolean;
  json?: boolean;
}

/** Runs `culturekit retrieval`: each pipeline over every paired item, then the table (or JSON). */
export async function runRetrievalCommand(flags: RetrievalFlags): Promise<void> {
  const warn = (message: string) => process.stderr.write(`culturekit: ${message}\n`);
  const dataset = await loadDataset(flags.dataset, { onWarning: warn });
  const kbSource = flags.kb ? await loadDataset(flags.kb, { onWarning: warn }) : dataset;
  const descriptions = flags.kbLanguage
    ? kbSource.descriptions.filter((description) => description.language.split('-')[0] === flags.kbLanguage)
    : kbSource.descriptions;
  if (descriptions.length === 0)
    throw new InputError(`--kb ${flags.kb ?? flags.dataset}: no descriptions${flags.kbLanguage ? ` in ${flags.kbLanguage}` : ''} to search`);
  const paired = pairWithKnowledgeBase(retrievalQueries(dataset.items), new Set(descriptions.map((description) => description.id)));
  // Request weights are counted over the requests about other descriptions (never the query's own text).
  const weightsOf = crossFittedRequestWeights(paired);
  let queries = paired.filter((query) => !flags.kind || query.kind === flags.kind);
  if (flags.limit) queries = queries.slice(0, flags.limit);
  if (queries.length === 0) throw new InputError(`--dataset ${flags.dataset}: no items with a descriptionId found in the knowledge base`);

  const apiKey = flags.apiKeyFile ? readFileSync(flags.apiKeyFile, 'utf8').split(/\r?\n/)[0].trim() : process.env.OPENAI_API_KEY;
  const baseUrl = flags.baseUrl ?? process.env.OPENAI_BASE_URL;
  const models: LanguageModel[] = [];
  const model = async (spec: string) => {
    const created = await createLanguageModel({ spec, ...(baseUrl && spec.startsWith('openai:') ? { baseUrl } : {}) }, { apiKey });
    models.push(created);
    return created;
  };
  const store: Store = openStore(flags.db);
  const closers: (() => Promise<void>)[] = [];
  try {
    const embeddings = flags.embeddingsModel
      ? await createLanguageModel({ spec: `openai:${flags.embeddingsModel}`, baseUrl: flags.embeddingsUrl ?? baseUrl }, { apiKey })
      : undefined;
    if (embeddings) models.push(embeddings);
    const knowledgeBase = await buildKnowledgeBase(descriptions, { embeddings, dbPath: flags.db, questions: descriptionQuestions(kbSource.items) });
    let rewriter: QueryRewriter | undefined;
    if (flags.rewriteModel) {
      const rewriteCaller = new ModelCaller(await model(flags.rewriteModel), POLICY, store, flags.cache, true);
      rewriter = async (query, { language }) => {
        const messages = recallMessages([{ role: 'user', content: query }], { language });
        const call = await rewriteCaller.call({ type: 'generate', messages, maxTokens: RUN_DEFAULTS.options.maxTokens, temperature: 0 }, []);
        return call.outcome.type === 'generate' ? call.outcome.result.text : '';
      };
    }
    const specs = flags.retriever?.length ? flags.retriever : [RUN_DEFAULTS.retrieval.firstStage];
    const results: { pipeline: string; evaluation: RetrievalEvaluation }[] = [];
    for (const spec of specs) {
      const endpoint = flags.rerankUrl !== undefined && flags.rerankModel !== undefined && !flags.rerankModel.includes(':');
      const settings = resolveRetrievalSettings({
        ...parsePipelineSpec(spec, endpoint ? 'endpoint' : 'llm'),
        ...(flags.candidates ? { candidates: flags.candidates } : {}),
        rerankModel: flags.rerankModel,
        rerankUrl: flags.rerankUrl,
      });
      if (settings.rewrite && !rewriter) throw new InputError(`--retriever ${spec}: +rewrite needs --rewrite-model`);
      const parts = await rerankerFromSettings(settings, { cache: store, useCache: flags.cache, apiKey, baseUrl, policy: POLICY });
      closers.push(parts.close);
      const pipeline = createRetrievalPipeline(knowledgeBase, settings, { reranker: parts.reranker, rewriter });
      const evaluation = await evaluateRetrieval(
        queries,
        async (query) =>
          (
            await pipeline.retrieve(query.query, {
              k: Math.max(...RECALL_CUTOFFS),
              language: query.language,
              countries: flags.filterCountry && query.country ? [query.country] : undefined,
              requestWeights: weightsOf(query),
              choices: query.choices,
              expand: expandsQuestions(query.kind),
            })
          ).map((hit) => hit.description.id),
        { onProgress: (done, total) => !flags.json && process.stderr.isTTY && process.stderr.write(`\r${spec}: ${done}/${total}`) },
      );
      if (!flags.json && process.stderr.isTTY) process.stderr.write('\n');
      results.push({ pipeline: spec, evaluation });
    }
    if (flags.json) {
      process.stdout.write(
        `${JSON.stringify(
          {
            dataset: flags.dataset,
            descriptions: knowledgeBase.size,
            queries: queries.length,
            pipelines: results.map(({ pipeline, evaluation: { ranks, latenciesMs, ...figures } }) => ({
              pipeline,
              ...figures,
              latencyMs: { p50: percentileOf(latenciesMs, 0.5), p99: percentileOf(latenciesMs, 0.99) },
            })),
          },
          null,
          2,
        )}\n`,
      );
      return;
    }
    process.stdout.write(`${flags.dataset}: ${queries.length} paired items, ${knowledgeBase.size} descriptions searched\n\n`);
    process.stdout.write(`${retrievalTable(results, flags.by.split(',').filter(Boolean))}\n`);
  } finally {
    store.close();
    for (const created of models) await created.close();
    for (const close of closers) await close();
  }
}

/** Queries go one at a time; a failed call is retried like any model call. */
const POLICY = { concurrency: 1, maxRetries: RUN_DEFAULTS.maxRetries };

const GROUPS: Record<string, keyof Pick<RetrievalEvaluation, 'byKind' | 'byLanguage' | 'byCountry'>> = {
  kind: 'byKind',
  language: 'byLanguage',
  country: 'byCountry',
};

/** One row per pipeline and group: n, recall@1/3/10 (%), MRR, latency p50/p99. */
export function retrievalTable(results: { pipeline: string; evaluation: RetrievalEvaluation }[], by: string[]): string {
  const percent = (value: number) => (100 * value).toFixed(1);
  const row = (pipeline: string, group: string, metrics: RetrievalMetrics, latencies?: number[]) => [
    pipeline,
    group,
    String(metrics.queries),
    ...RECALL_CUTOFFS.map((cutoff) => percent(metrics.recall[cutoff])),
    metrics.mrr.toFixed(3),
    latencies ? percentileOf(latencies, 0.5).toFixed(2) : '',
    latencies ? percentileOf(latencies, 0.99).toFixed(2) : '',
  ];
  const rows: string[][] = [];
  for (const { pipeline, evaluation } of results) {
    rows.push(row(pipeline, 'all', evaluation.overall, evaluation.latenciesMs));
    for (const group of by) {
      const field = GROUPS[group];
      if (!field) throw new InputError(`--by: expected kind, language or country, got "${group}"`);
      for (const [key, metrics] of Object.entries(evaluation[field])) rows.push(row(pipeline, `${group} ${key}`, metrics));
    }
  }
  return formatTable(['pipeline', 'items', 'n', 'R@1 %', 'R@3 %', 'R@10 %', 'MRR', 'p50 ms', 'p99 ms'], rows);
}
