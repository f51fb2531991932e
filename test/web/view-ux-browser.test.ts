import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openStore, type Store } from '../../src/store/open-store.js';
import { startViewServer, type ViewServer } from '../../src/web/start-view-server.js';
import { browserSkip, launchChromium } from '../fixtures/launch-chromium.js';
import { createFixtureRuns, IMG_INJECTION, type FixtureRuns } from '../report/fixture-runs.js';
import { assertAccessible, pageExtent, screenshot } from './browser-checks.js';
import { addPairRun, fixtureDescriptions, PAIR_RUN } from './view-fixture.js';

let runs: FixtureRuns;
let store: Store;
let server: ViewServer;
let browser: Browser;

const AREA = 'web';

/** Waits (up to 15 s) until an element of a page that reloads itself shows a text: nothing but the page's own refresh reloads it. */
async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  let seen: string | null = null;
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    seen = await page.textContent(selector, { timeout: 1000 }).catch(() => null);
    if (seen === text) return;
  }
  throw new Error(`${selector} still shows ${JSON.stringify(seen)}, not ${JSON.stringify(text)}`);
}
/** One category far longer than any screen (no spaces), and a response of many paragraphs. */
const LONG_CATEGORY = `${'traditionalceremonialetiquette'.repeat(200)}`;
const LONG_RESPONSE = Array.from({ length: 400 }, (_, index) => `Paragraph ${index}: a long answer that goes on.`).join('\n');

describe('the viewer in Chromium: safety scores, comparison, search, sort, keyboard, phone, dark mode, live view, accessibility', {
  skip: browserSkip(),
}, () => {
  before(async () => {
    runs = await createFixtureRuns();
    store = openStore(runs.dbPath);
    addPairRun(store, runs);
    const long = [...store.iterateResults(PAIR_RUN)]
      .slice(0, 3)
      .map((row) => ({ ...row, itemId: `${row.itemId}-long`, category: LONG_CATEGORY, response: LONG_RESPONSE }));
    store.saveResults(long.map((row) => ({ row })));
    server = await startViewServer({ store, port: 0, descriptions: fixtureDescriptions, refreshSeconds: 1, pageSize: 30 });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    store?.close();
  });

  async function open(path: string, options: { phone?: boolean; dark?: boolean } = {}): Promise<Page> {
    const page = await browser.newPage({
      viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
      deviceScaleFactor: 1,
      isMobile: options.phone,
      hasTouch: options.phone,
      colorScheme: options.dark ? 'dark' : 'light',
    });
    page.on('dialog', (dialog) => {
      void dialog.dismiss();
      throw new Error(`a dialog opened: ${dialog.message()}`);
    });
    await page.goto(new URL(path, server.url).href);
    return page;
  }

  test('safety: score column sorted by clicking its header, per-judge scores and reasoning, the description beside query and response', async () => {
    const page = await open(`/runs/${PAIR_RUN}/items?kind=safety`);
    await page.click('th a[data-sort="score"]');
    await page.waitForURL(/sort=score/);
    assert.equal(await page.getAttribute('th:has(a[data-sort="score"])', 'aria-sort'), 'ascending');
    const scores = await page.$$eval('td[data-label="score"]', (cells) => cells.map((cell) => Number(cell.getAttribute('data-score'))));
    assert.ok(scores.length >= 10);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => a - b),
    );
    await page.click('th a[data-sort="score"]');
    await page.waitForURL(/dir=desc/);
    assert.equal(await page.getAttribute('th:has(a[data-sort="score"])', 'aria-sort'), 'descending');
    await screenshot(page, AREA, 'items-safety-by-score');
    await assertAccessible(page, 'items sorted by score');
    await page.click('td[data-label="item"] a');
    assert.equal(await page.locator('[data-field="judge-score"]').count(), 2);
    assert.ok((await page.locator('[data-field="reasoning"]').first().textContent())!.includes(IMG_INJECTION), 'the reasoning is shown as text');
    assert.equal(await page.locator('main img').count(), 0);
    const order = await page.$$eval('[data-field="description"], [data-field="prompt"], [data-field="response"]', (nodes) =>
      nodes.map((node) => node.getAttribute('data-field')),
    );
    assert.deepEqual(order, ['description', 'prompt', 'response']);
    assert.match((await page.textContent('[data-field="description"]'))!, /custom: Gifts come in even numbers/);
    await screenshot(page, AREA, 'item-safety-judges');
    await assertAccessible(page, 'item page');
    await page.close();
  });

  test('comparison: two models side by side on one item, the response diffed word by word; search then previous / next by keyboard', async () => {
    const page = await open(`/runs/${PAIR_RUN}/compare?item=us-k0`);
    assert.equal(await page.locator('article[data-series]').count(), 2);
    assert.deepEqual(await page.$$eval('del[data-diff], ins[data-diff]', (nodes) => nodes.map((node) => `${node.tagName}:${node.textContent}`)), [
      'DEL:A',
      'INS:B',
    ]);
    await screenshot(page, AREA, 'compare-word-diff');
    await assertAccessible(page, 'comparison');

    await page.goto(new URL(`/runs/${PAIR_RUN}/items`, server.url).href);
    await page.fill('input[name="q"]', 'Thanksgiving');
    await Promise.all([page.waitForURL(/q=Thanksgiving/), page.press('input[name="q"]', 'Enter')]);
    assert.deepEqual(await page.$$eval('td[data-label="item"]', (cells) => cells.map((cell) => cell.textContent)), ['us-k1', 'us-s0', 'us-k1', 'us-s0']);
    // The keyboard alone: the skip link comes first (with a visible focus ring), Tab reaches the results, Enter opens one,
    // and Tab then Enter walks to the next result. (The links also carry access keys: n next, p previous, u the list.)
    const active = (expression: string) => page.evaluate(`(() => { const element = document.activeElement; return ${expression}; })()`);
    await page.keyboard.press('Tab');
    assert.equal(await active('element && element.textContent'), 'Skip to content');
    const ring = String(await active('getComputedStyle(element).outlineWidth'));
    assert.ok(Number.parseFloat(ring) >= 2, `focus ring ${ring}`);
    const tabUntil = async (condition: string) => {
      for (let presses = 1; presses <= 40; presses++) {
        await page.keyboard.press('Tab');
        if (await active(condition)) return presses;
      }
      throw new Error(`Tab never reached ${condition}`);
    };
    await tabUntil('element.closest(\'td[data-label="item"]\') !== null');
    await Promise.all([page.waitForURL(/\/item\?/), page.keyboard.press('Enter')]);
    assert.equal(await page.textContent('h1'), 'us-k1');
    assert.ok((await tabUntil("element.getAttribute('data-link') === 'next'")) <= 10, 'next is a few Tabs away');
    await Promise.all([page.waitForURL(/item=us-s0/), page.keyboard.press('Enter')]);
    assert.equal(await page.textContent('h1'), 'us-s0');
    assert.equal(await page.getAttribute('nav.item-nav >> nth=0 >> a[data-link="previous"]', 'accesskey'), 'p');
    await page.close();
  });

  test('a phone: no page wider than the screen, long values wrapped and bounded, results as cards; and the same in dark mode', async () => {
    for (const dark of [false, true]) {
      const page = await open(`/runs/${PAIR_RUN}/items?sort=category&dir=desc`, { phone: true, dark });
      const extent = await pageExtent(page);
      assert.ok(extent.overflowX <= 0, `the items page scrolls sideways by ${extent.overflowX}px`);
      assert.ok(extent.height < 30 * 700, `30 cards in ${extent.height}px`);
      const card = await page.locator('table[data-table="items"] tbody tr').first().boundingBox();
      assert.ok(card && card.width <= 390 && card.height < 700, JSON.stringify(card));
      const background = await page.evaluate('getComputedStyle(document.body).backgroundColor');
      if (dark) assert.equal(background, 'rgb(19, 22, 25)');
      else assert.equal(background, 'rgb(255, 255, 255)');
      await screenshot(page, AREA, `items-phone${dark ? '-dark' : ''}`);
      await assertAccessible(page, `items on a phone${dark ? ' (dark)' : ''}`);
      await page.click('td[data-label="item"] a');
      const item = await pageExtent(page);
      assert.ok(item.overflowX <= 0, `the item page scrolls sideways by ${item.overflowX}px`);
      const response = await page.locator('[data-field="response"]').boundingBox();
      assert.ok(response && response.height <= 28 * 16 + 40, `the long response is bounded: ${JSON.stringify(response)}`);
      await screenshot(page, AREA, `item-phone${dark ? '-dark' : ''}`);
      await assertAccessible(page, `item on a phone${dark ? ' (dark)' : ''}`);
      await page.close();
    }
    const desktop = await open(`/runs/${PAIR_RUN}/items?sort=category&dir=desc`);
    assert.ok((await pageExtent(desktop)).overflowX <= 0, 'no 17,000 px page on a desktop either');
    await desktop.close();
  });

  test('the summary: where each model fails per country, the worst responses one click away; a running run updates itself as results land', async () => {
    const page = await open(`/runs/${PAIR_RUN}`);
    assert.ok(await page.locator('table[data-table="where-it-fails"][data-kind="safety"]').isVisible());
    await screenshot(page, AREA, 'summary-where-it-fails');
    await assertAccessible(page, 'summary');
    await Promise.all([page.waitForURL(/sort=score/), page.click('table[data-kind="safety"] a[data-link="worst"] >> nth=0')]);
    const scores = await page.$$eval('td[data-label="score"]', (cells) => cells.map((cell) => Number(cell.getAttribute('data-score'))));
    assert.ok(scores.length > 0);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => a - b),
    );
    await page.close();

    const base = store.getRun(runs.base.id)!;
    store.saveRun({ ...base.manifest, id: 'live-browser' }, null, 'running');
    const rows = [...store.iterateResults(runs.base.id)].map((row) => ({ ...row, runId: 'live-browser' }));
    store.saveResults(rows.slice(0, 4).map((row) => ({ row })));
    const live = await open('/runs/live-browser');
    assert.equal(await live.textContent('[data-field="progress-text"]'), '4 of 26 results');
    store.saveResults(rows.slice(4, 17).map((row) => ({ row })));
    await waitForText(live, '[data-field="progress-text"]', '17 of 26 results');
    await screenshot(live, AREA, 'summary-live');
    store.saveResults(rows.slice(17).map((row) => ({ row })));
    store.setRunStatus('live-browser', 'finished');
    await waitForText(live, '[data-field="status"]', 'finished');
    assert.equal(await live.textContent('[data-field="progress-text"]'), '26 of 26 results');
    await live.close();
  });
});
