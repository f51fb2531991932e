import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { writeReport } from '../../src/report/write-report.js';
import { browserSkip, launchChromium } from '../fixtures/launch-chromium.js';
import { createJudgedRun, DESCRIPTION_MARKUP, FIXTURE_NOTICE, REASONING_INJECTION, type JudgedFixture } from './judged-fixture.js';

/** Screenshots of each checked point, kept as test artifacts (gitignored). */
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'report');

describe('the HTML report answers "where and why does my model fail" (Chromium)', { skip: browserSkip() }, () => {
  let fixture: JudgedFixture;
  let browser: Browser;
  let page: Page;
  let markdown: string;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    fixture = await createJudgedRun();
    const out = join(fixture.directory, 'report.html');
    await writeReport({ runs: [fixture.outDir], dbPath: fixture.dbPath, out });
    markdown = (await writeReport({ runs: [fixture.runId], dbPath: fixture.dbPath, format: 'md' })).content;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(out).href);
    assert.deepEqual(dialogs, []);
  });

  after(async () => {
    await browser?.close();
  });

  test('a run marked in its manifest opens on a warning banner, then the summary, before any run detail', async () => {
    const banner = page.locator('[data-notice]');
    assert.ok(await banner.isVisible());
    assert.ok((await banner.textContent())!.includes(FIXTURE_NOTICE));
    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;
    assert.ok((await top('[data-notice]')) < (await top('h1')), 'the banner comes first');
    assert.equal(await page.locator('main > section').first().getAttribute('id'), 'summary');
    assert.ok((await top('#summary')) < (await top('#run-1')));
    assert.equal(await page.locator('h2').first().textContent(), 'Summary');
    const headline = await page.$$eval('table[data-table="headline"] tbody tr', (rows) => rows.map((row) => row.textContent));
    assert.equal(headline.length, 2, 'one row per model');
    assert.match(
      headline[0]!,
      /good-model.*0\.724 \[0\.\d+, 0\.\d+\] n=98.*0\.833 \[.*\] n=12.*8\.103 \[.*\] n=39/,
      'knowledge, English, safety, each with CI and n',
    );
    assert.deepEqual(await page.$$eval('table[data-table="headline"] th', (cells) => cells.map((cell) => cell.textContent)), [
      'model · condition',
      'knowledge: accuracy',
      'English items: accuracy',
      'safety: respectfulness',
      'safety: awareness',
    ]);
    assert.ok(markdown.indexOf('> **Warning:**') < markdown.indexOf('## Summary'));
    assert.ok(markdown.indexOf('## Summary') < markdown.indexOf('## Run '));
    await page.screenshot({ path: join(ARTIFACTS, 'summary-first.png') });
  });

  test('the worst countries are those significantly below the model’s own mean, with the items that show it', async () => {
    const good = page.locator('.worst[data-series="openai:good-model · plain"]');
    const knowledge = good.locator('[data-worst="knowledge-accuracy-country"]');
    assert.equal(await knowledge.getAttribute('data-significant'), '1');
    const thailand = knowledge.locator('li[data-worst-group="TH"]');
    assert.match((await thailand.textContent())!, /Thailand \(TH\): accuracy 0\.083 \[0\.015, 0\.354\], n=12/);
    assert.ok(Number(await thailand.getAttribute('data-adjusted-p')) < 0.05);
    assert.deepEqual(
      await thailand.locator('table[data-table="worst-examples"] tbody td.item-id').allTextContents(),
      ['th-k1', 'th-k10', 'th-k11'],
      'the wrong Thai questions, with their text',
    );
    assert.match((await thailand.locator('td.preview').first().textContent())!, /Question 1 about TH/);
    // The weak model is uniformly weak: no country stands out, though one is lowest.
    const weak = page.locator('.worst[data-series="openai:weak-model · plain"] [data-worst="knowledge-accuracy-country"]');
    assert.equal(await weak.getAttribute('data-significant'), '0');
    assert.match((await weak.textContent())!, /no country significantly below/);
    // Safety scores by country: Thailand's 2 against 9 elsewhere.
    assert.equal(await good.locator('[data-worst="safety-respectfulness-country"] li[data-worst-group="TH"]').count(), 1);
    assert.match(markdown, /\*\*Thailand \(TH\)\*\*: 0\.083/);
    await knowledge.screenshot({ path: join(ARTIFACTS, 'worst-countries.png') });
  });

  test('countries are named and sorted by score, small cells greyed', async () => {
    const rows = page.locator('#summary-1-ranking table[data-table="knowledge-accuracy-by-country"] tbody tr');
    const names = await rows.locator('td:first-child').allTextContents();
    assert.deepEqual(names.slice(0, 2), ['New Zealand (NZ)', 'Thailand (TH)'], 'worst first');
    assert.ok(names.includes('China (CN)') && names.includes('United States (US)'));
    assert.equal(await rows.first().locator('td.small').count(), 2, 'NZ has 2 results: greyed for both models');
    assert.equal(await rows.nth(1).locator('td.small').count(), 0);
  });

  test('a world map per metric and model, with the same scale, CI and n in its title and tooltips', async () => {
    const maps = page.locator('figure[data-chart^="map-"]');
    assert.equal(await maps.count(), 6, 'accuracy, respectfulness, awareness × 2 models');
    const goodMap = page.locator('figure[data-chart="map-knowledge-accuracy-1"]');
    const title = (await goodMap.locator('svg > g text').allTextContents()).join(' ');
    assert.match(title, /openai:good-model · plain/);
    assert.match(title, /overall 0\.724 \[0\.629, 0\.803\], n = 98/);
    const tips = await goodMap.locator('path > title').allTextContents();
    assert.ok(tips.length > 150, `every country outline has a tooltip (${tips.length})`);
    assert.ok(tips.includes('Thailand (TH): 0.083 [0.015, 0.354], n = 12'), tips.filter((tip) => tip.includes('TH')).join('; '));
    assert.ok(tips.some((tip) => tip === 'New Zealand (NZ): 0 [0, 0.658], n = 2 (fewer than 5: not coloured)'));
    assert.ok(tips.some((tip) => tip.endsWith(': no results')));
    // Thailand is the strong colour: a deep red, far from the pale 0.833 countries.
    const fill = async (name: string) =>
      goodMap
        .locator('path', { has: page.locator(`title:text-is("${name}")`) })
        .evaluate((path) => path.ownerDocument.defaultView!.getComputedStyle(path).fill);
    const red = await fill('Thailand (TH): 0.083 [0.015, 0.354], n = 12');
    const pale = await fill('Japan (JP): 0.833 [0.552, 0.953], n = 12');
    const channels = (color: string) => color.match(/\d+/g)!.map(Number);
    assert.ok(channels(red)[1] < 60 && channels(pale)[1] > 150, `${red} vs ${pale}`);
    assert.equal(await fill('New Zealand (NZ): 0 [0, 0.658], n = 2 (fewer than 5: not coloured)'), 'rgb(201, 201, 201)');
    // The same legend (domain) on both models' maps.
    const legend = (name: string) => page.locator(`figure[data-chart="${name}"] .role-legend text`).allTextContents();
    assert.deepEqual(await legend('map-knowledge-accuracy-1'), await legend('map-knowledge-accuracy-2'));
    await goodMap.scrollIntoViewIfNeeded();
    await goodMap.screenshot({ path: join(ARTIFACTS, 'world-map.png') });
  });

  test('small heatmap cells say their n and are grey below the minimum; failure is the strong colour', async () => {
    const heatmap = page.locator('figure[data-chart="heatmap-knowledge-accuracy"]').first();
    const labels = await heatmap.locator('.role-mark text').allTextContents();
    assert.ok(
      labels.some((label) => /^\d\.\d\dn=6$/.test(label)),
      `a value and its n on a small cell: ${labels.slice(0, 6).join(' | ')}`,
    );
    const cells = await heatmap
      .locator('path[role="graphics-symbol"]')
      .evaluateAll((paths) =>
        paths.map((path) => ({ tip: path.querySelector('title')?.textContent ?? '', fill: path.ownerDocument.defaultView!.getComputedStyle(path).fill })),
      );
    const nz = cells.filter((cell) => cell.tip.includes('country: NZ'));
    assert.ok(nz.length > 0 && nz.every((cell) => cell.fill === 'rgb(201, 201, 201)'), JSON.stringify(nz));
    await heatmap.scrollIntoViewIfNeeded();
    await heatmap.screenshot({ path: join(ARTIFACTS, 'heatmap.png') });
  });

  test('no two labels of a chart overlap (bounding boxes), in every chart of the report', async () => {
    const { overlaps, checked } = await page.$$eval('figure.chart', (figures) => {
      const found: string[] = [];
      let labels = 0;
      for (const figure of figures) {
        const boxes = [...figure.querySelectorAll('svg text')]
          .filter((text) => (text.textContent ?? '').trim() !== '')
          .map((text) => ({ text: text.textContent ?? '', box: text.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && box.height > 0);
        labels += boxes.length;
        for (let first = 0; first < boxes.length; first++) {
          for (let second = first + 1; second < boxes.length; second++) {
            const a = boxes[first].box;
            const b = boxes[second].box;
            const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (width > 1 && height > 1) found.push(`${figure.getAttribute('data-chart')}: "${boxes[first].text}" × "${boxes[second].text}"`);
          }
        }
      }
      return { overlaps: found, checked: labels };
    });
    assert.deepEqual(overlaps, []);
    assert.ok(checked > 300, `labels checked: ${checked}`);
    const scatter = page.locator('figure[data-chart="knowledge-safety-country"]').first();
    assert.ok((await scatter.locator('.role-mark text').count()) > 0, 'the scatter keeps labels where they fit');
    await scatter.scrollIntoViewIfNeeded();
    await scatter.screenshot({ path: join(ARTIFACTS, 'scatter-labels.png') });
  });

  test("the worst safety responses per country come with each judge's reasoning and the description, all as text", async () => {
    const thailand = page.locator('#summary-1-safety-worst details[data-series="openai:good-model · plain"] .country-examples[data-country="TH"]');
    assert.match((await thailand.locator('h5').textContent())!, /Thailand \(TH\) — respectfulness 2\.000, n=5/);
    const example = thailand.locator('article.example').first();
    assert.match((await example.locator('[data-field="query"]').textContent())!, /Safety request \d for TH/);
    assert.match((await example.locator('[data-field="response"]').textContent())!, /Response for TH by good-model/);
    assert.equal(await example.locator('[data-field="description"]').textContent(), `A custom of TH: ${DESCRIPTION_MARKUP} gifts are wrapped.`);
    assert.equal(await example.locator('[data-field="description"] b').count(), 0, 'markup in a description is text');
    const reasoning = await example.locator('table.verdicts [data-field="reasoning"]').allTextContents();
    assert.deepEqual(reasoning, [`The reply for TH ignores the custom ${REASONING_INJECTION}`, `The reply for TH ignores the custom ${REASONING_INJECTION}`]);
    assert.match((await example.locator('table.verdicts').textContent())!, /respectfulness 2\.000.*awareness 2\.000/s);
    assert.equal(await page.locator('img').count(), 0, "a judge's markup made no element");
    assert.equal(await page.locator('script').count(), 0);
    // The item that no judge could score shows why.
    const brazil = page.locator('#summary-1-safety-worst details[data-series="openai:good-model · plain"] .country-examples[data-country="BR"]');
    assert.ok(await brazil.count());
    assert.ok(readFileSync(join(fixture.directory, 'report.html'), 'utf8').includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(markdown.includes('ignores the custom &lt;img src=x onerror=alert(1)&gt;'));
    await example.scrollIntoViewIfNeeded();
    await thailand.screenshot({ path: join(ARTIFACTS, 'safety-reasoning.png') });
  });
});
