import assert from 'node:assert/strict';
import { test } from 'node:test';
import { correlate } from '../statistics/correlation.js';
import type { RunManifest } from '../schema/manifest.js';
import type { ResultRow } from '../schema/result.js';
import { buildReport, pairSeries } from './build-report.js';
import { fineGrainedTables } from './fine-grained-tables.js';
import { csvField, renderCsvReport } from './render-csv-report.js';
import { renderHtmlReport } from './render-html-report.js';
import { markdownCell, renderMarkdownReport } from './render-markdown-report.js';
import type { ReportRun } from './report-run.js';

const manifest: RunManifest = {
  id: 'run-a',
  createdAt: '2026-01-01T00:00:00.000Z',
  toolVersion: '0',
  dataset: { ref: 'items.jsonl', hash: 'h'.repeat(64), items: 48, skippedInvalid: 0 },
  models: [{ spec: 'openai:m' }],
  options: { conditions: ['plain'], kinds: ['knowledge', 'safety'], mcqMethod: 'letter', shuffleSeed: null, temperature: 0, maxTokens: 8, limit: null },
  planHash: 'p',
};

function row(itemId: string, country: string, kind: 'knowledge' | 'safety', metrics: Record<string, number>, extra: Partial<ResultRow> = {}): ResultRow {
  return {
    runId: 'run-a',
    model: 'openai:m',
    condition: 'plain',
    itemId,
    kind,
    format: kind === 'knowledge' ? 'mcq' : 'open',
    language: 'en',
    country,
    category: itemId.endsWith('0') ? 'food' : 'gifts',
    descriptionId: `${country}-${itemId.at(-1)}`,
    template: 't',
    prompt: 'p',
    status: 'scored',
    method: kind === 'knowledge' ? 'letter' : 'judge',
    metrics,
    latencyMs: 10,
    usage: { inputTokens: 5, outputTokens: 1 },
    cached: false,
    attempts: 1,
    completedAt: 'now',
    ...extra,
  };
}

/** Six countries, four knowledge and four safety items each; knowledge accuracy and safety scores vary by country. */
function rows(): ResultRow[] {
  const countries = ['JP', 'CN', 'SA', 'TH', 'DE', 'BR'];
  const result: ResultRow[] = [];
  countries.forEach((country, countryIndex) => {
    for (let index = 0; index < 4; index++) {
      const right = index < (countryIndex % 4) + 1;
      result.push(
        row(
          `${country}-k${index}`,
          country,
          'knowledge',
          { accuracy: right ? 1 : 0, invalid: 0 },
          { answer: 'ABCD'[index], extracted: right ? 'ABCD'[index] : 'A', choices: ['a', 'b', 'c', 'd'] },
        ),
      );
      result.push(row(`${country}-s${index}`, country, 'safety', { respectfulness: 3 + ((countryIndex * 3 + index) % 7), awareness: 2 + index }));
    }
  });
  return result;
}

const run: ReportRun = { id: 'run-a', source: 'runs/a', manifest, rows: rows() };

test('a run with knowledge and judged safety items gets per-country safety charts and knowledge–safety correlations', async () => {
  const report = buildReport([run], { now: new Date('2026-01-02T00:00:00Z') });
  const [runReport] = report.runs;
  assert.deepEqual(runReport.kinds, ['knowledge', 'safety']);
  assert.deepEqual(runReport.safetyMetrics, ['respectfulness', 'awareness']);
  assert.deepEqual(
    runReport.byCountry.map((metric) => `${metric.kind}:${metric.metric}`),
    ['knowledge:accuracy', 'safety:respectfulness', 'safety:awareness'],
  );
  const byCountry = runReport.correlations.find((entry) => entry.level === 'country')!;
  assert.equal(byCountry.points.length, 6);
  assert.equal(byCountry.series, 'openai:m · plain');
  const expected = correlate(
    byCountry.points.map((point) => point.knowledge),
    byCountry.points.map((point) => point.safety),
  );
  assert.equal(byCountry.correlation.pearson.r, expected.pearson.r);
  assert.ok(runReport.correlations.some((entry) => entry.level === 'description' && entry.points.length === 24));
  const heatmapKinds = runReport.heatmaps.map((heatmap) => `${heatmap.kind}:${heatmap.metric}`);
  assert.deepEqual(heatmapKinds, ['knowledge:accuracy', 'safety:respectfulness']);

  const page = await renderHtmlReport(report);
  assert.ok(page.includes('data-chart="knowledge-safety-country"'));
  assert.ok(page.includes('data-chart="safety-respectfulness-by-country"'));
  assert.match(page, /accuracy vs respectfulness by country \(Pearson r = -?\d\.\d{3}/);
  assert.ok(!page.includes('This run has no scored safety items'));

  const markdown = renderMarkdownReport(report);
  assert.match(markdown, /### Knowledge and safety\n\n\| model · condition \| level \| knowledge \| safety \| n \| Pearson r/);
  assert.match(markdown, /### Safety: respectfulness by country/);
  const csv = renderCsvReport(report);
  assert.match(csv, /\r\nrun-a,openai:m,plain,safety,respectfulness,country,JP,/);
});

test('fine-grained diagnostics (country preference, wrong category) become tables when the rows carry them', () => {
  const probes = [
    row('g1', 'US', 'knowledge', { accuracy: 1, matches_US: 1, matches_CN: 0 }),
    row('g2', 'US', 'knowledge', { accuracy: 0, matches_US: 1, matches_CN: 0 }),
    row('g3', 'CN', 'knowledge', { accuracy: 1, matches_US: 0, matches_CN: 1 }),
    row('c1', 'JP', 'knowledge', { accuracy: 0, wrong_category: 1 }),
    row('c2', 'JP', 'knowledge', { accuracy: 1, wrong_category: 0 }),
  ];
  const report = buildReport([{ ...run, rows: probes }]);
  const tables = fineGrainedTables(report.runs[0]);
  assert.deepEqual(
    tables.map((table) => table.title),
    ['openai:m · plain: which country\u2019s answer the model gives when no country is named (GeoMLaMA)', 'Wrong category and grammatical gender'],
  );
  assert.deepEqual(tables[0].rows, [
    ['US', '66.7%', '2.000'],
    ['CN', '33.3%', '1.000'],
  ]);
  assert.deepEqual(tables[1].rows, [['openai:m · plain', 'picks an option of the wrong category', '0.500', '[0.095, 0.905]', '1', '2']]);
  assert.match(renderMarkdownReport(report), /\| openai:m · plain \| picks an option of the wrong category \| 0\.500 \|/);
});

test('series of two runs pair by model and condition, else by the one thing that differs', () => {
  const series = (model: string, condition: string) => ({ model, condition, label: `${model} · ${condition}` });
  assert.deepEqual(pairSeries([series('a', 'plain'), series('b', 'plain')], [series('b', 'plain')]).pairs, [[series('b', 'plain'), series('b', 'plain')]]);
  assert.deepEqual(pairSeries([series('base', 'plain')], [series('tuned', 'plain')]).pairs, [[series('base', 'plain'), series('tuned', 'plain')]]);
  assert.deepEqual(pairSeries([series('a', 'plain')], [series('a', 'retrieved')]).pairs, [[series('a', 'plain'), series('a', 'retrieved')]]);
  const some = pairSeries([series('a', 'plain'), series('b', 'plain')], [series('c', 'plain'), series('d', 'plain')]);
  assert.equal(some.pairs.length, 0);
  assert.equal(some.unpaired.length, 2);
});

test('CSV fields and Markdown cells keep data as data', () => {
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"\n'), '"say ""hi""\n"');
  assert.equal(csvField('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
  assert.equal(csvField(0.25), '0.25');
  assert.equal(csvField(Number.NaN), '');
  assert.equal(markdownCell('a | <b>x</b>\n[link](javascript:alert(1)) *y*'), 'a \\| &lt;b&gt;x&lt;/b&gt; \\[link\\](javascript:alert(1)) \\*y\\*');
});
