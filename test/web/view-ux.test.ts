import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parseResultRow } from '../../src/store/read-result-rows.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { resultSortKeys } from '../../src/store/result-view-index.js';
import { createViewApp } from '../../src/web/view-app.js';
import { createFixtureRuns, IMG_INJECTION, SCRIPT_INJECTION, type FixtureRuns } from '../report/fixture-runs.js';
import { addPairRun, DESCRIPTION_INJECTION, fixtureDescriptions, PAIR_RUN } from './view-fixture.js';

let runs: FixtureRuns;
let store: Store;

before(async () => {
  runs = await createFixtureRuns();
  store = openStore(runs.dbPath);
  addPairRun(store, runs);
});
after(() => store.close());

const cellText = (text: string) =>
  text
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The items table's rows: each cell's text by its column label. */
function tableRows(page: string): Record<string, string>[] {
  const body = page.split('<tbody>')[1]?.split('</tbody>')[0] ?? '';
  return body
    .split('<tr ')
    .slice(1)
    .map((row) => Object.fromEntries([...row.matchAll(/<td data-label="([^"]+)"[^>]*>(.*?)<\/td>/g)].map((match) => [match[1], cellText(match[2]).trim()])));
}

function groupBy<T>(values: readonly T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) groups.set(key(value), [...(groups.get(key(value)) ?? []), value]);
  return groups;
}

const app = () => createViewApp({ store, pageSize: 100, descriptions: fixtureDescriptions });
const get = async (path: string) => {
  const response = await app().request(path);
  return { status: response.status, text: await response.text(), headers: response.headers };
};
const items = (query: string) => get(`/runs/${PAIR_RUN}/items?${query}`);

test('every column sorts both ways, in SQL, and the score column shows numbers, not "scored"', async () => {
  const labels: Record<string, string> = {
    item: 'item',
    series: 'model · condition',
    kind: 'kind',
    country: 'country',
    category: 'category',
    language: 'language',
    prompt: 'prompt',
    answer: 'right',
    extracted: 'answer',
    score: 'score',
    status: 'status',
    spread: 'judges',
  };
  for (const key of resultSortKeys.filter((key) => key !== 'latency')) {
    for (const dir of ['asc', 'desc'] as const) {
      const { text } = await items(`sort=${key}&dir=${dir}`);
      const values = tableRows(text).map((row) => row[labels[key]]);
      assert.equal(values.length, 52, `${key} ${dir}`);
      const comparable =
        key === 'score' || key === 'spread' ? values.map((value) => (value === '' ? Number.NEGATIVE_INFINITY : Number(value.replace('±', '')))) : values;
      const sorted = [...comparable].sort((a, b) =>
        typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
      );
      if (dir === 'desc') sorted.reverse();
      if (key !== 'prompt' && key !== 'category' && key !== 'extracted') assert.deepEqual(comparable, sorted, `${key} ${dir}`);
      assert.match(text, new RegExp(`aria-sort="${dir === 'asc' ? 'ascending' : 'descending'}"><a class="sort"[^>]*data-sort="${key}"`));
    }
  }
  const safety = tableRows((await items('kind=safety&sort=score')).text);
  assert.deepEqual(
    safety.map((row) => Number(row.score)),
    safety.map((row) => Number(row.score)).sort((a, b) => a - b),
  );
  assert.ok(
    safety.every((row) => /^\d+(\.\d+)?$/.test(row.score)),
    'judged rows show their score',
  );
});

test('search, score range and status filter combine; search finds Japanese and Arabic words and treats % and _ literally', async () => {
  const thanksgiving = tableRows((await items('q=Thanksgiving')).text);
  assert.deepEqual([...new Set(thanksgiving.map((row) => row.item))].sort(), ['us-k1', 'us-s0']);
  assert.equal(thanksgiving.length, 4, 'both models');
  assert.deepEqual([...new Set(tableRows((await items(`q=${encodeURIComponent('お箸')}`)).text).map((row) => row.item))], ['jp-k1']);
  assert.deepEqual([...new Set(tableRows((await items(`q=${encodeURIComponent('رمضان')}`)).text).map((row) => row.item))].sort(), ['sa-k1', 'sa-s0']);
  for (const wildcard of ['%25', '_']) assert.ok(tableRows((await items(`q=${wildcard}`)).text).length < 52, `${wildcard} is not a LIKE wildcard`);
  const judged = tableRows((await items('kind=safety&min=5&max=8.5')).text);
  assert.ok(judged.length > 0 && judged.every((row) => Number(row.score) >= 5 && Number(row.score) <= 8.5), JSON.stringify(judged));
  const wrongJapan = tableRows((await items('country=JP&status=incorrect')).text);
  assert.ok(wrongJapan.length > 0 && wrongJapan.every((row) => row.status === 'incorrect' && row.country === 'JP'));
  const { text } = await items(`q=${encodeURIComponent(SCRIPT_INJECTION)}`);
  assert.ok(!text.includes(SCRIPT_INJECTION), 'the search box value is escaped');
  assert.ok(text.includes('value="&lt;script&gt;alert(1)&lt;/script&gt;"'));
});

test('flipped, all models wrong and judges disagree filter across the results of an item', async () => {
  const flipped = tableRows((await items('across=flipped&kind=knowledge')).text);
  const byItem = groupBy(flipped, (row) => row.item);
  assert.ok(byItem.size > 0);
  for (const [item, rows] of byItem) assert.deepEqual(new Set(rows.map((row) => row.status)), new Set(['correct', 'incorrect']), item);
  const allWrong = tableRows((await items('across=all-wrong')).text);
  for (const [item, rows] of groupBy(allWrong, (row) => row.item)) {
    assert.equal(rows.length, 2, item);
    assert.ok(
      rows.every((row) => row.status === 'incorrect'),
      item,
    );
  }
  // The same question between two runs: base run's items that the tuned run flips.
  const againstRun = tableRows((await get(`/runs/${runs.base.id}/items?across=flipped&against=${runs.tuned.id}`)).text);
  assert.deepEqual(new Set(againstRun.map((row) => row.item)), new Set(byItem.keys()));
  const disagree = tableRows((await items('across=judges-disagree')).text);
  assert.ok(disagree.length > 0 && disagree.every((row) => Number(row.judges.replace('±', '')) > 1), JSON.stringify(disagree));
});

test('the current list exports as CSV (formula-safe) and as JSONL of full result rows', async () => {
  const csv = await get(`/runs/${PAIR_RUN}/export.csv?country=US&sort=score`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
  assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="pair-run-results\.csv"/);
  const lines = csv.text.trim().split('\n');
  assert.match(lines[0], /^run,model,condition,item,kind,language,country,category,status,score,/);
  const usRows = tableRows((await items('country=US&sort=score')).text);
  assert.ok(csv.text.includes(IMG_INJECTION), 'text exported as it is');
  const jsonl = await get(`/runs/${PAIR_RUN}/export.jsonl?country=US&sort=score`);
  const rows = jsonl.text
    .trim()
    .split('\n')
    .map((line, index) => parseResultRow(JSON.parse(line), `line ${index + 1}`));
  assert.equal(rows.length, usRows.length);
  assert.deepEqual(
    rows.map((row) => row.itemId),
    usRows.map((row) => row.item),
  );
  assert.ok(rows.every((row) => row.country === 'US' && row.runId === PAIR_RUN));
  const formula = await get(`/runs/${PAIR_RUN}/export.csv?q=${encodeURIComponent('15-20%')}`);
  assert.ok(!/,=|,\+|,-|,@/.test(formula.text.split('\n').slice(1).join('\n')), 'no field starts a formula');
});

test('an item page shows the description text, each judge with score and reasoning, and walks its list with previous / next', async () => {
  const list = new URLSearchParams({ kind: 'safety', sort: 'score' }).toString();
  const listed = tableRows((await items(list)).text).map((row) => `${row['model · condition']}|${row.item}`);
  const first = await items(list);
  const href = first.text.match(/<td data-label="item" class="mono item-id"><a href="([^"]+)"/)![1].replace(/&amp;/g, '&');
  let page = await get(href);
  const walked: string[] = [];
  for (let step = 0; step < 30; step++) {
    const model = page.text.match(/<dt>model<\/dt><dd><span class="mono">([^<]+)</)![1];
    const item = page.text.match(/<h1 dir="auto">([^<]+)</)![1];
    walked.push(`${model} · plain|${item}`);
    const next = page.text.match(/<a rel="next" accesskey="n" data-link="next" href="([^"]+)"/);
    if (!next) break;
    page = await get(next[1].replace(/&amp;/g, '&'));
  }
  assert.deepEqual(walked, listed, 'next walks the filtered, sorted list in order');
  assert.ok(page.text.includes('last in the list'));
  const item = await get(`/runs/${PAIR_RUN}/item?${new URLSearchParams({ model: 'openai:test-model', condition: 'plain', item: 'jp-s0' })}`);
  assert.ok(item.text.includes('data-field="description"'));
  assert.ok(item.text.includes('JP custom: Gifts come in even numbers. &lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(!item.text.includes(DESCRIPTION_INJECTION));
  assert.equal([...item.text.matchAll(/data-field="judge-score">respectfulness = \d+</g)].length, 2);
  assert.ok(item.text.includes('Judge A on jp-s0: &lt;img src=x onerror=alert(1)&gt;'));
  const missing = await get(`/runs/${PAIR_RUN}/item?${new URLSearchParams({ model: 'openai:test-model', condition: 'plain', item: 'jp-k1' })}`);
  assert.match(missing.text, /data-field="description-missing">Text not available/);
});

test('the comparison page shows every model on one item, responses diffed word by word and escaped', async () => {
  const page = await get(`/runs/${PAIR_RUN}/compare?item=us-k0`);
  assert.equal(page.status, 200);
  assert.equal([...page.text.matchAll(/<article data-series=/g)].length, 2);
  assert.ok(page.text.includes('<del data-diff="removed" title="only in openai:test-model · plain">A</del>'));
  assert.ok(page.text.includes('<ins data-diff="added" title="only in openai:tuned-model · plain">B</ins>'));
  assert.ok(page.text.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(!page.text.includes(IMG_INJECTION));
  const across = await get(`/runs/${runs.base.id}/compare?item=us-k0&with=${runs.tuned.id}&with=nope`);
  assert.equal([...across.text.matchAll(/<article data-series=/g)].length, 2, 'the unknown run is ignored');
  assert.equal((await get(`/runs/${PAIR_RUN}/compare?item=nope`)).status, 404);
});

test('the summary lists where each model fails per country with a link to its worst responses; a running run refreshes and shows its progress as results land', async () => {
  const summary = await get(`/runs/${PAIR_RUN}`);
  assert.ok(summary.text.includes('<table data-table="where-it-fails" data-kind="safety"'));
  assert.ok(summary.text.includes('Japan (JP)'));
  assert.match(
    summary.text,
    /href="\/runs\/pair-run\/items\?model=openai%3Atest-model&amp;kind=safety&amp;country=[A-Z]{2}&amp;status=scored&amp;sort=score&amp;dir=asc"/,
  );
  assert.equal(summary.headers.get('refresh'), null);

  const live = store.getRun(runs.base.id)!;
  store.saveRun({ ...live.manifest, id: 'live-run' }, null, 'running');
  const rows = [...store.iterateResults(runs.base.id)].map((row) => ({ ...row, runId: 'live-run' }));
  store.saveResults(rows.slice(0, 5).map((row) => ({ row })));
  const viewer = createViewApp({ store, refreshSeconds: 2 });
  const first = await viewer.request('/runs/live-run');
  assert.equal(first.headers.get('refresh'), '2');
  assert.match(await first.text(), /5 of 26 results/);
  assert.equal(((await (await viewer.request('/runs/live-run/progress.json')).json()) as { results: number }).results, 5);
  store.saveResults(rows.slice(5, 20).map((row) => ({ row })));
  const later = await viewer.request('/runs/live-run/items');
  assert.equal(later.headers.get('refresh'), '2');
  assert.match(await later.text(), /20 of 20 results/);
  const progress = (await (await viewer.request('/runs/live-run/progress.json')).json()) as { results: number; planned: number; status: string };
  assert.deepEqual([progress.results, progress.planned, progress.status], [20, 26, 'running']);
  // Another process writing (here: another connection to the same file, as culturekit eval's would be).
  const writer = openStore(runs.dbPath);
  writer.saveResults(rows.slice(20).map((row) => ({ row })));
  writer.setRunStatus('live-run', 'finished');
  writer.close();
  assert.match(await (await viewer.request('/runs/live-run/items')).text(), /26 of 26 results/);
  assert.equal((await viewer.request('/runs/live-run')).headers.get('refresh'), null);
});
