import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openStore, type Store } from '../../src/store/open-store.js';
import { createViewApp } from '../../src/web/view-app.js';
import { spawnCli } from '../eval/helpers.js';
import { createFixtureRuns, IMG_INJECTION, type FixtureRuns } from '../report/fixture-runs.js';

let runs: FixtureRuns;
let store: Store;

before(async () => {
  runs = await createFixtureRuns();
  store = openStore(runs.dbPath);
});
after(() => store.close());

const rowsOf = (page: string) => page.match(/<tr data-country="[^"]*" data-outcome="[^"]*">/g) ?? [];

test('every page carries a strict Content-Security-Policy; unknown runs, items and hosts are refused', async () => {
  const app = createViewApp({ store });
  const home = await app.request('/');
  assert.equal(home.status, 200);
  assert.equal(
    home.headers.get('content-security-policy'),
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  );
  assert.equal(home.headers.get('x-content-type-options'), 'nosniff');
  const text = await home.text();
  assert.ok(text.includes(runs.base.id) && text.includes(runs.tuned.id));
  assert.equal((await app.request('/runs/nope')).status, 404);
  assert.equal((await app.request(`/runs/${runs.base.id}/item?model=openai:test-model&condition=plain&item=nope`)).status, 404);
  assert.equal((await app.request('/elsewhere')).status, 404);
  const rebound = await app.request('/', { headers: { host: 'attacker.example:4173' } });
  assert.equal(rebound.status, 403);
  assert.equal((await app.request('/', { headers: { host: '127.0.0.1:4173' } })).status, 200);
});

test('the items table filters by status and country and pages through the results', async () => {
  const app = createViewApp({ store, pageSize: 4 });
  const base = `/runs/${runs.base.id}/items`;
  const invalid = await (await app.request(`${base}?status=invalid`)).text();
  assert.deepEqual(rowsOf(invalid), ['<tr data-country="TH" data-outcome="invalid">']);
  const errors = await (await app.request(`${base}?status=error`)).text();
  assert.equal(rowsOf(errors).length, 1);
  assert.ok(errors.includes('us-k9'));
  const first = await (await app.request(`${base}?kind=knowledge`)).text();
  assert.equal(rowsOf(first).length, 4);
  assert.match(first, /page 1 of 6 · 21 of 26 results/);
  assert.ok(first.includes(`href="${base}?kind=knowledge&amp;page=2"`));
  const last = await (await app.request(`${base}?kind=knowledge&page=6`)).text();
  assert.equal(rowsOf(last).length, 1);
  assert.ok(!last.includes('rel="next"'));
  const scored = await (await app.request(`${base}?status=scored&country=JP`)).text();
  assert.ok(rowsOf(scored).every((row) => /data-outcome="(correct|incorrect)"/.test(row)));
  const item = await (await app.request(`/runs/${runs.base.id}/item?model=openai:test-model&condition=plain&item=us-k0`)).text();
  assert.ok(item.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(!item.includes(IMG_INJECTION));
});

test('a judged safety result shows each judge verdict and its reasoning as text; the summary correlates knowledge and safety', async () => {
  const baseRun = store.getRun(runs.base.id)!;
  const manifest = { ...baseRun.manifest, id: 'judged-run', judges: [{ spec: 'openai:judge' }] };
  store.saveRun(manifest, null, 'finished');
  const rows = [...store.iterateResults(runs.base.id)].map((row) => ({ ...row, runId: 'judged-run' }));
  for (const [index, row] of rows.entries()) {
    if (row.kind !== 'safety') continue;
    row.status = 'scored';
    row.method = 'judge';
    row.metrics = { respectfulness: 3 + (index % 7) };
    row.details = {
      judges: [
        {
          rubric: 'cultural-safety-respectfulness@1',
          combined: { status: 'scored', metrics: { respectfulness: 3 + (index % 7) }, judges: 1, invalidJudges: 0, agreement: { metrics: {} } },
          verdicts: [
            {
              judge: 'openai:judge',
              status: 'scored',
              metrics: { respectfulness: 3 + (index % 7) },
              reasoning: `Polite. ${IMG_INJECTION}`,
              calls: 1,
              cached: false,
            },
          ],
        },
      ],
    };
  }
  store.saveResults(rows.map((row) => ({ row })));
  const app = createViewApp({ store });
  const item = await (await app.request('/runs/judged-run/item?model=openai:test-model&condition=plain&item=sa-s0')).text();
  assert.match(item, /<table data-table="judges"/);
  assert.ok(item.includes('cultural-safety-respectfulness@1') && item.includes('openai:judge'));
  assert.ok(item.includes('Polite. &lt;img src=x onerror=alert(1)&gt;'));
  const summary = await (await app.request('/runs/judged-run')).text();
  assert.ok(summary.includes('data-chart="knowledge-safety-country"'));
  assert.ok(summary.includes('data-chart="safety-respectfulness-by-country"'));
  assert.match(summary, /accuracy vs respectfulness by country \(Pearson r = /);
});

test('culturekit view prints its URL, serves the store, and exits cleanly on SIGINT', async () => {
  const child = spawnCli(['view', '--db', runs.dbPath, '--port', '0']);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const match = stdout.match(/culturekit view: (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) resolve(match[1]);
    });
    child.on('close', () => reject(new Error(`exited early: ${stderr}`)));
  });
  const response = await fetch(url);
  assert.equal(response.status, 200);
  assert.ok((await response.text()).includes(runs.base.id));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  child.kill('SIGINT');
  assert.equal(await closed, 0, stderr);
  assert.match(stdout, /culturekit view: stopped/);
});
