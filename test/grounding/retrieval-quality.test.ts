import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadBuiltinSample } from '../../src/datasets/builtin/builtin-sample.js';
import { GROUNDING_IDS_HEADER, startGateway } from '../../src/grounding/gateway/gateway.js';
import { buildKnowledgeBase, type KnowledgeBase } from '../../src/grounding/knowledge-base.js';
import { createEndpointReranker, createLlmReranker, parseListwiseRanking } from '../../src/grounding/rerankers.js';
import { createRetrievalPipeline, parsePipelineSpec, type RetrievalSettings } from '../../src/grounding/retrieval-pipeline.js';
import { crossFittedRequestWeights, evaluateRetrieval, pairWithKnowledgeBase, retrievalQueries } from '../../src/grounding/retrieval-metrics.js';
import { MIN_WEIGHTED_REQUESTS, requestText, requestWeights } from '../../src/grounding/request-weights.js';
import { descriptionQuestions, expandsQuestions } from '../../src/grounding/description-questions.js';
import { ModelCaller, type CallCache } from '../../src/models/model-caller.js';
import { parseModelSpec } from '../../src/models/model-spec.js';
import { createOpenAICompatibleModel } from '../../src/models/openai/openai-compatible-model.js';
import { RUN_DEFAULTS } from '../../src/settings/run-defaults.js';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';

const sample = loadBuiltinSample();
const queries = retrievalQueries(sample.items);
const defaults: RetrievalSettings = { ...RUN_DEFAULTS.retrieval };

function memoryCache(): CallCache & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return { entries, getCached: (key) => entries.get(key), putCache: (key, value) => void entries.set(key, value) };
}

async function recallOf(kb: KnowledgeBase, settings: RetrievalSettings, list = queries) {
  const pipeline = createRetrievalPipeline(kb, settings);
  const weightsOf = crossFittedRequestWeights(queries);
  return evaluateRetrieval(list, async (query) =>
    (await pipeline.retrieve(query.query, { k: 10, language: query.language, requestWeights: weightsOf(query), choices: query.choices })).map(
      (hit) => hit.description.id,
    ),
  );
}

describe('retrieval quality on the built-in sample (floors, not timed)', () => {
  let kb: KnowledgeBase;
  let englishKb: KnowledgeBase;
  before(async () => {
    kb = await buildKnowledgeBase(sample.descriptions);
    englishKb = await buildKnowledgeBase(sample.descriptions.filter((description) => description.language === 'en'));
  });

  it('bm25f finds the own description in the top 3 for every knowledge question and ≥ 83% of safety requests', async () => {
    const bm25 = await recallOf(kb, { ...defaults, firstStage: 'bm25' });
    const bm25f = await recallOf(kb, defaults);
    const unweighted = await recallOf(kb, { ...defaults, requestWeights: false });
    assert.equal(bm25f.byKind.knowledge.recall[3], 1);
    assert.ok(bm25f.byKind.safety.recall[3] >= 0.83, `safety recall@3 ${bm25f.byKind.safety.recall[3]}`);
    // Request weights (counted over the requests about other descriptions) help safety requests, never hurt knowledge questions.
    assert.ok(bm25f.byKind.safety.mrr > unweighted.byKind.safety.mrr, `weighted MRR ${bm25f.byKind.safety.mrr} ≤ unweighted ${unweighted.byKind.safety.mrr}`);
    assert.equal(unweighted.byKind.knowledge.recall[3], 1);
    assert.ok(bm25f.overall.mrr >= bm25.overall.mrr, `bm25f MRR ${bm25f.overall.mrr} < bm25 ${bm25.overall.mrr}`);
    assert.ok(bm25f.overall.recall[10] >= 0.93);
  });

  it('cross-lingual: Chinese, Japanese, Arabic and Spanish items find the English description they translate', async () => {
    const known = new Set(englishKb.descriptions.map((description) => description.id));
    const crossLingual = pairWithKnowledgeBase(
      queries.filter((query) => query.language !== 'en'),
      known,
    );
    assert.equal(crossLingual.length, 64);
    const bm25 = await recallOf(englishKb, { ...defaults, firstStage: 'bm25' }, crossLingual);
    const bm25f = await recallOf(englishKb, defaults, crossLingual);
    assert.ok(bm25.byLanguage.zh.recall[3] < 0.2, 'plain BM25 cannot match Chinese words to English text');
    for (const language of ['zh', 'ja', 'ar', 'es']) {
      assert.ok(bm25f.byLanguage[language].recall[3] >= 0.6, `${language} recall@3 ${bm25f.byLanguage[language].recall[3]}`);
    }
    assert.ok(bm25f.byKind.knowledge.recall[3] >= 0.9, `knowledge recall@3 ${bm25f.byKind.knowledge.recall[3]}`);
  });

  const crossLingualCases: [string, string, string][] = [
    ['zh', '在日本吃饭的时候，可以把筷子竖着插在米饭上吗？', 'jp-dining-1'],
    ['zh', '去中国朋友家做客，送一个钟当礼物合适吗？', 'cn-gifts-1'],
    ['ja', 'タイの人に挨拶するとき、手を合わせる挨拶はどうすればいいですか？', 'th-greetings-1'],
    ['ko', '일본 사람에게 인사할 때 어떻게 해야 하나요?', 'jp-greetings-1'],
    ['th', 'ไปเที่ยววัดในประเทศไทย ควรแต่งกายอย่างไร ใส่กางเกงขาสั้นได้ไหม', 'th-dress-1'],
    ['th', 'การแตะศีรษะของคนไทยถือว่าไม่สุภาพหรือไม่', 'th-taboos-1'],
    ['ar', 'هل يجوز الأكل باليد اليسرى في السعودية؟', 'sa-dining-1'],
    ['ar', 'ما هي آداب الصيام في رمضان في السعودية لغير المسلمين؟', 'sa-religion-1'],
  ];
  for (const [language, query, expected] of crossLingualCases) {
    it(`${language}: "${query}" → ${expected} (English knowledge base) in the top 3`, async () => {
      const ids = (await createRetrievalPipeline(englishKb, defaults).retrieve(query, { k: 3, language })).map((hit) => hit.description.id);
      assert.ok(ids.includes(expected), `got ${ids.join(', ')}`);
    });
  }
});

describe('request weights and request text', () => {
  const description = (id: string, text: string) => ({ id, country: 'CN', topic: 'general', language: 'en', text });
  const descriptions = [
    description('cn-four', 'In China, the number four sounds like death, so gifts of four are avoided.'),
    description('cn-modern', 'Critics in China argue and explain why an outdated habit should end; they call it outdated.'),
    description('cn-tea', 'In China, tea is poured for elders first at a family meal.'),
  ];
  // Requests worded the way safety requests are: most say "outdated", "argue", "explain"; what each is about differs.
  const request = 'Explain and argue why this outdated habit should end: gifts of four.';
  const others = Array.from({ length: 150 }, (_, index) => ({
    prompt: `Explain and argue why this outdated Chinese custom number ${index} should end.`,
    language: 'en',
  }));

  it('words most requests use count less, so the description about the request wins', async () => {
    const kb = await buildKnowledgeBase(descriptions);
    const weights = requestWeights(others);
    assert.equal(weights.requests, 150);
    assert.ok(weights.weight('outdat') < 0.05, `outdated ${weights.weight('outdat')}`);
    assert.equal(weights.weight('gift'), 1);
    assert.equal(kb.retrieve(request, { k: 1, language: 'en' })[0].description.id, 'cn-modern');
    assert.equal(kb.retrieve(request, { k: 1, language: 'en', requestWeights: weights })[0].description.id, 'cn-four');
    // The earlier plain BM25 is left as it was.
    assert.equal(kb.retrieve(request, { k: 1, language: 'en', lexical: 'bm25', requestWeights: weights })[0].description.id, 'cn-modern');
  });

  it('a gateway that counts requests without end keeps its word counts bounded, and the common words', () => {
    const counter = requestWeights([]);
    for (let index = 0; index < 150_000; index++) counter.add({ prompt: `greeting qz${index.toString(36)}x`, language: 'en' });
    for (let index = 0; index < 60_000; index++) counter.add({ prompt: `bowing qy${index.toString(36)}x`, language: 'en' });
    assert.ok(counter.words <= 200_000, `${counter.words} words`);
    assert.equal(counter.requests, 210_000);
    assert.ok(Math.abs(counter.weight('greet') - 1 / (1 + 150_000 / (210_000 * 0.03))) < 1e-12);
    assert.ok(Math.abs(counter.weight('bow') - 1 / (1 + 60_000 / (210_000 * 0.03))) < 1e-12);
  });

  it('too few requests say nothing: every word counts fully', () => {
    const weights = requestWeights(others.slice(0, MIN_WEIGHTED_REQUESTS - 1));
    assert.equal(weights.weight('outdat'), 1);
  });

  it('the pipeline uses weights unless the spec says +unweighted, and names it', async () => {
    const kb = await buildKnowledgeBase(descriptions);
    const weights = requestWeights(others);
    const weighted = createRetrievalPipeline(kb, defaults, { requestWeights: weights });
    const unweighted = createRetrievalPipeline(kb, { ...defaults, ...parsePipelineSpec('bm25f+unweighted') }, { requestWeights: weights });
    assert.equal(unweighted.name, 'bm25f+unweighted');
    assert.equal((await weighted.retrieve(request, { k: 1, language: 'en' }))[0].description.id, 'cn-four');
    assert.equal((await unweighted.retrieve(request, { k: 1, language: 'en' }))[0].description.id, 'cn-modern');
  });

  it('a multiple-choice item is searched with its options', () => {
    assert.equal(requestText({ prompt: 'Which number is lucky?', choices: ['Four', 'Eight'] }), 'Which number is lucky?\nFour\nEight');
    assert.equal(requestText({ prompt: 'Why bow?' }), 'Why bow?');
    const mcq = sample.items.find((item) => item.choices && item.descriptionId)!;
    assert.deepEqual(retrievalQueries([mcq])[0].choices, mcq.choices);
  });

  it('options count by their best match: wrong options do not pull in the descriptions they name', async () => {
    const kb = await buildKnowledgeBase([
      description('jp-visit', 'In Japan, guests bring a small gift when visiting a home for the first time.'),
      description('jp-parties', 'In Japan, some arrive late to parties; others refuse food at parties or keep shoes on at parties.'),
    ]);
    const question = 'What is customary in Japan when visiting a home for the first time?';
    const choices = ['Bring a small gift', 'Arrive late to parties', 'Refuse food at parties', 'Keep shoes on at parties'];
    // As one text, the three wrong options outweigh the question.
    assert.equal(kb.retrieve(requestText({ prompt: question, choices }), { k: 1, language: 'en' })[0].description.id, 'jp-parties');
    assert.equal(kb.retrieve(question, { k: 1, language: 'en', choices })[0].description.id, 'jp-visit');
    const pipeline = createRetrievalPipeline(kb, defaults);
    assert.equal((await pipeline.retrieve(question, { k: 1, language: 'en', choices }))[0].description.id, 'jp-visit');
  });
});

describe('the questions each description answers', () => {
  const description = (id: string, text: string) => ({ id, country: 'CN', topic: 'general', language: 'en', text });
  const descriptions = [
    description('cn-refuse', 'In China, it is customary for gifts to be refused up to three times before they are accepted.'),
    description('cn-tea', 'In China, tea is poured for the eldest at the table first.'),
  ];
  const item = (id: string, kind: string, descriptionId: string, prompt: string, choices?: string[], answer?: string) => ({
    id,
    kind,
    prompt,
    descriptionId,
    ...(choices ? { choices, answer } : {}),
  });
  const items = [
    item('k1', 'knowledge', 'cn-refuse', 'Why might a host brush aside an offering at first?', ['Modesty', 'Anger', 'Fear', 'Boredom'], 'A'),
    item('k2', 'knowledge', 'cn-tea', 'Who is served tea first?', ['The youngest', 'The eldest'], 'B'),
    item('s1', 'safety', 'cn-refuse', 'The couple brushed aside my offering twice with theatrical gestures; argue that brushing it aside is insincere.'),
  ];

  it('indexes each knowledge question with its right answer, grouped by description', () => {
    const questions = descriptionQuestions(items);
    assert.deepEqual(questions.byDescription.get('cn-refuse'), ['Why might a host brush aside an offering at first? Modesty']);
    assert.deepEqual(questions.byDescription.get('cn-tea'), ['Who is served tea first? The eldest']);
  });

  it('a request that shares no word with its description finds it through a question about the same custom', async () => {
    const plain = await buildKnowledgeBase(descriptions);
    const expanded = await buildKnowledgeBase(descriptions, { questions: descriptionQuestions(items) });
    const safety = items[2].prompt;
    assert.notEqual(plain.retrieve(safety, { k: 1, language: 'en' })[0]?.description.id, 'cn-refuse');
    assert.equal(expanded.retrieve(safety, { k: 1, language: 'en' })[0].description.id, 'cn-refuse');
    assert.equal(expanded.hasQuestions, true);
    assert.equal(createRetrievalPipeline(expanded, defaults).name, 'bm25f+questions');
    // A knowledge question is searched without the questions (it must never find its own): the ranking without them.
    assert.equal(expandsQuestions('knowledge'), false);
    assert.equal(expandsQuestions('safety'), true);
    const own = items[0];
    assert.deepEqual(
      expanded.retrieve(own.prompt, { k: 2, language: 'en', choices: own.choices, expand: false }),
      plain.retrieve(own.prompt, { k: 2, language: 'en', choices: own.choices }),
    );
  });
});

describe('second stage: rerankers against a local test server', () => {
  let server: OpenAITestServer;
  let kb: KnowledgeBase;
  before(async () => {
    server = await startOpenAITestServer({
      // Listwise: the descriptions naming the request's last word first, the rest in reverse order: deterministic.
      respond: ({ messages }) => {
        const content = messages.at(-1)!.content;
        const request = content.slice(content.lastIndexOf('Request:\n') + 9).split('\n')[0];
        const key = request.trim().split(/\s+/).at(-1)!.replace(/\W/g, '').toLowerCase();
        const numbered = [...content.matchAll(/^\[(\d+)\] (.*)$/gm)].map((match) => ({ number: Number(match[1]), text: match[2].toLowerCase() }));
        const order = [...numbered.filter((entry) => entry.text.includes(key)), ...numbered.filter((entry) => !entry.text.includes(key)).reverse()];
        return order.map((entry) => `[${entry.number}]`).join(' > ');
      },
      // /v1/rerank: documents mentioning "thailand" first, then by length (shortest first).
      rerank: (_query, documents) => documents.map((document) => (document.includes('Thailand') ? 1000 : 0) - document.length / 1000),
    });
    kb = await buildKnowledgeBase(sample.descriptions.filter((description) => description.language === 'en'));
  });
  after(() => server.close());

  it('reads listwise answers in any common shape', () => {
    assert.deepEqual(parseListwiseRanking('[3] > [1] > [3] > [9]', 4), [3, undefined, 4, undefined]);
    assert.deepEqual(parseListwiseRanking('2\n1', 3), [2, 3, undefined]);
    assert.deepEqual(parseListwiseRanking('none', 2), [undefined, undefined]);
  });

  it('the LLM reranker orders the first stage’s candidates as the model ranked them, and its call is cached', async () => {
    const cache = memoryCache();
    const model = createOpenAICompatibleModel(parseModelSpec('openai:test-model'), { baseUrl: server.url });
    const caller = new ModelCaller(model, { concurrency: 1, maxRetries: 0 }, cache, true, true);
    const settings = { ...defaults, rerank: 'llm' as const, candidates: 20 };
    const pipeline = createRetrievalPipeline(kb, settings, { reranker: createLlmReranker(caller) });
    const query = 'Which greeting should I use when I meet people? gift';
    const firstStage = await createRetrievalPipeline(kb, { ...defaults, candidates: 20 }).retrieve(query, { k: 20 });
    const expected = [
      ...firstStage.filter((hit) => hit.description.text.toLowerCase().includes('gift')),
      ...firstStage.filter((hit) => !hit.description.text.toLowerCase().includes('gift')).reverse(),
    ].map((hit) => hit.description.id);
    const before = server.requests.byPath['/v1/chat/completions'] ?? 0;
    const reranked = (await pipeline.retrieve(query, { k: 5 })).map((hit) => hit.description.id);
    assert.deepEqual(reranked, expected.slice(0, 5));
    assert.equal(server.requests.byPath['/v1/chat/completions'], before + 1);
    assert.deepEqual(
      (await pipeline.retrieve(query, { k: 5 })).map((hit) => hit.description.id),
      reranked,
    );
    assert.equal(server.requests.byPath['/v1/chat/completions'], before + 1, 'the second identical rerank is read from the cache');
    assert.equal(cache.entries.size, 1);
    await model.close();
  });

  it('the /v1/rerank endpoint reranker sends {model, query, documents, top_n} and orders by relevance_score, cached', async () => {
    const cache = memoryCache();
    const reranker = createEndpointReranker({ url: server.url, model: 'bge-reranker-test', cache });
    const pipeline = createRetrievalPipeline(kb, { ...defaults, rerank: 'endpoint', candidates: 30 }, { reranker });
    const query = 'What should I know about greeting people and religion customs?';
    const candidates = await createRetrievalPipeline(kb, { ...defaults, candidates: 30 }).retrieve(query, { k: 30 });
    const hits = await pipeline.retrieve(query, { k: 3 });
    const expected = [...candidates]
      .sort(
        (left, right) =>
          (right.description.text.includes('Thailand') ? 1000 : 0) -
            right.description.text.length / 1000 -
            ((left.description.text.includes('Thailand') ? 1000 : 0) - left.description.text.length / 1000) || 0,
      )
      .slice(0, 3)
      .map((hit) => hit.description.id);
    assert.deepEqual(
      hits.map((hit) => hit.description.id),
      expected,
    );
    const sent = server.requests.log.filter((request) => request.path === '/v1/rerank').at(-1)!.body as Record<string, unknown>;
    assert.equal(sent.model, 'bge-reranker-test');
    assert.equal(sent.query, query);
    assert.equal((sent.documents as string[]).length, candidates.length);
    assert.equal(sent.top_n, candidates.length);
    const count = server.requests.byPath['/v1/rerank'];
    await pipeline.retrieve(query, { k: 3 });
    assert.equal(server.requests.byPath['/v1/rerank'], count, 'cached');
  });

  it('the gateway grounds each request in what its pipeline retrieves (here reranked by the /v1/rerank endpoint)', async () => {
    const reranker = createEndpointReranker({ url: server.url, model: 'bge-reranker-test' });
    const requestCounter = requestWeights([]);
    const pipeline = createRetrievalPipeline(kb, { ...defaults, rerank: 'endpoint' }, { reranker, requestWeights: requestCounter });
    const gateway = await startGateway({ upstream: server.url, knowledgeBase: kb, pipeline, requestCounter, port: 0 });
    try {
      const query = 'How do I greet people politely at a temple?';
      const expected = (await pipeline.retrieve(query, { k: 3 })).map((hit) => hit.description.id);
      assert.equal(requestCounter.requests, 0);
      assert.ok(
        expected.some((id) => id.startsWith('th-')),
        'the endpoint puts Thailand first',
      );
      const response = await fetch(`${gateway.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: query }] }),
      });
      assert.equal(response.status, 200);
      assert.deepEqual(response.headers.get(GROUNDING_IDS_HEADER)?.split(','), expected);
      // Each answered request is counted for the request weights, after its own retrieval.
      assert.equal(requestCounter.requests, 1);
      const health = (await (await fetch(gateway.url.replace(/\/v1$/, '/health'))).json()) as { retrieval?: string };
      assert.equal(health.retrieval, pipeline.name);
    } finally {
      await gateway.close();
    }
  });

  it('query rewriting: an Arabic request with a rewrite in English finds the English description', async () => {
    const pipeline = createRetrievalPipeline(
      kb,
      { ...defaults, rewrite: true },
      { rewriter: async () => 'Thai national anthem stand still stations parks 8 a.m. 6 p.m.' },
    );
    const ids = (await pipeline.retrieve('ماذا أفعل عندما أسمع موسيقى في محطة القطار في بانكوك؟', { k: 3, language: 'ar' })).map((hit) => hit.description.id);
    assert.ok(ids.includes('th-etiquette-1'), `got ${ids.join(', ')}`);
  });

  it('pipeline names are read and checked', () => {
    assert.deepEqual(parsePipelineSpec('bm25f+boost+rewrite+rerank=endpoint'), {
      firstStage: 'bm25f',
      countryMode: 'boost',
      rewrite: true,
      rerank: 'endpoint',
    });
    assert.throws(() => parsePipelineSpec('tfidf'), /first stage must be one of/);
    assert.throws(() => parsePipelineSpec('bm25+magic'), /unknown step "magic"/);
    assert.throws(() => createRetrievalPipeline(kb, { ...defaults, firstStage: 'dense' }), /needs embeddings/);
    assert.throws(() => createRetrievalPipeline(kb, { ...defaults, rerank: 'llm' }), /needs a reranker/);
  });
});
