import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadBuiltinSample } from '../../src/datasets/builtin/builtin-sample.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { recallMessages } from '../../src/grounding/grounded-prompts.js';
import { buildKnowledgeBase } from '../../src/grounding/knowledge-base.js';
import { createRetrievalPipeline } from '../../src/grounding/retrieval-pipeline.js';
import { evaluateRetrieval, retrievalQueries } from '../../src/grounding/retrieval-metrics.js';
import { writeReport } from '../../src/report/write-report.js';
import { resolveRetrievalSettings } from '../../src/settings/run-settings.js';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';

let server: OpenAITestServer;
let directory: string;

before(async () => {
  // Right (the sample's letter) only when the prompt carries the item's own description text: grounding matters.
  const sample = loadBuiltinSample();
  const byPrompt = sample.items
    .filter((item) => item.kind === 'knowledge')
    .map((item) => ({ item, text: sample.descriptions.find((d) => d.id === item.descriptionId)!.text }));
  const recallInstructions = ['en', 'ja', 'zh', 'ar', 'es', 'fr'].map((language) => {
    const content = recallMessages([{ role: 'user', content: '\u0000' }], { language }).at(-1)!.content;
    return content.slice(0, Math.min(30, content.indexOf('\u0000')));
  });
  server = await startOpenAITestServer({
    respond: ({ messages }) => {
      const all = messages.map((message) => message.content).join('\n');
      if (recallInstructions.some((instruction) => all.includes(instruction))) return 'RECALLED: the custom of bowing and greetings.';
      const entry = byPrompt.find(({ item }) => all.includes(item.prompt));
      if (!entry) return 'Answer: A';
      return `Answer: ${all.includes(entry.text.slice(0, 40)) ? entry.item.answer : entry.item.answer === 'A' ? 'B' : 'A'}`;
    },
  });
  directory = mkdtempSync(join(tmpdir(), 'ck-retrieval-e2e-'));
});
after(async () => {
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

test('the retrieved condition uses the configured pipeline; the report shows recall of the grounded descriptions and the oracle gain captured', async () => {
  const dbPath = join(directory, 'store.db');
  const output = await evaluate({
    dataset: 'builtin:sample',
    models: [{ spec: 'openai:test-model', baseUrl: server.url }],
    options: { conditions: ['plain', 'retrieved', 'oracle'], kinds: ['knowledge'], limit: 60, groundingK: 1, retrieval: { firstStage: 'bm25' } },
    dbPath,
    outDir: join(directory, 'out'),
  });
  const rows = readFileSync(join(output.outDir, 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const retrieved = rows.filter((row) => row.condition === 'retrieved');
  const hits = retrieved.filter((row) => row.details.grounding[0] === row.descriptionId).length;

  // The same pipeline measured by the retrieval evaluation gives the same recall@1 as the run.
  const sample = loadBuiltinSample();
  const kb = await buildKnowledgeBase(sample.descriptions);
  const pipeline = createRetrievalPipeline(kb, resolveRetrievalSettings({ firstStage: 'bm25' }));
  const evaluated = new Set(retrieved.map((row) => row.itemId));
  const queries = retrievalQueries(sample.items.filter((item) => evaluated.has(item.id)));
  const evaluation = await evaluateRetrieval(queries, async (query) =>
    (await pipeline.retrieve(query.query, { k: 1, language: query.language, choices: query.choices })).map((hit) => hit.description.id),
  );
  assert.equal(hits / retrieved.length, evaluation.overall.recall[1]);
  assert.equal(output.manifest.options.retrieval?.firstStage, 'bm25');

  const markdown = await writeReport({ runs: [output.outDir], format: 'html', dbPath });
  const summary = markdown.report.runs[0].retrieval!;
  const row = (condition: string) => summary.rows.find((entry) => entry.condition === condition)!;
  assert.equal(row('oracle').recall, 1);
  assert.equal(row('retrieved').recall, hits / retrieved.length);
  assert.equal(row('plain').recall, undefined);
  assert.equal(row('oracle').knowledge.mean, 1, 'with its own description the test model is always right');
  assert.ok(row('plain').knowledge.mean! < 0.05);
  assert.equal(row('retrieved').split!.hit.knowledge.mean, 1);
  assert.equal(row('retrieved').split!.miss.knowledge.n, retrieved.length - hits);
  const captured = summary.captured.find((entry) => entry.kind === 'knowledge')!;
  const [plain, found] = [row('plain').knowledge.mean!, row('retrieved').knowledge.mean!];
  assert.equal(captured.share, (found - plain) / (1 - plain));
  assert.ok(found >= hits / retrieved.length, 'every item grounded in its own description is answered right');
  assert.match(markdown.content, /<h3>Grounding and retrieval<\/h3>/);
  assert.match(markdown.content, /Share of the oracle&#39;s gain that retrieval captures|Share of the oracle's gain that retrieval captures/);
  // The Markdown report has the same section, with the same recall.
  const md = await writeReport({ runs: [output.outDir], format: 'md', dbPath });
  assert.match(md.content, /### Grounding and retrieval\n/);
  const recallCell = `${(100 * (hits / retrieved.length)).toFixed(1)}%`;
  assert.ok(
    md.content.split('\n').some((line) => line.startsWith('| openai:test-model · retrieved |') && line.includes(recallCell)),
    recallCell,
  );
  assert.match(md.content, /### Share of the oracle's gain that retrieval captures\n/);
});

test('with query rewriting, the retrieved condition records the recall step it searched', async () => {
  const output = await evaluate({
    dataset: 'builtin:sample',
    models: [{ spec: 'openai:test-model', baseUrl: server.url }],
    options: { conditions: ['retrieved'], kinds: ['knowledge'], limit: 4, retrieval: { rewrite: true } },
    dbPath: join(directory, 'store.db'),
    outDir: join(directory, 'out-rewrite'),
  });
  const rows = readFileSync(join(output.outDir, 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(rows.length, 4);
  for (const row of rows) {
    assert.equal(row.details.steps[0].name, 'recall');
    assert.match(row.details.steps[0].response, /RECALLED/);
    assert.equal(row.details.grounding.length, 3);
  }
});
