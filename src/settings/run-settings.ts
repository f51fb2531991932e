/**
 * The one merge of a run's settings: flags, the config file (or a command's preset) and {@link RUN_DEFAULTS}.
 * It lives in `src/settings/`, not `src/cli/`, because the library's `evaluate`, `runEval` and `buildBenchmark` resolve
 * the models and options they are given with the same functions: the rules and the defaults exist once for both.
 */
import { InputError } from '../errors/culturekit-error.js';
import { parseModelSpec } from '../models/model-spec.js';
import { RUN_DEFAULTS } from './run-defaults.js';
import type { GateSettingsInput } from '../schema/gate.js';
import type { ModelPrice } from '../schema/price.js';
import { runOptionsSchema, type ModelEntry, type RunManifest, type RunOptions } from '../schema/manifest.js';
import { retrievalOptionsSchema, type RetrievalOptions, type RetrievalSettings } from '../schema/retrieval-options.js';

/** How calls to one model are made: what the model caller and the backend need, every field decided. */
export interface ModelSettings extends ModelEntry {
  concurrency: number;
  timeoutMs: number;
  maxRetries: number;
  adaptiveConcurrency: boolean;
}

/** The model-call policies one layer (flags, a config file's top level) sets for every model. */
export type ModelPolicyLayer = Pick<ModelEntry, 'concurrency' | 'requestsPerMinute' | 'timeoutMs' | 'maxRetries' | 'threads' | 'adaptiveConcurrency'>;

/**
 * One model's settings: `overrides` (flags: they apply to every model) > the entry's own values (a config entry, or
 * `?threads=` on a `llama:` spec) > `defaults` (a config file's top level) > {@link RUN_DEFAULTS}.
 * Idempotent: a resolved entry resolves to itself.
 *
 * @example
 * resolveModelSettings({ spec: 'openai:qwen', concurrency: 32 }, { defaults: { concurrency: 16 } }).concurrency // 32
 */
export function resolveModelSettings(entry: ModelEntry, layers: { overrides?: ModelPolicyLayer; defaults?: ModelPolicyLayer } = {}): ModelSettings {
  const { overrides = {}, defaults = {} } = layers;
  const pick = <K extends keyof ModelPolicyLayer>(key: K): ModelPolicyLayer[K] => overrides[key] ?? entry[key] ?? defaults[key];
  const settings: ModelSettings = {
    ...entry,
    concurrency: pick('concurrency') ?? RUN_DEFAULTS.concurrency,
    timeoutMs: pick('timeoutMs') ?? RUN_DEFAULTS.timeoutMs,
    maxRetries: pick('maxRetries') ?? RUN_DEFAULTS.maxRetries,
    adaptiveConcurrency: pick('adaptiveConcurrency') ?? RUN_DEFAULTS.adaptiveConcurrency,
  };
  const requestsPerMinute = pick('requestsPerMinute');
  if (requestsPerMinute !== undefined) settings.requestsPerMinute = requestsPerMinute;
  if (entry.spec.startsWith('llama:')) {
    const parameter = parseModelSpec(entry.spec).parameters.threads;
    settings.threads = overrides.threads ?? entry.threads ?? threadsParameter(entry.spec, parameter) ?? defaults.threads ?? RUN_DEFAULTS.threads();
  } else {
    delete settings.threads;
  }
  return settings;
}

function threadsParameter(specText: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads <= 0) throw new InputError(`model "${specText}": threads=${value} is not a positive whole number`);
  return threads;
}

/**
 * Complete run options: the given ones over {@link RUN_DEFAULTS}, validated (unknown conditions or kinds are an `InputError`).
 *
 * @example
 * resolveRunOptions({ kinds: ['knowledge'], limit: 10 }).maxTokens // 512
 */
export function resolveRunOptions(options: Partial<RunOptions> = {}): RunOptions {
  const merged = { ...RUN_DEFAULTS.options, ...definedOnly(options) };
  const parsed = runOptionsSchema.safeParse(merged);
  if (!parsed.success) {
    throw new InputError(parsed.error.issues.map((issue) => `options.${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  return parsed.data;
}

/**
 * Retrieval settings: the given options (a run's `retrieval`, the gateway's or the `retrieval` command's flags) over
 * {@link RUN_DEFAULTS}`.retrieval`, validated.
 *
 * @example
 * resolveRetrievalSettings({ rerank: 'llm', rerankModel: 'openai:qwen' }).candidates // 30
 */
export function resolveRetrievalSettings(options: RetrievalOptions = {}): RetrievalSettings {
  const parsed = retrievalOptionsSchema.safeParse(definedOnly(options));
  if (!parsed.success) throw new InputError(parsed.error.issues.map((issue) => `retrieval.${issue.path.join('.')}: ${issue.message}`).join('\n'));
  return { ...RUN_DEFAULTS.retrieval, ...parsed.data };
}

/** Where a run's dataset, models and options come from: each layer, highest precedence first. */
export interface RunSettingsSources {
  /** Flags: what the user typed. Model-call policies here apply to every model. */
  flags: RunFlagLayer;
  /** A config file (or a command's built-in preset, e.g. `demo`). Its top-level policies are defaults per-model entries override. */
  config?: ConfigLayer;
  /** Called when neither flags nor config name a model (and nothing is resumed): e.g. look for a local server. */
  discoverModels?: () => Promise<ModelEntry[]>;
  /** Reads a stored run for `--resume` (undefined when the store has none: the run then fails with the runs it has). */
  readStoredRun?: (dbPath: string, runId: string) => RunManifest | undefined;
}

/** The settings that flags give (commander's output, already checked for type). */
export interface RunFlagLayer extends ModelPolicyLayer {
  dataset?: string;
  models?: ModelEntry[];
  baseUrl?: string;
  judges?: ModelEntry[];
  judgeBaseUrl?: string;
  /** The model that reads answers the rules cannot (`--extractor openai:<model>`). */
  extractor?: ModelEntry;
  db?: string;
  out?: string;
  resume?: string;
  retryErrors?: boolean;
  /** Exit 0 even when items ended in error. */
  allowErrors?: boolean;
  useCache?: boolean;
  skipInvalid?: boolean;
  stream?: boolean;
  quiet?: boolean;
  /** Gate flags (`--fail-under`, `--baseline`, `--baseline-alpha`, `--junit`), over the config's `gate`. */
  gate?: GateSettingsInput;
  maxCost?: number;
  /** `--queue redis://host:port`: run the plan on queue workers. */
  queue?: string;
  /** `--batch-size`: tasks per queue job. */
  batchSize?: number;
  /** `--shard i/N`, as typed. */
  shard?: string;
  /** Unchecked: validated here, errors name the flag (`--condition`, `--kind`…). */
  options?: { [K in keyof RunOptions]?: unknown };
}

/** The flag that sets each run option, for error messages. */
const OPTION_FLAGS: Record<keyof RunOptions, string> = {
  conditions: '--condition',
  kinds: '--kind',
  mcqMethod: '--mcq-method',
  shuffleSeed: '--shuffle-choices',
  temperature: '--temperature',
  maxTokens: '--max-tokens',
  limit: '--limit',
  groundingK: '--grounding-k',
  knowledgeBase: '--kb',
  retrieval: '--retriever',
};

function parseFlagOptions(options: RunFlagLayer['options']): Partial<RunOptions> {
  const parsed = runOptionsSchema.partial().safeParse(definedOnly(options ?? {}));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path[0] as keyof RunOptions;
    const given = options?.[key];
    return `${OPTION_FLAGS[key] ?? key}: ${issue.message}${issue.path.length > 1 ? ` (got "${String((given as unknown[])[issue.path[1] as number])}")` : ''}`;
  });
  throw new InputError(problems.join('\n'));
}

/** The settings a config file gives (see `configSchema`), models and judges written as entries. */
export interface ConfigLayer extends ModelPolicyLayer {
  dataset?: string;
  db?: string;
  out?: string;
  baseUrl?: string;
  judgeBaseUrl?: string;
  models?: (string | ModelEntry)[];
  judges?: (string | ModelEntry)[];
  extractor?: string | ModelEntry;
  options?: Partial<RunOptions>;
  prices?: Record<string, ModelPrice>;
  maxCost?: number;
  gate?: GateSettingsInput;
  plugins?: string[];
  otlpEndpoint?: string;
}

/** A run's quality gate, when it has one: thresholds and a baseline decide the exit code; `junit` is written either way. */
export interface GateSettings {
  failUnder: Record<string, number>;
  baseline?: string;
  alpha: number;
  junit?: string;
}

/** Everything a run needs, each value decided once. */
export interface RunSettings {
  dataset?: string;
  models: ModelSettings[];
  judges: ModelSettings[];
  /** The model extractor, when answers the rules cannot read go to a model. */
  extractor?: ModelSettings;
  options: RunOptions;
  db: string;
  out?: string;
  /** The stored run this run continues. */
  resume?: string;
  retryErrors: boolean;
  allowErrors: boolean;
  useCache: boolean;
  skipInvalid: boolean;
  stream: boolean;
  quiet: boolean;
  /** Absent when neither flags nor config ask for a gate. */
  gate?: GateSettings;
  /** Prices per model spec (US dollars per million tokens); models without one cost nothing. */
  prices: Record<string, ModelPrice>;
  /** Stop starting new items once this invocation has spent this much. */
  maxCost?: number;
  /** Plugin modules to load (absolute paths or package names). */
  plugins: string[];
  /** Where model-call spans go (OTLP/HTTP traces URL); absent: nothing is sent anywhere. */
  otlpTracesUrl?: string;
  /** Run the plan on queue workers (`--queue`); absent: in this process. */
  queue?: QueueSettings;
  /** Do one share of the plan (`--shard index/count`). */
  shard?: { index: number; count: number };
}

/** Where and how a run's tasks are queued (`--queue`), every value decided. */
export interface QueueSettings {
  /** `redis://host:port[/db]`. */
  url: string;
  prefix: string;
  batchSize: number;
  pollMs: number;
  connectTimeoutMs: number;
  maxStalledCount: number;
}

/** `culturekit worker`'s settings, every value decided. */
export interface WorkerSettings extends QueueSettings {
  /** The worker's own store (the cache of its model calls). */
  db: string;
  lockDurationMs: number;
  stream: boolean;
  quiet: boolean;
}

/** The queue settings of a `--queue` URL and flags over {@link RUN_DEFAULTS}; a URL that is not redis:// is an `InputError`. */
export function resolveQueueSettings(flags: { queue: string; batchSize?: number; prefix?: string }): QueueSettings {
  let protocol = '';
  try {
    protocol = new URL(flags.queue).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:') {
    throw new InputError(`--queue: expected a Redis URL such as redis://127.0.0.1:6379, got "${flags.queue}"`);
  }
  const { batchSize, prefix, pollMs, connectTimeoutMs, maxStalledCount } = RUN_DEFAULTS.queue;
  return {
    url: flags.queue,
    prefix: flags.prefix ?? prefix,
    batchSize: flags.batchSize ?? batchSize,
    pollMs,
    connectTimeoutMs,
    maxStalledCount,
  };
}

/** `culturekit worker`'s flags over {@link RUN_DEFAULTS}. */
export function resolveWorkerSettings(flags: {
  queue: string;
  prefix?: string;
  db?: string;
  lockDuration?: number;
  stream?: boolean;
  quiet?: boolean;
}): WorkerSettings {
  return {
    ...resolveQueueSettings(flags),
    db: flags.db ?? RUN_DEFAULTS.queue.workerDb,
    lockDurationMs: flags.lockDuration ?? RUN_DEFAULTS.queue.lockDurationMs,
    stream: flags.stream ?? false,
    quiet: flags.quiet ?? false,
  };
}

/** `--shard i/N`: share i (from 0) of N. */
export function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count) {
    throw new InputError(`--shard: expected i/N with 0 ≤ i < N (e.g. --shard 0/4 … --shard 3/4), got "${text}"`);
  }
  return { index, count };
}

/**
 * The one merge of flags, config file and defaults. Precedence: a flag > a per-model config entry (or `?threads=` on a
 * `llama:` spec) > the config's top level > {@link RUN_DEFAULTS}. A flag's policy (`--concurrency`, `--rpm`, `--timeout`,
 * `--max-retries`, `--threads`) applies to every model and judge; the config's top-level policy is a default that a
 * model entry's own value overrides. With `--resume` the stored run's dataset, models, judges and options are used:
 * flags that name others are an `InputError`, and the config's are not read.
 *
 * @example
 * const settings = await resolveRunSettings({ flags: { models: [{ spec: 'openai:qwen' }], baseUrl }, config: loadConfig(undefined) });
 */
export async function resolveRunSettings(sources: RunSettingsSources): Promise<RunSettings> {
  const flags = { ...sources.flags, options: parseFlagOptions(sources.flags.options) };
  const config = sources.config ?? {};
  const db = flags.db ?? config.db ?? RUN_DEFAULTS.db;
  const policies = { overrides: pickPolicy(flags), defaults: pickPolicy(config) };
  const configEntries = (entries: (string | ModelEntry)[] | undefined) => entries?.map((entry) => (typeof entry === 'string' ? { spec: entry } : entry));
  const common = {
    db,
    out: flags.out ?? config.out,
    retryErrors: flags.retryErrors ?? false,
    allowErrors: flags.allowErrors ?? false,
    useCache: flags.useCache ?? true,
    skipInvalid: flags.skipInvalid ?? false,
    stream: flags.stream ?? false,
    quiet: flags.quiet ?? false,
    gate: resolveGate(flags.gate, config.gate),
    prices: config.prices ?? {},
    maxCost: flags.maxCost ?? config.maxCost,
    plugins: config.plugins ?? [],
    otlpTracesUrl: otlpTracesUrl(config.otlpEndpoint),
    ...(flags.queue !== undefined ? { queue: resolveQueueSettings({ queue: flags.queue, batchSize: flags.batchSize }) } : {}),
    ...(flags.shard !== undefined ? { shard: parseShard(flags.shard) } : {}),
  };
  const resumed = flags.resume ? sources.readStoredRun?.(db, flags.resume) : undefined;
  if (resumed) {
    const configModels = new Map((configEntries(config.models) ?? []).map((entry) => [entry.spec, entry]));
    const configJudges = new Map((configEntries(config.judges) ?? []).map((entry) => [entry.spec, entry]));
    checkResumeConflicts(resumed, flags);
    // The endpoint is not part of a run's identity: `--base-url` (`--judge-base-url`) moves a resumed run to another server.
    const withPolicies = (stored: ModelEntry, fromConfig: ModelEntry | undefined, movedTo: string | undefined) => {
      const baseUrl = stored.spec.startsWith('openai:') ? (movedTo ?? stored.baseUrl) : stored.baseUrl;
      return resolveModelSettings({ spec: stored.spec, ...(baseUrl ? { baseUrl } : {}), ...policyOf(fromConfig) }, policies);
    };
    return {
      ...common,
      resume: resumed.id,
      dataset: resumed.dataset.ref,
      models: resumed.models.map((stored) => withPolicies(stored, configModels.get(stored.spec), flags.baseUrl)),
      judges: (resumed.judges ?? []).map((stored) => withPolicies(stored, configJudges.get(stored.spec), flags.judgeBaseUrl ?? flags.baseUrl)),
      ...(resumed.extractor ? { extractor: withPolicies(resumed.extractor, undefined, flags.judgeBaseUrl ?? flags.baseUrl) } : {}),
      options: resumed.options,
    };
  }
  const baseUrl = flags.baseUrl ?? config.baseUrl;
  let models = flags.models ?? configEntries(config.models);
  if (!models && !flags.resume) models = await sources.discoverModels?.();
  const judgeBaseUrl = flags.judgeBaseUrl ?? config.judgeBaseUrl ?? baseUrl;
  const resolveAll = (entries: ModelEntry[] | undefined, url: string | undefined) =>
    (entries ?? []).map((entry) =>
      resolveModelSettings(entry.spec.startsWith('openai:') && !entry.baseUrl && url ? { ...entry, baseUrl: url } : entry, policies),
    );
  return {
    ...common,
    resume: flags.resume,
    dataset: flags.dataset ?? config.dataset,
    models: resolveAll(models, baseUrl),
    judges: resolveAll(flags.judges ?? configEntries(config.judges), judgeBaseUrl),
    ...definedOnly({ extractor: resolveAll(configEntries([flags.extractor ?? config.extractor].filter((entry) => entry !== undefined)), judgeBaseUrl)[0] }),
    options: resolveRunOptions({ ...definedOnly(config.options ?? {}), ...flags.options }),
  };
}

function checkResumeConflicts(resumed: RunManifest, flags: RunFlagLayer & { options: Partial<RunOptions> }): void {
  const conflict = (what: string, given: string, stored: string) =>
    new InputError(
      `--resume ${resumed.id} continues that run with its own ${what} (${stored}), but ${given} was given: drop it, or start a new run without --resume`,
    );
  if (flags.dataset !== undefined && flags.dataset !== resumed.dataset.ref) throw conflict('dataset', `--dataset ${flags.dataset}`, resumed.dataset.ref);
  const specs = (entries: ModelEntry[] | undefined) =>
    (entries ?? [])
      .map((entry) => entry.spec)
      .sort()
      .join(', ');
  if (flags.models && specs(flags.models) !== specs(resumed.models)) throw conflict('models', `--model ${specs(flags.models)}`, specs(resumed.models));
  if (flags.judges && specs(flags.judges) !== specs(resumed.judges))
    throw conflict('judges', `--judge ${specs(flags.judges)}`, specs(resumed.judges) || 'none');
  for (const [key, value] of Object.entries(flags.options) as [keyof RunOptions, unknown][]) {
    if (JSON.stringify(value) !== JSON.stringify(resumed.options[key] ?? null)) {
      throw conflict(`option ${key}`, `${OPTION_FLAGS[key]} ${JSON.stringify(value)}`, JSON.stringify(resumed.options[key] ?? null));
    }
  }
}

/**
 * The OTLP traces URL: `$OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` as it is, else the config's `otlpEndpoint` or
 * `$OTEL_EXPORTER_OTLP_ENDPOINT` with `/v1/traces` added (as the OpenTelemetry SDKs read them).
 */
function otlpTracesUrl(configured: string | undefined): string | undefined {
  const traces = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (traces) return traces;
  const base = configured ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  return base ? `${base.replace(/\/+$/, '')}/v1/traces` : undefined;
}

/** Flags over the config's `gate` section; `failUnder` from a flag replaces the config's thresholds as a whole. */
export function resolveGate(flags: GateSettingsInput = {}, config: GateSettingsInput = {}): GateSettings | undefined {
  const merged = { ...definedOnly(config), ...definedOnly(flags) };
  if (merged.failUnder === undefined && merged.baseline === undefined && merged.junit === undefined) return undefined;
  return { failUnder: merged.failUnder ?? {}, baseline: merged.baseline, alpha: merged.alpha ?? RUN_DEFAULTS.gateAlpha, junit: merged.junit };
}

function pickPolicy(layer: ModelPolicyLayer): ModelPolicyLayer {
  return definedOnly({
    adaptiveConcurrency: layer.adaptiveConcurrency,
    concurrency: layer.concurrency,
    requestsPerMinute: layer.requestsPerMinute,
    timeoutMs: layer.timeoutMs,
    maxRetries: layer.maxRetries,
    threads: layer.threads,
  });
}

function policyOf(entry: ModelEntry | undefined): ModelPolicyLayer {
  return entry ? pickPolicy(entry) : {};
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as Partial<T>;
}

/** `culturekit adapt train`'s settings: LoRA and optimiser values per stage, how stage 2 starts, how often a hosted job is polled. */
export interface AdaptTrainSettings {
  hyper: {
    epochs: number;
    maxSteps?: number;
    batchSize: number;
    learningRate: number;
    loraR: number;
    loraAlpha: number;
    maxLength: number;
    loggingSteps: number;
    saveSteps: number;
    seed: number;
  };
  stage2From: 'adapter' | 'merged';
  pollIntervalMs: number;
}

/**
 * Flags over {@link RUN_DEFAULTS}`.adaptTrain`.
 *
 * @example
 * resolveAdaptTrainSettings({ maxSteps: 30 }).hyper.loraR // 16
 */
export function resolveAdaptTrainSettings(
  flags: Partial<AdaptTrainSettings['hyper']> & { stage2From?: string; pollIntervalMs?: number } = {},
): AdaptTrainSettings {
  const defaults = RUN_DEFAULTS.adaptTrain;
  const stage2From = flags.stage2From ?? defaults.stage2From;
  if (stage2From !== 'adapter' && stage2From !== 'merged') throw new InputError(`--stage2-from ${stage2From}: use adapter or merged`);
  const hyper: AdaptTrainSettings['hyper'] = {
    epochs: flags.epochs ?? defaults.epochs,
    batchSize: flags.batchSize ?? defaults.batchSize,
    learningRate: flags.learningRate ?? defaults.learningRate,
    loraR: flags.loraR ?? defaults.loraR,
    loraAlpha: flags.loraAlpha ?? defaults.loraAlpha,
    maxLength: flags.maxLength ?? defaults.maxLength,
    loggingSteps: flags.loggingSteps ?? defaults.loggingSteps,
    saveSteps: flags.saveSteps ?? defaults.saveSteps,
    seed: flags.seed ?? defaults.seed,
  };
  if (flags.maxSteps !== undefined) hyper.maxSteps = flags.maxSteps;
  return { hyper, stage2From, pollIntervalMs: flags.pollIntervalMs ?? defaults.pollIntervalMs };
}
