import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { InputError } from '../../src/errors/culturekit-error.js';
import { CSV_COLUMNS } from '../../src/report/render-csv-report.js';
import { writeReport } from '../../src/report/write-report.js';
import { runCli } from '../eval/helpers.js';
import { createFixtureRuns, SCRIPT_INJECTION, type FixtureRuns } from './fixture-runs.js';

let runs: FixtureRuns;

before(async () => {
  runs = await createFixtureRuns();
});

const ESCAPED_SCRIPT = '&lt;script&gt;alert(1)&lt;/script&gt;';

test('the HTML report is one self-contained page: every section, inline SVG charts, escaped dataset text, no script', async () => {
  const out = join(runs.directory, 'report.html');
  // One run by folder, one by id from the store.
  const result = await writeReport({ runs: [runs.base.outDir, runs.tuned.id], dbPath: runs.dbPath, out });
  assert.equal(result.format, 'html');
  const page = readFileSync(out, 'utf8');
  assert.equal(page, result.content);
  for (const id of ['run-1-info', 'run-1-overall', 'run-1-countries', 'run-1-correlation', 'run-1-heatmap', 'run-1-diagnostics', 'run-2-info', 'comparison']) {
    assert.ok(page.includes(`id="${id}"`), `section ${id}`);
  }
  const charts = page.match(/<figure class="chart" data-chart="[^"]+"><svg /g) ?? [];
  assert.ok(charts.length >= 8, `charts: ${charts.length}`);
  for (const name of ['knowledge-accuracy-by-country', 'heatmap-knowledge-accuracy', 'invalid-by-country', 'answer-letters', 'difference-knowledge-accuracy']) {
    assert.ok(page.includes(`data-chart="${name}"`), `chart ${name}`);
  }
  assert.ok(!/<script/i.test(page), 'no script element, not even from the data');
  assert.ok(page.includes(ESCAPED_SCRIPT), 'the category with markup is shown as text');
  assert.ok(!/\s(src|href)="(https?:)?\/\//.test(page), 'nothing is loaded from the network');
  assert.ok(!/<link\b/.test(page));
  assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
  assert.deepEqual(
    readdirSync(runs.directory).filter((name) => name.endsWith('.tmp')),
    [],
    'written atomically',
  );

  const [comparison] = result.report.comparisons;
  assert.equal(result.report.comparisons.length, 2, 'knowledge and safety items compared');
  assert.equal(comparison.kind, 'knowledge');
  const accuracy = comparison.comparison!.metrics.find((metric) => metric.metric === 'accuracy')!;
  assert.equal(comparison.comparison!.pairs, 21);
  assert.equal(accuracy.overall.n, 20, 'the item that ended in error has no accuracy');
  assert.ok(accuracy.overall.ci95[0] <= accuracy.overall.difference && accuracy.overall.difference <= accuracy.overall.ci95[1]);
  assert.equal(accuracy.overall.test.name, 'mcnemar-exact');
  assert.ok(accuracy.flips!.wrongToRight.length > 0 && accuracy.flips!.rightToWrong.length > 0);
  assert.ok(page.includes(accuracy.flips!.wrongToRight[0].itemId));
  assert.equal(accuracy.groups.length, 5, 'one cell per country');

  const [base] = result.report.runs;
  assert.equal(base.diagnostics.series[0].counts.error, 1);
  assert.equal(base.diagnostics.series[0].counts.invalid, 1);
  assert.ok(page.includes('data-table="errors"'));
  assert.ok(base.diagnostics.letters.some((share) => share.source === 'model' && share.count > 0));
  assert.match(page, /This run has no scored safety items/);
});

test('Markdown: tables for a paper, with the same figures and escaped text', async () => {
  const { content, report } = await writeReport({ runs: [runs.base.id, runs.tuned.id], dbPath: runs.dbPath, out: join(runs.directory, 'report.md') });
  assert.match(content, /^# culturekit report/);
  assert.match(content, /\| model · condition \| kind \| metric \| mean \| 95% CI \| n \|/);
  assert.match(content, /### Knowledge: accuracy by country/);
  assert.match(content, /## Comparison with run 1/);
  const jp = report.runs[0].byCountry[0].points.find((point) => point.group === 'JP')!;
  assert.ok(
    content.includes(`| Japan (JP) | ${jp.mean.toFixed(3)} (${jp.low.toFixed(3)}–${jp.high.toFixed(3)}, n=4) (few) |`),
    'countries by name; n=4 is below the minimum n',
  );
  assert.ok(content.indexOf('## Summary of run 1') < content.indexOf('## Run 1'), 'the summary comes first');
  assert.ok(!content.includes(SCRIPT_INJECTION));
  assert.ok(content.includes(ESCAPED_SCRIPT));
  assert.match(content, /- wrong → right: \d+: /);
});

test('CSV: one tidy table with a line per model, condition, kind, metric and group', async () => {
  const { content, report } = await writeReport({ runs: [runs.base.id], dbPath: runs.dbPath, format: 'csv' });
  const lines = content.trimEnd().split('\r\n');
  assert.equal(lines[0], CSV_COLUMNS.join(','));
  assert.equal(lines[0], 'run,model,condition,kind,metric,group_by,group,mean,ci_low,ci_high,n');
  const rows = lines.slice(1).map((line) => line.split(','));
  assert.ok(rows.every((row) => row.length === CSV_COLUMNS.length));
  const overall = rows.find((row) => row[3] === 'knowledge' && row[4] === 'accuracy' && row[5] === 'overall')!;
  const cell = report.runs[0].summariesByKind.knowledge.groups[0].metrics.accuracy.overall;
  assert.deepEqual(overall.slice(7).map(Number), [cell.mean, cell.ci95[0], cell.ci95[1], cell.n]);
  assert.equal(rows.filter((row) => row[4] === 'accuracy' && row[5] === 'country').length, 5);
  assert.ok(
    rows.some((row) => row[5] === 'category' && row[6] === SCRIPT_INJECTION),
    'CSV keeps the text as data',
  );
});

test('the CLI writes a report, prints Markdown to stdout with --out -, and rejects an unknown run with exit code 2', async () => {
  const out = join(runs.directory, 'cli-report.html');
  const written = await runCli(['report', runs.base.id, runs.tuned.outDir, '--db', runs.dbPath, '--out', out]);
  assert.equal(written.code, 0, written.stderr);
  assert.match(written.stderr, /wrote .*cli-report\.html \(html, 2 run\(s\), 2 comparison\(s\)\)/);
  assert.match(readFileSync(out, 'utf8'), /^<!doctype html>/);
  const markdown = await runCli(['report', runs.base.id, '--db', runs.dbPath, '--format', 'md', '--out', '-']);
  assert.equal(markdown.code, 0, markdown.stderr);
  assert.match(markdown.stdout, /^# culturekit report/);
  const missing = await runCli(['report', 'run-that-does-not-exist', '--db', runs.dbPath]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no run "run-that-does-not-exist" in .*; runs there: run-/);
  await assert.rejects(writeReport({ runs: ['nothing-here'], dbPath: join(runs.directory, 'absent.db') }), InputError);
});

test('a run folder whose results.jsonl has a wrong field is refused with file:line: field, exit code 2', async () => {
  const folder = join(runs.directory, 'damaged-run');
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(runs.base.outDir, 'manifest.json'), join(folder, 'manifest.json'));
  const lines = readFileSync(join(runs.base.outDir, 'results.jsonl'), 'utf8').trimEnd().split('\n');
  const third = JSON.parse(lines[2]);
  lines[2] = JSON.stringify({ ...third, status: 'done', usage: { inputTokens: 'many' } });
  writeFileSync(join(folder, 'results.jsonl'), `${lines.join('\n')}\n`);
  const results = join(folder, 'results.jsonl');
  const refused = await runCli(['report', folder, '--db', runs.dbPath, '--out', '-']);
  assert.equal(refused.code, 2, refused.stderr);
  assert.ok(refused.stderr.includes(`${results}:3: status: `), refused.stderr);
  assert.ok(refused.stderr.includes(`${results}:3: usage.inputTokens: `), refused.stderr);
});
