import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import { EXIT_CODES } from '../../src/errors/exit-codes.js';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';
import { runCli } from '../eval/helpers.js';

let server: OpenAITestServer;
before(async () => {
  server = await startOpenAITestServer({ logRequests: false });
});
after(async () => server.close());

test('init → validate → eval: the generated config and sample dataset run as they are', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'ck-init-'));
  const init = await runCli(['init', '--model', 'test-model', '--base-url', server.url], { cwd: directory });
  assert.equal(init.code, 0, init.stderr);
  const text = readFileSync(join(directory, 'culturekit.config.yaml'), 'utf8');
  const schemaRef = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)?.[1];
  assert.ok(schemaRef, 'the config references its JSON Schema');
  assert.equal(JSON.parse(readFileSync(join(directory, schemaRef), 'utf8')).title, 'culturekit.config.yaml');
  assert.deepEqual(parse(text).models, ['openai:test-model']);

  const validate = await runCli(['validate', 'culturekit.config.yaml', 'culturekit-sample.jsonl'], { cwd: directory });
  assert.equal(validate.code, 0, validate.stdout + validate.stderr);
  assert.match(
    validate.stdout,
    /ok: culturekit\.config\.yaml: 1 model\(s\), 0 judge\(s\), dataset \.\/culturekit-sample\.jsonl: 6 items \(4 knowledge, 2 safety\)/,
  );

  const run = await runCli(['eval', '--out', 'runs/first', '--quiet'], { cwd: directory });
  assert.equal(run.code, 0, run.stderr);
  const rows = readFileSync(join(directory, 'runs', 'first', 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(rows.length, 6);
  assert.equal(rows.filter((row) => row.kind === 'knowledge' && row.method === 'letter').length, 4);

  const again = await runCli(['init'], { cwd: directory });
  assert.equal(again.code, EXIT_CODES.input);
  assert.match(again.stderr, /already exist.*--force/);
});

test('init for a local GGUF with a judge writes a config that validates (the model file is only read when the run starts)', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'ck-init-gguf-'));
  const init = await runCli(['init', '--backend', 'gguf', '--model', './models/tiny.gguf', '--judge', 'openai:judge-model'], { cwd: directory });
  assert.equal(init.code, 0, init.stderr);
  const config = parse(readFileSync(join(directory, 'culturekit.config.yaml'), 'utf8'));
  assert.deepEqual([config.models, config.judges], [['llama:./models/tiny.gguf'], ['openai:judge-model']]);
  const validate = await runCli(['validate', 'culturekit.config.yaml'], { cwd: directory });
  assert.equal(validate.code, 0, validate.stdout);
});

test('validate reports every bad file with file, line and field, and exits 2', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'ck-validate-'));
  writeFileSync(
    join(directory, 'bad.yaml'),
    ['dataset: builtin:sample', 'models:', '  - spec: openai:x', '    concurrency: -3', 'gate:', '  failUnder: { "accuracy>": 1 }', ''].join('\n'),
  );
  writeFileSync(join(directory, 'spec.yaml'), 'dataset: builtin:sample\nmodels: [gpt4]\n');
  writeFileSync(join(directory, 'items.jsonl'), '{"id":"a","kind":"knowledge","prompt":"Q?","choices":["x","y"],"answer":"C","language":"en"}\n');
  const result = await runCli(['validate', 'bad.yaml', 'spec.yaml', 'items.jsonl'], { cwd: directory });
  assert.equal(result.code, EXIT_CODES.input);
  assert.match(result.stdout, /invalid: bad\.yaml\n {2}bad\.yaml:4: models\.0\.concurrency: /);
  assert.match(result.stdout, /bad\.yaml:6: gate\.failUnder\.accuracy>: /);
  assert.match(result.stdout, /invalid: spec\.yaml\n {2}model "gpt4": expected "openai:<model name>"/);
  assert.match(result.stdout, /invalid: items\.jsonl\n.*\n {2}items\.jsonl:1: answer: expected one of A, B, got "C"/);
});
