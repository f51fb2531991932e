import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { evaluate } from '../../src/eval/evaluate.js';
import { writeReport } from '../../src/report/write-report.js';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';

let server: OpenAITestServer;
let directory: string;

before(async () => {
  // The model recalls a fixed sentence when asked to state knowledge, and otherwise answers "B".
  server = await startOpenAITestServer({
    respond: ({ messages }) => {
      const last = messages.at(-1)?.content ?? '';
      return /state the cultural knowledge/i.test(last) ? 'RECALLED: sets of four are unlucky in Japan.' : 'Answer: B';
    },
  });
  directory = mkdtempSync(join(tmpdir(), 'ck-conditions-'));
});
after(async () => server.close());

test('plain, recall, retrieved and oracle conditions side by side, each stored with what it gave the model', async () => {
  const dataset = join(directory, 'japan.jsonl');
  const records = [
    {
      type: 'description',
      id: 'jp-gifts-1',
      country: 'JP',
      topic: 'gifts',
      language: 'en',
      text: 'In Japan, gift sets of four items are avoided because four sounds like death.',
    },
    {
      type: 'description',
      id: 'jp-greetings-1',
      country: 'JP',
      topic: 'greetings',
      language: 'en',
      text: 'In Japan, people greet each other with a bow rather than a hug.',
    },
    {
      type: 'description',
      id: 'br-greetings-1',
      country: 'BR',
      topic: 'greetings',
      language: 'en',
      text: 'In Brazil, friends greet each other with kisses on the cheek.',
    },
    {
      id: 'jp-gifts-1-k1',
      prompt: 'Why are gift sets of four items avoided in Japan?',
      choices: ['Four is a lucky number', 'Four sounds like death', 'Four is too many', 'Four is odd'],
      answer: 'B',
      language: 'en',
      country: 'JP',
      category: 'gifts',
      descriptionId: 'jp-gifts-1',
    },
    {
      id: 'jp-greetings-1-k1',
      prompt: 'How do people in Japan usually greet each other?',
      choices: ['With a hug', 'With a bow', 'With a kiss', 'With a high five'],
      answer: 'B',
      language: 'en',
      country: 'JP',
      category: 'greetings',
      descriptionId: 'jp-greetings-1',
    },
  ];
  writeFileSync(dataset, `${records.map((record) => JSON.stringify(record)).join('\n')}\n`);
  const output = await evaluate({
    dataset,
    models: [{ spec: 'openai:test-model', baseUrl: server.url }],
    options: { conditions: ['plain', 'recall', 'retrieved', 'oracle'], groundingK: 1 },
    dbPath: join(directory, 'store.db'),
    outDir: join(directory, 'out'),
  });
  const rows = readFileSync(join(output.outDir, 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(rows.length, 8);
  const row = (condition: string, itemId: string) => rows.find((candidate) => candidate.condition === condition && candidate.itemId === itemId);
  const sent = (condition: string, itemId: string) => JSON.stringify(row(condition, itemId).prompt);

  assert.doesNotMatch(sent('plain', 'jp-gifts-1-k1'), /sounds like death\./);
  assert.match(sent('oracle', 'jp-gifts-1-k1'), /gift sets of four items are avoided because four sounds like death/);
  assert.deepEqual(row('oracle', 'jp-gifts-1-k1').details.grounding, ['jp-gifts-1']);
  assert.deepEqual(row('retrieved', 'jp-greetings-1-k1').details.grounding, ['jp-greetings-1'], 'the greeting question retrieves the greeting custom');
  assert.match(sent('retrieved', 'jp-greetings-1-k1'), /greet each other with a bow rather than a hug/);
  assert.doesNotMatch(sent('retrieved', 'jp-greetings-1-k1'), /kisses on the cheek/);

  const recall = row('recall', 'jp-gifts-1-k1');
  assert.equal(recall.details.steps[0].name, 'recall');
  assert.match(recall.details.steps[0].response, /RECALLED/);
  assert.match(sent('recall', 'jp-gifts-1-k1'), /RECALLED: sets of four are unlucky/);
  assert.match(recall.template, /grounding-recall@1/);
  assert.match(row('retrieved', 'jp-gifts-1-k1').template, /grounding-retrieved@1/);

  const conditions = output.summary.groups.map((group) => group.condition).sort();
  assert.deepEqual(conditions, ['oracle', 'plain', 'recall', 'retrieved']);
  for (const group of output.summary.groups) assert.equal(group.metrics.accuracy.overall.mean, 1);

  // The report compares each condition with plain, item by item.
  const markdown = await writeReport({ runs: [output.outDir], format: 'md', dbPath: join(directory, 'store.db') });
  assert.match(markdown.content, /## Conditions compared/);
  for (const condition of ['recall', 'retrieved', 'oracle']) assert.match(markdown.content, new RegExp(`### Knowledge: ${condition} \\(.*\\) vs plain`));
  assert.equal(markdown.report.conditionComparisons.length, 3);
  assert.equal(markdown.report.conditionComparisons[0].comparison?.pairs, 2);
  const page = await writeReport({ runs: [output.outDir], format: 'html', dbPath: join(directory, 'store.db') });
  assert.match(page.content, /<section id="conditions"><h2>Conditions compared<\/h2>/);
});
