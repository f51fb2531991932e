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
  /** `culturekit build`: queries per description and language, and the generator's sampling. */
  build: {
    knowledgePerDescription: 5,
    safetyPerDescription: 5,
    temperature: 0.7,
    maxTokens: 4096,
    seed: 1,
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
