/**
 * Viewer benchmark (issue 14): `culturekit view` over a store of 100,000 results (2 models × 50,000 items; every fifth a
 * judged safety request with two judges). Serves the real app on a local port and times whole HTTP requests (fetch →
 * rendered page): the summary page and the items list under filters, search, sorting, deep pages and the cross-model
 * filters. Prints the first (cold) request of each kind, then p50 / p95 / max of the warm ones; the goal is p95 < 200 ms
 * for the list and the summary.
 *
 * Usage: node --import tsx bench/viewer.ts [--results 100000] [--repeat 20] [--keep]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open-store.js';
import { startViewServer } from '../src/web/start-view-server.js';
import { syntheticManifest, syntheticRow } from './viewer-rows.js';

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const RESULTS = Number(argument('--results') ?? 100_000);
const REPEAT = Number(argument('--repeat') ?? 20);
const MODELS = ['openai:model-a', 'openai:model-b'];
const RUN = 'bench-run';

const directory = mkdtempSync(join(tmpdir(), 'ck-viewer-bench-'));
const dbPath = join(directory, 'culturekit.db');
const items = Math.ceil(RESULTS / MODELS.length);
let started = performance.now();
{
  const writer = openStore(dbPath);
  writer.saveRun(syntheticManifest(RUN, MODELS, items), null, 'finished');
  for (const [modelIndex, model] of MODELS.entries()) {
    for (let from = 0; from < items; from += 5000) {
      const rows = [];
      for (let index = from; index < Math.min(items, from + 5000); index++) rows.push({ row: syntheticRow(RUN, model, modelIndex, index) });
      writer.saveResults(rows);
    }
  }
  writer.close();
}
console.log(`store: ${(items * MODELS.length).toLocaleString('en-US')} results written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const store = openStore(dbPath);
const server = await startViewServer({ store, port: 0 });
const base = `${server.url}runs/${RUN}`;

async function timed(path: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(path.startsWith('http') ? path : `${base}${path}`);
  const body = await response.text();
  const elapsed = performance.now() - start;
  if (response.status !== 200) throw new Error(`${path}: HTTP ${response.status}: ${body.slice(0, 200)}`);
  return elapsed;
}

const LIST = [
  '/items',
  '/items?page=900',
  '/items?country=JP',
  '/items?kind=safety&sort=score',
  '/items?kind=safety&sort=score&dir=desc&page=40',
  '/items?status=incorrect&model=openai%3Amodel-b',
  '/items?sort=prompt&dir=desc',
  '/items?sort=category&country=BR',
  '/items?min=2&max=4',
  '/items?across=flipped',
  '/items?across=all-wrong&kind=knowledge',
  '/items?across=judges-disagree&sort=spread&dir=desc',
  '/items?q=Request%2012345',
];
const SUMMARY = [''];
const ITEM = [
  `/item?model=openai%3Amodel-a&condition=plain&item=item-012344&list=${encodeURIComponent('kind=safety&sort=score')}`,
  '/compare?item=item-012344',
];

started = performance.now();
const coldList = await timed('/items');
console.log(`cold: first items page ${coldList.toFixed(0)} ms (indexes the run's 100,000 results into a temporary table)`);
started = performance.now();
const coldSummary = await timed('');
console.log(`cold: first summary ${coldSummary.toFixed(0)} ms (builds the report and its charts once; cached after)`);

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

async function measure(label: string, paths: readonly string[]): Promise<void> {
  for (const path of paths) await timed(path); // warm each query shape once
  const times: number[] = [];
  const perPath = new Map<string, number[]>();
  for (let round = 0; round < REPEAT; round++)
    for (const path of paths) {
      const time = await timed(path);
      times.push(time);
      perPath.set(path, [...(perPath.get(path) ?? []), time]);
    }
  times.sort((a, b) => a - b);
  console.log(
    `${label}: ${times.length} requests, p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
  );
  for (const [path, list] of perPath) {
    list.sort((a, b) => a - b);
    console.log(`  ${path.padEnd(60)} p50 ${quantile(list, 0.5).toFixed(1).padStart(6)} ms  p95 ${quantile(list, 0.95).toFixed(1).padStart(6)} ms`);
  }
}

await measure('items list', LIST);
await measure('summary', SUMMARY);
await measure('item and compare pages', ITEM);
started = performance.now();
const csv = await fetch(`${base}/export.csv?kind=safety`).then((response) => response.text());
console.log(`export: ${(csv.split('\n').length - 2).toLocaleString('en-US')} safety results as CSV in ${(performance.now() - started).toFixed(0)} ms`);

await server.close();
store.close();
if (!process.argv.includes('--keep')) rmSync(directory, { recursive: true, force: true });
else console.log(`kept ${dbPath}`);
