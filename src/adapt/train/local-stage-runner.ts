import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CulturekitError } from '../../errors/culturekit-error.js';
import { EXIT_CODES } from '../../errors/exit-codes.js';
import { pythonEnvironment } from '../../python/python-env.js';
import { sleep } from './sleep.js';
import { writeFileAtomic } from '../../util/write-file-atomic.js';
import type { TrainLogEntry } from '../train-manifest.js';
import type { LocalStageJob, LocalTrainerDefinition } from './trainer-definition.js';
import { checkpointsOf, type LogSnapshot, mergeLogEntries, readTrainerState } from './trainer-logs.js';
import { exitCodeOf, isRunning, launchDetached, outputTail, readAttempts, runToCompletion, stopTrainer, type TrainerAttempt } from './trainer-process.js';

/** Where a running stage stands, for the progress line and the manifest. */
export interface StageProgress {
  name: string;
  step?: number;
  maxSteps?: number;
  log: TrainLogEntry[];
  /** Steps per second of the current attempt (for the ETA). */
  stepsPerSecond?: number;
  note?: string;
}

export interface LocalStageIo {
  onProgress(progress: StageProgress): void;
  /** A line for the user (re-attach, resume, merge). */
  onNotice(line: string): void;
  pollIntervalMs: number;
  /** Aborted on Ctrl-C: the trainer is stopped and the stage can be resumed. */
  signal?: AbortSignal;
}

export interface LocalStageOutcome {
  adapterDir: string;
  mergedDir?: string;
  log: TrainLogEntry[];
}

function readText(file: string): string {
  try {
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  } catch {
    return '';
  }
}

/** The whole log of a stage so far: every attempt's files in order, then the last checkpoint's state. */
export function stageLog(trainer: LocalTrainerDefinition, job: LocalStageJob, attempts: readonly TrainerAttempt[]): LogSnapshot {
  const lists: TrainLogEntry[][] = [];
  let latest: LogSnapshot = { entries: [] };
  const seen = new Set<string>();
  attempts.forEach((attempt, index) => {
    for (const file of trainer.logFiles({ ...job, attempt: attempt.attempt }, attempt.outFile)) {
      const snapshot = trainer.parseLog(readText(file));
      if (!seen.has(file)) lists.push(snapshot.entries);
      seen.add(file);
      if (index === attempts.length - 1) latest = snapshot;
    }
  });
  const checkpoint = checkpointsOf(job.outputDir).at(-1);
  const state = checkpoint ? readTrainerState(checkpoint.dir) : undefined;
  return {
    entries: mergeLogEntries(...lists, state?.entries ?? []),
    step: latest.step ?? state?.step,
    maxSteps: latest.maxSteps ?? state?.maxSteps,
    done: latest.done,
  };
}

function trainerEnvironment(trainer: LocalTrainerDefinition): NodeJS.ProcessEnv {
  return trainer.name === 'trl' ? pythonEnvironment() : { ...process.env, PYTHONUNBUFFERED: '1', HF_HUB_OFFLINE: process.env.HF_HUB_OFFLINE ?? '1' };
}

/**
 * Trains one stage with a local trainer and follows it to the end. A trainer still running from an earlier culturekit
 * is re-attached to; one that died is resumed from its last `checkpoint-N` (or started over when it saved none).
 */
export async function runLocalStage(trainer: LocalTrainerDefinition, baseJob: Omit<LocalStageJob, 'attempt'>, io: LocalStageIo): Promise<LocalStageOutcome> {
  mkdirSync(baseJob.stageDir, { recursive: true });
  const attempts = readAttempts(baseJob.stageDir);
  const previous = attempts.at(-1);
  let current: TrainerAttempt;
  const previousExit = previous ? exitCodeOf(previous) : undefined;
  if (previous && previousExit === 0) {
    current = previous;
    io.onNotice(`${baseJob.name}: the trainer (pid ${previous.pid}) finished while culturekit was away; collecting its results`);
  } else if (previous && previousExit === undefined && isRunning(previous)) {
    current = previous;
    io.onNotice(`${baseJob.name}: re-attaching to the trainer still running (pid ${previous.pid}, started ${previous.startedAt})`);
  } else {
    const checkpoint = previous ? checkpointsOf(baseJob.outputDir).at(-1) : undefined;
    const attempt = (previous?.attempt ?? 0) + 1;
    const job: LocalStageJob = { ...baseJob, attempt, resumeFrom: checkpoint?.dir };
    if (previous) {
      io.onNotice(
        checkpoint
          ? `${job.name}: the previous trainer (pid ${previous.pid}) ended without finishing; resuming from ${checkpoint.dir}`
          : `${job.name}: the previous trainer (pid ${previous.pid}) ended before its first checkpoint; starting over`,
      );
    }
    const prepared = trainer.prepare(job);
    for (const file of prepared.files) writeFileAtomic(file.path, file.text);
    current = launchDetached(job.stageDir, prepared.command, {
      attempt,
      resumeFrom: checkpoint?.dir,
      env: { ...trainerEnvironment(trainer), ...prepared.env },
    });
    attempts.push(current);
  }
  const job: LocalStageJob = { ...baseJob, attempt: current.attempt, resumeFrom: current.resumeFrom };
  const resumedAt = current.resumeFrom ? Number(/checkpoint-(\d+)$/.exec(current.resumeFrom)?.[1] ?? 0) : 0;

  let exitCode: number | undefined;
  let snapshot: LogSnapshot = { entries: [] };
  for (;;) {
    exitCode = exitCodeOf(current);
    const running = exitCode === undefined && isRunning(current);
    snapshot = stageLog(trainer, job, attempts);
    const elapsed = (Date.now() - current.startedAtMs) / 1000;
    const done = (snapshot.step ?? resumedAt) - resumedAt;
    io.onProgress({
      name: job.name,
      step: snapshot.step,
      maxSteps: snapshot.maxSteps,
      log: snapshot.entries,
      stepsPerSecond: done > 0 && elapsed > 0 ? done / elapsed : undefined,
    });
    if (!running) break;
    if (io.signal?.aborted) {
      stopTrainer(current);
      throw new CulturekitError(`${job.name}: interrupted; the trainer was stopped. Run the same command again to resume from its last checkpoint.`, {
        exitCode: EXIT_CODES.interrupted,
      });
    }
    await sleep(io.pollIntervalMs, io.signal);
  }
  // Give the last lines a moment to land, then read everything once more.
  snapshot = stageLog(trainer, job, attempts);
  exitCode ??= exitCodeOf(current);
  if (exitCode !== 0) {
    const checkpoint = checkpointsOf(job.outputDir).at(-1);
    const where = snapshot.step !== undefined ? ` at step ${snapshot.step}${snapshot.maxSteps ? `/${snapshot.maxSteps}` : ''}` : '';
    const how = exitCode === undefined ? 'ended without an exit status (killed together with its shell?)' : `exited with code ${exitCode}`;
    const next = checkpoint ? `run the same command again to resume from ${checkpoint.dir}` : 'run the same command again to start it over';
    throw new CulturekitError(`${job.name}: the trainer ${how}${where}; ${next}.\nIts last output (${current.outFile}):\n${outputTail(current)}`);
  }
  const adapterDir = snapshot.done?.adapterDir ?? trainer.adapterDir(job);
  if (!existsSync(join(adapterDir, 'adapter_config.json'))) {
    throw new CulturekitError(`${job.name}: the trainer exited 0 but wrote no adapter at ${adapterDir} (no adapter_config.json)`);
  }
  let mergedDir = snapshot.done?.mergedDir;
  if (job.mergeTo && !mergedDir) {
    if (!trainer.merge) throw new CulturekitError(`${job.name}: ${trainer.name} cannot merge an adapter`);
    const merge = trainer.merge(job, adapterDir);
    for (const file of merge.files) writeFileAtomic(file.path, file.text);
    io.onNotice(`${job.name}: merging the adapter into its base: ${merge.command.join(' ')}`);
    const code = await runToCompletion(merge.command, {
      cwd: job.stageDir,
      env: { ...trainerEnvironment(trainer), ...merge.env },
      outFile: join(job.stageDir, 'merge.out'),
    });
    if (code !== 0 || !existsSync(join(merge.mergedDir, 'config.json'))) {
      throw new CulturekitError(`${job.name}: merging failed (exit code ${code}); see ${join(job.stageDir, 'merge.out')}`);
    }
    mergedDir = merge.mergedDir;
  }
  return { adapterDir, mergedDir, log: snapshot.entries };
}
