import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli, spawnCli } from '../eval/helpers.js';
import { knowledgeRows, safetyRows, writeTrainingData } from './train-fixtures.js';

const STAND_INS = fileURLToPath(new URL('../fixtures/stand-ins/', import.meta.url));
const GOLDEN = fileURLToPath(new URL('./golden/', import.meta.url));

function records(file: string): { tool: string; argv: string[]; config: Record<string, unknown> | null; pid: number }[] {
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
    : [];
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * LLaMA-Factory and axolotl cannot be installed here: their configs are checked against golden files and the keys they
 * document, and they are launched through stand-ins first on PATH that check their arguments and write the files the
 * real tools write (verified by format only).
 */
describe('adapt train --trainer llamafactory|axolotl through stand-ins', () => {
  let dir: string;
  const savedPath = process.env.PATH;
  const record = (): string => join(dir, 'record.jsonl');
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ck-standin-'));
    writeTrainingData(join(dir, 'data'), [{ language: 'xx', stage1: knowledgeRows(), stage2: safetyRows() }]);
    mkdirSync(join(dir, 'base'));
    writeFileSync(join(dir, 'base', 'config.json'), '{"model_type": "llama"}\n');
    process.env.PATH = `${STAND_INS}${delimiter}${savedPath}`;
    process.env.STANDIN_RECORD = record();
    process.env.STANDIN_STEP_MS = '10';
  });
  after(() => {
    process.env.PATH = savedPath;
    delete process.env.STANDIN_RECORD;
    delete process.env.STANDIN_STEP_MS;
    delete process.env.STANDIN_CRASH_AT_STEP;
    rmSync(dir, { recursive: true, force: true });
  });
  const train = (trainer: string, out: string, ...extra: string[]): string[] => [
    'adapt',
    'train',
    '--trainer',
    trainer,
    '--data',
    join(dir, 'data'),
    '--base',
    join(dir, 'base'),
    '--out',
    join(dir, out),
    '--epochs',
    '2',
    '--batch-size',
    '2',
    '--logging-steps',
    '2',
    '--save-steps',
    '5',
    '--poll-interval',
    '50',
    ...extra,
  ];

  it('--dry-run prints configs equal to the golden configs (paths aside), launching nothing', async () => {
    for (const [trainer, from] of [
      ['llamafactory', 'adapter'],
      ['axolotl', 'merged'],
    ]) {
      const result = await runCli([...train(trainer, `dry-${trainer}`), '--stage2-from', from, '--dry-run']);
      assert.equal(result.code, 0, result.stderr);
      const text = result.stdout.replaceAll(dir, '<dir>');
      const golden = join(GOLDEN, `${trainer}-dry-run.txt`);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, text);
      assert.equal(text, readFileSync(golden, 'utf8'), `${trainer} configs differ from ${golden} (UPDATE_GOLDEN=1 to rewrite after checking)`);
    }
    assert.equal(records(record()).length, 0);
  });

  it('LLaMA-Factory: stage 2 continues the stage-1 adapter; progress read from trainer_log.jsonl', async () => {
    const result = await runCli(train('llamafactory', 'lf'));
    assert.equal(result.code, 0, result.stderr);
    const manifest = JSON.parse(readFileSync(join(dir, 'lf', 'train-manifest.json'), 'utf8'));
    const [stage1, stage2] = manifest.stages;
    assert.equal(stage1.status, 'succeeded');
    assert.equal(stage1.adapterDir, join(dir, 'lf', 'stage1', 'output'));
    assert.deepEqual(
      stage1.log.map((entry: { step: number }) => entry.step),
      [2, 4, 6, 8, 10, 12, 14, 16],
    );
    assert.equal(stage1.log[0].loss, Number((2 + 3 * Math.exp(-2 / 8)).toFixed(4)));
    const calls = records(record()).filter((call) => call.tool === 'llamafactory');
    assert.deepEqual(
      calls.map((call) => call.argv[0]),
      ['train', 'train'],
    );
    assert.equal(calls[1].config?.adapter_name_or_path, stage1.adapterDir);
    assert.equal(stage2.status, 'succeeded');
    assert.match(result.stderr, /stage1 {2}step 16\/16 \(100%\) {2}loss \d\.\d{4} {2}lr /);
  });

  it('axolotl with --stage2-from merged: merge-lora after stage 1, stage 2 on the merged model; progress from stdout', async () => {
    const result = await runCli([...train('axolotl', 'ax'), '--stage2-from', 'merged']);
    assert.equal(result.code, 0, result.stderr);
    const manifest = JSON.parse(readFileSync(join(dir, 'ax', 'train-manifest.json'), 'utf8'));
    const [stage1, stage2] = manifest.stages;
    assert.equal(stage1.mergedDir, join(dir, 'ax', 'stage1', 'output', 'merged'));
    assert.equal(stage2.baseModel, stage1.mergedDir);
    assert.deepEqual(
      stage1.log.map((entry: { step: number }) => entry.step),
      [2, 4, 6, 8, 10, 12, 14, 16],
    );
    const calls = records(record()).filter((call) => call.tool === 'axolotl');
    assert.deepEqual(
      calls.map((call) => call.argv[0]),
      ['train', 'merge-lora', 'train'],
    );
    assert.equal(calls[2].config?.base_model, stage1.mergedDir);
    assert.equal(calls[2].config?.lora_model_dir, undefined);
  });

  it('per-language LoRA: one adapter per language, each stage named <language>/<stage>', async () => {
    writeTrainingData(join(dir, 'two-languages'), [
      { language: 'xx', stage1: knowledgeRows() },
      { language: 'yy', stage1: knowledgeRows().slice(0, 8) },
    ]);
    const result = await runCli([...train('llamafactory', 'per-language'), '--data', join(dir, 'two-languages'), '--languages', 'yy,xx']);
    assert.equal(result.code, 0, result.stderr);
    const manifest = JSON.parse(readFileSync(join(dir, 'per-language', 'train-manifest.json'), 'utf8'));
    assert.deepEqual(
      manifest.stages.map((stage: { name: string; language: string; adapterDir: string }) => [stage.name, stage.language, stage.adapterDir]),
      [
        ['yy/stage1', 'yy', join(dir, 'per-language', 'yy-stage1', 'output')],
        ['xx/stage1', 'xx', join(dir, 'per-language', 'xx-stage1', 'output')],
      ],
    );
    assert.equal(manifest.stages[0].log.at(-1).step, 8);
  });

  it('a trainer that crashes at step N: a clear error, then the same command resumes from the last checkpoint', async () => {
    process.env.STANDIN_CRASH_AT_STEP = '7';
    const crashed = await runCli(train('llamafactory', 'crash', '--stages', 'stage1'));
    delete process.env.STANDIN_CRASH_AT_STEP;
    assert.equal(crashed.code, 1);
    const checkpoint = join(dir, 'crash', 'stage1', 'output', 'checkpoint-5');
    assert.match(crashed.stderr, new RegExp(`stage1: the trainer exited with code 1 at step 6/16; run the same command again to resume from ${checkpoint}`));
    assert.match(crashed.stderr, /RuntimeError: stand-in crash at step 7/);
    assert.equal(JSON.parse(readFileSync(join(dir, 'crash', 'train-manifest.json'), 'utf8')).stages[0].status, 'failed');

    const resumed = await runCli(train('llamafactory', 'crash', '--stages', 'stage1'));
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stderr, new RegExp(`resuming from ${checkpoint}`));
    const calls = records(record()).filter((call) => call.argv[1]?.includes(join('crash', 'stage1')));
    assert.equal(calls.at(-1)?.config?.resume_from_checkpoint, checkpoint);
    const stage = JSON.parse(readFileSync(join(dir, 'crash', 'train-manifest.json'), 'utf8')).stages[0];
    assert.equal(stage.status, 'succeeded');
    assert.deepEqual(
      stage.log.map((entry: { step: number }) => entry.step),
      [2, 4, 6, 8, 10, 12, 14, 16],
    );
  });

  it('culturekit killed with -9 mid-training: the trainer goes on, and the same command re-attaches to it', async () => {
    process.env.STANDIN_STEP_MS = '300';
    try {
      const child = spawnCli(train('axolotl', 'killed', '--stages', 'stage1'));
      const attemptsFile = join(dir, 'killed', 'stage1', 'trainer-attempts.json');
      await waitFor(
        () => existsSync(attemptsFile) && readFileSync(join(dir, 'killed', 'stage1', 'trainer-1.out'), 'utf8').includes("'loss'"),
        'the first logged step',
      );
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('close', resolve));
      const [attempt] = JSON.parse(readFileSync(attemptsFile, 'utf8'));
      assert.ok(alive(attempt.pid), 'the trainer survived culturekit');
      const again = await runCli(train('axolotl', 'killed', '--stages', 'stage1'));
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stderr, new RegExp(`stage1: re-attaching to the trainer still running \\(pid ${attempt.pid}`));
      assert.equal(JSON.parse(readFileSync(attemptsFile, 'utf8')).length, 1, 'no second launch');
      const stage = JSON.parse(readFileSync(join(dir, 'killed', 'train-manifest.json'), 'utf8')).stages[0];
      assert.equal(stage.status, 'succeeded');
      assert.deepEqual(
        stage.log.map((entry: { step: number }) => entry.step),
        [2, 4, 6, 8, 10, 12, 14, 16],
      );
    } finally {
      process.env.STANDIN_STEP_MS = '10';
    }
  });

  it('a trainer missing from PATH, or a missing Python: clear input errors, nothing written', async () => {
    process.env.PATH = savedPath;
    try {
      const missing = await runCli(train('axolotl', 'no-axolotl'));
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /--trainer axolotl: axolotl is not on PATH/);
      assert.ok(!existsSync(join(dir, 'no-axolotl')));
    } finally {
      process.env.PATH = `${STAND_INS}${delimiter}${savedPath}`;
    }
    const noPython = await runCli([...train('trl', 'no-python'), '--python', join(dir, 'no', 'python3')]);
    assert.equal(noPython.code, 2);
    assert.match(noPython.stderr, /--python .*no\/python3: no such file/);
    const saved = process.env.CULTUREKIT_PYTHON;
    delete process.env.CULTUREKIT_PYTHON;
    try {
      const noVenv = await runCli(train('trl', 'no-venv'), { cwd: dir });
      assert.equal(noVenv.code, 2);
      assert.match(noVenv.stderr, /no Python trainer environment: create it with `culturekit adapt setup`/);
      assert.ok(!existsSync(join(dir, 'no-venv')));
    } finally {
      if (saved !== undefined) process.env.CULTUREKIT_PYTHON = saved;
    }
  });
});
