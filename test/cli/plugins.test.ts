import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { builtinRegistry } from '../../src/benchmarks/registry.js';
import { InputError } from '../../src/errors/culturekit-error.js';
import { EXIT_CODES } from '../../src/errors/exit-codes.js';
import { loadPlugins } from '../../src/plugins/load-plugins.js';
import { runCli } from '../eval/helpers.js';

const examples = fileURLToPath(new URL('../../examples/plugins/', import.meta.url));

function copyExample(): string {
  const directory = mkdtempSync(join(tmpdir(), 'ck-plugin-'));
  cpSync(examples, join(directory, 'plugins'), { recursive: true });
  writeFileSync(
    join(directory, 'culturekit.config.yaml'),
    [
      'plugins: [./plugins/proverbs-plugin.mjs]',
      'dataset: proverbs:plugins/proverbs.json',
      'models: [dictionary:plugins/answers.json]',
      'judges: [dictionary:plugins/answers.json]',
      'prices:',
      '  dictionary:plugins/answers.json: { input: 0.5, output: 1.5 }',
      '',
    ].join('\n'),
  );
  return directory;
}

test('a plugin benchmark (adapter, protocol, rubric) and a plugin model backend run end to end from the config, with costs', async () => {
  const directory = copyExample();
  const validate = await runCli(['validate', 'culturekit.config.yaml'], { cwd: directory });
  assert.equal(validate.code, 0, validate.stdout + validate.stderr);
  assert.match(validate.stdout, /plugins proverbs, dataset proverbs:plugins\/proverbs\.json: 6 items \(6 knowledge\) from 3 countries/);

  const run = await runCli(['eval', '--out', 'runs/proverbs', '--quiet'], { cwd: directory });
  assert.equal(run.code, 0, run.stderr);
  const rows = readFileSync(join(directory, 'runs', 'proverbs', 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(rows.length, 6);
  const byPrompt = new Map(rows.map((row) => [row.itemId, row]));
  // The dictionary knows 4 of the 6 endings, gives a wrong one for "Too many cooks", and no "Ending:" for the last.
  assert.deepEqual(
    rows.map((row) => row.extracted ?? null),
    ['saves nine', 'make light work', 'fall from trees', 'gets hammered down', 'begins with a single step', null],
  );
  assert.equal(byPrompt.get('proverb-1').metrics.completed, 1);
  assert.equal(byPrompt.get('proverb-2').metrics.completed, 0);
  assert.equal(byPrompt.get('proverb-1').details.judges[0].rubric, 'proverb-meaning@1');
  assert.equal(byPrompt.get('proverb-1').metrics.meaning, 4);
  assert.equal(byPrompt.get('proverb-1').template, 'proverb-completion@1');

  // Cost: the model's and the judge's tokens at the config's price, equal to the hand computation from the rows.
  const summary = JSON.parse(readFileSync(join(directory, 'runs', 'proverbs', 'summary.json'), 'utf8'));
  const spec = 'dictionary:plugins/answers.json';
  const judgeTokens = (
    row: { details?: { judges?: { verdicts: { usage: { inputTokens: number; outputTokens: number } }[] }[] } },
    key: 'inputTokens' | 'outputTokens',
  ) => (row.details?.judges ?? []).flatMap((rubric) => rubric.verdicts).reduce((sum, verdict) => sum + verdict.usage[key], 0);
  const input = rows.reduce((sum, row) => sum + row.usage.inputTokens, 0);
  const output = rows.reduce((sum, row) => sum + row.usage.outputTokens, 0);
  const judgeInput = rows.reduce((sum, row) => sum + judgeTokens(row, 'inputTokens'), 0);
  const judgeOutput = rows.reduce((sum, row) => sum + judgeTokens(row, 'outputTokens'), 0);
  assert.ok(judgeInput > 0 && input > judgeInput);
  const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);
  close(summary.cost.byModel[spec].cost, ((input - judgeInput) * 0.5 + (output - judgeOutput) * 1.5) / 1e6);
  close(summary.cost.byJudge[spec].cost, (judgeInput * 0.5 + judgeOutput * 1.5) / 1e6);
  close(summary.cost.total.cost, (input * 0.5 + output * 1.5) / 1e6);
  assert.deepEqual(Object.keys(summary.cost.byCountry).sort(), ['CN', 'GB', 'JP']);
  assert.match(run.stdout, /cost \(US dollars/);
  assert.match(run.stdout, /judge +dictionary:plugins\/answers\.json +\$0\.0/);
});

test('plugins are loaded into a registry of their own: the built-in one is unchanged; bad plugins are input errors naming them', async () => {
  const loaded = await loadPlugins([join(examples, 'proverbs-plugin.mjs')]);
  assert.ok(loaded.registry.names.includes('proverbs'));
  assert.ok(loaded.registry.getProtocol('proverb-completion'));
  assert.ok(loaded.registry.getRubric('proverb-meaning'));
  assert.ok(!builtinRegistry.names.includes('proverbs'));
  assert.equal(builtinRegistry.getProtocol('proverb-completion'), undefined);
  assert.deepEqual(
    loaded.backends.map((backend) => backend.provider),
    ['dictionary'],
  );

  const directory = mkdtempSync(join(tmpdir(), 'ck-bad-plugin-'));
  writeFileSync(join(directory, 'none.mjs'), 'export const x = 1;\n');
  writeFileSync(join(directory, 'clash.mjs'), "export default { name: 'clash', benchmarks: [{ name: 'blend', title: 'x', load: () => ({ items: [] }) }] };\n");
  await assert.rejects(
    loadPlugins([join(directory, 'none.mjs')]),
    (error: unknown) => error instanceof InputError && /none\.mjs: no default export/.test(error.message),
  );
  await assert.rejects(loadPlugins([join(directory, 'clash.mjs')]), /benchmark "blend" is defined twice/);
  await assert.rejects(loadPlugins([join(directory, 'absent.mjs')]), /absent\.mjs could not be loaded/);

  // Without the plugin in the config, its backend and benchmark are unknown.
  writeFileSync(join(directory, 'culturekit.config.yaml'), 'dataset: builtin:sample\nmodels: [dictionary:answers.json]\n');
  const result = await runCli(['validate', 'culturekit.config.yaml'], { cwd: directory });
  assert.equal(result.code, EXIT_CODES.input);
  assert.match(result.stdout, /model "dictionary:answers\.json": expected "openai:<model name>"/);
});
