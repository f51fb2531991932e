import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadConfig } from '../../src/settings/load-config.js';
import { loadBuiltinSample } from '../../src/datasets/builtin/builtin-sample.js';
import { writeDemoModel } from '../../src/models/llama/demo-model.js';
import { runCli } from '../eval/helpers.js';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';

// Every run option a config file documents must take effect in `eval` and `score`; flags beat the config, the config
// beats the defaults; a per-model (or per-judge) entry beats the config's top level; flags apply to every model and judge.

let server: OpenAITestServer;
let other: OpenAITestServer;
let judge: OpenAITestServer;
const directory = mkdtempSync(join(tmpdir(), 'ck-settings-'));

before(async () => {
  server = await startOpenAITestServer({ latencyMs: 60 });
  other = await startOpenAITestServer({ latencyMs: 60 });
  judge = await startOpenAITestServer({ latencyMs: 60 });
});
after(async () => {
  await Promise.all([server.close(), other.close(), judge.close()]);
});

function clearCounts(): void {
  for (const each of [server, other, judge]) each.requests.clear();
}

/** A fresh folder with a config file (YAML lines); runs the CLI there. */
async function runWithConfig(name: string, configLines: string[] | undefined, args: string[]) {
  const folder = mkdtempSync(join(directory, `${name}-`));
  if (configLines) writeFileSync(join(folder, 'culturekit.config.yaml'), `${configLines.join('\n')}\n`);
  clearCounts();
  const result = await runCli([...args, '--quiet'], { cwd: folder });
  return { ...result, folder };
}

function readRun(folder: string, out: string) {
  const manifest = JSON.parse(readFileSync(join(folder, out, 'manifest.json'), 'utf8'));
  const rows = readFileSync(join(folder, out, 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  return { manifest, rows };
}

function chatBodies(target: OpenAITestServer): Record<string, unknown>[] {
  return target.requests.log.filter((request) => request.path === '/v1/chat/completions').map((request) => request.body as Record<string, unknown>);
}

test('eval: every key of the config file takes effect (options, policies, paths, models)', async () => {
  const { code, stderr, folder } = await runWithConfig(
    'eval-config',
    [
      'dataset: builtin:sample',
      'db: store/ck.db',
      'out: runs/from-config',
      `baseUrl: ${server.url}`,
      'concurrency: 3',
      'requestsPerMinute: 60000',
      'timeoutMs: 30000',
      'maxRetries: 1',
      'models:',
      '  - openai:model-a',
      'options:',
      '  kinds: [knowledge]',
      '  limit: 4',
      '  conditions: [plain, retrieved]',
      '  mcqMethod: letter',
      '  shuffleSeed: 5',
      '  temperature: 0.5',
      '  maxTokens: 77',
      '  groundingK: 2',
      '  knowledgeBase: builtin:sample',
    ],
    ['eval'],
  );
  assert.equal(code, 0, stderr);
  const { manifest, rows } = readRun(folder, 'runs/from-config');
  assert.deepEqual(manifest.options, {
    conditions: ['plain', 'retrieved'],
    kinds: ['knowledge'],
    mcqMethod: 'letter',
    shuffleSeed: 5,
    temperature: 0.5,
    maxTokens: 77,
    limit: 4,
    groundingK: 2,
    knowledgeBase: 'builtin:sample',
  });
  assert.deepEqual(manifest.models, [
    { spec: 'openai:model-a', baseUrl: server.url, concurrency: 3, requestsPerMinute: 60000, timeoutMs: 30000, maxRetries: 1, adaptiveConcurrency: true },
  ]);
  assert.equal(rows.length, 8, 'limit 4 × 2 conditions');
  assert.ok(rows.every((row) => row.kind === 'knowledge'));
  assert.ok(rows.filter((row) => row.condition === 'retrieved').every((row) => row.details.grounding.length === 2));
  assert.ok(
    rows.every((row) => row.choiceOrder !== undefined),
    'shuffled with the seed',
  );
  const bodies = chatBodies(server);
  assert.equal(bodies.length, 8);
  assert.ok(bodies.every((body) => body.max_tokens === 77 && body.temperature === 0.5));
  assert.ok(server.requests.maxInFlight <= 3);
  assert.match(
    readFileSync(join(folder, 'store', 'ck.db'))
      .subarray(0, 16)
      .toString(),
    /SQLite format 3/,
  );
});

test('score: the config options take effect (kinds, limit)', async () => {
  const items = loadBuiltinSample().items;
  const responsesFile = join(directory, 'responses.jsonl');
  writeFileSync(responsesFile, `${items.map((item) => JSON.stringify({ itemId: item.id, response: 'Answer: A' })).join('\n')}\n`);
  const { code, stderr, folder } = await runWithConfig(
    'score-config',
    ['dataset: builtin:sample', 'out: runs/scored', 'options:', '  kinds: [knowledge]', '  limit: 3'],
    ['score', '--responses', responsesFile],
  );
  assert.equal(code, 0, stderr);
  const { manifest, rows } = readRun(folder, 'runs/scored');
  assert.equal(rows.length, 3);
  assert.ok(rows.every((row) => row.kind === 'knowledge'));
  assert.deepEqual(manifest.options.kinds, ['knowledge']);
  assert.equal(manifest.options.limit, 3);
});

test('a per-model concurrency in the config is kept; the top-level one is only its default; a flag applies to every model', async () => {
  const config = [
    'dataset: builtin:sample',
    'out: runs/per-model',
    'concurrency: 2',
    'models:',
    `  - spec: openai:fast`,
    `    baseUrl: ${server.url}`,
    '    concurrency: 6',
    `  - spec: openai:slow`,
    `    baseUrl: ${other.url}`,
    'options:',
    '  kinds: [knowledge]',
    '  limit: 12',
  ];
  const fromConfig = await runWithConfig('per-model', config, ['eval', '--no-cache']);
  assert.equal(fromConfig.code, 0, fromConfig.stderr);
  const { manifest } = readRun(fromConfig.folder, 'runs/per-model');
  assert.deepEqual(
    manifest.models.map((model: { concurrency: number }) => model.concurrency),
    [6, 2],
  );
  assert.equal(server.requests.maxInFlight, 6, 'the per-model 6, not the top-level 2');
  assert.equal(other.requests.maxInFlight, 2);

  const withFlag = await runWithConfig('per-model-flag', config, ['eval', '--no-cache', '--concurrency', '3']);
  assert.equal(withFlag.code, 0, withFlag.stderr);
  assert.deepEqual(
    readRun(withFlag.folder, 'runs/per-model').manifest.models.map((model: { concurrency: number }) => model.concurrency),
    [3, 3],
  );
  assert.equal(server.requests.maxInFlight, 3);
  assert.equal(other.requests.maxInFlight, 3);
});

test('judges get the call policies: a per-judge concurrency from the config, and --concurrency / --max-retries from the flags', async () => {
  const config = [
    'dataset: builtin:sample',
    'out: runs/judged',
    `baseUrl: ${server.url}`,
    'models:',
    '  - spec: openai:answerer',
    '    concurrency: 8',
    'judges:',
    `  - spec: openai:judge`,
    `    baseUrl: ${judge.url}`,
    '    concurrency: 2',
    'options:',
    '  kinds: [safety]',
    '  limit: 8',
  ];
  const fromConfig = await runWithConfig('judges', config, ['eval']);
  assert.equal(fromConfig.code, 0, fromConfig.stderr);
  const { manifest } = readRun(fromConfig.folder, 'runs/judged');
  assert.equal(manifest.judges[0].concurrency, 2);
  assert.ok(judge.requests.total >= 8);
  assert.equal(judge.requests.maxInFlight, 2, 'the judge is held to its own concurrency');

  const withFlags = await runWithConfig('judges-flag', config, ['eval', '--concurrency', '3', '--max-retries', '0', '--no-cache']);
  assert.equal(withFlags.code, 0, withFlags.stderr);
  const flagged = readRun(withFlags.folder, 'runs/judged').manifest;
  assert.equal(flagged.judges[0].concurrency, 3);
  assert.equal(flagged.judges[0].maxRetries, 0);
  assert.ok(judge.requests.maxInFlight <= 3);
});

test('precedence: a flag beats the config, the config beats the default', async () => {
  const config = [
    'dataset: builtin:sample',
    'out: runs/p',
    `baseUrl: ${server.url}`,
    'models: [openai:m]',
    'timeoutMs: 45000',
    'options:',
    '  maxTokens: 77',
    '  limit: 2',
  ];
  const flagged = await runWithConfig('precedence-flag', config, ['eval', '--max-tokens', '33', '--limit', '1']);
  assert.equal(flagged.code, 0, flagged.stderr);
  const fromFlags = readRun(flagged.folder, 'runs/p');
  assert.equal(fromFlags.manifest.options.maxTokens, 33);
  assert.equal(fromFlags.rows.length, 1);
  assert.equal(fromFlags.manifest.models[0].timeoutMs, 45000);
  assert.ok(chatBodies(server).every((body) => body.max_tokens === 33));

  const defaults = await runWithConfig('precedence-default', undefined, [
    'eval',
    '--dataset',
    'builtin:sample',
    '--model',
    'openai:m',
    '--base-url',
    server.url,
    '--limit',
    '1',
    '--out',
    'runs/d',
  ]);
  assert.equal(defaults.code, 0, defaults.stderr);
  const fromDefaults = readRun(defaults.folder, 'runs/d').manifest;
  assert.equal(fromDefaults.options.maxTokens, 512);
  assert.deepEqual(fromDefaults.options.conditions, ['plain']);
  assert.deepEqual(fromDefaults.models[0], {
    spec: 'openai:m',
    baseUrl: server.url,
    concurrency: 8,
    timeoutMs: 120000,
    maxRetries: 4,
    adaptiveConcurrency: true,
  });
});

test('an unknown condition is an input error before any call, naming the flag or the config line', async () => {
  const fromFlag = await runWithConfig('bad-flag', undefined, [
    'eval',
    '--dataset',
    'builtin:sample',
    '--model',
    'openai:m',
    '--base-url',
    server.url,
    '--condition',
    'plain,magic',
  ]);
  assert.equal(fromFlag.code, 2);
  assert.match(fromFlag.stderr, /--condition: .*(plain|oracle).*\(got "magic"\)/);
  assert.equal(server.requests.total, 0);

  const fromConfig = await runWithConfig(
    'bad-config',
    ['dataset: builtin:sample', `baseUrl: ${server.url}`, 'models: [openai:m]', 'options:', '  conditions: [plain, magic]'],
    ['eval'],
  );
  assert.equal(fromConfig.code, 2);
  assert.match(fromConfig.stderr, /culturekit\.config\.yaml:5: options\.conditions\.1: /);
  assert.equal(server.requests.total, 0);
});

test("--resume keeps the run's dataset and options: a different --dataset or option is an error; policies may change", async () => {
  const folder = mkdtempSync(join(directory, 'resume-'));
  const base = ['eval', '--model', 'openai:m', '--base-url', server.url, '--db', 'ck.db', '--quiet'];
  const first = await runCli([...base, '--dataset', 'builtin:sample', '--limit', '2', '--out', 'runs/r'], { cwd: folder });
  assert.equal(first.code, 0, first.stderr);
  const runId = JSON.parse(readFileSync(join(folder, 'runs/r/manifest.json'), 'utf8')).id;
  const dataset = join(folder, 'other.jsonl');
  writeFileSync(
    dataset,
    `${JSON.stringify({ id: 'x1', kind: 'knowledge', prompt: 'Which?', choices: ['a', 'b'], answer: 'A', language: 'en', country: 'JP' })}\n`,
  );

  const otherDataset = await runCli([...base, '--resume', runId, '--dataset', dataset], { cwd: folder });
  assert.equal(otherDataset.code, 2);
  assert.match(otherDataset.stderr, new RegExp(`--resume ${runId} continues that run with its own dataset \\(builtin:sample\\)`));
  const otherLimit = await runCli([...base, '--resume', runId, '--limit', '5'], { cwd: folder });
  assert.equal(otherLimit.code, 2);
  assert.match(otherLimit.stderr, /own option limit \(2\), but --limit 5/);

  const resumed = await runCli([...base, '--resume', runId, '--dataset', 'builtin:sample', '--limit', '2', '--concurrency', '5'], { cwd: folder });
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stdout, /0 done now, 2 already done/);
  assert.equal(JSON.parse(readFileSync(join(folder, 'runs/r/manifest.json'), 'utf8')).models[0].concurrency, 5);
});

test('threads of a llama: model: ?threads= on the spec is read, --threads beats it, the default is the cores but one', async () => {
  const folder = mkdtempSync(join(directory, 'threads-'));
  const model = join(folder, 'tiny.gguf');
  await writeDemoModel(model);
  const run = (spec: string, out: string, extra: string[] = []) =>
    runCli(
      [
        'eval',
        '--dataset',
        'builtin:sample',
        '--model',
        spec,
        '--kind',
        'knowledge',
        '--limit',
        '1',
        '--mcq-method',
        'loglik',
        '--out',
        out,
        '--quiet',
        ...extra,
      ],
      { cwd: folder },
    );
  const threadsOf = (out: string) => JSON.parse(readFileSync(join(folder, out, 'manifest.json'), 'utf8')).models[0].threads;

  const fromSpec = await run(`llama:${model}?threads=1`, 'runs/spec');
  assert.equal(fromSpec.code, 0, fromSpec.stderr);
  assert.equal(threadsOf('runs/spec'), 1);
  const fromFlag = await run(`llama:${model}?threads=1`, 'runs/flag', ['--threads', '2']);
  assert.equal(fromFlag.code, 0, fromFlag.stderr);
  assert.equal(threadsOf('runs/flag'), 2);
  const byDefault = await run(`llama:${model}`, 'runs/default');
  assert.equal(byDefault.code, 0, byDefault.stderr);
  assert.equal(threadsOf('runs/default'), Math.max(1, availableParallelism() - 1));
});

test("the README's config example runs as documented (its URLs pointed at the test servers)", async () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = /#### Config file[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'the README has a config example');
  const file = join(directory, 'readme.config.yaml');
  writeFileSync(file, block[1]);
  assert.ok(loadConfig(file), 'it is a valid config file');
  const urls: Record<string, string> = { '8000': server.url, '8001': other.url, '8002': judge.url };
  const lines = block[1].replace(/http:\/\/127\.0\.0\.1:(800\d)\/v1/g, (_, port: string) => urls[port]).split('\n');
  const { code, stderr, folder } = await runWithConfig('readme', lines, ['eval', '--limit', '2', '--out', 'runs/readme']);
  assert.equal(code, 0, stderr);
  const { manifest, rows } = readRun(folder, 'runs/readme');
  assert.deepEqual(
    manifest.models.map((model: { spec: string; baseUrl: string; concurrency: number }) => [model.spec, model.baseUrl, model.concurrency]),
    [
      ['openai:qwen2.5-7b-instruct', server.url, 16],
      ['openai:llama-3.1-8b-instruct', other.url, 32],
    ],
  );
  assert.deepEqual([manifest.judges[0].baseUrl, manifest.judges[0].concurrency], [judge.url, 16]);
  assert.equal(manifest.options.limit, 2, 'the flag beats options.limit');
  assert.equal(manifest.options.maxTokens, 256);
  assert.equal(rows.length, 2 * 2 * 2, '2 items × 2 models × 2 conditions');
  assert.ok(chatBodies(other).every((body) => body.max_tokens === 256));
});
