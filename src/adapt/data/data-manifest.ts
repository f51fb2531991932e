import { z } from 'zod';

export const trainingStages = ['stage1', 'stage2'] as const;
export type TrainingStage = (typeof trainingStages)[number];

/** Where a training example came from. */
export const exampleSources = ['knowledge-open', 'knowledge-mcq', 'safety', 'replay'] as const;
export type ExampleSource = (typeof exampleSources)[number];

/** One canonical chat file: `<out>/<language>/<stage>.jsonl`, one `{"messages": [...]}` per line. */
export const dataFileSchema = z.object({
  stage: z.enum(trainingStages),
  language: z.string().min(1),
  /** Relative to the output folder. */
  path: z.string().min(1),
  count: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Examples per source in this file (stage 2 mixes safety and replay). */
  bySource: z.record(z.string(), z.number().int().nonnegative()).optional(),
});
export type DataFile = z.infer<typeof dataFileSchema>;

/** One exported file (`<out>/exports/<format>/…`). */
export const exportFileSchema = z.object({
  format: z.string().min(1),
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Rows (JSONL / JSON arrays); absent for config files. */
  count: z.number().int().nonnegative().optional(),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

export const dataSourceSchema = z.object({
  /** `dataset`, `eval-set` or `replay`. */
  role: z.string().min(1),
  ref: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  records: z.number().int().nonnegative(),
});

/**
 * `<out>/manifest.json` of `culturekit adapt data`: what the training sets were made from and what they hold.
 * `culturekit adapt train` reads `files` (PINNED: `{stage, language, path, count, sha256}` per canonical chat file).
 */
export const dataManifestSchema = z.object({
  toolVersion: z.string(),
  createdAt: z.string(),
  sources: z.array(dataSourceSchema),
  seed: z.number().int(),
  options: z.object({
    languages: z.array(z.string()),
    replayRatio: z.number().min(0).max(1),
    evalFraction: z.number().min(0).max(1).nullable(),
    minJudgeScore: z.number(),
    teacher: z.string().nullable(),
    judge: z.string().nullable(),
    nearDuplicateThreshold: z.number(),
  }),
  files: z.array(dataFileSchema),
  exports: z.array(exportFileSchema),
  counts: z.object({
    descriptions: z.object({ train: z.number().int(), eval: z.number().int() }),
    /** Per stage, language and source. */
    examples: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.number().int()))),
    leakage: z.object({
      /** Training candidates dropped because their description is in the eval split. */
      evalDescription: z.number().int(),
      /** Training candidates dropped as near-duplicates of an eval item (MinHash). */
      nearDuplicate: z.number().int(),
    }),
    safety: z.object({ asked: z.number().int(), kept: z.number().int(), rejected: z.number().int() }),
  }),
  calls: z.object({ total: z.number().int(), cached: z.number().int(), new: z.number().int(), failed: z.number().int() }),
  tokens: z.object({ input: z.number().int(), output: z.number().int() }),
  cost: z.number().optional(),
});
export type DataManifest = z.infer<typeof dataManifestSchema>;

export const DATA_MANIFEST_FILE = 'manifest.json';

/** The canonical chat file of a stage and language, relative to the output folder. */
export function chatFilePath(language: string, stage: TrainingStage): string {
  return `${language}/${stage}.jsonl`;
}
