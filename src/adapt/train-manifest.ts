import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors/culturekit-error.js';
import { issueLines } from '../schema/issue-lines.js';

/** One logged training step, as the trainer reported it. */
export const trainLogEntrySchema = z.object({
  step: z.number().int().nonnegative(),
  loss: z.number(),
  learningRate: z.number(),
  epoch: z.number(),
});
export type TrainLogEntry = z.infer<typeof trainLogEntrySchema>;

export const trainStageStatuses = ['pending', 'running', 'succeeded', 'failed', 'cancelled'] as const;

/** One training stage (`stage1`, `stage2`, or one per language) and what it produced. */
export const trainStageSchema = z.object({
  name: z.string().min(1),
  status: z.enum(trainStageStatuses),
  /** The LoRA adapter folder the stage wrote (PEFT layout). */
  adapterDir: z.string().optional(),
  /** The merged model folder, when the stage was merged. */
  mergedDir: z.string().optional(),
  /** The remote model name of a hosted fine-tuning job (`ft:…`). */
  fineTunedModel: z.string().optional(),
  /** The GGUF file of the adapter (or merged model) for `llama:base.gguf?lora=…`. */
  gguf: z.string().optional(),
  log: z.array(trainLogEntrySchema),
});
export type TrainStage = z.infer<typeof trainStageSchema>;

/**
 * `<train-dir>/train-manifest.json`: written by `culturekit adapt train`, read by `culturekit adapt eval` (loss curves).
 * Both sides parse it with this schema.
 */
export const trainManifestSchema = z.object({
  trainer: z.string().min(1),
  baseModel: z.string().min(1),
  stages: z.array(trainStageSchema),
});
export type TrainManifest = z.infer<typeof trainManifestSchema>;

export const TRAIN_MANIFEST_FILE = 'train-manifest.json';

/**
 * Reads and validates a train manifest; errors name the file and the field.
 *
 * @example
 * const manifest = readTrainManifest('runs/adapt/train/train-manifest.json');
 * manifest.stages.map((stage) => stage.log.length);
 */
export function readTrainManifest(path: string): TrainManifest {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(`${path}: cannot read the train manifest: ${(error as Error).message}`);
  }
  const parsed = trainManifestSchema.safeParse(value);
  if (!parsed.success) throw new InputError(issueLines(parsed.error, path).join('\n'));
  return parsed.data;
}
