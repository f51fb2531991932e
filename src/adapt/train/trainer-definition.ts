import type { AdaptTrainSettings } from '../../settings/run-settings.js';
import type { TrainingStage } from '../data/data-manifest.js';
import type { LogSnapshot } from './trainer-logs.js';
import type { ChatRow } from './training-data.js';

/** LoRA and optimiser settings of one stage (resolved in settings/run-settings.ts, the one owner of their shape). */
export type TrainHyperparameters = AdaptTrainSettings['hyper'];

/** Everything a local trainer needs to write the config of one stage. */
export interface LocalStageJob {
  /** Stage name in the train manifest (`stage1`, or `ja/stage1` with several languages). */
  name: string;
  stage: TrainingStage;
  language: string;
  /** `<out>/<name>/`: configs, logs, process records. */
  stageDir: string;
  /** Where the trainer writes checkpoints and its adapter (`<stageDir>/output`). */
  outputDir: string;
  /** The canonical chat file and its rows. */
  dataFile: string;
  rows: readonly ChatRow[];
  /** The model the stage's adapter applies to: the base, or the merged stage-1 model. */
  baseModel: string;
  /** Stage 2 from the stage-1 adapter: continue training it. */
  adapterFrom?: string;
  /** Stage 1 when stage 2 trains on the merged model: merge the adapter into its base here after training. */
  mergeTo?: string;
  /** A `checkpoint-N` folder to resume from. */
  resumeFrom?: string;
  /** 1 for the first launch, then one more per resume. */
  attempt: number;
  hyper: TrainHyperparameters;
  /** The interpreter of the trainer environment (TRL). */
  python?: string;
  /** LLaMA-Factory's chat template name (`template:`). */
  template?: string;
}

/** A file the trainer reads: its config (printed by --dry-run) or its data. */
export interface PreparedFile {
  path: string;
  text: string;
  kind: 'config' | 'data';
}

export interface PreparedLaunch {
  command: string[];
  files: PreparedFile[];
  env?: Record<string, string>;
}

/** A trainer that runs on this machine as a child process culturekit launches and follows. */
export interface LocalTrainerDefinition {
  name: 'trl' | 'llamafactory' | 'axolotl';
  kind: 'local';
  title: string;
  /** The executable that must be found on PATH (not for TRL, which runs in the Python environment). */
  executable?: string;
  /** The stage's config (in the trainer's own keys), data files and command line. */
  prepare(job: LocalStageJob): PreparedLaunch;
  /** The files its progress is read from, for one attempt (`stdout` is culturekit's capture of its output). */
  logFiles(job: LocalStageJob, stdout: string): string[];
  parseLog(text: string): LogSnapshot;
  /** Where its adapter ends up. */
  adapterDir(job: LocalStageJob): string;
  /** Where the merged stage-1 model of a stage folder ends up (default `<stageDir>/merged`). */
  mergedDirOf?(stageDir: string): string;
  /** The command that merges the adapter into its base (run after training when `mergeTo` is set), where the trainer does not do it itself. */
  merge?(job: LocalStageJob, adapterDir: string): PreparedLaunch & { mergedDir: string };
}

/** A hosted fine-tuning API (the weights stay with the provider). */
export interface RemoteTrainerDefinition {
  name: 'openai';
  kind: 'remote';
  title: string;
}

export type TrainerDefinition = LocalTrainerDefinition | RemoteTrainerDefinition;
