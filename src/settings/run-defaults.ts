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
