/**
 * Report benchmark (issue 14): `writeReport` of one run of 100,000 results from the store — HTML (summary first, world
 * maps, worst groups with their significance, quoted safety responses with the judges' reasoning) and Markdown — in
 * this process, timed by stage. The run is written straight into a fresh SQLite store (no model calls): 4 models ×
 * 25,000 items over 40 countries and 10 categories, 80% multiple-choice knowledge items (accuracy) and 20% safety
 * queries judged 1–10 (respectfulness, awareness, with reasoning). Goal: under 5 s for the HTML report.
 *
 * Since issue 18 the report reads the run in one streaming pass (`build` below: the store's ordered cursor feeding running
 * sums, nothing held per result), so `load` only finds the run; the peak RSS and the V8 heap in use after the build are printed
 * too. For the built CLI at a million results see bench/million.ts.
 *
 * Usage: node --import tsx bench/report.ts [--results 100000] [--models 4] [--keep]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport } from '../src/report/build-report.js';
import { attachExamples } from '../src/report/load-examples.js';
import { loadReportRuns } from '../src/report/load-report-runs.js';
import { renderHtmlReport } from '../src/report/render-html-report.js';
import { renderMarkdownReport } from '../src/report/render-markdown-report.js';
import { writeReport } from '../src/report/write-report.js';
import type { RunManifest } from '../src/schema/manifest.js';
import type { ResultRow } from '../src/schema/result.js';
import { openStore } from '../src/store/open-store.js';

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const RESULTS = Number(argument('--results') ?? 100_000);
const MODELS = Number(argument('--models') ?? 4);
const KEEP = process.argv.includes('--keep');
const ITEMS = Math.floor(RESULTS / MODELS);

const COUNTRIES = ['JP', 'CN', 'IN', 'TH', 'EG', 'NG', 'DE', 'FR', 'BR', 'MX', 'US', 'AU', 'SA', 'KR', 'VN', 'ID', 'PH', 'TR', 'IR', 'PK'];
const MORE = ['BD', 'ET', 'KE', 'ZA', 'AR', 'CL', 'PE', 'CO', 'ES', 'IT', 'PL', 'UA', 'RU', 'GB', 'CA', 'NZ', 'MA', 'DZ', 'GR', 'SE'];
const ALL_COUNTRIES = [...COUNTRIES, ...MORE];
const CATEGORIES = ['etiquette', 'food', 'gifts', 'greetings', 'festivals', 'religion', 'family', 'clothing', 'work', 'language'];

/** A small deterministic generator (mulberry32), so that every run writes the same results. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const directory = mkdtempSync(join(tmpdir(), 'ck-bench-report-'));
const dbPath = join(directory, 'culturekit.db');
const runId = 'run-bench-report';
const models = Array.from({ length: MODELS }, (_, index) => `openai:model-${index + 1}`);
const manifest: RunManifest = {
  id: runId,
  createdAt: '2026-12-06T00:00:00.000Z',
  toolVersion: 'bench',
  dataset: { ref: join(directory, 'missing-dataset.jsonl'), hash: 'bench', items: ITEMS, skippedInvalid: 0 },
  models: models.map((spec) => ({ spec })),
  judges: [{ spec: 'openai:judge' }],
  options: { conditions: ['plain'], kinds: ['knowledge', 'safety'], mcqMethod: 'letter', shuffleSeed: null, temperature: 0, maxTokens: 512, limit: null },
  planHash: 'bench',
};

function resultRow(model: string, modelIndex: number, index: number, next: () => number): ResultRow {
  const country = ALL_COUNTRIES[index % ALL_COUNTRIES.length];
  const category = CATEGORIES[Math.floor(index / ALL_COUNTRIES.length) % CATEGORIES.length];
  // Each model is weaker on a few countries of its own.
  const weak = (ALL_COUNTRIES.indexOf(country) + modelIndex) % 13 === 0;
  const base = {
    runId,
    model,
    condition: 'plain',
    itemId: `item-${String(index).padStart(6, '0')}`,
    language: index % 3 === 0 ? 'en' : 'xx',
    country,
    category,
    descriptionId: `d-${index % 5000}`,
    template: 'bench@1',
    latencyMs: 20 + next() * 200,
    usage: { inputTokens: 120, outputTokens: 8 },
    cached: false,
    attempts: 1,
    completedAt: '2026-12-06T00:00:01.000Z',
  };
  if (index % 5 !== 4) {
    const right = next() < (weak ? 0.35 : 0.7);
    return {
      ...base,
      kind: 'knowledge',
      format: 'mcq',
      prompt: [{ role: 'user', content: `Question ${index} about ${country}: which is customary?\nA. one\nB. two\nC. three\nD. four` }],
      choices: ['one', 'two', 'three', 'four'],
      answer: 'B',
      response: `Answer: ${right ? 'B' : 'C'}`,
      extracted: right ? 'B' : 'C',
      status: 'scored',
      method: 'letter',
      metrics: { accuracy: right ? 1 : 0, invalid: 0 },
      details: { rule: 'answer-prefix' },
    };
  }
  const respectfulness = Math.max(1, Math.min(10, Math.round((weak ? 4 : 7.5) + (next() - 0.5) * 5)));
  const awareness = Math.max(1, Math.min(10, Math.round(6.5 + (next() - 0.5) * 5)));
  const verdict = (metric: string, value: number) => ({
    rubric: `cultural-safety-${metric}@2`,
    combined: {
      status: 'scored' as const,
      metrics: { [metric]: value },
      judges: 1,
      invalidJudges: 0,
      agreement: { metrics: { [metric]: { meanAbsoluteDeviation: 0, withinOnePoint: true } } },
    },
    verdicts: [
      {
        judge: 'openai:judge',
        status: 'scored' as const,
        metrics: { [metric]: value },
        reasoning: `The response ${value < 5 ? 'ignores' : 'respects'} the custom of ${country}.`,
        calls: 1,
        cached: false,
      },
    ],
  });
  return {
    ...base,
    kind: 'safety',
    format: 'open',
    prompt: [{ role: 'user', content: `Please write a party invitation for my colleagues from ${country}.` }],
    response: `Here is an invitation for ${country}: … (${index})`,
    status: 'scored',
    method: 'judge',
    metrics: { respectfulness, awareness },
    details: { judges: [verdict('respectfulness', respectfulness), verdict('awareness', awareness)] },
  };
}

let started = performance.now();
const store = openStore(dbPath);
store.saveRun(manifest, null, 'finished');
const next = random(14);
for (const [modelIndex, model] of models.entries()) {
  const batch: { row: ResultRow }[] = [];
  for (let index = 0; index < ITEMS; index++) {
    batch.push({ row: resultRow(model, modelIndex, index, next) });
    if (batch.length === 5000) store.saveResults(batch.splice(0));
  }
  if (batch.length) store.saveResults(batch);
}
store.close();
console.log(
  `wrote ${(ITEMS * MODELS).toLocaleString('en-US')} results (${MODELS} models × ${ITEMS.toLocaleString('en-US')} items) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(2)} s`;
started = performance.now();
let lap = performance.now();
const runs = loadReportRuns([runId], { dbPath });
const loadTime = seconds(lap);
lap = performance.now();
const report = buildReport(runs, {});
const heapAfterBuild = process.memoryUsage().heapUsed;
const buildTime = seconds(lap);
lap = performance.now();
await attachExamples(report.runs[0], runs[0], { dbPath });
const examplesTime = seconds(lap);
lap = performance.now();
const page = await renderHtmlReport(report);
const htmlTime = seconds(lap);
lap = performance.now();
const markdown = renderMarkdownReport(report);
const markdownTime = seconds(lap);
console.log(
  `stages: load ${loadTime}, build (one streaming pass) ${buildTime}, quoted results ${examplesTime} (${Object.keys(report.runs[0].examples ?? {}).length}), HTML ${htmlTime} (${(page.length / 1e6).toFixed(1)} MB, ${(page.match(/data-chart="map-/g) ?? []).length} maps), Markdown ${markdownTime} (${(markdown.length / 1e3).toFixed(0)} kB)`,
);

// The whole call a user makes (a second process would also pay for loading vega: see bench/million.ts for the CLI).
// CPU seconds (user + system of this process) next to wall seconds: on a shared machine the wall clock also counts
// the time other processes held the cores.
const timed = async (format: 'html' | 'md') => {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  await writeReport({ runs: [runId], dbPath, out: join(directory, `report.${format}`) });
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - wall) / 1000, cpu: (used.user + used.system) / 1e6 };
};
const html = await timed('html');
const md = await timed('md');
console.log(
  `writeReport at ${(ITEMS * MODELS).toLocaleString('en-US')} results: HTML ${html.wall.toFixed(2)} s wall, ${html.cpu.toFixed(2)} s CPU; Markdown ${md.wall.toFixed(2)} s wall, ${md.cpu.toFixed(2)} s CPU (goal: HTML under 5 s) ${html.wall < 5 ? 'OK' : html.cpu < 5 ? 'OK by CPU time (the machine is shared)' : 'TOO SLOW'}; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`,
);
console.log(
  `memory: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB for the whole bench (writing the store included); V8 heap in use after the build ${(heapAfterBuild / 2 ** 20).toFixed(0)} MiB`,
);
if (KEEP) console.log(`kept ${directory}`);
else rmSync(directory, { recursive: true, force: true });
