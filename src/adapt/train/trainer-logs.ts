import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainLogEntry } from '../train-manifest.js';

/** What a trainer's log says so far: the logged steps, where it is, and what it wrote when it finished. */
export interface LogSnapshot {
  entries: TrainLogEntry[];
  /** The latest step seen (a logged step or a progress counter). */
  step?: number;
  maxSteps?: number;
  /** Set by culturekit's TRL launcher when it saved the adapter (and the merged model). */
  done?: { adapterDir?: string; mergedDir?: string };
}

function finite(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

function jsonLines(text: string): Record<string, unknown>[] {
  const values: Record<string, unknown>[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      values.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // a line still being written: read again on the next poll
    }
  }
  return values;
}

function entry(step: unknown, loss: unknown, learningRate: unknown, epoch: unknown): TrainLogEntry | undefined {
  const stepNumber = finite(step);
  const lossNumber = finite(loss);
  if (stepNumber === undefined || lossNumber === undefined) return undefined;
  return { step: Math.round(stepNumber), loss: lossNumber, learningRate: finite(learningRate) ?? 0, epoch: finite(epoch) ?? 0 };
}

/** culturekit's TRL launcher (`trl_sft.py --events`): begin, log, checkpoint, summary and done lines. */
export function parseTrlEvents(text: string): LogSnapshot {
  const snapshot: LogSnapshot = { entries: [] };
  for (const event of jsonLines(text)) {
    snapshot.maxSteps = finite(event.maxSteps) ?? snapshot.maxSteps;
    if (event.type === 'begin' || event.type === 'checkpoint') snapshot.step = finite(event.step) ?? snapshot.step;
    if (event.type === 'log') {
      const logged = entry(event.step, event.loss, event.learningRate, event.epoch);
      if (logged) {
        snapshot.entries.push(logged);
        snapshot.step = logged.step;
      }
    }
    if (event.type === 'done') {
      snapshot.done = { adapterDir: (event.adapterDir as string) ?? undefined, mergedDir: (event.mergedDir as string | null) ?? undefined };
    }
  }
  return snapshot;
}

/**
 * LLaMA-Factory's `output_dir/trainer_log.jsonl` (`src/llamafactory/train/callbacks.py`): one object per logging step with
 * `current_steps, total_steps, loss, lr, epoch, percentage, elapsed_time, remaining_time`.
 */
export function parseTrainerLogJsonl(text: string): LogSnapshot {
  const snapshot: LogSnapshot = { entries: [] };
  for (const record of jsonLines(text)) {
    snapshot.maxSteps = finite(record.total_steps) ?? snapshot.maxSteps;
    snapshot.step = finite(record.current_steps) ?? snapshot.step;
    const logged = entry(record.current_steps, record.loss, record.lr, record.epoch);
    if (logged) snapshot.entries.push(logged);
  }
  return snapshot;
}

const DICT_FIELD = /'([a-z_]+)':\s*'?([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)'?/g;

/**
 * A Hugging Face trainer's stdout (axolotl, `trl sft`): tqdm counters `12/30 [` and the Python dict it prints at each
 * logging step, `{'loss': '5.629', 'grad_norm': …, 'learning_rate': '0.005', 'epoch': '0.625'}` (strings in recent
 * transformers, numbers in older ones). A dict carries no step: it is the step of the counter just before it.
 */
export function parseStdoutDicts(text: string): LogSnapshot {
  const snapshot: LogSnapshot = { entries: [] };
  const pattern = /(\d+)\/(\d+) \[|\{'[a-z_]+':[^}\n]*\}/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[1] !== undefined) {
      snapshot.step = Number(match[1]);
      snapshot.maxSteps = Number(match[2]);
      continue;
    }
    const fields: Record<string, string> = {};
    for (const field of match[0].matchAll(DICT_FIELD)) fields[field[1]] = field[2];
    const logged = entry(snapshot.step, fields.loss, fields.learning_rate, fields.epoch);
    if (logged) snapshot.entries.push(logged);
  }
  return snapshot;
}

/** `checkpoint-N/trainer_state.json` of any Hugging Face trainer: `global_step, max_steps, log_history[{loss, learning_rate, epoch, step}]`. */
export function readTrainerState(checkpointDir: string): LogSnapshot | undefined {
  const file = join(checkpointDir, 'trainer_state.json');
  if (!existsSync(file)) return undefined;
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as { global_step?: number; max_steps?: number; log_history?: Record<string, unknown>[] };
    const entries: TrainLogEntry[] = [];
    for (const record of state.log_history ?? []) {
      const logged = entry(record.step, record.loss, record.learning_rate, record.epoch);
      if (logged) entries.push(logged);
    }
    return { entries, step: finite(state.global_step), maxSteps: finite(state.max_steps) };
  } catch {
    return undefined;
  }
}

/** The `checkpoint-N` folders of an output folder, highest step last. */
export function checkpointsOf(outputDir: string): { step: number; dir: string }[] {
  if (!existsSync(outputDir)) return [];
  return readdirSync(outputDir)
    .map((name) => /^checkpoint-(\d+)$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ step: Number(match[1]), dir: join(outputDir, match[0]) }))
    .filter((checkpoint) => existsSync(join(checkpoint.dir, 'trainer_state.json')))
    .sort((left, right) => left.step - right.step);
}

/**
 * Several logs of one stage (earlier attempts first, then a checkpoint's state) as one: one entry per step, the later
 * source winning (a resumed attempt redoes the steps after its checkpoint).
 */
export function mergeLogEntries(...lists: readonly (readonly TrainLogEntry[])[]): TrainLogEntry[] {
  const byStep = new Map<number, TrainLogEntry>();
  for (const list of lists) for (const logged of list) byStep.set(logged.step, logged);
  return [...byStep.values()].sort((left, right) => left.step - right.step);
}
