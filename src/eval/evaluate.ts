import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchmarkRegistry } from '../benchmarks/registry.js';
import type { ModelPrice } from '../schema/price.js';

import { CulturekitError, InputError } from '../errors/culturekit-error.js';
import { EXIT_CODES } from '../errors/exit-codes.js';
import { parseModelSpec } from '../models/model-spec.js';
import { createLanguageModel, pluginBackendFor, type CreateModelDefaults } from '../models/create-language-model.js';
import type { LanguageModel } from '../models/language-model.js';
import type { ModelEntry, RunManifest, RunOptions } from '../schema/manifest.js';
import type { RunSummary } from '../analysis/summarize.js';
import { resolveModelSettings, resolveRunOptions, type ModelPolicyLayer } from '../settings/run-settings.js';
import { openStore } from '../store/open-store.js';
import { acquireRunLocks, type RunLock } from '../store/run-lock.js';
import { TOOL_VERSION } from '../version.js';
import { checkConditions } from './conditions.js';
import { computePlanHash, planRun } from './plan.js';
import { runEval, type EvalProgress, type RunEvalInput, type RunEvalOutcome } from './run-eval.js';
import { readManifestFile, writeManifestFile } from '../store/manifest-file.js';
import { writeRunOutputs } from './write-outputs.js';
import { probeEndpoint, ReachabilityGuard } from './reachability.js';
import { openRunDataset, type RunDataset } from './run-dataset.js';

export interface EvaluateInput {
  /** Dataset reference (`builtin:sample` or a file). Not needed with `resume`. */
  dataset?: string;
  /** The models; their own call policies (concurrency, rate limit, timeout, retries, threads) over the defaults. Not needed with `resume`. */
  models?: ModelEntry[];
  /** Models already created (e.g. recorded responses for `culturekit score`), one per `models` entry, same order. */
  modelInstances?: LanguageModel[];
  /** Judge models: open responses are scored by these with the items' rubrics (a panel when several). */
  judges?: ModelEntry[];
  /** The model that reads the chosen option from replies the extraction rules cannot read. */
  extractor?: ModelEntry;
  /** Run options over the defaults (`resolveRunOptions`). Not needed with `resume`. */
  options?: Partial<RunOptions>;
  /** Call policies for every model and judge, over their own (as a flag does; also on resume). */
  runtime?: ModelPolicyLayer;
  dbPath: string;
  /** Folder for manifest.json, results.jsonl, summary.json. Default `runs/<run id>`. A folder holding a run's manifest resumes that run. */
  outDir?: string;
  /** Run id to resume from the store. */
  resume?: string;
  retryErrors?: boolean;
  useCache?: boolean;
  skipInvalid?: boolean;
  modelDefaults?: CreateModelDefaults;
  onStart?: (info: { manifest: RunManifest; outDir: string; resumed: boolean; dataset: RunDataset }) => void;
  onProgress?: (progress: EvalProgress) => void;
  onWarning?: (message: string) => void;
  signal?: AbortSignal;
  /** Benchmarks, protocols and rubrics (default: the built-in ones); `createBenchmarkRegistry(plugins…)` adds plugins'. */
  registry?: BenchmarkRegistry;
  /** Prices per model spec (US dollars per million tokens): `summary.cost`. */
  prices?: Readonly<Record<string, ModelPrice>>;
  /** Do only this share of the plan (`--shard index/count`); `culturekit merge` joins the shares' run folders. */
  shard?: { index: number; count: number };
  /**
   * Runs the planned tasks in place of `runEval` (e.g. on a queue, `queue/queue-runner.ts`). A `remote` runner calls no
   * model here: the models are then neither created nor reached from this process.
   */
  runner?: EvalRunner;
  /** A warning written into the manifest that every report of the run shows first (the demo's). */
  notice?: string;
}

/** What runs a plan's tasks: `runEval` here, or workers elsewhere. */
export interface EvalRunner {
  remote: boolean;
  run(input: RunEvalInput): Promise<RunEvalOutcome>;
}

export interface EvaluateOutput {
  manifest: RunManifest;
  outDir: string;
  outcome: RunEvalOutcome;
  summary: RunSummary;
  resumed: boolean;
  /** Set when the run stopped early because a model server could not be reached (the run can be resumed later). */
  unreachable?: string;
}

/**
 * Loads, plans, runs and writes one evaluation run; resumes it when the store or the output folder already has it.
 *
 * @example
 * const { summary } = await evaluate({ dataset: 'builtin:sample', models: [{ spec: 'openai:qwen', baseUrl }], dbPath: '.culturekit/culturekit.db' });
 */
export async function evaluate(input: EvaluateInput): Promise<EvaluateOutput> {
  if (input.outDir !== undefined) checkOutDir(input.outDir);
  const store = openStore(input.dbPath);
  const models: LanguageModel[] = [];
  let lock: RunLock | undefined;
  let dataset: RunDataset | undefined;
  try {
    let previous: RunManifest | undefined;
    let outDir = input.outDir;
    if (input.resume) {
      const run = store.getRun(input.resume);
      if (!run) {
        const known = store
          .listRuns()
          .slice(0, 10)
          .map((stored) => stored.id);
        throw new InputError(`no run "${input.resume}" in ${input.dbPath}${known.length ? `; runs there: ${known.join(', ')}` : ' (it has no runs)'}`);
      }
      previous = run.manifest;
      outDir ??= run.outDir ?? undefined;
    } else if (outDir && existsSync(join(outDir, 'manifest.json'))) {
      previous = readManifestFile(join(outDir, 'manifest.json'));
    }

    const resumed = input.resume ? previous : undefined;
    const datasetRef = input.dataset ?? resumed?.dataset.ref;
    if (!datasetRef) throw new InputError('no dataset: pass --dataset (e.g. --dataset builtin:sample)');
    // A JSON Lines dataset is read back item by item as the run goes; resuming, an unchanged file is not checked again.
    dataset = await openRunDataset(datasetRef, {
      store,
      previousRunId: previous?.id,
      skipInvalid: input.skipInvalid,
      onWarning: input.onWarning,
      registry: input.registry,
    });

    const requestedModels = input.models ?? resumed?.models;
    if (!requestedModels?.length) throw new InputError('no model: pass --model (e.g. --model openai:qwen2.5-7b-instruct --base-url http://127.0.0.1:8000/v1)');
    const policies = { overrides: input.runtime };
    const modelEntries = requestedModels.map((entry) => resolveModelSettings(entry, policies));
    const options: RunOptions = input.options || !resumed ? resolveRunOptions(input.options) : resumed.options;
    const judgeEntries = (input.judges ?? resumed?.judges ?? []).map((entry) => resolveModelSettings(entry, policies));
    for (const entry of [...(input.modelInstances ? [] : modelEntries), ...judgeEntries]) checkModelEntry(entry, input.modelDefaults);

    if (previous) {
      if (previous.dataset.hash !== dataset.hash) {
        throw new InputError(
          `run ${previous.id} was made on dataset ${previous.dataset.ref} with hash ${previous.dataset.hash.slice(0, 12)}, but it now hashes to ${dataset.hash.slice(0, 12)}: the dataset changed, so the run cannot be resumed; start a new run (another --out)`,
        );
      }
      // The endpoint is not the model's identity: a run continues on a server that moved (another --base-url).
      const planHash = computePlanHash(dataset.hash, withBaseUrls(modelEntries, previous.models), options, withBaseUrls(judgeEntries, previous.judges));
      if (planHash !== previous.planHash) {
        throw new InputError(
          `${outDir} holds run ${previous.id}, made with other models or options; use another --out for a new run, or --resume ${previous.id} to continue that one`,
        );
      }
    }
    const plan = planRun({
      dataset,
      models: modelEntries,
      judges: judgeEntries,
      options,
      toolVersion: TOOL_VERSION,
      runId: previous?.id,
      createdAt: previous?.createdAt,
      registry: input.registry,
    });
    const extractorEntry = input.extractor ?? resumed?.extractor;
    // `--resume <id>` continues a share as it was; a folder named again with `--out` must name the same share.
    const shard = input.shard ?? (input.resume ? previous?.shard : undefined);
    if (previous && JSON.stringify(previous.shard) !== JSON.stringify(shard)) {
      const share = (shard: RunManifest['shard']) => (shard ? `shard ${shard.index}/${shard.count}` : 'the whole plan');
      throw new InputError(`run ${previous.id} does ${share(previous.shard)}, not ${share(shard)}: use another --out for another share`);
    }
    const remote = input.runner?.remote ?? false;
    const manifest: RunManifest = {
      ...plan.manifest,
      ...(shard ? { shard } : {}),
      ...(extractorEntry ? { extractor: resolveModelSettings(extractorEntry, policies) } : {}),
      ...(input.prices && Object.keys(input.prices).length > 0 ? { prices: { ...input.prices } } : {}),
      ...((input.notice ?? previous?.notice) ? { notice: input.notice ?? previous?.notice } : {}),
    };
    outDir ??= join('runs', manifest.id);

    // Everything that can be wrong with the command is found before anything is written: the models are created
    // (a bad spec, a missing GGUF file) and their servers reached, then the run is locked, saved and started.
    const descriptions = new Map(dataset.descriptions.map((description) => [description.id, description]));
    const grounding =
      !remote && options.conditions.some((condition) => condition !== 'plain')
        ? await (await import('./grounding-setup.js')).createGrounding(dataset, options, { dbPath: input.dbPath, skipInvalid: input.skipInvalid })
        : undefined;
    if (!remote) checkConditions(options.conditions, grounding);
    const controller = new AbortController();
    const stop = () => controller.abort();
    input.signal?.addEventListener('abort', stop, { once: true });
    if (input.signal?.aborted) stop();
    const guard = new ReachabilityGuard({
      onUnreachable: (message) => {
        input.onWarning?.(`${message}; stopping the run`);
        stop();
      },
    });
    const create = (entry: ModelEntry) => createLanguageModel(entry, input.modelDefaults);
    if (input.modelInstances) models.push(...input.modelInstances);
    else if (!remote) for (const entry of modelEntries) models.push(await create(entry));
    const judgeModels: LanguageModel[] = [];
    for (const entry of remote ? [] : judgeEntries) {
      const judge = await create(entry);
      judgeModels.push(judge);
      models.push(judge);
    }
    const extractorModel = manifest.extractor && !remote ? await create(manifest.extractor) : undefined;
    if (extractorModel) models.push(extractorModel);
    await checkServersReachable(models);

    lock = acquireRunLocks(input.dbPath, [`run ${manifest.id}`, `output folder ${resolve(outDir)}`]);
    store.saveRun(manifest, outDir, 'running');
    dataset.keep(manifest.id);
    try {
      writeManifestFile(outDir, manifest);
      input.onStart?.({ manifest, outDir, resumed: previous !== undefined, dataset });
      const watch = (model: LanguageModel) => guard.watch(model, serverOf(model));
      const judging = judgeModels.length
        ? { ...(await import('./judging-setup.js')).createJudging(input.registry), models: judgeModels.map(watch) }
        : undefined;
      const outcome = await (input.runner?.run ?? runEval)({
        store,
        manifest,
        tasks: shard ? plan.tasks.shard(shard.index, shard.count) : plan.tasks,
        models: models.slice(0, modelEntries.length).map(watch),
        judging,
        extractor: extractorModel && watch(extractorModel),
        grounding,
        descriptions,
        useCache: input.useCache,
        retryErrors: input.retryErrors,
        onProgress: input.onProgress,
        signal: controller.signal,
        registry: input.registry,
      });
      store.setRunStatus(manifest.id, outcome.interrupted ? 'interrupted' : 'finished');
      const summary = await writeRunOutputs(outDir, store, manifest, { prices: input.prices, reuseUnchanged: outcome.done === 0 });
      return { manifest, outDir, outcome, summary, resumed: previous !== undefined, ...(guard.stopped ? { unreachable: guard.stopped } : {}) };
    } catch (error) {
      // Never leave a run "running" that nothing runs: it is interrupted, and can be resumed.
      store.setRunStatus(manifest.id, 'interrupted');
      throw error;
    } finally {
      input.signal?.removeEventListener('abort', stop);
      await grounding?.close?.();
    }
  } finally {
    dataset?.close();
    lock?.release();
    await Promise.allSettled(models.map((model) => model.close()));
    store.close();
  }
}

/** `--out` must be a folder (or not exist yet). */
function checkOutDir(outDir: string): void {
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    throw new InputError(`--out ${outDir} is a file, not a folder: name a folder for manifest.json, results.jsonl and summary.json`);
  }
}

/**
 * A model entry's spec parses; a `llama:` model's GGUF file and adapters exist; an `openai:` model's base URL (its own,
 * `--base-url`, or `OPENAI_BASE_URL`) is an http(s) URL.
 */
function checkModelEntry(entry: ModelEntry, defaults: CreateModelDefaults | undefined): void {
  if (pluginBackendFor(entry.spec, defaults?.backends)) return; // a plugin backend checks its own spec
  const spec = parseModelSpec(entry.spec);
  if (spec.provider === 'llama') {
    for (const path of [spec.model, ...spec.loras.map((lora) => lora.path)]) {
      if (!existsSync(path)) throw new InputError(`model "${entry.spec}": no file ${path}`);
    }
    return;
  }
  const baseUrl = entry.baseUrl ?? defaults?.baseUrl ?? process.env.OPENAI_BASE_URL;
  if (baseUrl === undefined) return;
  let protocol = '';
  try {
    protocol = new URL(baseUrl).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new InputError(
      `model "${entry.spec}": base URL "${baseUrl}" is not an http:// or https:// URL (from --base-url, the config's baseUrl or OPENAI_BASE_URL), e.g. --base-url http://127.0.0.1:8000/v1`,
    );
  }
}

/** The entries with the base URLs a stored run used (by spec), to compare identities that do not include the endpoint. */
function withBaseUrls(entries: ModelEntry[], stored: ModelEntry[] | undefined): ModelEntry[] {
  return entries.map((entry) => {
    const { baseUrl: _ignored, ...rest } = entry;
    const before = stored?.find((candidate) => candidate.spec === entry.spec)?.baseUrl;
    return before === undefined ? rest : { ...rest, baseUrl: before };
  });
}

/** The server a model calls (its base URL), for models that call one. */
function serverOf(model: LanguageModel): string | undefined {
  const baseUrl = model.cacheIdentity.baseUrl;
  return model.provider === 'openai' && typeof baseUrl === 'string' ? baseUrl : undefined;
}

/** Fails before the run starts when a model's server is not there at all (connection refused, host not found). */
async function checkServersReachable(models: LanguageModel[]): Promise<void> {
  const servers = new Map<string, string>();
  for (const model of models) {
    const server = serverOf(model);
    if (server && !model.replay) servers.set(server, model.spec);
  }
  for (const [server, spec] of servers) {
    const reason = await probeEndpoint(server);
    if (reason)
      throw new ServerUnreachableError(
        `the server of ${spec} at ${server} cannot be reached: ${reason}. Start it, or pass another --base-url; nothing was run`,
      );
  }
}

/** A model server could not be reached before the run started (exit code 4: nothing was written). */
export class ServerUnreachableError extends CulturekitError {
  constructor(message: string) {
    super(message, { exitCode: EXIT_CODES.unreachable });
    this.name = 'ServerUnreachableError';
  }
}
