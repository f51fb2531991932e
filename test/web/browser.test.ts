import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { writeReport } from '../../src/report/write-report.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { startViewServer, type ViewServer } from '../../src/web/start-view-server.js';
import { createFixtureRuns, IMG_INJECTION, SCRIPT_INJECTION, type FixtureRuns } from '../report/fixture-runs.js';
import { browserSkip, launchChromium } from '../fixtures/launch-chromium.js';

let runs: FixtureRuns;
let store: Store;
let server: ViewServer;
let browser: Browser;
let reportPath: string;

describe('the report and the viewer in Chromium', { skip: browserSkip() }, () => {
  before(async () => {
    runs = await createFixtureRuns();
    reportPath = join(runs.directory, 'report.html');
    await writeReport({ runs: [runs.base.id, runs.tuned.id], dbPath: runs.dbPath, out: reportPath });
    store = openStore(runs.dbPath);
    server = await startViewServer({ store, port: 0 });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    store?.close();
  });

  /** A page that records every dialog (an alert would mean injected markup ran) and every request leaving the machine. */
  async function openPage(): Promise<{ page: Page; dialogs: string[]; external: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const dialogs: string[] = [];
    const external: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith('file:') && !url.startsWith(server.url) && !url.startsWith('data:')) external.push(url);
    });
    return { page, dialogs, external };
  }

  /** Every chart figure: its name and how many drawn marks (bars, points, rules, cells) its SVG holds. */
  function chartMarks(page: Page) {
    return page.$$eval('figure.chart', (figures) =>
      figures.map((figure) => {
        const svg = figure.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return {
          name: figure.getAttribute('data-chart') ?? '',
          marks: svg ? svg.querySelectorAll('[role="graphics-symbol"]').length : 0,
          bars: svg ? svg.querySelectorAll('[aria-roledescription="bar"]').length : 0,
          width: box?.width ?? 0,
        };
      }),
    );
  }

  test('the HTML report opens from a file: charts drawn, dataset text shown literally, nothing run, nothing fetched', async () => {
    const { page, dialogs, external } = await openPage();
    await page.goto(pathToFileURL(reportPath).href);
    const charts = await chartMarks(page);
    assert.ok(charts.length >= 8, `charts: ${charts.length}`);
    assert.ok(
      charts.every((chart) => chart.marks > 0 && chart.width > 100),
      JSON.stringify(charts),
    );
    const countryChart = charts.find((chart) => chart.name === 'knowledge-accuracy-by-country')!;
    assert.equal(countryChart.bars, 5, 'one bar per country');
    assert.ok(charts.some((chart) => chart.name === 'difference-knowledge-accuracy'));
    assert.equal(await page.locator('script').count(), 0);
    assert.equal(await page.locator('img').count(), 0);
    assert.ok((await page.textContent('body'))!.includes(SCRIPT_INJECTION), 'the category with markup reads as text');
    assert.deepEqual(await page.$$eval('h2', (headings) => headings.map((heading) => heading.textContent)), [
      'Summary',
      `Run 1: ${runs.base.id}`,
      `Run 2: ${runs.tuned.id}`,
      'Comparison with run 1',
    ]);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(external, []);
    await page.close();
  });

  test('the viewer: runs → summary with charts → results filtered by country and status → one result, all text shown as text', async () => {
    const { page, dialogs, external } = await openPage();
    await page.goto(server.url);
    await page.click(`a:text-is("${runs.base.id}")`);
    assert.equal(await page.textContent('h1'), `Run ${runs.base.id}`);
    const charts = await chartMarks(page);
    assert.ok(charts.length >= 4 && charts.every((chart) => chart.marks > 0), JSON.stringify(charts));

    await page.click('a:text("Browse the")');
    assert.equal(await page.locator('table[data-table="items"] tbody tr').count(), 26);
    await page.selectOption('select[name="country"]', 'SA');
    await Promise.all([page.waitForURL(/country=SA/), page.click('button[type="submit"]')]);
    const countries = await page.$$eval('table[data-table="items"] tbody td[data-field="country"]', (cells) => cells.map((cell) => cell.textContent));
    assert.deepEqual(countries, ['SA', 'SA', 'SA', 'SA', 'SA'], 'only Saudi Arabia: four knowledge items and one safety request');
    assert.equal(await page.inputValue('select[name="country"]'), 'SA');

    await page.selectOption('select[name="country"]', '');
    await page.selectOption('select[name="status"]', 'invalid');
    await Promise.all([page.waitForURL(/status=invalid/), page.click('button[type="submit"]')]);
    assert.deepEqual(await page.$$eval('table[data-table="items"] tbody tr td:first-child', (cells) => cells.map((cell) => cell.textContent)), ['th-k3']);

    const item = (id: string, model = 'openai:test-model') =>
      `${server.url}runs/${encodeURIComponent(runs.base.id)}/item?${new URLSearchParams({ model, condition: 'plain', item: id })}`;
    await page.goto(item('us-k0'));
    assert.ok((await page.textContent('[data-field="response"]'))!.includes(IMG_INJECTION));
    assert.ok((await page.textContent('[data-field="prompt"]'))!.includes(SCRIPT_INJECTION));
    assert.equal(await page.locator('main img').count(), 0, 'the reply made no image element');
    assert.equal(await page.locator('script').count(), 0);
    assert.equal(await page.textContent('[data-field="extracted"]'), 'A');

    await page.goto(item('sa-k0'));
    const arabic = page.locator('[data-field="prompt"]');
    assert.equal(await arabic.evaluate((element) => element.ownerDocument.defaultView!.getComputedStyle(element).direction), 'rtl');
    await page.goto(item('sa-s0'));
    assert.equal(
      await page.locator('[data-field="response"]').evaluate((element) => element.ownerDocument.defaultView!.getComputedStyle(element).direction),
      'rtl',
    );
    await page.goto(item('us-k1'));
    assert.equal(
      await page.locator('[data-field="prompt"]').evaluate((element) => element.ownerDocument.defaultView!.getComputedStyle(element).direction),
      'ltr',
    );

    for (const id of ['jp-k0', 'cn-k0', 'th-k0']) {
      await page.goto(item(id));
      const size = await page.locator('[data-field="prompt"]').evaluate((element) => {
        const range = element.ownerDocument.createRange();
        range.selectNodeContents(element);
        const box = range.getBoundingClientRect();
        return { width: box.width, height: box.height, lang: element.getAttribute('lang') };
      });
      assert.ok(size.width > 100 && size.height > 10, `${id}: ${JSON.stringify(size)}`);
    }
    if (process.env.CULTUREKIT_SCREENSHOTS) await page.screenshot({ path: join(process.env.CULTUREKIT_SCREENSHOTS, 'item-th.png'), fullPage: true });
    await page.goto(item('us-k9'));
    assert.match((await page.textContent('[data-field="error"]'))!, /400|client/i);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(external, []);
    await page.close();
  });
});
