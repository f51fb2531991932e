import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CulturekitError, InputError } from '../../errors/culturekit-error.js';
import { canonicalJson, sha256Hex } from '../../util/hash.js';
import { writeFileAtomic } from '../../util/write-file-atomic.js';
import type { TrainingStage } from '../data/data-manifest.js';
import { TRAIN_MANIFEST_FILE, type TrainManifest, type TrainStage } from '../train-manifest.js';
import { runLocalStage, type StageProgress } from './local-stage-runner.js';
import { runOpenAIStage, type OpenAIConnection } from './openai-trainer.js';
import type { LocalStageJob, TrainHyperparameters } from './trainer-definition.js';
import { trainerDefinition, type TrainerName } from './trainer-registry.js';
import { type LanguageData, readTrainingData, type StageData } from './training-data.js';

/** A stage of the train manifest with what culturekit keeps beside the shared fields. */
export type StageRecord = TrainStage & {
  stage?: TrainingStage;
  language?: string;
  /** The model the stage's adapter applies to (the base, or the merged stage-1 model). */
  baseModel?: string;
  stageDir?: string;
  /** openai: the uploaded training file and the job. */
  trainingFileId?: string;
  jobId?: string;
  /** Jobs of earlier runs of this stage that failed or were cancelled. */
  previousJobIds?: string[];
  checkpoints?: { step: number; model: string }[];
  error?: string;
};

export type TrainManifestRecord = Omit<TrainManifest, 'stages'> & {
  stages: StageRecord[];
  stage2From: 'adapter' | 'merged';
  dataDir: string;
  /** SHA-256 of the inputs and settings: another run in the same folder is refused. */
  settingsHash: string;
};

export interface TrainOptions {
  trainer: TrainerName;
  dataDir: string;
  /** A Hugging Face model folder (local trainers) or a model name (openai). */
  base: string;
  out: string;
  languages?: string[];
  stage2From: 'adapter' | 'merged';
  hyper: TrainHyperparameters;
  /** Only these stages (default both, where the data has them). */
  stages?: TrainingStage[];
  dryRun?: boolean;
  python?: string;
  template?: string;
  openai?: OpenAIConnection;
  pollIntervalMs: number;
  onProgress?(progress: StageProgress): void;
  onNotice?(line: string): void;
  /** --dry-run output: each stage's command and config. */
  onDryRun?(stage: string, command: string[], files: { path: string; text: string }[]): void;
  signal?: AbortSignal;
}

interface PlannedStage {
  name: string;
  data: StageData;
}

function planStages(data: LanguageData[], options: TrainOptions): PlannedStage[] {
  const prefixed = (options.languages?.length ?? 0) > 0 || data.length > 1;
  const wanted = options.stages ?? ['stage1', 'stage2'];
  return data.flatMap((language) =>
    language.stages
      .filter((stage) => wanted.includes(stage.stage))
      .map((stage) => ({ name: prefixed ? `${language.language}/${stage.stage}` : stage.stage, data: stage })),
  );
}

export function readTrainManifestRecord(out: string): TrainManifestRecord | undefined {
  const file = join(out, TRAIN_MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as TrainManifestRecord;
  } catch (error) {
    throw new InputError(`${file}: not a train manifest: ${(error as Error).message}`);
  }
}

function writeManifest(out: string, manifest: TrainManifestRecord): void {
  writeFileAtomic(join(out, TRAIN_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

function stageDirName(name: string): string {
  return name.replace(/\//g, '-');
}

/**
 * Trains stage 1 (knowledge) and stage 2 (safety + replay) of each language with the chosen trainer, following its
 * logs into `<out>/train-manifest.json`. Run again with the same arguments, it skips finished stages, re-attaches to a
 * trainer still running, and resumes one that died from its last checkpoint.
 *
 * @example
 * await runTraining({ trainer: 'trl', dataDir: 'runs/adapt/data', base: 'models/qwen', out: 'runs/adapt/train', stage2From: 'adapter', hyper, pollIntervalMs: 500 });
 */
export async function runTraining(options: TrainOptions): Promise<TrainManifestRecord> {
  const trainer = trainerDefinition(options.trainer);
  const out = resolve(options.out);
  const data = readTrainingData(options.dataDir, options.languages);
  const planned = planStages(data, options);
  if (planned.length === 0) throw new InputError(`--data ${options.dataDir}: no stage to train`);
  const base = trainer.kind === 'local' ? resolve(options.base) : options.base;
  if (trainer.kind === 'local' && !existsSync(join(base, 'config.json'))) {
    throw new InputError(`--base ${options.base}: not a Hugging Face model folder (no config.json); ${trainer.name} trains local folders (offline)`);
  }
  const settingsHash = sha256Hex(
    canonicalJson({
      trainer: options.trainer,
      base,
      stage2From: options.stage2From,
      hyper: options.hyper,
      template: options.template ?? null,
      data: planned.map((stage) => [stage.name, stage.data.sha256]),
    }),
  );
  const existing = readTrainManifestRecord(out);
  if (existing && existing.settingsHash !== settingsHash && !options.dryRun) {
    throw new InputError(
      `--out ${options.out} holds another training run (other data, base, trainer or settings): use a new --out, or delete ${join(out, TRAIN_MANIFEST_FILE)} to start over`,
    );
  }
  const manifest: TrainManifestRecord = existing ?? {
    trainer: options.trainer,
    baseModel: base,
    stages: planned.map((stage) => ({ name: stage.name, stage: stage.data.stage, language: stage.data.language, status: 'pending', log: [] })),
    stage2From: options.stage2From,
    dataDir: resolve(options.dataDir),
    settingsHash,
  };
  const save = (): void => {
    if (!options.dryRun) writeManifest(out, manifest);
  };
  save();
  let lastSaved = 0;

  for (const plan of planned) {
    const record = manifest.stages.find((stage) => stage.name === plan.name);
    if (!record) throw new CulturekitError(`${TRAIN_MANIFEST_FILE}: no stage ${plan.name}`);
    if (record.status === 'succeeded' && !options.dryRun) {
      options.onNotice?.(`${plan.name}: already trained (${record.adapterDir ?? record.fineTunedModel})`);
      continue;
    }
    const stage1 =
      plan.data.stage === 'stage2' ? manifest.stages.find((stage) => stage.language === plan.data.language && stage.stage === 'stage1') : undefined;
    const stageDir = join(out, stageDirName(plan.name));
    record.stageDir = stageDir;

    if (trainer.kind === 'remote') {
      const from = stage1?.fineTunedModel ?? (stage1 && options.dryRun ? `<${stage1.name}'s ft: model>` : undefined);
      if (stage1 && !from) throw new CulturekitError(`${plan.name}: ${stage1.name} has no fine-tuned model yet`);
      record.baseModel = from ?? base;
      if ((record.status === 'failed' || record.status === 'cancelled') && record.jobId) {
        // A job that ended badly is not re-attached to: the stage starts a new one.
        record.previousJobIds = [...(record.previousJobIds ?? []), record.jobId];
        delete record.jobId;
      }
      record.status = 'running';
      save();
      try {
        const result = await runOpenAIStage({
          name: plan.name,
          model: record.baseModel,
          dataFile: plan.data.file,
          record,
          hyper: options.hyper,
          connection: options.openai ?? {},
          pollIntervalMs: options.pollIntervalMs,
          dryRun: options.dryRun,
          onDryRun: options.onDryRun,
          save,
          onProgress: (progress) => {
            record.log = progress.log;
            options.onProgress?.(progress);
          },
          onNotice: options.onNotice,
          signal: options.signal,
        });
        if (options.dryRun) continue;
        record.fineTunedModel = result.fineTunedModel;
        record.status = 'succeeded';
        delete record.error;
      } catch (error) {
        if (!options.dryRun) {
          record.status = (record.status as string) === 'cancelled' ? 'cancelled' : 'failed';
          record.error = (error as Error).message;
          save();
        }
        throw error;
      }
      save();
      continue;
    }

    const mergedDirOf = (dir: string): string => trainer.mergedDirOf?.(dir) ?? join(dir, 'merged');
    const mergedStage1 =
      options.stage2From === 'merged' &&
      plan.data.stage === 'stage1' &&
      planned.some((other) => other.data.language === plan.data.language && other.data.stage === 'stage2');
    let stageBase = base;
    let adapterFrom: string | undefined;
    if (stage1) {
      const stage1Adapter = stage1.adapterDir ?? join(out, stageDirName(stage1.name), 'output', 'adapter');
      if (options.stage2From === 'merged') stageBase = stage1.mergedDir ?? mergedDirOf(join(out, stageDirName(stage1.name)));
      else adapterFrom = stage1Adapter;
    }
    const job: Omit<LocalStageJob, 'attempt'> = {
      name: plan.name,
      stage: plan.data.stage,
      language: plan.data.language,
      stageDir,
      outputDir: join(stageDir, 'output'),
      dataFile: plan.data.file,
      rows: plan.data.rows,
      baseModel: stageBase,
      adapterFrom,
      mergeTo: mergedStage1 ? mergedDirOf(stageDir) : undefined,
      hyper: options.hyper,
      python: options.python,
      template: options.template,
    };
    record.baseModel = stageBase;
    if (options.dryRun) {
      const prepared = trainer.prepare({ ...job, attempt: 1 });
      options.onDryRun?.(
        plan.name,
        prepared.command,
        prepared.files.filter((file) => file.kind === 'config'),
      );
      continue;
    }
    record.status = 'running';
    save();
    try {
      const outcome = await runLocalStage(trainer, job, {
        pollIntervalMs: options.pollIntervalMs,
        signal: options.signal,
        onNotice: (line) => options.onNotice?.(line),
        onProgress: (progress) => {
          record.log = progress.log;
          options.onProgress?.(progress);
          if (Date.now() - lastSaved > 2000) {
            lastSaved = Date.now();
            save();
          }
        },
      });
      record.status = 'succeeded';
      record.adapterDir = outcome.adapterDir;
      if (outcome.mergedDir) record.mergedDir = outcome.mergedDir;
      record.log = outcome.log;
      delete record.error;
    } catch (error) {
      record.status = error instanceof CulturekitError && error.exitCode === 130 ? 'cancelled' : 'failed';
      record.error = (error as Error).message;
      save();
      throw error;
    }
    save();
  }
  return manifest;
}
