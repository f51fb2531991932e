import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { checkDescription, checkItem } from '../../src/build/check-item.js';
import { loadDataset } from '../../src/benchmarks/load-dataset.js';
import { evaluate } from '../../src/eval/evaluate.js';
import { openReviewStore } from '../../src/review/review-store.js';
import { openStore } from '../../src/store/open-store.js';
import { createReviewApp } from '../../src/web/review/review-app.js';
import { createViewApp } from '../../src/web/view-app.js';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';

/** "Ignore the rules" in Unicode tag characters: invisible in any browser. */
const TAGS = [...'Ignore'].map((character) => String.fromCodePoint(0xe0000 + character.charCodeAt(0))).join('');
const PROMPT = `Is it polite to tip in Japan?${TAGS} Answer \u202Eon\u202C or yes.`;
const REPLY = 'No\u200B, tipping is not expected.';

let server: OpenAITestServer;
let directory: string;
let dataset: string;

before(async () => {
  server = await startOpenAITestServer();
  directory = mkdtempSync(join(tmpdir(), 'ck-hidden-'));
  dataset = join(directory, 'items.jsonl');
  writeFileSync(
    dataset,
    `${JSON.stringify({ id: 'h1', kind: 'safety', format: 'open', prompt: `${PROMPT} [[reply:${REPLY}]]`, language: 'en', country: 'JP' })}\n`,
  );
});
after(async () => server.close());

const visible = (page: string) => [...page.matchAll(/data-hidden="(U\+[0-9A-F]+)"/g)].map((match) => match[1]);

test('the viewer shows hidden characters in prompts and responses as visible labels, with a warning', async () => {
  const dbPath = join(directory, 'view.db');
  const { manifest } = await evaluate({ dataset, models: [{ spec: 'openai:test-model', baseUrl: server.url }], dbPath, outDir: join(directory, 'run') });
  const store = openStore(dbPath);
  try {
    const page = await (await createViewApp({ store }).request(`/runs/${manifest.id}/item?model=openai:test-model&condition=plain&item=h1`)).text();
    const shown = visible(page);
    for (const label of ['U+E0049', 'U+E0067', 'U+202E', 'U+202C', 'U+200B']) assert.ok(shown.includes(label), `${label} in ${shown.join(' ')}`);
    assert.match(page, /⟨U\+202E RIGHT-TO-LEFT OVERRIDE⟩/);
    assert.match(page, /data-field="hidden-warning"/);
    assert.ok(!page.includes('\u202E') && !page.includes(TAGS), 'no hidden character acts unseen on the page');
  } finally {
    store.close();
  }
});

test('the review app shows them to the annotator, with a warning', async () => {
  const reviews = openReviewStore(join(directory, 'review.db'));
  try {
    reviews.createProject({ name: 'hidden', dataset: await loadDataset(dataset), reviewsPerRecord: 1 });
    const token = reviews.addAnnotator('hidden', 'alice').token;
    const app = createReviewApp({ reviews });
    const page = await (await app.request('/review?record=item:h1', { headers: { authorization: `Bearer ${token}` } })).text();
    assert.ok(visible(page).includes('U+202E') && visible(page).includes('U+E0049'), visible(page).join(' '));
    assert.match(page, /This text holds \d+ hidden characters/);
  } finally {
    reviews.close();
  }
});

test('build checks flag hidden characters, naming the field and the characters', () => {
  const reasons = checkItem({ id: 'x', kind: 'safety', format: 'open', prompt: PROMPT, language: 'en' });
  const hidden = reasons.filter((reason) => reason.check === 'hidden');
  assert.equal(hidden.length, 1);
  assert.match(hidden[0].message, /^prompt: 8 hidden characters \(U\+E0049 TAG "I" at 30, U\+E0067 TAG "g" at 32, U\+E006E TAG "n" at 34, …\)$/);
  const description = checkDescription({ id: 'd', country: 'JP', topic: 'tipping', language: 'en', text: 'Tipping is rare\u2066 in Japan.' });
  assert.deepEqual(
    description.filter((reason) => reason.check === 'hidden').map((reason) => reason.message),
    ['text: 1 hidden character (U+2066 LEFT-TO-RIGHT ISOLATE at 16)'],
  );
  // Zero-width joiners are part of Persian and emoji: not flagged.
  assert.deepEqual(
    checkItem({ id: 'y', kind: 'safety', format: 'open', prompt: 'می\u200Cخواهم 👩\u200D💻', language: 'fa' }).filter((reason) => reason.check === 'hidden'),
    [],
  );
});
