import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import { EXIT_CODES } from '../../src/errors/exit-codes.js';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';
import { runCli, writeMcqDataset } from '../eval/helpers.js';

let server: OpenAITestServer;
let directory: string;
let dataset: string;

/** `good` and `equal` always answer the marked letter; `worse` only for every fifth question. */
function respond(request: { messages: { content: string }[]; model: string }): string {
  const prompt = request.messages.at(-1)?.content ?? '';
  const answer = /\[\[answer:([A-D])\]\]/.exec(prompt)?.[1] ?? 'A';
  const index = Number(/Question (\d+)/.exec(prompt)?.[1] ?? 0);
  if (request.model === 'worse' && index % 5 !== 0) return `Answer: ${'ABCD'[('ABCD'.indexOf(answer) + 1) % 4]}`;
  return `Answer: ${answer}`;
}

before(async () => {
  server = await startOpenAITestServer({ respond, logRequests: false });
  directory = mkdtempSync(join(tmpdir(), 'ck-gate-'));
  dataset = join(directory, 'mcq.jsonl');
  writeMcqDataset(dataset, 60, { marker: (index) => `[[answer:${'ABCD'[index % 4]}]]` });
  const base = await runCli(['eval', '--dataset', dataset, '--model', 'openai:good', '--base-url', server.url, '--out', join(directory, 'base'), '--quiet'], {
    cwd: directory,
  });
  assert.equal(base.code, 0, base.stderr);
});
after(async () => server.close());

const evalWith = (model: string, out: string, ...gate: string[]) =>
  runCli(['eval', '--dataset', dataset, '--model', `openai:${model}`, '--base-url', server.url, '--out', join(directory, out), '--quiet', ...gate], {
    cwd: directory,
  });

test('a gate passes an equal model, writes JUnit with one case per model × metric × country, and fails a deliberately worse one', async () => {
  const junit = join(directory, 'equal.xml');
  const equal = await evalWith('equal', 'equal', '--baseline', join(directory, 'base'), '--fail-under', 'accuracy=0.9,accuracy@*=0.9', '--junit', junit);
  assert.equal(equal.code, EXIT_CODES.ok, equal.stderr + equal.stdout);
  assert.match(equal.stdout, /pass: openai:equal \(plain\) accuracy vs baseline openai:good: 1 vs 1 .*mcnemar-exact p=1/);
  assert.match(equal.stdout, /gate passed/);
  const xml = readFileSync(junit, 'utf8');
  // accuracy and invalid, each overall and for the 6 countries of the dataset.
  assert.equal((xml.match(/<testcase /g) ?? []).length, 2 * (1 + 6));
  assert.match(xml, /<testsuites name="culturekit [^"]+" tests="14" failures="0"/);
  assert.match(xml, /name="accuracy \[JP\]"/);

  const worse = await evalWith('worse', 'worse', '--baseline', join(directory, 'base'), '--junit', join(directory, 'worse.xml'));
  assert.equal(worse.code, EXIT_CODES.gateFailed, worse.stderr + worse.stdout);
  assert.match(worse.stdout, /FAIL: openai:worse \(plain\) accuracy vs baseline openai:good: 0\.2 vs 1 \(difference -0\.8.*significantly worse/);
  assert.match(
    readFileSync(join(directory, 'worse.xml'), 'utf8'),
    /<testcase classname="culturekit\.openai:worse\.plain" name="accuracy">\s*<failure message="[^"]*significantly worse/,
  );
  // The results are written either way.
  assert.equal(
    readFileSync(join(directory, 'worse', 'results.jsonl'), 'utf8')
      .trim()
      .split('\n').length,
    60,
  );
});

test('culturekit gate checks a finished run: overall and per-country thresholds, a metric the run lacks fails', async () => {
  const run = join(directory, 'worse');
  const pass = await runCli(['gate', run, '--fail-under', 'accuracy=0.1'], { cwd: directory });
  assert.equal(pass.code, EXIT_CODES.ok, pass.stderr);
  // Every fifth item is right: 0.2 overall, and 2 of the 10 items of each of the 6 countries.
  const oneCountry = await runCli(['gate', run, '--fail-under', 'accuracy=0.1,accuracy@JP=0.2'], { cwd: directory });
  assert.equal(oneCountry.code, EXIT_CODES.ok, oneCountry.stdout);
  const perCountry = await runCli(['gate', run, '--fail-under', 'accuracy=0.1,accuracy@*=0.25'], { cwd: directory });
  assert.equal(perCountry.code, EXIT_CODES.gateFailed, perCountry.stderr);
  assert.equal(perCountry.stdout.match(/FAIL: openai:worse \(plain\) accuracy in (CN|IN|EG|BR|DE|JP) = 0\.2 < 0\.25/g)?.length, 6);
  assert.match(perCountry.stdout, /gate FAILED: 6 of 7 check\(s\) failed \(exit code 6\)/);
  const missing = await runCli(['gate', run, '--fail-under', 'respectfulness=7'], { cwd: directory });
  assert.equal(missing.code, EXIT_CODES.gateFailed);
  assert.match(missing.stdout, /respectfulness: no value in this run/);
  const bad = await runCli(['gate', run, '--fail-under', 'accuracy>0.5'], { cwd: directory });
  assert.equal(bad.code, EXIT_CODES.input);
  assert.match(bad.stderr, /--fail-under: expected metric=number/);
});

test('the reusable GitHub Actions workflow in examples/ runs its steps locally: it passes an equal model and fails a worse one', async () => {
  const workflow = parse(readFileSync(new URL('../../examples/github-actions/culturekit-gate.yml', import.meta.url), 'utf8'));
  const steps = (workflow.jobs.gate.steps as { name?: string; run?: string; env?: Record<string, string> }[]).filter(
    (step) => step.run && !step.run.startsWith('npm install'),
  );
  assert.deepEqual(
    steps.map((step) => step.name),
    ['validate the config', 'evaluate and gate'],
  );
  const cli = `${process.execPath} --import ${import.meta.resolve('tsx')} ${new URL('../../src/cli/main.ts', import.meta.url).pathname}`;
  // Each step runs in bash as a runner would; asynchronously, since the model server lives in this process.
  const bash = (script: string, cwd: string, env: Record<string, string>) =>
    new Promise<{ status: number | null; output: string }>((resolve) => {
      const child = spawn('bash', ['-e', '-c', script], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('close', (status) => resolve({ status, output }));
    });
  const runSteps = async (model: string, inputs: Record<string, string>) => {
    const work = join(directory, `ci-${model}`);
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, 'culturekit.config.yaml'), `dataset: ${dataset}\nbaseUrl: ${server.url}\nmodels:\n  - openai:${model}\n`);
    const substitute = (text: string) =>
      text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => inputs[name] ?? '').replaceAll('npx culturekit', cli);
    for (const step of steps) {
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, substitute(value)]));
      const result = await bash(substitute(step.run!), work, env);
      if (result.status !== 0) return { failedStep: step.name, code: result.status, output: result.output, work };
    }
    return { failedStep: undefined, code: 0, output: '', work };
  };
  const inputs = { config: 'culturekit.config.yaml', 'fail-under': 'accuracy=0.5', baseline: join(directory, 'base') };
  const equal = await runSteps('equal', inputs);
  assert.equal(equal.failedStep, undefined, equal.output);
  assert.match(readFileSync(join(equal.work, 'junit.xml'), 'utf8'), /failures="0"/);
  const worse = await runSteps('worse', inputs);
  assert.equal(worse.failedStep, 'evaluate and gate');
  assert.equal(worse.code, EXIT_CODES.gateFailed, worse.output);
  assert.match(readFileSync(join(worse.work, 'junit.xml'), 'utf8'), /<failure /);
});
