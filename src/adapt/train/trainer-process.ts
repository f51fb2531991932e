import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CulturekitError } from '../../errors/culturekit-error.js';
import { writeFileAtomic } from '../../util/write-file-atomic.js';

/** One launch of a stage's trainer, recorded before culturekit waits on it (so a later culturekit can find it). */
export interface TrainerAttempt {
  attempt: number;
  pid: number;
  command: string[];
  startedAt: string;
  /** Seconds since the epoch, for ETAs after a re-attach. */
  startedAtMs: number;
  resumeFrom?: string;
  /** The trainer's stdout and stderr. */
  outFile: string;
  /** Written with the trainer's exit code when it ends (by the shell that runs it). */
  exitFile: string;
}

export const ATTEMPTS_FILE = 'trainer-attempts.json';

export function readAttempts(stageDir: string): TrainerAttempt[] {
  const file = join(stageDir, ATTEMPTS_FILE);
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')) as TrainerAttempt[];
}

function writeAttempts(stageDir: string, attempts: TrainerAttempt[]): void {
  writeFileAtomic(join(stageDir, ATTEMPTS_FILE), `${JSON.stringify(attempts, null, 2)}\n`);
}

/**
 * Starts a trainer detached from culturekit (its own process group, output to a file, its exit code written by the
 * shell that runs it): when culturekit dies, the trainer goes on, and a new culturekit re-attaches to it.
 */
export function launchDetached(
  stageDir: string,
  command: string[],
  options: { attempt: number; resumeFrom?: string; env?: NodeJS.ProcessEnv },
): TrainerAttempt {
  const outFile = join(stageDir, `trainer-${options.attempt}.out`);
  const exitFile = join(stageDir, `trainer-${options.attempt}.exit`);
  const out = openSync(outFile, 'a');
  let pid: number | undefined;
  try {
    const child = spawn('/bin/sh', ['-c', 'exit_file=$1; shift; "$@"; echo $? > "$exit_file"', 'culturekit-trainer', exitFile, ...command], {
      cwd: stageDir,
      detached: true,
      stdio: ['ignore', out, out],
      env: options.env ?? process.env,
    });
    pid = child.pid;
    child.on('error', () => {});
    child.unref();
  } finally {
    closeSync(out);
  }
  if (pid === undefined) throw new CulturekitError(`could not start ${command[0]}`);
  const attempt: TrainerAttempt = {
    attempt: options.attempt,
    pid,
    command,
    startedAt: new Date().toISOString(),
    startedAtMs: Date.now(),
    resumeFrom: options.resumeFrom,
    outFile,
    exitFile,
  };
  writeAttempts(stageDir, [...readAttempts(stageDir).filter((entry) => entry.attempt !== attempt.attempt), attempt]);
  return attempt;
}

/** The exit code the trainer's shell wrote, or undefined while it runs (or when it was killed with its shell). */
export function exitCodeOf(attempt: TrainerAttempt): number | undefined {
  if (!existsSync(attempt.exitFile)) return undefined;
  const text = readFileSync(attempt.exitFile, 'utf8').trim();
  return text === '' ? undefined : Number(text);
}

/** Whether the attempt's shell still runs (the pid is alive and is this attempt's, not a reused pid). */
export function isRunning(attempt: TrainerAttempt): boolean {
  try {
    process.kill(attempt.pid, 0);
  } catch {
    return false;
  }
  const cmdline = `/proc/${attempt.pid}/cmdline`;
  if (!existsSync(cmdline)) return process.platform !== 'linux';
  try {
    return readFileSync(cmdline, 'utf8').includes(attempt.exitFile);
  } catch {
    return false;
  }
}

/** Stops the trainer and its children (its whole process group). */
export function stopTrainer(attempt: TrainerAttempt, signal: NodeJS.Signals = 'SIGTERM'): void {
  try {
    process.kill(-attempt.pid, signal);
  } catch {
    // already gone
  }
}

/** The last lines of the trainer's output, for error messages. */
export function outputTail(attempt: TrainerAttempt, lines = 12): string {
  if (!existsSync(attempt.outFile)) return '';
  const text = readFileSync(attempt.outFile, 'utf8').replace(/\r/g, '\n');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(-lines)
    .join('\n');
}

/** Runs a short command (a merge) to completion in the foreground. */
export function runToCompletion(command: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; outFile: string }): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = openSync(options.outFile, 'a');
    const child = spawn(command[0], command.slice(1), { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', out, out] });
    closeSync(out);
    child.on('error', (error) => reject(new CulturekitError(`could not start ${command[0]}: ${error.message}`, { cause: error })));
    child.on('close', (code) => resolve(code ?? 1));
  });
}
