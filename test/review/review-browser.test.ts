import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadDataset } from '../../src/benchmarks/load-dataset.js';
import { exportVerified } from '../../src/review/export-verified.js';
import { openReviewStore, type ReviewStore } from '../../src/review/review-store.js';
import { startReviewServer, type ReviewServer } from '../../src/web/review/start-review-server.js';
import { IMG_TEXT, SCRIPT_TEXT, temporaryDirectory, writeLinkedDataset } from './review-fixture.js';
import { browserSkip, launchChromium } from '../fixtures/launch-chromium.js';

let directory: string;
let reviews: ReviewStore;
let server: ReviewServer;
let browser: Browser;
let adminToken: string;
let aliceToken: string;
let bobToken: string;

describe('the review app in Chromium', { skip: browserSkip() }, () => {
  before(async () => {
    let dbPath: string;
    ({ directory, dbPath } = temporaryDirectory());
    reviews = openReviewStore(dbPath);
    const dataset = await loadDataset(writeLinkedDataset(directory));
    adminToken = reviews.createProject({ name: 'shoes', dataset, reviewsPerRecord: 2 }).adminToken;
    aliceToken = reviews.addAnnotator('shoes', 'alice').token;
    bobToken = reviews.addAnnotator('shoes', 'bob').token;
    server = await startReviewServer({ reviews, port: 0 });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    reviews?.close();
  });

  interface Session {
    context: BrowserContext;
    page: Page;
    dialogs: string[];
    external: string[];
    consoleErrors: string[];
  }

  async function openSession(): Promise<Session> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const session: Session = { context, page, dialogs: [], external: [], consoleErrors: [] };
    page.on('dialog', (dialog) => {
      session.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url)) session.external.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') session.consoleErrors.push(message.text());
    });
    return session;
  }

  async function signIn(page: Page, token: string): Promise<void> {
    const response = await page.goto(server.url);
    assert.equal(response!.status(), 401, 'nothing shows before signing in');
    await page.fill('#token', token);
    await Promise.all([page.waitForURL(/\/(review|admin)/), page.click('button[type="submit"]')]);
  }

  /** The id of the focused element. */
  const activeId = (page: Page) => page.evaluate('document.activeElement && document.activeElement.id');
  const currentRecord = (page: Page) => page.getAttribute('section[data-record]', 'data-record');
  const progress = (page: Page) => page.textContent('[data-field="progress"]');

  /** Presses a key that navigates and waits until the page shows `record` (or the empty queue). */
  async function pressAndLand(page: Page, key: string, record: string | null): Promise<void> {
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/review' && (record === null ? !url.searchParams.get('record') : url.searchParams.get('record') === record)),
      page.keyboard.press(key),
    ]);
    await page.waitForLoadState('domcontentloaded');
  }

  test('an annotator signs in and reviews with the keyboard: accept, edit, reject, back and forth; markup in the data stays text', async () => {
    const session = await openSession();
    const { page } = session;
    await signIn(page, aliceToken);
    const [cookie] = await session.context.cookies();
    assert.equal(cookie.name, 'culturekit_review');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(await page.textContent('[data-field="who"]'), 'alice');

    assert.equal(await currentRecord(page), 'description:d1');
    assert.equal(await progress(page), '0 / 4');
    assert.equal(await page.textContent('[data-field="text"]'), `Shoes come off at the door. ${SCRIPT_TEXT}`, 'the script tag is shown literally');
    assert.equal(await page.locator('[data-panel="queries"] li').count(), 3, "the description's queries are shown beside it");
    assert.equal(await page.locator('script').count(), 1, 'only our own nonce-tagged script');

    await pressAndLand(page, 'a', 'item:q1');
    assert.equal(await progress(page), '1 / 4');
    assert.ok(
      (await page.textContent('[data-panel="description"] [data-field="description-text"]'))!.includes(SCRIPT_TEXT),
      'the description beside its query',
    );

    await page.keyboard.press('e');
    assert.equal(await activeId(page), 'field_prompt', 'e opens the edit form on the first field');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Where do guests take off their shoes in a Japanese home?');
    await pressAndLand(page, 'Control+Enter', 'item:q2');
    assert.equal(await progress(page), '2 / 4');
    assert.equal(await page.textContent('[data-field="prompt"]'), `Which is polite? ${IMG_TEXT}`);
    assert.equal(await page.locator('main img').count(), 0, 'the prompt made no image');

    await page.keyboard.press('r');
    assert.equal(await activeId(page), 'reason');
    await page.keyboard.type('the question gives the answer away');
    await pressAndLand(page, 'Enter', 'item:q3');
    assert.equal(await progress(page), '3 / 4');

    await pressAndLand(page, 'k', 'item:q2');
    assert.match((await page.textContent('[data-field="my-review"]'))!, /reject/);
    await pressAndLand(page, 'j', 'item:q3');
    await page.keyboard.press('Escape');
    await pressAndLand(page, 'a', null);
    assert.equal(await progress(page), '4 / 4');
    assert.ok(await page.isVisible('[data-field="queue-empty"]'));

    await page.goto(`${server.url}review?record=item%3Aq1`);
    assert.match((await page.textContent('[data-field="my-review"]'))!, /edit/);
    assert.equal(await page.inputValue('#field_prompt'), 'Where do guests take off their shoes in a Japanese home?', 'the edit form shows my edit');
    const response = await page.goto(`${server.url}admin`);
    assert.equal(response!.status(), 403, 'an annotator cannot open the admin pages');
    assert.deepEqual(session.dialogs, []);
    assert.deepEqual(session.external, []);
    assert.deepEqual(
      session.consoleErrors.filter((message) => !message.startsWith('Failed to load resource')),
      [],
      'no CSP violation, no script error',
    );
    await session.context.close();
  });

  test('the admin sees agreement, adjudicates the two disagreements (both edits shown), and the export carries the decisions', async () => {
    const api = (body: object) =>
      fetch(new URL('/api/reviews', server.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${bobToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    for (const body of [
      { record: 'description:d1', decision: 'accept' },
      { record: 'item:q1', decision: 'edit', fields: { prompt: 'In a Japanese home, where are shoes removed?' } },
      { record: 'item:q2', decision: 'accept' },
      { record: 'item:q3', decision: 'accept' },
    ]) {
      assert.equal((await api(body)).status, 201);
    }

    const session = await openSession();
    const { page } = session;
    await signIn(page, adminToken);
    assert.equal(new URL(page.url()).pathname, '/admin');
    assert.equal(await page.textContent('td[data-status="disputed"]'), '2');
    // Decisions [A,A] [E,E] [R,A] [A,A]: n = 8 (5 A, 2 E, 1 R), D = 2, expected pairs 56 − 20 − 2 = 34, α = 1 − 7·2/34 = 0.588.
    assert.equal(await page.textContent('tr[data-measure="decision"] [data-field="alpha"]'), '0.588');
    await Promise.all([page.waitForURL(/adjudicate/), page.click('a[href="/admin/adjudicate"]')]);
    assert.equal(await page.textContent('[data-field="disputes"]'), '2');
    const q1 = page.locator('section[data-record="item:q1"]');
    assert.deepEqual(await q1.locator('.review').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-actor'))), ['alice', 'bob']);
    assert.equal(
      await q1.locator('[data-actor="alice"] [data-field="edited-prompt"]').textContent(),
      'Where do guests take off their shoes in a Japanese home?',
    );
    assert.equal(await q1.locator('[data-actor="bob"] [data-field="edited-prompt"]').textContent(), 'In a Japanese home, where are shoes removed?');
    await Promise.all([page.waitForLoadState('domcontentloaded'), q1.locator('button[data-actor="alice"]').click()]);
    await page.waitForSelector('section[data-record="item:q1"]', { state: 'detached' });

    const q2 = page.locator('section[data-record="item:q2"]');
    assert.equal(await q2.locator('[data-actor="alice"] [data-field="reason"]').textContent(), 'the question gives the answer away');
    await q2.locator('input[name="reason"]').fill('gives the answer away (adjudicated)');
    await Promise.all([page.waitForLoadState('domcontentloaded'), q2.locator('button[data-action="reject"]').click()]);
    await page.waitForSelector('section[data-record="item:q2"]', { state: 'detached' });
    assert.equal(await page.textContent('[data-field="disputes"]'), '0');
    assert.deepEqual(session.dialogs, []);
    assert.deepEqual(session.external, []);
    await session.context.close();

    const out = join(directory, 'verified.jsonl');
    const { manifest } = exportVerified(reviews, { project: 'shoes', out });
    assert.deepEqual(manifest.counts, { records: 4, pending: 0, disputed: 0, accepted: 2, edited: 1, rejected: 1, exported: 3 });
    assert.equal(manifest.adjudicated, 2);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(
      lines.map((line) => line.id),
      ['d1', 'q1', 'q3'],
    );
    assert.equal(lines[0].text, `Shoes come off at the door. ${SCRIPT_TEXT}`);
    assert.equal(lines[1].prompt, 'Where do guests take off their shoes in a Japanese home?');
    const verified = await loadDataset(out);
    assert.equal(verified.descriptions.length, 1);
    assert.equal(verified.items.length, 2);
  });
});
