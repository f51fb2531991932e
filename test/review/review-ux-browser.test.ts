import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadDataset } from '../../src/benchmarks/load-dataset.js';
import { deriveRecordStates } from '../../src/review/record-state.js';
import { openReviewStore, type ReviewStore } from '../../src/review/review-store.js';
import { startReviewServer, type ReviewServer } from '../../src/web/review/start-review-server.js';
import { browserSkip, launchChromium } from '../fixtures/launch-chromium.js';
import { assertAccessible, pageExtent, screenshot } from '../web/browser-checks.js';
import { SCRIPT_TEXT, temporaryDirectory, writeLinkedDataset } from './review-fixture.js';

let reviews: ReviewStore;
let server: ReviewServer;
let browser: Browser;
let adminToken: string;
const tokens: Record<string, string> = {};
const AREA = 'review';
const GUIDELINES = `Check each answer against the description.\nReject questions whose wording gives the answer away. ${SCRIPT_TEXT}`;

describe('the review app in Chromium: guidelines, skip, undo, word diffs in adjudication, phone and dark mode, accessibility', { skip: browserSkip() }, () => {
  before(async () => {
    const { directory, dbPath } = temporaryDirectory();
    reviews = openReviewStore(dbPath);
    const dataset = await loadDataset(writeLinkedDataset(directory));
    const created = reviews.createProject({ name: 'shoes', dataset, reviewsPerRecord: 2 });
    adminToken = created.adminToken;
    reviews.setGuidelines(created.project.id, GUIDELINES);
    for (const name of ['alice', 'bob', 'carol']) tokens[name] = reviews.addAnnotator('shoes', name).token;
    server = await startReviewServer({ reviews, port: 0 });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    reviews?.close();
  });

  async function signIn(token: string, options: { phone?: boolean; dark?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({
      viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
      isMobile: options.phone,
      colorScheme: options.dark ? 'dark' : 'light',
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.fill('#token', token);
    await Promise.all([page.waitForURL(/\/(review|admin)/), page.click('button[type="submit"]')]);
    return page;
  }

  const currentRecord = (page: Page) => page.getAttribute('section[data-record]', 'data-record');
  async function pressAndLand(page: Page, key: string, record: string): Promise<void> {
    await Promise.all([page.waitForURL((url) => url.pathname === '/review' && url.searchParams.get('record') === record), page.keyboard.press(key)]);
    await page.waitForLoadState('domcontentloaded');
  }
  const aliceReviews = () =>
    deriveRecordStates(reviews.records(1), reviews.events(1), 2)
      .filter((state) => state.reviews.some((review) => review.actor === 'alice'))
      .map((state) => state.record.key);

  test('an annotator sees the guidelines, skips a record, accepts one and undoes it with the keyboard', async () => {
    const page = await signIn(tokens.alice);
    assert.equal(await page.getAttribute('details[data-panel="guidelines"]', 'open'), '', 'open before the first review');
    assert.equal(await page.textContent('[data-field="guidelines"]'), GUIDELINES, 'the guidelines, markup shown as text');
    await screenshot(page, AREA, 'review-guidelines');
    await assertAccessible(page, 'review page');
    assert.equal(await currentRecord(page), 'description:d1');
    await pressAndLand(page, 's', 'item:q1');
    assert.deepEqual(aliceReviews(), [], 'skipping records nothing');
    await pressAndLand(page, 'a', 'item:q2');
    assert.deepEqual(aliceReviews(), ['item:q1']);
    assert.match((await page.textContent('[data-panel="undo"]'))!, /Last: accept of item:q1/);
    assert.equal(await page.getAttribute('details[data-panel="guidelines"]', 'open'), null, 'folded once work has started');
    await page.keyboard.press('g');
    assert.equal(await page.getAttribute('details[data-panel="guidelines"]', 'open'), '');
    await pressAndLand(page, 'u', 'item:q1');
    assert.deepEqual(aliceReviews(), [], 'the accept is taken back');
    assert.equal(await page.locator('[data-field="my-review"]').count(), 0);
    assert.equal(await page.locator('[data-panel="undo"]').count(), 0, 'nothing left to undo');
    await page.context().close();
  });

  test('adjudication shows each edit word by word (not whole fields struck through), and the admin can undo a decision', async () => {
    for (const [name, prompt] of [
      ['bob', 'Where do guests take off their shoes in a Japanese home?'],
      ['carol', 'Where do visitors take off their shoes in a Japanese house?'],
    ] as const) {
      const page = await signIn(tokens[name]);
      await page.goto(new URL('/review?record=item%3Aq1', server.url).href);
      await page.keyboard.press('e');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(prompt);
      await pressAndLand(page, 'Control+Enter', 'item:q2');
      await page.context().close();
    }
    const admin = await signIn(adminToken);
    await admin.goto(new URL('/admin/adjudicate', server.url).href);
    const carol = admin.locator('section[data-record="item:q1"] [data-actor="carol"]');
    assert.deepEqual(await carol.locator('[data-field="diff-prompt"] del').allTextContents(), ['shoes', 'come', 'home']);
    assert.deepEqual(await carol.locator('[data-field="diff-prompt"] ins').allTextContents(), ['visitors', 'take', 'their shoes ', 'house']);
    assert.equal(await carol.locator('[data-field="edited-prompt"]').textContent(), 'Where do visitors take off their shoes in a Japanese house?');
    assert.ok(await admin.isVisible('details[data-panel="guidelines"]'));
    await screenshot(admin, AREA, 'adjudication-word-diff');
    await assertAccessible(admin, 'adjudication');
    await Promise.all([admin.waitForLoadState('domcontentloaded'), admin.locator('section[data-record="item:q1"] button[data-actor="carol"]').click()]);
    await admin.waitForSelector('section[data-record="item:q1"]', { state: 'detached' });
    assert.match((await admin.textContent('[data-panel="undo"]'))!, /Last: edit of item:q1/);
    await Promise.all([admin.waitForLoadState('domcontentloaded'), admin.click('button[data-action="undo"]')]);
    assert.ok(await admin.isVisible('section[data-record="item:q1"]'), 'the dispute is open again');
    await admin.context().close();
  });

  test('on a phone, in dark mode: long values wrap inside the screen and stay accessible', async () => {
    const page = await signIn(tokens.alice, { phone: true, dark: true });
    await page.goto(new URL('/review?record=description%3Ad1', server.url).href);
    assert.ok((await pageExtent(page)).overflowX <= 0);
    assert.equal(await page.evaluate('getComputedStyle(document.body).backgroundColor'), 'rgb(19, 22, 25)');
    await screenshot(page, AREA, 'review-phone-dark');
    await assertAccessible(page, 'review page on a phone (dark)');
    await page.context().close();
  });
});
