import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CulturekitError } from '../../errors/culturekit-error.js';
import { EXIT_CODES } from '../../errors/exit-codes.js';
import type { TrainLogEntry } from '../train-manifest.js';
import type { StageProgress } from './local-stage-runner.js';
import type { RemoteTrainerDefinition, TrainHyperparameters } from './trainer-definition.js';
import { sleep } from './sleep.js';
import { mergeLogEntries } from './trainer-logs.js';

/** The fine-tuning jobs API of OpenAI or of an OpenAI-compatible provider (`--base-url`). */
export const openAITrainer: RemoteTrainerDefinition = {
  name: 'openai',
  kind: 'remote',
  title: 'OpenAI fine-tuning jobs API (or a compatible provider by --base-url): upload, job, events, checkpoints',
};

export interface OpenAIConnection {
  baseUrl?: string;
  apiKey?: string;
}

/** The fields of a stage record the OpenAI driver reads and writes. */
export interface OpenAIStageRecord {
  status: string;
  trainingFileId?: string;
  jobId?: string;
  previousJobIds?: string[];
  fineTunedModel?: string;
  checkpoints?: { step: number; model: string }[];
}

export interface OpenAIStageJob {
  name: string;
  /** The base model, or stage 1's `ft:` model for stage 2. */
  model: string;
  dataFile: string;
  record: OpenAIStageRecord;
  hyper: TrainHyperparameters;
  connection: OpenAIConnection;
  pollIntervalMs: number;
  dryRun?: boolean;
  onDryRun?(stage: string, command: string[], files: { path: string; text: string }[]): void;
  /** Persists the record (job ids are saved as soon as they exist, so a later culturekit re-attaches). */
  save(): void;
  onProgress?(progress: StageProgress): void;
  onNotice?(line: string): void;
  signal?: AbortSignal;
}

const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);

/** The body of `POST /fine_tuning/jobs` for a stage. */
export function openAIJobBody(job: Pick<OpenAIStageJob, 'name' | 'model' | 'hyper'>, trainingFile: string): Record<string, unknown> {
  return {
    model: job.model,
    training_file: trainingFile,
    suffix: `culturekit-${job.name.replace(/[^A-Za-z0-9-]/g, '-')}`.slice(0, 64),
    seed: job.hyper.seed,
    method: { type: 'supervised', supervised: { hyperparameters: { n_epochs: job.hyper.epochs, batch_size: job.hyper.batchSize } } },
  };
}

async function createClient(connection: OpenAIConnection) {
  const { default: OpenAI } = await import('openai');
  return new OpenAI({ baseURL: connection.baseUrl, apiKey: connection.apiKey ?? process.env.OPENAI_API_KEY ?? 'none', maxRetries: 4 });
}

/**
 * Runs one stage as a hosted fine-tuning job: uploads the chat file (`purpose: fine-tune`), creates the job, follows its
 * status, metrics events and checkpoints, and returns the `ft:` model. A job recorded by an earlier culturekit is
 * re-attached to; a failed job is an error carrying the provider's message.
 */
export async function runOpenAIStage(job: OpenAIStageJob): Promise<{ fineTunedModel?: string }> {
  if (job.dryRun) {
    const body = openAIJobBody(job, '<file id of the upload>');
    job.onDryRun?.(
      job.name,
      ['POST', `${job.connection.baseUrl ?? 'https://api.openai.com/v1'}/files`, `purpose=fine-tune`, `file=@${job.dataFile}`],
      [{ path: 'POST /fine_tuning/jobs', text: `${JSON.stringify(body, null, 2)}\n` }],
    );
    return {};
  }
  const client = await createClient(job.connection);
  const { record } = job;
  if (!record.jobId && record.trainingFileId) {
    // A culturekit that died between creating the job and recording it: find the job of the uploaded file.
    for await (const existing of client.fineTuning.jobs.list({ limit: 100 })) {
      const endedBadly = existing.status === 'failed' || existing.status === 'cancelled' || record.previousJobIds?.includes(existing.id);
      if (existing.training_file === record.trainingFileId && !endedBadly) {
        record.jobId = existing.id;
        job.save();
        break;
      }
    }
  }
  if (!record.jobId) {
    if (!record.trainingFileId) {
      const { toFile } = await import('openai');
      const uploaded = await client.files.create({ file: await toFile(readFileSync(job.dataFile), basename(job.dataFile)), purpose: 'fine-tune' });
      record.trainingFileId = uploaded.id;
      job.save();
      job.onNotice?.(`${job.name}: uploaded ${job.dataFile} as ${uploaded.id}`);
    }
    const created = await client.fineTuning.jobs.create(openAIJobBody(job, record.trainingFileId) as never);
    record.jobId = created.id;
    job.save();
    job.onNotice?.(`${job.name}: fine-tuning job ${created.id} created on ${job.model}`);
  } else {
    job.onNotice?.(`${job.name}: re-attaching to fine-tuning job ${record.jobId}`);
  }
  const jobId = record.jobId;
  const seen = new Set<string>();
  let log: TrainLogEntry[] = [];
  let maxSteps: number | undefined;
  const started = Date.now();
  let firstStep: number | undefined;
  for (;;) {
    const current = await client.fineTuning.jobs.retrieve(jobId);
    const fresh: TrainLogEntry[] = [];
    for await (const event of client.fineTuning.jobs.listEvents(jobId, { limit: 100 })) {
      if (seen.has(event.id)) break;
      seen.add(event.id);
      const data = (event.data ?? {}) as { step?: number; train_loss?: number; total_steps?: number; epoch?: number; learning_rate?: number };
      if (event.type === 'metrics' && typeof data.step === 'number' && typeof data.train_loss === 'number') {
        fresh.push({ step: data.step, loss: data.train_loss, learningRate: data.learning_rate ?? 0, epoch: data.epoch ?? 0 });
        if (typeof data.total_steps === 'number') maxSteps = data.total_steps;
      } else if (event.level === 'error' || event.level === 'warn') {
        job.onNotice?.(`${job.name}: ${event.level}: ${event.message}`);
      }
    }
    log = mergeLogEntries(log, fresh);
    const step = log.at(-1)?.step;
    firstStep ??= step;
    const elapsed = (Date.now() - started) / 1000;
    job.onProgress?.({
      name: job.name,
      step,
      maxSteps,
      log,
      note: current.status,
      stepsPerSecond: step !== undefined && firstStep !== undefined && step > firstStep ? (step - firstStep) / elapsed : undefined,
    });
    if (TERMINAL.has(current.status)) {
      if (current.status === 'succeeded') {
        const checkpoints = [];
        for await (const checkpoint of client.fineTuning.jobs.checkpoints.list(jobId)) {
          checkpoints.push({ step: checkpoint.step_number, model: checkpoint.fine_tuned_model_checkpoint });
        }
        record.checkpoints = checkpoints.sort((left, right) => left.step - right.step);
        if (!current.fine_tuned_model) throw new CulturekitError(`${job.name}: job ${jobId} succeeded without a fine_tuned_model`);
        return { fineTunedModel: current.fine_tuned_model };
      }
      if (current.status === 'cancelled') {
        record.status = 'cancelled';
        throw new CulturekitError(`${job.name}: fine-tuning job ${jobId} was cancelled`);
      }
      const error = current.error;
      throw new CulturekitError(
        `${job.name}: fine-tuning job ${jobId} failed${error ? `: ${error.message}${error.code ? ` (${error.code})` : ''}${error.param ? ` [${error.param}]` : ''}` : ''}`,
      );
    }
    if (job.signal?.aborted) {
      throw new CulturekitError(
        `${job.name}: stopped following job ${jobId}, which goes on at the provider: run the same command again to re-attach, or add --cancel to cancel it`,
        { exitCode: EXIT_CODES.interrupted },
      );
    }
    await sleep(job.pollIntervalMs, job.signal);
  }
}

/** Cancels the running jobs of a train manifest's stages; returns the ids cancelled. */
export async function cancelOpenAIJobs(records: readonly OpenAIStageRecord[], connection: OpenAIConnection): Promise<string[]> {
  const client = await createClient(connection);
  const cancelled: string[] = [];
  for (const record of records) {
    if (!record.jobId || record.status === 'succeeded') continue;
    const job = await client.fineTuning.jobs.cancel(record.jobId);
    record.status = job.status === 'cancelled' ? 'cancelled' : record.status;
    cancelled.push(record.jobId);
  }
  return cancelled;
}
