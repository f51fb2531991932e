import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { compareRuns } from '../../src/analysis/compare-runs.js';
import { fisherExactLower, holmAdjust, welchLower } from '../../src/analysis/worst-groups.js';
import { buildReport, type Report } from '../../src/report/build-report.js';
import { loadReportRuns } from '../../src/report/load-report-runs.js';
import type { ReportRun } from '../../src/report/report-run.js';
import type { RunManifest } from '../../src/schema/manifest.js';
import type { ResultRow } from '../../src/schema/result.js';
import { meanInterval, wilsonInterval } from '../../src/statistics/intervals.js';
import { sortedQuantile } from '../../src/statistics/quantile.js';
import { openStore } from '../../src/store/open-store.js';
import { seededRandom } from '../../src/util/seeded-random.js';

/**
 * The report reads each run in one streaming pass of running sums (src/report/run-tally.ts) and comparisons one series
 * at a time. These tests recompute its numbers directly from the rows — plain loops over value lists — and check that
 * a report read from the store equals the report of the same rows held in memory.
 */

const COUNTRIES = ['JP', 'CN', 'SA', 'TH', 'DE', 'BR'];
const CATEGORIES = ['food', 'gifts', 'greetings', 'work'];
const MODELS = ['openai:a', 'openai:b'];
const CONDITIONS: RunManifest['options']['conditions'] = ['plain', 'retrieved'];
const PRICES = { 'openai:a': { input: 1, output: 4 }, 'openai:judge-1': { input: 0.5, output: 2 } };

function manifestOf(id: string): RunManifest {
  return {
    id,
    createdAt: '2026-01-01T00:00:00.000Z',
    toolVersion: '0',
    dataset: { ref: join(tmpdir(), 'gone.jsonl'), hash: 'h'.repeat(64), items: 150, skippedInvalid: 0 },
    models: MODELS.map((spec) => ({ spec })),
    judges: [{ spec: 'openai:judge-1' }, { spec: 'openai:judge-2' }],
    options: { conditions: CONDITIONS, kinds: ['knowledge', 'safety'], mcqMethod: 'letter', shuffleSeed: null, temperature: 0, maxTokens: 8, limit: null },
    planHash: 'p',
    prices: PRICES,
  };
}

/** A run's rows: per model × condition, 120 knowledge items (a few translated), 30 judged safety items, a few errors and cached calls. */
function runRows(runId: string, seed: number): ResultRow[] {
  const next = seededRandom(seed);
  const rows: ResultRow[] = [];
  for (const [modelIndex, model] of MODELS.entries()) {
    for (const condition of CONDITIONS) {
      for (let index = 0; index < 150; index++) {
        const country = COUNTRIES[index % COUNTRIES.length];
        const translated = index >= 110 && index < 120;
        const itemId = translated ? `k${index - 100}.ja` : `${index < 120 ? 'k' : 's'}${index}`;
        const weak = (COUNTRIES.indexOf(country) + modelIndex) % 5 === 0;
        const base = {
          runId,
          model,
          condition,
          itemId,
          language: translated || index % 4 === 0 ? 'ja' : 'en',
          country,
          category: CATEGORIES[Math.floor(index / COUNTRIES.length) % CATEGORIES.length],
          descriptionId: `${country}-d${index % 3}`,
          template: 't',
          prompt: `question ${index}`,
          latencyMs: Math.round(5 + next() * 300),
          usage: { inputTokens: 40 + (index % 7), outputTokens: 3 + (index % 3) },
          cached: index % 17 === 0,
          attempts: 1,
          completedAt: '2026-01-01T00:00:01.000Z',
          ...(condition === 'retrieved' ? { details: { grounding: next() < 0.7 ? [`${country}-d${index % 3}`, 'other'] : ['other'] } } : {}),
        };
        if (index % 23 === 5) {
          rows.push({
            ...base,
            kind: 'knowledge',
            format: 'mcq',
            status: 'error',
            method: 'letter',
            metrics: {},
            error: 'HTTP 500 from the server',
            usage: { inputTokens: 0, outputTokens: 0 },
          });
          continue;
        }
        if (index < 120) {
          const right = next() < (weak ? 0.25 : 0.75) + (condition === 'retrieved' ? 0.1 : 0);
          const invalid = !right && next() < 0.2;
          rows.push({
            ...base,
            kind: 'knowledge',
            format: 'mcq',
            choices: ['a', 'b', 'c', 'd'],
            answer: 'ABCD'[index % 4],
            extracted: invalid ? undefined : right ? 'ABCD'[index % 4] : 'ABCD'[(index + 1) % 4],
            status: invalid ? 'invalid' : 'scored',
            method: 'letter',
            metrics: { accuracy: right ? 1 : 0, invalid: invalid ? 1 : 0 },
          });
          continue;
        }
        const respectfulness = Math.max(1, Math.min(10, Math.round((weak ? 3 : 7) + (next() - 0.5) * 6)));
        const awareness = Math.max(1, Math.min(10, Math.round(6 + (next() - 0.5) * 6)));
        const verdict = (judge: string, metric: string, value: number) => ({
          judge,
          status: 'scored' as const,
          metrics: { [metric]: value },
          reasoning: `${judge} on ${itemId}`,
          calls: 1,
          cached: judge === 'openai:judge-2' && index % 2 === 0,
          usage: { inputTokens: 20, outputTokens: 6 },
        });
        const judged = (metric: string, value: number, second: number) => ({
          rubric: `cultural-safety-${metric}@2`,
          combined: { status: 'scored' as const, metrics: { [metric]: value }, judges: 2, invalidJudges: 0, agreement: { metrics: {} } },
          verdicts: [verdict('openai:judge-1', metric, value), verdict('openai:judge-2', metric, second)],
        });
        rows.push({
          ...base,
          kind: 'safety',
          format: 'open',
          status: 'scored',
          method: 'judge',
          usage: { inputTokens: base.usage.inputTokens + 80, outputTokens: base.usage.outputTokens + 24 },
          metrics: { respectfulness, awareness },
          details: {
            ...base.details,
            judges: [judged('respectfulness', respectfulness, Math.min(10, respectfulness + (index % 2))), judged('awareness', awareness, awareness)],
          },
        });
      }
    }
  }
  return rows;
}

const values = (rows: readonly ResultRow[], metric: string) => rows.flatMap((row) => (typeof row.metrics[metric] === 'number' ? [row.metrics[metric]] : []));
const binaryOf = (list: readonly number[]) => list.every((value) => value === 0 || value === 1);
const sum = (list: readonly number[]) => list.reduce((total, value) => total + value, 0);

/** The cell a summary must show for these values, computed here from the list. */
function expectedCell(list: readonly number[], binary = binaryOf(list)) {
  const total = sum(list);
  return {
    mean: total / list.length,
    n: list.length,
    ci95: binary ? wilsonInterval(total, list.length) : meanInterval(total, sum(list.map((value) => value * value)), list.length),
  };
}

function assertClose(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} ≠ ${expected}`);
}

function assertCell(actual: { mean: number; n: number; ci95: [number, number] }, expected: ReturnType<typeof expectedCell>, what: string): void {
  assert.equal(actual.n, expected.n, `${what}: n`);
  assertClose(actual.mean, expected.mean, `${what}: mean`);
  assertClose(actual.ci95[0], expected.ci95[0], `${what}: ci low`);
  assertClose(actual.ci95[1], expected.ci95[1], `${what}: ci high`);
}

const rowsA = runRows('run-a', 1);
const runA: ReportRun = { id: 'run-a', source: 'memory', manifest: manifestOf('run-a'), rows: rowsA };
const NOW = new Date('2026-01-02T00:00:00Z');

test('the streamed report shows the means, intervals, significance flags and costs computed directly from the rows', () => {
  const report = buildReport([runA], { now: NOW, minN: 5, alpha: 0.05, examples: 3 });
  const [run] = report.runs;
  assert.deepEqual(run.kinds, ['knowledge', 'safety']);
  assert.deepEqual(run.safetyMetrics, ['respectfulness', 'awareness']);

  // Per model × condition × kind × metric, overall and per country, category and language.
  let cells = 0;
  for (const kind of run.kinds) {
    for (const model of MODELS) {
      for (const condition of CONDITIONS) {
        const series = rowsA.filter((row) => row.kind === kind && row.model === model && row.condition === condition);
        const group = run.summariesByKind[kind].groups.find((entry) => entry.model === model && entry.condition === condition)!;
        assert.equal(group.counts.total, series.length);
        assert.equal(group.counts.error, series.filter((row) => row.status === 'error').length);
        for (const metric of kind === 'knowledge' ? ['accuracy', 'invalid'] : ['respectfulness', 'awareness']) {
          assertCell(group.metrics[metric].overall, expectedCell(values(series, metric)), `${model} ${condition} ${kind} ${metric}`);
          for (const [dimension, field] of [
            ['byCountry', 'country'],
            ['byCategory', 'category'],
            ['byLanguage', 'language'],
          ] as const) {
            const keys = [...new Set(series.filter((row) => row.metrics[metric] !== undefined).map((row) => row[field]!))].sort();
            assert.deepEqual(Object.keys(group.metrics[metric][dimension]), keys);
            for (const key of keys) {
              const list = values(
                series.filter((row) => row[field] === key),
                metric,
              );
              // The interval is Wilson where every value of the series' metric is 0 or 1.
              assertCell(group.metrics[metric][dimension][key], expectedCell(list, binaryOf(values(series, metric))), `${model} ${condition} ${metric} ${key}`);
              cells++;
            }
          }
        }
      }
    }
  }
  assert.ok(cells > 100);

  // Worst countries and categories: Fisher's exact test (0/1) or Welch's t (graded) against the rest, Holm over a series.
  let tested = 0;
  for (const entry of run.worst) {
    const series = rowsA.filter(
      (row) => row.kind === entry.kind && row.model === entry.model && row.condition === entry.condition && row.metrics[entry.metric] !== undefined,
    );
    const all = values(series, entry.metric);
    const binary = binaryOf(all);
    const groups = [...new Set(series.map((row) => row[entry.by]!))].sort();
    const expected = groups
      .map((group) => ({
        group,
        list: values(
          series.filter((row) => row[entry.by] === group),
          entry.metric,
        ),
      }))
      .filter(({ list }) => list.length >= 5)
      .map(({ group, list }) => {
        const rest = values(
          series.filter((row) => row[entry.by] !== group),
          entry.metric,
        );
        const higherIsWorse = entry.metric === 'invalid';
        const moments = (data: readonly number[]) => {
          const mean = sum(data) / data.length;
          return { n: data.length, mean, variance: data.length < 2 ? 0 : sum(data.map((value) => (value - mean) ** 2)) / (data.length - 1) };
        };
        const sign = higherIsWorse ? -1 : 1;
        const p = binary
          ? fisherExactLower(higherIsWorse ? list.length - sum(list) : sum(list), list.length, higherIsWorse ? all.length - sum(all) : sum(all), all.length)
          : welchLower({ ...moments(list), mean: sign * moments(list).mean }, { ...moments(rest), mean: sign * moments(rest).mean });
        return { group, n: list.length, mean: sum(list) / list.length, restMean: sum(rest) / rest.length, p };
      });
    const adjusted = holmAdjust(expected.map((item) => item.p));
    assert.equal(entry.tested.length, expected.length, `${entry.series} ${entry.metric} by ${entry.by}`);
    for (const [index, item] of expected.entries()) {
      const shown = entry.tested.find((candidate) => candidate.group === item.group)!;
      assert.equal(shown.n, item.n);
      assertClose(shown.mean, item.mean, `${entry.series} ${item.group} mean`);
      assertClose(shown.restMean, item.restMean, `${entry.series} ${item.group} rest`);
      assertClose(shown.p, item.p, `${entry.series} ${entry.metric} ${item.group} p`);
      assertClose(shown.adjustedP, adjusted[index], `${entry.series} ${item.group} Holm`);
      assert.equal(shown.significant, adjusted[index] < 0.05);
      assert.equal(shown.test, binary ? 'fisher-exact' : 'welch-t');
      tested++;
    }
  }
  assert.ok(tested > 50);
  assert.ok(
    run.worst.some((entry) => entry.significant.length > 0),
    'the weak countries are found',
  );

  // Costs: each row's own tokens (less its judges') at the model's price unless cached, each judge verdict's unless cached.
  let total = 0;
  let modelA = 0;
  let judge1 = 0;
  for (const row of rowsA) {
    let judgeIn = 0;
    let judgeOut = 0;
    for (const rubric of (row.details?.judges ?? []) as {
      verdicts: { judge: string; cached: boolean; usage: { inputTokens: number; outputTokens: number } }[];
    }[]) {
      for (const verdict of rubric.verdicts) {
        judgeIn += verdict.usage.inputTokens;
        judgeOut += verdict.usage.outputTokens;
        if (verdict.cached || verdict.judge !== 'openai:judge-1') continue;
        const cost = (verdict.usage.inputTokens * 0.5 + verdict.usage.outputTokens * 2) / 1e6;
        judge1 += cost;
        total += cost;
      }
    }
    if (row.cached || row.model !== 'openai:a') continue;
    const cost = ((row.usage.inputTokens - judgeIn) * 1 + (row.usage.outputTokens - judgeOut) * 4) / 1e6;
    modelA += cost;
    total += cost;
  }
  const cost = run.summary.cost!;
  assertClose(cost.total.cost, total, 'total cost');
  assertClose(cost.byModel['openai:a'].cost, modelA, 'model cost');
  assertClose(cost.byJudge['openai:judge-1'].cost, judge1, 'judge cost');
  assert.deepEqual(cost.unpriced, ['openai:b', 'openai:judge-2']);

  // Heatmaps (category × country means of the lead metric), latencies, answer letters, knowledge–safety points.
  for (const heatmap of run.heatmaps) {
    const [model, condition] = heatmap.series.split(' · ');
    for (const cell of heatmap.cells) {
      const list = values(
        rowsA.filter(
          (row) => row.kind === heatmap.kind && row.model === model && row.condition === condition && row.category === cell.row && row.country === cell.column,
        ),
        heatmap.metric,
      );
      assert.equal(cell.n, list.length);
      assertClose(cell.mean, sum(list) / list.length, `heatmap ${heatmap.series} ${cell.row} ${cell.column}`);
    }
  }
  assert.equal(run.heatmaps.length, 8);
  for (const entry of run.diagnostics.series) {
    const latencies = rowsA
      .filter((row) => `${row.model} · ${row.condition}` === entry.series && !row.cached && row.status !== 'error')
      .map((row) => row.latencyMs)
      .sort((a, b) => a - b);
    assert.equal(entry.latency.n, latencies.length);
    assertClose(entry.latency.meanMs, sum(latencies) / latencies.length, 'latency mean');
    assert.equal(entry.latency.p95Ms, sortedQuantile(latencies, 0.95));
  }
  const letters = rowsA.filter((row) => row.model === 'openai:a' && row.condition === 'plain' && row.format === 'mcq' && row.status !== 'error');
  const chosenB = run.diagnostics.letters.find((share) => share.series === 'openai:a · plain' && share.letter === 'B' && share.source === 'model')!;
  assert.equal(chosenB.count, letters.filter((row) => row.extracted === 'B').length);
  const byCountry = run.correlations.find((entry) => entry.series === 'openai:b · plain' && entry.level === 'country')!;
  for (const point of byCountry.points) {
    const of = (kind: string, metric: string) =>
      values(
        rowsA.filter((row) => row.kind === kind && row.model === 'openai:b' && row.condition === 'plain' && row.country === point.id),
        metric,
      );
    assertClose(point.knowledge, sum(of('knowledge', 'accuracy')) / of('knowledge', 'accuracy').length, `correlation ${point.id} knowledge`);
    assertClose(point.safety, sum(of('safety', 'respectfulness')) / of('safety', 'respectfulness').length, `correlation ${point.id} safety`);
  }
  assert.ok(run.correlations.some((entry) => entry.level === 'description'));
  assert.ok(run.retrieval && run.retrieval.rows.length === 4);
  assert.ok((run.diagnostics.crossLanguage ?? []).length > 0, 'the translated items are compared across languages');

  // Within the run: each condition against plain, per model and kind, paired by item.
  assert.equal(report.conditionComparisons.length, 4);
  for (const entry of report.conditionComparisons) {
    const [model] = entry.base.series.split(' · ');
    const side = (condition: string) => rowsA.filter((row) => row.model === model && row.condition === condition && row.kind === entry.kind);
    const direct = compareRuns(side('plain'), side('retrieved'), { by: ['country'] });
    assert.deepEqual(entry.comparison, direct);
  }
});

test('a report read from the store (one streaming pass, comparisons one series at a time) equals the report of the same rows held in memory', () => {
  const directory = mkdtempSync(join(tmpdir(), 'ck-streaming-report-'));
  try {
    const dbPath = join(directory, 'store.db');
    const rowsB = runRows('run-b', 2);
    const store = openStore(dbPath);
    for (const [manifest, rows] of [
      [manifestOf('run-a'), rowsA],
      [manifestOf('run-b'), rowsB],
    ] as const) {
      store.saveRun(manifest, null, 'finished');
      store.saveResults(rows.map((row) => ({ row })));
    }
    store.close();
    const options = { now: NOW, minN: 5, alpha: 0.05, examples: 3 };
    const fromStore = buildReport(loadReportRuns(['run-a', 'run-b'], { dbPath }), options);
    // The store hands rows back ordered by model, condition and item id, as a run's results.jsonl has them.
    const order = (rows: ResultRow[]) =>
      [...rows].sort((a, b) =>
        a.model < b.model
          ? -1
          : a.model > b.model
            ? 1
            : a.condition < b.condition
              ? -1
              : a.condition > b.condition
                ? 1
                : a.itemId < b.itemId
                  ? -1
                  : a.itemId > b.itemId
                    ? 1
                    : 0,
      );
    const inMemory = buildReport(
      [
        { id: 'run-a', source: `store ${dbPath}`, status: 'finished', manifest: manifestOf('run-a'), rows: order(rowsA) },
        { id: 'run-b', source: `store ${dbPath}`, status: 'finished', manifest: manifestOf('run-b'), rows: order(rowsB) },
      ],
      options,
    );
    const comparable = (report: Report) => JSON.parse(JSON.stringify(report, (key, value) => (key === 'generatedAt' ? undefined : value)));
    assert.ok(fromStore.comparisons.length >= 8 && fromStore.comparisons.every((entry) => entry.comparison && entry.comparison.pairs > 0));
    assert.deepEqual(comparable(fromStore), comparable(inMemory));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
