import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../eval/helpers.js';

test('demo runs offline on the built-in sample with a model it writes itself, and says its scores are meaningless', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'ck-demo-'));
  const result = await runCli(['demo', '--limit', '24', '--quiet'], { cwd: directory });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /SCORES ARE MEANINGLESS/);
  assert.match(result.stderr, /--model openai:/);
  assert.ok(existsSync(join(directory, '.culturekit', 'models', 'culturekit-demo-tiny.gguf')));
  assert.ok(existsSync(join(directory, '.culturekit', 'culturekit.db')));
  const rows = readFileSync(join(directory, 'runs', 'demo', 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(rows.length, 24);
  const knowledge = rows.filter((row) => row.kind === 'knowledge');
  const safety = rows.filter((row) => row.kind === 'safety');
  assert.ok(knowledge.length > 0 && safety.length > 0);
  assert.ok(knowledge.every((row) => row.status === 'scored' && row.method === 'loglik' && row.details.logLikelihoods.length === 4));
  assert.ok(safety.every((row) => row.status === 'unscored' && typeof row.response === 'string' && row.response.length > 0));
  assert.match(result.stdout, /accuracy by country/);
  assert.match(result.stdout, /meaningless/);
  const manifest = JSON.parse(readFileSync(join(directory, 'runs', 'demo', 'manifest.json'), 'utf8'));
  assert.match(manifest.notice, /MEANINGLESS/, 'the manifest marks the demo run, so every report of it says so');
  const report = await runCli(['report', join(directory, 'runs', 'demo'), '--format', 'md', '--out', '-'], { cwd: directory });
  assert.equal(report.code, 0, report.stderr);
  assert.match(report.stdout, /^> \*\*Warning:\*\* Demo run: .*MEANINGLESS/m);

  // Running it again resumes the finished run: nothing is recomputed.
  const again = await runCli(['demo', '--limit', '24', '--quiet'], { cwd: directory });
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /0 done now, 24 already done/);
});
