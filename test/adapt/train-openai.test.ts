import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli, spawnCli } from '../eval/helpers.js';
import { type OpenAITestServer, startOpenAITestServer } from '../fixtures/openai-test-server.js';
import { knowledgeRows, safetyRows, writeTrainingData } from './train-fixtures.js';

async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('adapt train --trainer openai (fine-tuning jobs API of the local test server)', () => {
  let server: OpenAITestServer;
  let dir: string;
  const pace = { totalSteps: 8, stepsPerPoll: 3, checkpointEvery: 4 };
  before(async () => {
    server = await startOpenAITestServer({ models: ['test-model'], apiKey: 'sk-test', fineTuning: pace });
    dir = mkdtempSync(join(tmpdir(), 'ck-ft-'));
    writeTrainingData(join(dir, 'data'), [{ language: 'xx', stage1: knowledgeRows(), stage2: safetyRows() }]);
    const bad = knowledgeRows();
    bad[2].messages[1].content += ' [[fail-job]]';
    writeTrainingData(join(dir, 'bad'), [{ language: 'xx', stage1: bad }]);
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const common = (data: string, out: string): string[] => [
    'adapt',
    'train',
    '--trainer',
    'openai',
    '--data',
    join(dir, data),
    '--base',
    'test-model',
    '--out',
    join(dir, out),
    '--base-url',
    server.url,
    '--api-key',
    'sk-test',
    '--poll-interval',
    '20',
    '--epochs',
    '2',
  ];

  it('uploads each stage, runs stage 2 as a new job from the stage-1 ft: model, and records loss, checkpoints and models', async () => {
    const result = await runCli(common('data', 'two-stage'));
    assert.equal(result.code, 0, result.stderr);
    const manifest = JSON.parse(readFileSync(join(dir, 'two-stage', 'train-manifest.json'), 'utf8'));
    const [stage1, stage2] = manifest.stages;
    assert.equal(stage1.status, 'succeeded');
    assert.equal(stage1.fineTunedModel, 'ft:test-model:culturekit-test:culturekit-stage1:1');
    assert.equal(stage2.fineTunedModel, 'ft:test-model:culturekit-test:culturekit-stage2:2');
    assert.deepEqual(
      stage1.log.map((entry: { step: number }) => entry.step),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
    assert.equal(stage1.log[0].loss, Number((0.5 + 2 * Math.exp(-0.1)).toFixed(4)));
    assert.deepEqual(
      stage1.checkpoints.map((checkpoint: { step: number }) => checkpoint.step),
      [4, 8],
    );
    const jobs = [...server.fineTuning.jobs.values()];
    assert.equal(jobs.length, 2);
    assert.equal(jobs[1].body.model, stage1.fineTunedModel);
    assert.deepEqual((jobs[0].body.method as { supervised: unknown }).supervised, { hyperparameters: { n_epochs: 2, batch_size: 4 } });
    // The uploaded file is the canonical chat file itself.
    assert.equal(server.fineTuning.files.get(String(jobs[0].body.training_file))?.content, readFileSync(join(dir, 'data', 'xx', 'stage1.jsonl'), 'utf8'));
    assert.match(result.stderr, /stage1 {2}step 8\/8 \(100%\) {2}loss /);
  });

  it('a failed job is an error carrying the provider message; the stage is marked failed', async () => {
    const result = await runCli(common('bad', 'failing'));
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /stage1: fine-tuning job ftjob-\d+ failed: The job failed due to an invalid training file\. Line 3: example is malformed\. \(invalid_training_file\) \[training_file\]/,
    );
    const manifest = JSON.parse(readFileSync(join(dir, 'failing', 'train-manifest.json'), 'utf8'));
    assert.equal(manifest.stages[0].status, 'failed');
    // Run again: the failed job is not re-attached to; a new job is created (and fails the same way here).
    const again = await runCli(common('bad', 'failing'));
    assert.equal(again.code, 1);
    const after = JSON.parse(readFileSync(join(dir, 'failing', 'train-manifest.json'), 'utf8')).stages[0];
    assert.deepEqual(after.previousJobIds, [manifest.stages[0].jobId]);
    assert.notEqual(after.jobId, manifest.stages[0].jobId);
  });

  it('re-attaches to its job after culturekit is killed (-9), and --cancel cancels a running job', async () => {
    const before = server.fineTuning.jobs.size;
    const child = spawnCli([...common('data', 'killed').map((arg) => (arg === '20' ? '300' : arg))]);
    let childErr = '';
    child.stderr?.on('data', (chunk) => (childErr += chunk));
    const closed = new Promise((resolve) => child.on('close', resolve));
    await waitFor(() => server.fineTuning.jobs.size > before || child.exitCode !== null, 'the job to be created');
    assert.equal(child.exitCode, null, childErr);
    child.kill('SIGKILL');
    await closed;
    const jobId = [...server.fineTuning.jobs.keys()].at(-1);
    const result = await runCli(common('data', 'killed'));
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, new RegExp(`stage1: re-attaching to fine-tuning job ${jobId}`));
    assert.equal(server.fineTuning.jobs.size, before + 2, 'one job per stage, none created twice');

    // --cancel: a job still running (it makes no progress now) is cancelled, and the follower reports it.
    pace.stepsPerPoll = 0;
    const follower = spawnCli(common('data', 'cancelled').map((arg) => (arg === '20' ? '200' : arg)));
    let stderr = '';
    follower.stderr?.on('data', (chunk) => (stderr += chunk));
    const followerClosed = new Promise((resolve) => follower.on('close', resolve));
    await waitFor(() => [...server.fineTuning.jobs.values()].at(-1)?.status === 'running' && server.fineTuning.jobs.size > before + 2, 'a running job');
    const cancel = await runCli([...common('data', 'cancelled'), '--cancel']);
    assert.equal(cancel.code, 0, cancel.stderr);
    assert.match(cancel.stdout, /cancelled ftjob-\d+/);
    const code = await followerClosed;
    assert.equal(code, 1);
    assert.match(stderr, /was cancelled/);
    pace.stepsPerPoll = 3;
    const manifest = JSON.parse(readFileSync(join(dir, 'cancelled', 'train-manifest.json'), 'utf8'));
    assert.equal(manifest.stages[0].status, 'cancelled');
  });

  it('--dry-run prints the upload and the job body, and calls nothing', async () => {
    const before = server.requests.total;
    const result = await runCli([...common('data', 'dry'), '--dry-run']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /# stage1\n\$ POST http:\/\/127\.0\.0\.1:\d+\/v1\/files purpose=fine-tune file=@/);
    assert.match(result.stdout, /"model": "<stage1's ft: model>"/);
    assert.equal(server.requests.total, before);
  });
});
