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
  /** `--queue` (BullMQ on Redis) and `culturekit worker`. */
  queue: {
    /** Tasks per job: one job per batch, not per item (one item per job reached only 260–720 jobs/s). */
    batchSize: 64,
    /** Key prefix of every queue and registry key in Redis. */
    prefix: 'culturekit',
    /** How long a worker holds a batch without renewing its lock; a killed worker's batch is re-delivered after it. */
    lockDurationMs: 30_000,
    /** Times a batch may be re-delivered after its worker died before it counts as failed. */
    maxStalledCount: 10,
    /** How often the coordinator collects finished batches and a worker looks for new runs. */
    pollMs: 200,
    /** How long to wait for Redis to answer before it counts as unreachable. */
    connectTimeoutMs: 5_000,
    /** The worker's own store: the cache of the model calls it made (shared by the workers of one machine). */
    workerDb: '.culturekit/worker.db',
  },
  /** Most tokens of a judge's reply. */
  judgeMaxTokens: 512,
  /** `culturekit report`: cells with fewer results than `minCellN` are greyed (and groups that small are not tested);
   * worst countries and categories are those below the model's own mean at family-wise `alpha` (Holm); `examples` results shown per group. */
  report: {
    minCellN: 5,
    alpha: 0.05,
    examples: 3,
  },
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
  /** `culturekit translate`: sampling of the translator and judge, and the filters' defaults. */
  translate: {
    sourceLanguage: 'en',
    temperature: 0,
    maxTokens: 2048,
    seed: 1,
    /** Length ratio (translation / source, in code points of the prose) outside these bounds: rejected. */
    minLengthRatio: 0.2,
    maxLengthRatio: 5,
    /** Per language, a log length ratio further than this many median absolute deviations from the median: rejected. */
    lengthRatioMads: 4,
    /** The robust outlier test needs this many records of a language. */
    lengthRatioMinRecords: 8,
    /** A kept record within this many points of a threshold is borderline (offered for review). */
    borderlineMargin: 5,
    /** Segments per request to an external QE service, and its timeout. */
    httpBatch: 32,
    httpTimeoutMs: 60_000,
  },
  /** How the `retrieved` condition, the gateway and `culturekit retrieval` find descriptions (see grounding/retrieval-pipeline.ts). */
  retrieval: {
    firstStage: 'bm25f',
    countryMode: 'filter',
    candidates: 30,
    rerank: 'none',
    rewrite: false,
    requestWeights: true,
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
  /** `culturekit neurons`: selection, statistics and the intervention check. */
  neurons: {
    backend: 'hooks',
    method: 'ratio',
    /** Share of each layer's FFN neurons chosen per set when `--top-k` is not given (at least 1). */
    topKShare: 0.01,
    fdr: 0.05,
    /** act(gate) above this counts as active. */
    threshold: 0,
    seed: 1,
    randomDraws: 3,
    /** llama-imatrix chunk length in tokens. */
    imatrixCtx: 128,
    /** Log-likelihood choice: judge-free and readable from any model, small ones included. */
    mcqMethod: 'loglik',
    /** Most tokens of a generated answer in the intervention's evaluation. */
    maxTokens: 64,
    /** Parallel compile jobs of `neurons setup-imatrix`. */
    buildJobs: 2,
  },
} as const;
