import { Command, Option } from 'commander';
import { loadConfig, type CulturekitConfig } from '../../config/load-config.js';
import { InputError } from '../../errors/culturekit-error.js';
import { evaluate, type EvaluateInput, type EvaluateOutput } from '../../eval/evaluate.js';
import { discoverLocalServers, USUAL_LOCAL_SERVERS } from '../../models/discover-local-servers.js';
import type { ModelEntry, RunOptions } from '../../schema/manifest.js';
import { collect, commaList, nonNegativeInteger, nonNegativeNumber, positiveInteger } from '../cli-options.js';
import { formatSummaryTables } from '../print-summary.js';
import { createProgressReporter } from '../progress.js';

export const DEFAULT_DB = '.culturekit/culturekit.db';

export interface EvalFlags {
  dataset?: string;
  model?: string[];
  baseUrl?: string;
  config?: string;
  out?: string;
  db?: string;
  resume?: string;
  retryErrors?: boolean;
  cache?: boolean;
  skipInvalid?: boolean;
  concurrency?: number;
  rpm?: number;
  timeout?: number;
  maxRetries?: number;
  kind?: string[];
  condition?: string[];
  mcqMethod?: 'letter' | 'loglik';
  shuffleChoices?: number | boolean;
  temperature?: number;
  maxTokens?: number;
  limit?: number;
  stream?: boolean;
  threads?: number;
  quiet?: boolean;
  judge?: string[];
  judgeBaseUrl?: string;
  kb?: string;
  groundingK?: number;
}

/** Adds the options shared by `eval` and `demo`. */
export function addRunOptions(command: Command): Command {
  return command
    .option('--out <dir>', 'folder for manifest.json, results.jsonl and summary.json (default runs/<run id>); rerunning with the same folder resumes')
    .option('--db <path>', `SQLite store for the cache and all runs (default ${DEFAULT_DB})`)
    .option('--resume <run-id>', 'continue a run from the store: only what is missing is done')
    .option('--retry-errors', 're-ask only the items that ended in error')
    .option('--no-cache', 'do not read cached model calls (results are still cached)')
    .option('--skip-invalid', 'load a dataset without its invalid records (counted) instead of rejecting it')
    .option('--concurrency <n>', 'requests in flight per model (default 8)', positiveInteger('--concurrency'))
    .option('--rpm <n>', 'requests-per-minute limit per model', positiveInteger('--rpm'))
    .option('--timeout <ms>', 'timeout of one model call in milliseconds (default 120000)', positiveInteger('--timeout'))
    .option('--max-retries <n>', 'retries of a failed call that may succeed later (default 4)', nonNegativeInteger('--max-retries'))
    .option('--kind <kinds>', 'item kinds to evaluate: knowledge,safety,capability (default all)', commaList)
    .option('--condition <conditions>', 'eval conditions: plain,recall,retrieved,oracle (default plain)', commaList)
    .option('--kb <dataset>', 'cultural descriptions for the retrieved condition (default: the dataset\'s own descriptions)')
    .option('--grounding-k <n>', 'descriptions retrieved per item for the retrieved condition (default 3)', positiveInteger('--grounding-k'))
    .addOption(new Option('--mcq-method <method>', 'multiple choice by generated letter or by log-likelihood of each option').choices(['letter', 'loglik']))
    .option('--shuffle-choices [seed]', 'shuffle each item\'s options with a seed (default seed 1) to expose position bias', (value: string) => {
      const seed = Number(value);
      if (!Number.isInteger(seed)) throw new InputError(`--shuffle-choices: the seed must be a whole number, got "${value}"`);
      return seed;
    })
    .option('--temperature <t>', 'sampling temperature (default 0)', nonNegativeNumber('--temperature'))
    .option('--max-tokens <n>', 'most tokens per reply (default 512)', positiveInteger('--max-tokens'))
    .option('--limit <n>', 'evaluate only the first n selected items', positiveInteger('--limit'))
    .option('--stream', 'use streaming chat completions')
    .option('--threads <n>', 'CPU threads for in-process GGUF models', positiveInteger('--threads'))
    .option('--quiet', 'no progress line');
}

export function createEvalCommand(): Command {
  const command = new Command('eval')
    .description('evaluate models on a dataset: accuracy overall, by country and by category, with 95% intervals')
    .option('--dataset <ref>', 'builtin:sample, or a .jsonl/.json/.csv/.parquet file')
    .option('--model <spec>', 'openai:<model> or llama:<path.gguf>[?lora=<path>&scale=<n>] (repeatable)', collect)
    .option('--base-url <url>', 'OpenAI-compatible base URL for openai: models (default $OPENAI_BASE_URL)')
    .option('--judge <spec>', 'judge model for open responses (repeat for a panel), e.g. openai:qwen2.5-72b-instruct', collect)
    .option('--judge-base-url <url>', 'base URL for openai: judges (default: --base-url)')
    .option('--config <file>', 'config file (default culturekit.config.yaml when present)');
  addRunOptions(command);
  return command.action(async (flags: EvalFlags) => {
    const config = loadConfig(flags.config);
    let models: ModelEntry[] | undefined = flags.model?.map((spec) => ({ spec }));
    if (!models && config?.models) models = config.models.map((entry) => (typeof entry === 'string' ? { spec: entry } : entry));
    const baseUrl = flags.baseUrl ?? config?.baseUrl;
    if (!models && !flags.resume) models = await discoverModel();
    if (baseUrl && models) models = models.map((model) => (model.spec.startsWith('openai:') && !model.baseUrl ? { ...model, baseUrl } : model));
    const judges = resolveJudges(flags, config, baseUrl);
    await runAndReport({
      flags,
      dataset: flags.dataset ?? config?.dataset,
      models,
      judges,
      options: {
        ...config?.options,
        ...runOptionsFromFlags(flags),
      },
      runtime: {
        concurrency: flags.concurrency ?? config?.concurrency,
        requestsPerMinute: flags.rpm ?? config?.requestsPerMinute,
        timeoutMs: flags.timeout ?? config?.timeoutMs,
        maxRetries: flags.maxRetries ?? config?.maxRetries,
      },
      db: flags.db ?? config?.db ?? DEFAULT_DB,
      out: flags.out ?? config?.out,
    });
  });
}

/** Judges from `--judge` (else the config's `judges`), with `--judge-base-url` (else the config's, else `fallbackBaseUrl`) for `openai:` judges. */
export function resolveJudges(flags: Pick<EvalFlags, 'judge' | 'judgeBaseUrl'>, config: CulturekitConfig | undefined, fallbackBaseUrl: string | undefined): ModelEntry[] | undefined {
  let judges: ModelEntry[] | undefined = flags.judge?.map((spec) => ({ spec }));
  if (!judges && config?.judges) judges = config.judges.map((entry) => (typeof entry === 'string' ? { spec: entry } : entry));
  const judgeBaseUrl = flags.judgeBaseUrl ?? config?.judgeBaseUrl ?? fallbackBaseUrl;
  if (judgeBaseUrl && judges) judges = judges.map((judge) => (judge.spec.startsWith('openai:') && !judge.baseUrl ? { ...judge, baseUrl: judgeBaseUrl } : judge));
  return judges;
}

export function runOptionsFromFlags(flags: EvalFlags): Partial<RunOptions> {
  return {
    kinds: flags.kind,
    conditions: flags.condition,
    groundingK: flags.groundingK,
    knowledgeBase: flags.kb,
    mcqMethod: flags.mcqMethod,
    shuffleSeed: flags.shuffleChoices === undefined ? undefined : flags.shuffleChoices === true ? 1 : (flags.shuffleChoices as number),
    temperature: flags.temperature,
    maxTokens: flags.maxTokens,
    limit: flags.limit,
  };
}

/** Runs an evaluation with progress on stderr and the tables on stdout. Shared by `eval` and `demo`. */
export async function runAndReport(input: {
  flags: EvalFlags;
  dataset?: string;
  models?: ModelEntry[];
  modelInstances?: EvaluateInput['modelInstances'];
  judges?: ModelEntry[];
  options: Partial<RunOptions>;
  runtime: EvaluateInput['runtime'];
  db: string;
  out?: string;
}): Promise<EvaluateOutput> {
  const { flags } = input;
  const progress = flags.quiet ? undefined : createProgressReporter(process.stderr);
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    process.stderr.write('\nstopping: finishing the calls in flight (Ctrl-C again to quit at once; the run can be resumed)\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const output = await evaluate({
      dataset: input.dataset,
      models: input.models,
      modelInstances: input.modelInstances,
      judges: input.judges,
      options: input.options,
      runtime: input.runtime,
      dbPath: input.db,
      outDir: input.out,
      resume: flags.resume,
      retryErrors: flags.retryErrors,
      useCache: flags.cache !== false,
      skipInvalid: flags.skipInvalid,
      modelDefaults: { stream: flags.stream, threads: flags.threads, timeoutMs: flags.timeout },
      signal: controller.signal,
      onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
      onStart: ({ manifest, outDir, resumed, dataset }) => {
        const models = manifest.models.map((model) => model.spec).join(', ');
        const judges = manifest.judges?.length ? `, judged by ${manifest.judges.map((judge) => judge.spec).join(' + ')}` : '';
        process.stderr.write(
          `${resumed ? 'resuming' : 'starting'} run ${manifest.id}: ${manifest.dataset.items} items from ${dataset.ref} × ${manifest.models.length} model(s) [${models}] × ${manifest.options.conditions.length} condition(s) [${manifest.options.conditions.join(', ')}]${judges} → ${outDir}\n`,
        );
      },
      onProgress: progress ? (state) => progress.update(state) : undefined,
    });
    progress?.finish();
    process.stdout.write(`\n${formatSummaryTables(output.summary)}\n\n`);
    const { outcome } = output;
    process.stdout.write(
      `run ${output.manifest.id}: ${outcome.done} done now, ${outcome.skipped} already done, ${outcome.invalid} invalid, ${outcome.errors} errors; results in ${output.outDir}/ (manifest.json, results.jsonl, summary.json)\n`,
    );
    if (outcome.errors > 0) process.stdout.write(`some items ended in error: see results.jsonl; re-ask them with --resume ${output.manifest.id} --retry-errors\n`);
    if (outcome.interrupted) {
      process.stdout.write(`interrupted: continue with --resume ${output.manifest.id} (or the same command with --out ${output.outDir})\n`);
      process.exitCode = 130;
    }
    return output;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function discoverModel(): Promise<ModelEntry[]> {
  const servers = await discoverLocalServers();
  const usual = USUAL_LOCAL_SERVERS.map((server) => `${server.name} :${server.port}`).join(', ');
  if (servers.length === 0) {
    throw new InputError(
      [
        `no --model given, and no local OpenAI-compatible server answered on the usual ports (${usual}).`,
        'Pass a model, for example:',
        '  culturekit eval --dataset builtin:sample --model openai:qwen2.5-7b-instruct --base-url http://127.0.0.1:8000/v1',
        '  culturekit eval --dataset builtin:sample --model llama:./models/qwen2.5-0.5b-instruct-q4_k_m.gguf',
        'or try everything offline with: culturekit demo',
      ].join('\n'),
    );
  }
  for (const server of servers) {
    process.stderr.write(`found ${server.name} at ${server.baseUrl} with models: ${server.models.join(', ') || '(none listed)'}\n`);
  }
  const chosen = servers.find((server) => server.models.length > 0);
  if (!chosen) throw new InputError('the local servers found list no models: pass --model openai:<name> --base-url <url>');
  process.stderr.write(`using --model openai:${chosen.models[0]} --base-url ${chosen.baseUrl} (pass --model to choose another)\n`);
  return [{ spec: `openai:${chosen.models[0]}`, baseUrl: chosen.baseUrl }];
}
