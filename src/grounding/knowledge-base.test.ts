import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startOpenAITestServer, type OpenAITestServer } from '../../test/fixtures/openai-test-server.js';
import { loadBuiltinSample } from '../datasets/builtin/builtin-sample.js';
import { InputError } from '../errors/culturekit-error.js';
import { parseModelSpec } from '../models/model-spec.js';
import { createOpenAICompatibleModel } from '../models/openai/openai-compatible-model.js';
import type { CulturalDescription } from '../schema/description.js';
import type { Item } from '../schema/item.js';
import { createEvalGrounding } from './eval-grounding.js';
import { buildKnowledgeBase, type KnowledgeBase } from './knowledge-base.js';
import { TOKENIZER_VERSION } from './tokenize.js';

const { descriptions, items } = loadBuiltinSample();
const knowledgeItems = items.filter((item) => item.kind === 'knowledge');

function top3Share(kb: KnowledgeBase, selected: Item[], withLanguage: boolean): { share: number; misses: string[] } {
  const misses: string[] = [];
  for (const item of selected) {
    const hits = kb.retrieve(item.prompt, { k: 3, language: withLanguage ? item.language : undefined });
    if (!hits.some((hit) => hit.description.id === item.descriptionId)) misses.push(`${item.id} → ${hits.map((hit) => hit.description.id).join(', ')}`);
  }
  return { share: 1 - misses.length / selected.length, misses };
}

describe('buildKnowledgeBase on the built-in sample', () => {
  let kb: KnowledgeBase;
  before(async () => {
    kb = await buildKnowledgeBase(descriptions);
  });

  it('finds each knowledge item’s own description in the top 3 for at least 90% of items, in English and in the local languages', () => {
    const english = knowledgeItems.filter((item) => item.language === 'en');
    const local = knowledgeItems.filter((item) => item.language !== 'en');
    assert.ok(english.length >= 100 && local.length >= 32);
    for (const withLanguage of [false, true]) {
      for (const [name, selected] of [
        ['English', english],
        ['local-language', local],
      ] as const) {
        const { share, misses } = top3Share(kb, selected, withLanguage);
        assert.ok(share >= 0.9, `${name} (language ${withLanguage}): ${(share * 100).toFixed(1)}%\n${misses.join('\n')}`);
      }
    }
    for (const language of ['ja', 'zh', 'ar', 'es']) {
      const { share, misses } = top3Share(
        kb,
        local.filter((item) => item.language === language),
        true,
      );
      assert.ok(share >= 0.875, `${language}: ${(share * 100).toFixed(1)}%\n${misses.join('\n')}`);
    }
  });

  it('ranks hits from 1 with scores falling, and says which descriptions they are', () => {
    const hits = kb.retrieve('Why is it taboo to leave chopsticks standing upright in a bowl of rice?', { k: 3 });
    assert.equal(hits[0].description.id, 'jp-dining-1');
    assert.deepEqual(
      hits.map((hit) => hit.rank),
      [1, 2, 3].slice(0, hits.length),
    );
    for (let index = 1; index < hits.length; index++) assert.ok(hits[index - 1].score >= hits[index].score);
    assert.equal(kb.retrieve('chopsticks', { k: 1 }).length, 1);
    assert.deepEqual(kb.retrieve('chopsticks', { k: 0 }), []);
    assert.deepEqual(kb.retrieve('zzzz qqqq'), []);
  });

  it('searches the countries a query names first (in any language), and the rest only when they have nothing', () => {
    const mexico = kb.retrieve('What do Mexicans eat at a birthday?', { k: 3 });
    assert.ok(mexico.length > 0 && mexico.every((hit) => hit.description.country === 'MX'), mexico.map((hit) => hit.description.id).join());
    const chinese = kb.retrieve('在日本，生日的时候吃什么？', { k: 3 });
    assert.ok(chinese.every((hit) => hit.description.country === 'JP' || hit.description.country === 'CN'));
    const fallback = kb.retrieve('longevity noodles in Kenya', { k: 3 });
    assert.equal(fallback[0].description.id, 'cn-food-1');
  });

  it('filters by the countries given, regions included', async () => {
    const hits = kb.retrieve('greeting customs', { k: 5, countries: ['sa', 'MX'] });
    assert.ok(hits.length > 0 && hits.every((hit) => ['SA', 'MX'].includes(hit.description.country)));
    const regional = await buildKnowledgeBase([
      { id: 'assam', country: 'IN-AS', topic: 'dress', language: 'en', text: 'The gamosa is a woven cloth offered as a mark of respect.' },
    ]);
    assert.equal(regional.retrieve('woven cloth', { countries: ['IN'] })[0]?.description.id, 'assam');
    assert.deepEqual(regional.retrieve('woven cloth', { countries: ['JP'] }), []);
  });

  it('prefers descriptions in the query language when it has them', () => {
    const japanese = kb.retrieve('Obon お盆 ancestors', { k: 3, language: 'ja' });
    assert.ok(japanese.every((hit) => hit.description.language === 'ja'));
    const english = kb.retrieve('Obon お盆 ancestors', { k: 3, language: 'en' });
    assert.ok(english.every((hit) => hit.description.language === 'en'));
    assert.ok(kb.retrieve('bowing', { language: 'sw' }).length > 0, 'a language the base lacks does not filter');
  });

  it('has a content hash that ignores order and changes with content', async () => {
    const reversed = await buildKnowledgeBase([...descriptions].reverse());
    assert.equal(reversed.hash, kb.hash);
    const changed = await buildKnowledgeBase([{ ...descriptions[0], text: `${descriptions[0].text} More.` }, ...descriptions.slice(1)]);
    assert.notEqual(changed.hash, kb.hash);
    assert.match(kb.hash, /^[0-9a-f]{64}$/);
    assert.equal(kb.size, descriptions.length);
    assert.equal(kb.descriptionsById.get('jp-greetings-1-ja')?.language, 'ja');
    assert.equal(kb.hasEmbeddings, false);
  });

  it('rejects duplicate ids and embeddings from a model that cannot embed', async () => {
    await assert.rejects(buildKnowledgeBase([descriptions[0], descriptions[0]]), InputError);
    const model = createOpenAICompatibleModel(parseModelSpec('openai:x'), { baseUrl: 'http://127.0.0.1:9/v1' });
    const noEmbed = { ...model, capabilities: { ...model.capabilities, embed: false }, spec: model.spec };
    await assert.rejects(buildKnowledgeBase(descriptions, { embeddings: noEmbed }), /cannot embed/);
    await model.close();
  });

  it('gives the eval engine what its conditions need', async () => {
    const grounding = createEvalGrounding(kb, { k: 2 });
    const item = items.find((entry) => entry.id === 'jp-dining-1-k1-ja')!;
    const retrieved = await grounding.retrieve(item.prompt, item);
    assert.equal(retrieved.length, 2);
    assert.equal(retrieved[0].id, 'jp-dining-1-ja');
    assert.deepEqual(grounding.templates, { retrieved: 'grounding-retrieved@1', oracle: 'grounding-retrieved@1', recall: 'grounding-recall@1' });
    assert.equal(grounding.descriptionsById.get(item.descriptionId!)?.id, 'jp-dining-1-ja');
    const messages = grounding.groundMessages([{ role: 'user', content: item.prompt }], retrieved, { language: 'ja' });
    assert.ok(messages[0].content.startsWith('文化に関する知識：\n1. 日本では、ご飯'));
    const countryOnly = createEvalGrounding(kb, { filterByItemCountry: true });
    assert.ok((await countryOnly.retrieve('greeting', { ...item, language: 'en' })).every((description) => description.country === 'JP'));
  });
});

describe('buildKnowledgeBase with a store and embeddings', () => {
  let directory: string;
  let server: OpenAITestServer;
  before(async () => {
    directory = mkdtempSync(join(tmpdir(), 'culturekit-kb-'));
    server = await startOpenAITestServer({ dimensions: 64 });
  });
  after(async () => {
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('keeps the token lists in SQLite by content hash and reads them back instead of tokenizing again', async () => {
    const dbPath = join(directory, 'store.db');
    const first = await buildKnowledgeBase(descriptions, { dbPath });
    const database = new Database(dbPath);
    const row = database.prepare('SELECT tokens FROM grounding_indexes WHERE hash = ? AND tokenizer = ?').get(first.hash, TOKENIZER_VERSION) as {
      tokens: string;
    };
    const tokens = JSON.parse(row.tokens) as string[][];
    assert.equal(tokens.length, descriptions.length);
    // Plant a marker token in the stored list of the first description: a rebuild that reads the store finds it.
    tokens[0] = ['qzxplant'];
    database.prepare('UPDATE grounding_indexes SET tokens = ? WHERE hash = ?').run(JSON.stringify(tokens), first.hash);
    database.close();
    const second = await buildKnowledgeBase(descriptions, { dbPath });
    assert.equal(second.retrieve('qzxplant')[0]?.description.id, second.descriptions[0].id);
    const changed = await buildKnowledgeBase(descriptions.slice(1), { dbPath });
    assert.deepEqual(changed.retrieve('qzxplant'), []);
  });

  it('embeds each description once per model and text, and fuses dense and BM25 rankings', async () => {
    const dbPath = join(directory, 'embeddings.db');
    const embeddings = createOpenAICompatibleModel(parseModelSpec('openai:embedder'), { baseUrl: server.url });
    try {
      server.requests.clear();
      const kb = await buildKnowledgeBase(descriptions, { dbPath, embeddings });
      const embedded = server.requests.log.filter((request) => request.path === '/v1/embeddings');
      assert.equal(
        embedded.reduce((sum, request) => sum + (request.body as { input: string[] }).input.length, 0),
        descriptions.length,
      );
      assert.ok(embedded.every((request) => (request.body as { input: string[] }).input.length <= 64));
      assert.equal(kb.hasEmbeddings, true);

      const hits = await kb.retrieveHybrid('Why is it taboo to leave chopsticks standing upright in a bowl of rice?', { k: 3 });
      assert.equal(hits[0].description.id, 'jp-dining-1');
      assert.ok(hits[0].score <= 2 / 61 && hits[0].score > 0, 'reciprocal-rank-fusion scores');
      assert.deepEqual(
        kb.retrieve('chopsticks rice', { k: 3 }).map((hit) => hit.rank),
        [1, 2, 3],
      );
      const filtered = await kb.retrieveHybrid('greeting customs', { k: 4, countries: ['MX'] });
      assert.ok(filtered.every((hit) => hit.description.country === 'MX'));

      server.requests.clear();
      const again = await buildKnowledgeBase(descriptions, { dbPath, embeddings });
      assert.equal(server.requests.byPath['/v1/embeddings'] ?? 0, 0, 'all embeddings read from the store');
      assert.deepEqual(
        (await again.retrieveHybrid('chopsticks', { k: 3 })).map((hit) => hit.description.id),
        (await kb.retrieveHybrid('chopsticks', { k: 3 })).map((hit) => hit.description.id),
      );

      server.requests.clear();
      const edited: CulturalDescription[] = [{ ...descriptions[0], text: 'A brand new text about tea ceremonies.' }, ...descriptions.slice(1)];
      await buildKnowledgeBase(edited, { dbPath, embeddings });
      const inputs = server.requests.log.flatMap((request) => (request.body as { input: string[] }).input);
      assert.deepEqual(inputs, ['A brand new text about tea ceremonies.'], 'only the changed text is embedded');
    } finally {
      await embeddings.close();
    }
  });

  it('falls back to BM25 for retrieveHybrid without embeddings', async () => {
    const kb = await buildKnowledgeBase(descriptions);
    assert.deepEqual(await kb.retrieveHybrid('chopsticks rice', { k: 2 }), kb.retrieve('chopsticks rice', { k: 2 }));
  });
});
