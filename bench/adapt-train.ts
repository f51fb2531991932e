/**
 * `adapt train --trainer trl` on the tiny random Llama: seconds per training step (the trainer's own runtime / steps),
 * and culturekit's wall overhead over launching the same trainer command by hand (same config, same data), per round
 * and overall (goal ≤ 5 %). Each round runs "by hand" then culturekit (CLI start, data checks, config, detached launch,
 * log following, manifest) on a fresh output folder.
 * Also, robust to a loaded machine: the CPU culturekit itself uses while following a run (in-process), against its wall.
 * Usage: node --import tsx bench/adapt-train.ts [--steps 40] [--rounds 2]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTraining } from '../src/adapt/train/run-training.js';
import { trlTrainer } from '../src/adapt/train/trl-trainer.js';
import { readTrainingData } from '../src/adapt/train/training-data.js';
import { requirePython } from '../src/python/python-env.js';
import { createTinyHfModel } from '../src/python/tiny-hf-model.js';
import { writeFileAtomic } from '../src/util/write-file-atomic.js';
import { knowledgeRows, tokenizerText, writeTrainingData } from '../test/adapt/train-fixtures.js';

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const STEPS = argument('--steps', 40);
const ROUNDS = argument('--rounds', 2);
const python = requirePython().python;
const dir = mkdtempSync(join(tmpdir(), 'ck-bench-train-'));
const rows = knowledgeRows();
writeTrainingData(join(dir, 'data'), [{ language: 'xx', stage1: rows }]);
await createTinyHfModel({ python, dir: join(dir, 'base'), text: tokenizerText(rows), seed: 1 });
const hyper = {
  epochs: 1,
  maxSteps: STEPS,
  batchSize: 4,
  learningRate: 0.005,
  loraR: 8,
  loraAlpha: 16,
  maxLength: 128,
  loggingSteps: 5,
  saveSteps: STEPS,
  seed: 1,
};

function trainRuntime(eventsFile: string): number {
  const summary = readFileSync(eventsFile, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { type: string; runtime?: number })
    .find((event) => event.type === 'summary');
  return summary?.runtime ?? Number.NaN;
}

const rowsOut: { round: number; hand: number; culturekit: number; stepSeconds: number }[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  // By hand: the exact command and config culturekit writes, run directly.
  const stageDir = join(dir, `hand-${round}`);
  const [data] = readTrainingData(join(dir, 'data'));
  const job = {
    name: 'stage1',
    stage: 'stage1' as const,
    language: 'xx',
    stageDir,
    outputDir: join(stageDir, 'output'),
    dataFile: data.stages[0].file,
    rows: data.stages[0].rows,
    baseModel: join(dir, 'base'),
    attempt: 1,
    hyper,
    python,
  };
  const prepared = trlTrainer.prepare(job);
  for (const file of prepared.files) writeFileAtomic(file.path, file.text);
  let started = performance.now();
  const hand = spawnSync(prepared.command[0], prepared.command.slice(1), {
    stdio: 'ignore',
    env: { ...process.env, HF_HUB_OFFLINE: '1', HF_DATASETS_OFFLINE: '1' },
  });
  const handSeconds = (performance.now() - started) / 1000;
  if (hand.status !== 0) throw new Error(`the trainer run by hand failed (${hand.status})`);
  const stepSeconds = trainRuntime(join(stageDir, 'events-1.jsonl')) / STEPS;

  started = performance.now();
  const culturekit = spawnSync(
    process.execPath,
    [
      'bin/culturekit.js',
      'adapt',
      'train',
      '--trainer',
      'trl',
      '--data',
      join(dir, 'data'),
      '--base',
      join(dir, 'base'),
      '--out',
      join(dir, `ck-${round}`),
      '--python',
      python,
      '--max-steps',
      String(STEPS),
      '--epochs',
      '1',
      '--batch-size',
      '4',
      '--learning-rate',
      '0.005',
      '--lora-r',
      '8',
      '--lora-alpha',
      '16',
      '--max-length',
      '128',
      '--logging-steps',
      '5',
      '--save-steps',
      String(STEPS),
      '--seed',
      '1',
      '--quiet',
    ],
    { stdio: 'ignore' },
  );
  const culturekitSeconds = (performance.now() - started) / 1000;
  if (culturekit.status !== 0) throw new Error(`culturekit adapt train failed (${culturekit.status})`);
  rowsOut.push({ round, hand: handSeconds, culturekit: culturekitSeconds, stepSeconds });
  process.stdout.write(
    `round ${round}: by hand ${handSeconds.toFixed(2)} s, culturekit ${culturekitSeconds.toFixed(2)} s (overhead ${(100 * (culturekitSeconds / handSeconds - 1)).toFixed(1)} %), ${stepSeconds.toFixed(3)} s/step\n`,
  );
}
// Load-proof view of the overhead: the CPU culturekit itself spends while following a run (in this process), against
// the run's wall time.
const cpuBefore = process.cpuUsage();
const wallBefore = performance.now();
await runTraining({
  trainer: 'trl',
  dataDir: join(dir, 'data'),
  base: join(dir, 'base'),
  out: join(dir, 'in-process'),
  stage2From: 'adapter',
  hyper,
  python,
  pollIntervalMs: 500,
});
const cpu = process.cpuUsage(cpuBefore);
const followWall = (performance.now() - wallBefore) / 1000;
process.stdout.write(
  `culturekit's own CPU while following a ${followWall.toFixed(1)} s run: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (${((100 * (cpu.user + cpu.system)) / 1e6 / followWall).toFixed(2)} % of one core)\n`,
);
const hand = rowsOut.reduce((sum, row) => sum + row.hand, 0);
const culturekit = rowsOut.reduce((sum, row) => sum + row.culturekit, 0);
const perStep = rowsOut.reduce((sum, row) => sum + row.stepSeconds, 0) / rowsOut.length;
process.stdout.write(
  `tiny Llama (115k parameters), TRL ${STEPS} steps, batch 4, LoRA r 8 on CPU: ${perStep.toFixed(3)} s per training step\n` +
    `culturekit wall overhead over the trainer launched by hand: ${(100 * (culturekit / hand - 1)).toFixed(1)} % (${(culturekit - hand).toFixed(2)} s on ${hand.toFixed(1)} s; goal ≤ 5 %)\n`,
);
rmSync(dir, { recursive: true, force: true });
