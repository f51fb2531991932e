import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { TrainingStage } from '../../adapt/data/data-manifest.js';
import type { StageProgress } from '../../adapt/train/local-stage-runner.js';
import { cancelOpenAIJobs } from '../../adapt/train/openai-trainer.js';
import { readTrainManifestRecord, runTraining } from '../../adapt/train/run-training.js';
import { trainerDefinition, type TrainerName } from '../../adapt/train/trainer-registry.js';
import { InputError } from '../../errors/culturekit-error.js';
import { findPython, requirePython } from '../../python/python-env.js';
import { resolveAdaptTrainSettings } from '../../settings/run-settings.js';
import { writeFileAtomic } from '../../util/write-file-atomic.js';
import { formatDuration } from '../progress.js';

export interface AdaptTrainFlags {
  trainer: TrainerName;
  data: string;
  base: string;
  out: string;
  languages?: string[];
  stage2From?: string;
  stages?: string[];
  epochs?: number;
  maxSteps?: number;
  batchSize?: number;
  learningRate?: number;
  loraR?: number;
  loraAlpha?: number;
  maxLength?: number;
  loggingSteps?: number;
  saveSteps?: number;
  seed?: number;
  template?: string;
  python?: string;
  baseUrl?: string;
  apiKey?: string;
  pollInterval?: number;
  cancel?: boolean;
  dryRun?: boolean;
  quiet?: boolean;
}

/** `stage1 step 15/30 (50%)  loss 4.609  lr 2.67e-3  epoch 1.88  ETA 00:06` */
export function formatTrainProgress(progress: StageProgress): string {
  const last = progress.log.at(-1);
  const parts = [progress.name];
  if (progress.step !== undefined) {
    parts.push(`step ${progress.step}${progress.maxSteps ? `/${progress.maxSteps} (${((100 * progress.step) / progress.maxSteps).toFixed(0)}%)` : ''}`);
  } else parts.push(progress.note ?? 'starting');
  if (last) {
    parts.push(`loss ${last.loss.toFixed(4)}`);
    if (last.learningRate > 0) parts.push(`lr ${last.learningRate.toExponential(2)}`);
    if (last.epoch > 0) parts.push(`epoch ${last.epoch.toFixed(2)}`);
  }
  if (progress.stepsPerSecond && progress.maxSteps && progress.step !== undefined) {
    parts.push(`ETA ${formatDuration((progress.maxSteps - progress.step) / progress.stepsPerSecond)}`);
  }
  if (progress.note && progress.step !== undefined) parts.push(progress.note);
  return parts.join('  ');
}

function onPath(executable: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((folder) => folder && existsSync(join(folder, executable)));
}

/** Runs `culturekit adapt train`. */
export async function runAdaptTrainCommand(flags: AdaptTrainFlags): Promise<void> {
  const trainer = trainerDefinition(flags.trainer);
  const settings = resolveAdaptTrainSettings({
    epochs: flags.epochs,
    maxSteps: flags.maxSteps,
    batchSize: flags.batchSize,
    learningRate: flags.learningRate,
    loraR: flags.loraR,
    loraAlpha: flags.loraAlpha,
    maxLength: flags.maxLength,
    loggingSteps: flags.loggingSteps,
    saveSteps: flags.saveSteps,
    seed: flags.seed,
    stage2From: flags.stage2From,
    pollIntervalMs: flags.pollInterval ?? (trainer.kind === 'local' ? 500 : undefined),
  });
  const connection = { baseUrl: flags.baseUrl, apiKey: flags.apiKey };
  if (flags.cancel) {
    if (trainer.kind !== 'remote') throw new InputError('--cancel applies to --trainer openai (stop a local trainer with Ctrl-C)');
    const manifest = readTrainManifestRecord(flags.out);
    if (!manifest) throw new InputError(`--out ${flags.out}: no train-manifest.json to cancel jobs of`);
    const cancelled = await cancelOpenAIJobs(manifest.stages, connection);
    writeFileAtomic(join(flags.out, 'train-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    process.stdout.write(cancelled.length > 0 ? `cancelled ${cancelled.join(', ')}\n` : 'no running job to cancel\n');
    return;
  }
  for (const stage of flags.stages ?? []) if (stage !== 'stage1' && stage !== 'stage2') throw new InputError(`--stages ${stage}: use stage1 and/or stage2`);
  let python: string | undefined;
  if (trainer.name === 'trl')
    python = flags.dryRun ? (findPython({ python: flags.python })?.python ?? 'python') : requirePython({ python: flags.python }).python;
  if (trainer.kind === 'local' && trainer.executable && !flags.dryRun && !onPath(trainer.executable)) {
    throw new InputError(
      `--trainer ${trainer.name}: ${trainer.executable} is not on PATH; install ${trainer.name} in an environment of its own and activate it (or use --dry-run to see the configs)`,
    );
  }

  const interactive = Boolean(process.stderr.isTTY) && !flags.quiet;
  let lastLine = '';
  let lastShown = 0;
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const manifest = await runTraining({
      trainer: flags.trainer,
      dataDir: flags.data,
      base: flags.base,
      out: flags.out,
      languages: flags.languages,
      stage2From: settings.stage2From,
      hyper: settings.hyper,
      stages: flags.stages as TrainingStage[] | undefined,
      dryRun: flags.dryRun,
      python,
      template: flags.template,
      openai: connection,
      pollIntervalMs: settings.pollIntervalMs,
      signal: controller.signal,
      onNotice: (line) => process.stderr.write(`${interactive ? '\r\x1b[2K' : ''}${line}\n`),
      onProgress: (progress) => {
        if (flags.quiet) return;
        const line = formatTrainProgress(progress);
        if (line === lastLine) return;
        const stepChanged = line.split('  ').slice(0, 3).join() !== lastLine.split('  ').slice(0, 3).join();
        lastLine = line;
        if (interactive) process.stderr.write(`\r\x1b[2K${line}`);
        else if (stepChanged || Date.now() - lastShown > 10_000) {
          lastShown = Date.now();
          process.stderr.write(`${line}\n`);
        }
      },
      onDryRun: (stage, command, files) => {
        process.stdout.write(`# ${stage}\n$ ${command.map((part) => (/[\s"'$]/.test(part) ? `'${part}'` : part)).join(' ')}\n`);
        for (const file of files) process.stdout.write(`--- ${file.path}\n${file.text}`);
        process.stdout.write('\n');
      },
    });
    if (interactive) process.stderr.write('\n');
    if (flags.dryRun) return;
    for (const stage of manifest.stages) {
      const produced = stage.fineTunedModel ?? stage.adapterDir;
      const loss = stage.log.length > 0 ? `loss ${stage.log[0].loss.toFixed(4)} → ${stage.log.at(-1)?.loss.toFixed(4)}` : 'no loss logged';
      process.stdout.write(`${stage.name}: ${stage.status}  ${loss}  ${produced ?? ''}${stage.mergedDir ? `  merged: ${stage.mergedDir}` : ''}\n`);
    }
    process.stdout.write(`train manifest: ${join(flags.out, 'train-manifest.json')}\n`);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
