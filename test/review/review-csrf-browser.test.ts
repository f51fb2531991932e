import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadDataset } from '../../src/benchmarks/load-dataset.js';
import { openReviewStore, type ReviewStore } from '../../src/review/review-store.js';
import { startReviewServer, type ReviewServer } from '../../src/web/review/start-review-server.js';
import { browserSkip, launchChromium } from '../fixtures/launch-chromium.js';
import { temporaryDirectory, writeLinkedDataset } from './review-fixture.js';

let reviews: ReviewStore;
let server: ReviewServer;
let attacker: Server;
let attackerUrl: string;
/** The review app's origin (no trailing slash). */
let origin: string;
let browser: Browser;
let adminToken: string;
let aliceToken: string;
let malloryToken: string;
const attackerPages = new Map<string, string>();

/** A page of the attacker's site: `body` is its HTML. */
function attackerPage(path: string, body: string): string {
  attackerPages.set(path, `<!doctype html><html><body>${body}</body></html>`);
  return `${attackerUrl}${path}`;
}

/**
 * A form that posts itself at once from a page whose referrer policy is `no-referrer`: Chromium then sends `Origin: null`,
 * and, the page being on the same site (another port of 127.0.0.1), the SameSite=Strict cookie goes with it.
 */
function nullOriginForm(action: string, fields: Record<string, string>): string {
  return `<meta name="referrer" content="no-referrer">${crossOriginForm(action, fields)}`;
}

function crossOriginForm(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input name="${name}" value="${value}">`)
    .join('');
  return `<form method="post" action="${action}">${inputs}</form><script>document.forms[0].submit()</script>`;
}

describe('the review app refuses cross-site requests from a second origin, in Chromium', { skip: browserSkip() }, () => {
  before(async () => {
    const { directory, dbPath } = temporaryDirectory();
    reviews = openReviewStore(dbPath);
    const dataset = await loadDataset(writeLinkedDataset(directory));
    adminToken = reviews.createProject({ name: 'shoes', dataset, reviewsPerRecord: 1 }).adminToken;
    aliceToken = reviews.addAnnotator('shoes', 'alice').token;
    malloryToken = reviews.addAnnotator('shoes', 'mallory').token;
    server = await startReviewServer({ reviews, port: 0 });
    origin = new URL(server.url).origin;
    // The attacker: another port of the same machine (same site for cookies: SameSite does not help here).
    attacker = createServer((request, response) => {
      const page = attackerPages.get(request.url ?? '');
      response.writeHead(page ? 200 : 404, { 'content-type': 'text/html' }).end(page ?? 'not found');
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as { port: number }).port}`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
    await server?.close();
    reviews?.close();
  });

  async function signedIn(token: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/sign-in`);
    await page.fill('#token', token);
    await Promise.all([page.waitForURL(/\/(review|admin)/), page.click('button[type="submit"]')]);
    return { context, page };
  }

  /** Opens an attacker page in the victim's browser and waits until its requests are answered. */
  async function visit(page: Page, url: string): Promise<number[]> {
    const statuses: number[] = [];
    const listener = (response: { url(): string; status(): number }) => {
      if (response.url().startsWith(origin)) statuses.push(response.status());
    };

    page.on('response', listener);
    await page.goto(url);
    for (let waited = 0; waited < 5000 && statuses.length === 0; waited += 50) await page.waitForTimeout(50);
    await page.waitForTimeout(200);
    page.off('response', listener);
    return statuses;
  }

  const me = async (page: Page) => (await (await page.context().request.get(`${origin}/api/me`)).json()) as { annotator?: string; role: string };

  test("an annotator's verdict: refused from Origin null and from another origin; nothing is recorded", async () => {
    const { context, page } = await signedIn(aliceToken);
    const fields = { record: 'item:q1', decision: 'reject', reason: 'forged' };
    const fromNull = await visit(page, attackerPage('/null-verdict', nullOriginForm(`${origin}/review`, fields)));
    assert.deepEqual(fromNull, [403]);
    const fromOther = await visit(page, attackerPage('/cross-verdict', crossOriginForm(`${origin}/review`, fields)));
    assert.deepEqual(fromOther, [403]);
    // A no-cors fetch of the JSON API with the cookie and no referrer (Origin: null).
    const script = `<script>fetch(${JSON.stringify(`${origin}/api/reviews`)}, { method: 'POST', mode: 'no-cors', credentials: 'include', referrerPolicy: 'no-referrer', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(${JSON.stringify(fields)}) })</script>`;
    const fromFetch = await visit(page, attackerPage('/null-fetch', script));
    assert.deepEqual(fromFetch, [403]);
    assert.equal(reviews.events(reviews.getProject('shoes')!.id).length, 0, 'no forged event');
    // The app's own form still works, with its CSRF field.
    await page.goto(`${origin}/review?record=item:q1`);
    await Promise.all([page.waitForURL(/\/review/), page.click('#accept-form button')]);
    assert.equal(reviews.events(reviews.getProject('shoes')!.id).length, 1);
    await context.close();
  });

  test('an admin adjudication from Origin null is refused', async () => {
    const { context, page } = await signedIn(adminToken);
    const statuses = await visit(
      page,
      attackerPage('/null-adjudicate', nullOriginForm(`${origin}/admin/adjudicate`, { record: 'item:q2', decision: 'reject', reason: 'forged' })),
    );
    assert.deepEqual(statuses, [403]);
    assert.equal(reviews.events(reviews.getProject('shoes')!.id).filter((event) => event.action === 'adjudicate').length, 0);
    await context.close();
  });

  test('signing the browser in as someone else (login CSRF) is refused', async () => {
    const { context, page } = await signedIn(aliceToken);
    const statuses = await visit(page, attackerPage('/null-login', nullOriginForm(`${origin}/sign-in`, { token: malloryToken })));
    assert.deepEqual(statuses, [403]);
    assert.equal((await me(page)).annotator, 'alice');
    await context.close();
  });

  test('a cookie request without the CSRF token is refused even from the same origin; the cookie expires', async () => {
    const { context, page } = await signedIn(aliceToken);
    const response = await context.request.post(`${origin}/api/reviews`, {
      headers: { origin, 'content-type': 'application/json' },
      data: JSON.stringify({ record: 'item:q3', decision: 'accept' }),
    });
    assert.equal(response.status(), 403);
    assert.match(await response.text(), /CSRF token/);
    const [cookie] = await context.cookies(origin);
    assert.ok(cookie.expires > Date.now() / 1000 && cookie.expires < Date.now() / 1000 + 13 * 3600, `the cookie expires (${cookie.expires})`);
    await context.close();
  });
});
