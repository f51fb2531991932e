/**
 * Retrieval quality and latency, step by step: how often each item's own description is retrieved (recall@1/3/10,
 * MRR) and how long one query takes (p50/p99), for each first-stage variant and each second stage.
 *
 *   node --import tsx bench/retrieval-quality.ts [--sizes 1346,13000] [--steps] [--stages]
 *   node --import tsx bench/retrieval-quality.ts --adaculturesafe <dir of the release's per-country JSON files>
 *
 * Query sets (the built-in sample's items, each paired with its description by `descriptionId`):
 * - sample: the built-in sample's 144 descriptions (112 English, 32 in ja/zh/ar/es), all 288 items;
 * - cross-lingual: the 112 English descriptions only; the 64 ja/zh/ar/es items, paired with the English description
 *   their own translates (`jp-greetings-1-ja` → `jp-greetings-1`);
 * - synthetic N: the sample scaled up to N descriptions (bench/retrieval-data.ts: half Chinese, each a sample
 *   description moved to another country with a clause of another appended), all 288 items. Synthetic: the
 *   generated near-copies make requests that name no country ambiguous, which is the point.
 * - `--adaculturesafe DIR`: the public AdaCultureSafe release (khk-abc/AdaCultureSafe: 1,346 English descriptions
 *   of 6 countries, 6,682 knowledge questions and 6,729 safety requests, each paired with its own description), step
 *   by step, and recall@30 (what a second stage reranking the first stage's 30 candidates can reach at most).
 * Request weights (default on) are always cross-fitted here: each query is weighted by the requests about other
 * descriptions (`crossFittedRequestWeights`), never by its own text.
 *
 * `--steps` (default on) prints the first-stage steps table; `--stages` (default on) the per-stage latency at each
 * size. Second stages (dense/hybrid embeddings, LLM reranking, /v1/rerank, query rewriting) run against the local test
 * server: its embeddings and rankings are deterministic stand-ins, so their recall says nothing about a real model;
 * their latency is the pipeline's own overhead plus a loopback HTTP call.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltinSample } from '../src/datasets/builtin/builtin-sample.js';
import { buildKnowledgeBase, DEFAULT_BM25F, type KnowledgeBase } from '../src/grounding/knowledge-base.js';
import type { Bm25fParameters } from '../src/grounding/bm25f-index.js';
import { createEndpointReranker, createLlmReranker } from '../src/grounding/rerankers.js';
import { createRetrievalPipeline, type RetrievalPipeline } from '../src/grounding/retrieval-pipeline.js';
import { loadDataset } from '../src/benchmarks/load-dataset.js';
import { requestText } from '../src/grounding/request-weights.js';
import { descriptionQuestions, expandsQuestions } from '../src/grounding/description-questions.js';
import {
  crossFittedRequestWeights,
  evaluateRetrieval,
  pairWithKnowledgeBase,
  percentileOf,
  type RetrievalEvaluation,
  type RetrievalQuery,
  retrievalQueries,
} from '../src/grounding/retrieval-metrics.js';
import { ModelCaller } from '../src/models/model-caller.js';
import { parseModelSpec } from '../src/models/model-spec.js';
import { createOpenAICompatibleModel } from '../src/models/openai/openai-compatible-model.js';
import type { CulturalDescription } from '../src/schema/description.js';
import { resolveRetrievalSettings } from '../src/settings/run-settings.js';
import { startOpenAITestServer } from '../test/fixtures/openai-test-server.js';
import { generateDescriptions } from './retrieval-data.js';

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
};
const sizes = (flag('sizes') ?? '1346,13000').split(',').map(Number);
const only = argv.includes('--steps') || argv.includes('--stages');
const showSteps = !only || argv.includes('--steps');
const showStages = !only || argv.includes('--stages');

const sample = loadBuiltinSample();
const queries = retrievalQueries(sample.items);
const english = sample.descriptions.filter((description) => description.language === 'en');
const crossLingual = pairWithKnowledgeBase(
  queries.filter((query) => query.language !== 'en'),
  new Set(english.map((description) => description.id)),
);
const percent = (value: number) => `${(100 * value).toFixed(1)}`.padStart(5);

interface Variant {
  name: string;
  bm25f?: Bm25fParameters;
  settings: Parameters<typeof resolveRetrievalSettings>[0];
  filterCountry?: boolean;
}

const withFields = (fields: [number, number, number, number], k1 = DEFAULT_BM25F.k1, textB = DEFAULT_BM25F.fields[0].b): Bm25fParameters => ({
  k1,
  fields: DEFAULT_BM25F.fields.map((field, index) => ({ weight: fields[index], b: index === 0 ? textB : field.b })),
});

const VARIANTS: Variant[] = [
  { name: 'bm25 (before)', settings: { firstStage: 'bm25' } },
  { name: 'bm25f text+topic', bm25f: withFields([1, 2, 0, 0]), settings: {} },
  { name: '+ country field', bm25f: withFields([1, 2, 3, 0]), settings: {} },
  { name: '+ concepts (default)', settings: {} },
  { name: '  k1 0.9', bm25f: withFields([1, 2, 3, 0.5], 0.9), settings: {} },
  { name: '  k1 1.6', bm25f: withFields([1, 2, 3, 0.5], 1.6), settings: {} },
  { name: '  text b 0.5', bm25f: withFields([1, 2, 3, 0.5], 1.2, 0.5), settings: {} },
  { name: '  text b 0.9', bm25f: withFields([1, 2, 3, 0.5], 1.2, 0.9), settings: {} },
  { name: '  concepts 1.0', bm25f: withFields([1, 2, 3, 1]), settings: {} },
  { name: '  topic 0', bm25f: withFields([1, 0, 3, 0.5]), settings: {} },
  { name: 'country boost, not filter', settings: { countryMode: 'boost' } },
  { name: 'item country given (filter)', settings: {}, filterCountry: true },
];

const sampleWeights = crossFittedRequestWeights(queries);

async function measure(
  pipeline: RetrievalPipeline,
  list: readonly RetrievalQuery[],
  filterCountry = false,
  weightsOf = sampleWeights,
  k = 10,
): Promise<RetrievalEvaluation> {
  return evaluateRetrieval(list, async (query) =>
    (
      await pipeline.retrieve(query.query, {
        k,
        language: query.language,
        countries: filterCountry && query.country ? [query.country] : undefined,
        requestWeights: weightsOf(query),
        choices: query.choices,
        expand: expandsQuestions(query.kind),
      })
    ).map((hit) => hit.description.id),
  );
}

const adaCultureSafe = flag('adaculturesafe');
if (adaCultureSafe) {
  const dataset = await loadDataset(`adaculturesafe:${adaCultureSafe}`, { onWarning: () => {} });
  const paired = retrievalQueries(dataset.items);
  const promptOnly = paired.map(({ choices, ...query }) => query);
  const oneText = paired.map(({ choices, ...query }) => ({ ...query, query: requestText({ prompt: query.query, choices }) }));
  const started = performance.now();
  const kb = await buildKnowledgeBase(dataset.descriptions);
  const withQuestions = await buildKnowledgeBase(dataset.descriptions, { questions: descriptionQuestions(dataset.items) });
  console.log(`AdaCultureSafe release: ${kb.size} descriptions (built in ${(performance.now() - started).toFixed(0)} ms), ${paired.length} paired queries\n`);
  console.log(`${'step'.padEnd(52)} knowledge R@1  R@3  R@10 |  safety R@1  R@3  R@10  R@30 |  p50 ms  p99 ms`);
  const steps: [string, Parameters<typeof resolveRetrievalSettings>[0], readonly RetrievalQuery[], boolean, KnowledgeBase?][] = [
    ['bm25, the prompt alone (before)', { firstStage: 'bm25' }, promptOnly, false],
    ['bm25f, the prompt alone, unweighted', { requestWeights: false }, promptOnly, false],
    ['+ the options of a question, as one text', { requestWeights: false }, oneText, false],
    ['+ the options, by their smooth maximum', { requestWeights: false }, paired, false],
    ['+ request weights, cross-fitted', {}, paired, false],
    ['+ the questions each description answers (default)', {}, paired, false, withQuestions],
    ['  the item country given (--filter-country)', {}, paired, true, withQuestions],
  ];
  const weightsOf = crossFittedRequestWeights(paired);
  for (const [name, settings, list, filterCountry, base = kb] of steps) {
    const evaluation = await measure(createRetrievalPipeline(base, resolveRetrievalSettings(settings)), list, filterCountry, weightsOf, 30);
    const recallAt30 = (kind: string) => {
      const ranks = evaluation.ranks.filter((_, index) => list[index].kind === kind).map((entry) => entry.rank);
      return ranks.filter((rank) => rank > 0).length / ranks.length;
    };
    const { knowledge, safety } = evaluation.byKind;
    console.log(
      `${name.padEnd(52)}        ${percent(knowledge.recall[1])} ${percent(knowledge.recall[3])} ${percent(knowledge.recall[10])} |` +
        `       ${percent(safety.recall[1])} ${percent(safety.recall[3])} ${percent(safety.recall[10])} ${percent(recallAt30('safety'))} |` +
        ` ${percentileOf(evaluation.latenciesMs, 0.5).toFixed(2).padStart(7)} ${percentileOf(evaluation.latenciesMs, 0.99).toFixed(2).padStart(7)}`,
    );
  }
  process.exit(0);
}

const knowledgeBases = new Map<string, KnowledgeBase>();
async function kbOf(name: string, descriptions: readonly CulturalDescription[], bm25f?: Bm25fParameters): Promise<KnowledgeBase> {
  const key = `${name}\u0000${JSON.stringify(bm25f ?? null)}`;
  let kb = knowledgeBases.get(key);
  if (!kb) {
    kb = await buildKnowledgeBase(descriptions, { bm25f });
    knowledgeBases.set(key, kb);
  }
  return kb;
}

const synthetic = new Map(sizes.map((size) => [size, generateDescriptions(sample.descriptions, size)]));

if (showSteps) {
  const smallest = Math.min(...sizes);
  console.log(`First stage, step by step (recall@3 %, MRR); synthetic set of ${smallest} descriptions\n`);
  console.log(`${'variant'.padEnd(28)} sample: know  safe   MRR | cross-lingual: R@3  know  safe   MRR | synthetic: know  safe  zh-safe  R@10   MRR`);
  for (const variant of VARIANTS) {
    const settings = resolveRetrievalSettings(variant.settings);
    const run = async (name: string, descriptions: readonly CulturalDescription[], list: readonly RetrievalQuery[]) => {
      const kb = await kbOf(name, descriptions, variant.bm25f);
      return measure(createRetrievalPipeline(kb, settings), list, variant.filterCountry);
    };
    const own = await run('sample', sample.descriptions, queries);
    const cross = await run('english', english, crossLingual);
    const synth = await run(`synthetic-${smallest}`, synthetic.get(smallest)!, queries);
    const zhSafety = await evaluateRetrieval(
      queries.filter((query) => query.language === 'zh' && query.kind === 'safety'),
      async (query) => {
        const kb = await kbOf(`synthetic-${smallest}`, synthetic.get(smallest)!, variant.bm25f);
        const hits = await createRetrievalPipeline(kb, settings).retrieve(query.query, {
          k: 10,
          language: query.language,
          countries: variant.filterCountry && query.country ? [query.country] : undefined,
          requestWeights: sampleWeights(query),
        });
        return hits.map((hit) => hit.description.id);
      },
    );
    console.log(
      `${variant.name.padEnd(28)}        ${percent(own.byKind.knowledge.recall[3])} ${percent(own.byKind.safety.recall[3])} ${own.overall.mrr.toFixed(3)} |` +
        `              ${percent(cross.overall.recall[3])} ${percent(cross.byKind.knowledge.recall[3])} ${percent(cross.byKind.safety.recall[3])} ${cross.overall.mrr.toFixed(3)} |` +
        `            ${percent(synth.byKind.knowledge.recall[3])} ${percent(synth.byKind.safety.recall[3])}    ${percent(zhSafety.overall.recall[3])} ${percent(synth.overall.recall[10])} ${synth.overall.mrr.toFixed(3)}`,
    );
  }
  console.log();
}

if (showStages) {
  const server = await startOpenAITestServer({ logRequests: false, dimensions: 64 });
  const directory = mkdtempSync(join(tmpdir(), 'culturekit-bench-retrieval-quality-'));
  const embeddings = createOpenAICompatibleModel(parseModelSpec('openai:test-model'), { baseUrl: server.url });
  const chat = createOpenAICompatibleModel(parseModelSpec('openai:test-model'), { baseUrl: server.url });
  const noCache = { getCached: () => undefined, putCache: () => {} };
  try {
    console.log('Each stage at each size (synthetic set; all 288 items; recall@3 % and MRR, latency per query in ms)');
    console.log('dense, hybrid, rerank and rewrite use the local test server (deterministic stand-ins): their recall is not a model’s\n');
    for (const size of sizes) {
      const descriptions = synthetic.get(size)!;
      let started = performance.now();
      const kb = await buildKnowledgeBase(descriptions, { dbPath: join(directory, 'store.db') });
      const buildMs = performance.now() - started;
      started = performance.now();
      const denseKb = await buildKnowledgeBase(descriptions, { embeddings, dbPath: join(directory, 'store.db') });
      const embedMs = performance.now() - started;
      console.log(`${size} descriptions: build ${buildMs.toFixed(0)} ms (tokens, BM25, BM25F); with embeddings from the test server ${embedMs.toFixed(0)} ms`);
      const llm = createLlmReranker(new ModelCaller(chat, { concurrency: 1, maxRetries: 0 }, noCache, false, true));
      const endpoint = createEndpointReranker({ url: server.url, model: 'test-reranker' });
      const rewriter = async () => 'customs greeting etiquette';
      const stages: [string, RetrievalPipeline][] = [
        ['bm25', createRetrievalPipeline(kb, resolveRetrievalSettings({ firstStage: 'bm25' }))],
        ['bm25f', createRetrievalPipeline(kb, resolveRetrievalSettings({}))],
        ['bm25f+boost', createRetrievalPipeline(kb, resolveRetrievalSettings({ countryMode: 'boost' }))],
        ['dense (test server)', createRetrievalPipeline(denseKb, resolveRetrievalSettings({ firstStage: 'dense' }))],
        ['hybrid (test server)', createRetrievalPipeline(denseKb, resolveRetrievalSettings({ firstStage: 'hybrid' }))],
        ['bm25f+rewrite (fixed)', createRetrievalPipeline(kb, resolveRetrievalSettings({ rewrite: true }), { rewriter })],
        ['bm25f+rerank=llm (30)', createRetrievalPipeline(kb, resolveRetrievalSettings({ rerank: 'llm' }), { reranker: llm })],
        ['bm25f+rerank=endpoint (30)', createRetrievalPipeline(kb, resolveRetrievalSettings({ rerank: 'endpoint' }), { reranker: endpoint })],
      ];
      for (const [name, pipeline] of stages) {
        await measure(pipeline, queries.slice(0, 20)); // warm-up
        const evaluation = await measure(pipeline, queries);
        const { latenciesMs } = evaluation;
        console.log(
          `  ${name.padEnd(28)} R@3 ${percent(evaluation.overall.recall[3])}  MRR ${evaluation.overall.mrr.toFixed(3)}  ` +
            `p50 ${percentileOf(latenciesMs, 0.5).toFixed(2).padStart(7)} ms  p99 ${percentileOf(latenciesMs, 0.99).toFixed(2).padStart(7)} ms`,
        );
      }
    }
  } finally {
    await embeddings.close();
    await chat.close();
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
