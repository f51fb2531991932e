import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { EXIT_CODES } from '../../src/errors/exit-codes.js';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';
import { runCli, writeMcqDataset } from '../eval/helpers.js';

let server: OpenAITestServer;
before(async () => {
  server = await startOpenAITestServer({ latencyMs: 20, logRequests: false });
});
after(async () => server.close());

test('--max-cost stops starting new items past the budget, cleanly and resumably; the resumed run completes and is charged in full', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'ck-cost-'));
  writeMcqDataset(join(directory, 'items.jsonl'), 40);
  // $1,000 per million tokens: a call of a few dozen tokens costs a few cents.
  writeFileSync(
    join(directory, 'culturekit.config.yaml'),
    `dataset: items.jsonl\nbaseUrl: ${server.url}\nmodels: [openai:test-model]\nprices:\n  openai:test-model: { input: 1000, output: 1000 }\n`,
  );
  const stopped = await runCli(['eval', '--out', 'runs/budget', '--quiet', '--concurrency', '2', '--max-cost', '0.3'], { cwd: directory });
  assert.equal(stopped.code, EXIT_CODES.interrupted, stopped.stderr);
  assert.match(stopped.stderr, /stopping: this invocation has spent \$0\.3\d* of --max-cost \$0\.3/);
  const read = () =>
    readFileSync(join(directory, 'runs', 'budget', 'results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
  const first = read();
  assert.ok(first.length > 0 && first.length < 40, `${first.length} rows`);
  const perCall = ((first[0].usage.inputTokens + first[0].usage.outputTokens) * 1000) / 1e6;
  // Spending stops within the calls in flight (2) of the budget.
  const spent = JSON.parse(readFileSync(join(directory, 'runs', 'budget', 'summary.json'), 'utf8')).cost.total.cost;
  assert.ok(spent >= 0.3 && spent < 0.3 + 3 * perCall, `spent ${spent}`);

  const resumed = await runCli(['eval', '--out', 'runs/budget', '--quiet'], { cwd: directory });
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stdout, new RegExp(`${40 - first.length} done now, ${first.length} already done`));
  const rows = read();
  assert.equal(rows.length, 40);
  const summary = JSON.parse(readFileSync(join(directory, 'runs', 'budget', 'summary.json'), 'utf8'));
  const tokens = rows.reduce((sum, row) => sum + row.usage.inputTokens * 1000 + row.usage.outputTokens * 1000, 0) / 1e6;
  assert.ok(Math.abs(summary.cost.total.cost - tokens) < 1e-9, `${summary.cost.total.cost} ≠ ${tokens}`);

  // The report shows the same cost, from the prices recorded in the run's manifest.
  const manifest = JSON.parse(readFileSync(join(directory, 'runs', 'budget', 'manifest.json'), 'utf8'));
  assert.deepEqual(manifest.prices, { 'openai:test-model': { input: 1000, output: 1000 } });
  const markdown = await runCli(['report', 'runs/budget', '--format', 'md', '--out', 'report.md'], { cwd: directory });
  assert.equal(markdown.code, 0, markdown.stderr);
  const text = readFileSync(join(directory, 'report.md'), 'utf8');
  assert.match(text, /### Cost/);
  assert.match(text, new RegExp(`\\| run \\| total \\| ${summary.cost.total.cost.toFixed(4).replace('.', '\\.')} \\|`));
  const page = await runCli(['report', 'runs/budget', '--out', 'report.html'], { cwd: directory });
  assert.equal(page.code, 0, page.stderr);
  assert.match(
    readFileSync(join(directory, 'report.html'), 'utf8'),
    new RegExp(`<h3>Cost</h3>[\\s\\S]*${summary.cost.total.cost.toFixed(4).replace('.', '\\.')}`),
  );

  writeFileSync(join(directory, 'free.yaml'), `dataset: items.jsonl\nbaseUrl: ${server.url}\nmodels: [openai:test-model]\n`);
  const noPrices = await runCli(['eval', '--config', 'free.yaml', '--max-cost', '1'], { cwd: directory });
  assert.equal(noPrices.code, EXIT_CODES.input);
  assert.match(noPrices.stderr, /--max-cost needs prices/);
});
