import { availableParallelism } from 'node:os';

/**
 * Every default of a run, written once. `threads` is computed: the cores but one (at least 1); on tiny models
 * more threads only add contention.
 */
export const RUN_DEFAULTS = {
  /** The config file read when `--config` is not given and it exists. */
  configFile: 'culturekit.config.yaml',
  db: '.culturekit/culturekit.db',
  concurrency: 8,
  timeoutMs: 120_000,
  maxRetries: 4,
  /** Concurrency adapts to 429s and rising latency (AIMD) below the `concurrency` ceiling. */
  adaptiveConcurrency: true,
  /** Significance level of `--baseline`: a run fails when it is worse with p below this. */
  gateAlpha: 0.05,
  threads: (): number => Math.max(1, availableParallelism() - 1),
  /** Most tokens of a judge's reply. */
  judgeMaxTokens: 512,
  /** `culturekit build`: queries per description and language, and the generator's sampling. */
  build: {
    knowledgePerDescription: 5,
    safetyPerDescription: 5,
    temperature: 0.7,
    maxTokens: 4096,
    seed: 1,
  },
  /** `culturekit adapt data` and `adapt eval`. */
  adapt: {
    /** Share of general replay examples in each stage-2 file (replay / (safety + replay)). */
    replayRatio: 0.3,
    /** A teacher's safety answer is kept when the judge's mean score (1–10, respectfulness and awareness) reaches this. */
    minJudgeScore: 7,
    teacherTemperature: 0.7,
    teacherMaxTokens: 1024,
    seed: 1,
    /** Estimated Jaccard similarity from which a training prompt counts as a near-duplicate of an eval item. */
    nearDuplicateThreshold: 0.8,
    /** `adapt eval` flags a stage when its English score drops below base by more than this (absolute). */
    englishTolerance: 0.02,
  },
  /** `culturekit adapt train`: LoRA and optimiser settings of each stage, and how often a hosted job is polled. */
  adaptTrain: {
    epochs: 3,
    batchSize: 4,
    learningRate: 2e-4,
    loraR: 16,
    loraAlpha: 32,
    maxLength: 1024,
    loggingSteps: 5,
    saveSteps: 50,
    seed: 1,
    stage2From: 'adapter',
    pollIntervalMs: 10_000,
  },
  options: {
    conditions: ['plain'],
    kinds: ['knowledge', 'safety', 'capability'],
    mcqMethod: 'letter',
    shuffleSeed: null,
    temperature: 0,
    maxTokens: 512,
    limit: null,
  },
} as const;
