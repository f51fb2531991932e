import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../benchmarks/load-dataset.js';

import type { Dataset } from '../datasets/dataset.js';
import { InputError } from '../errors/culturekit-error.js';
import { createLanguageModel, type CreateModelDefaults } from '../models/create-language-model.js';
import type { LanguageModel } from '../models/language-model.js';
import type { ModelEntry, RunManifest, RunOptions } from '../schema/manifest.js';
import type { RunSummary } from '../analysis/summarize.js';
import { resolveModelSettings, resolveRunOptions, type ModelPolicyLayer } from '../settings/run-settings.js';
import { openStore } from '../store/open-store.js';
import { TOOL_VERSION } from '../version.js';
import { checkConditions } from './conditions.js';
import { computePlanHash, planRun } from './plan.js';
import { runEval, type EvalProgress, type RunEvalOutcome } from './run-eval.js';
import { readManifestFile, writeManifestFile } from '../store/manifest-file.js';
import { writeRunOutputs } from './write-outputs.js';

export interface EvaluateInput {
  /** Dataset reference (`builtin:sample` or a file). Not needed with `resume`. */
  dataset?: string;
  /** The models; their own call policies (concurrency, rate limit, timeout, retries, threads) over the defaults. Not needed with `resume`. */
  models?: ModelEntry[];
  /** Models already created (e.g. recorded responses for `culturekit score`), one per `models` entry, same order. */
  modelInstances?: LanguageModel[];
  /** Judge models: open responses are scored by these with the items' rubrics (a panel when several). */
  judges?: ModelEntry[];
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
  onStart?: (info: { manifest: RunManifest; outDir: string; resumed: boolean; dataset: Dataset }) => void;
  onProgress?: (progress: EvalProgress) => void;
  onWarning?: (message: string) => void;
  signal?: AbortSignal;
}

export interface EvaluateOutput {
  manifest: RunManifest;
  outDir: string;
  outcome: RunEvalOutcome;
  summary: RunSummary;
  resumed: boolean;
}

/**
 * Loads, plans, runs and writes one evaluation run; resumes it when the store or the output folder already has it.
 *
 * @example
 * const { summary } = await evaluate({ dataset: 'builtin:sample', models: [{ spec: 'openai:qwen', baseUrl }], dbPath: '.culturekit/culturekit.db' });
 */
export async function evaluate(input: EvaluateInput): Promise<EvaluateOutput> {
  const store = openStore(input.dbPath);
  const models: LanguageModel[] = [];
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
    const dataset = await loadDataset(datasetRef, { skipInvalid: input.skipInvalid, onWarning: input.onWarning });

    const requestedModels = input.models ?? resumed?.models;
    if (!requestedModels?.length) throw new InputError('no model: pass --model (e.g. --model openai:qwen2.5-7b-instruct --base-url http://127.0.0.1:8000/v1)');
    const policies = { overrides: input.runtime };
    const modelEntries = requestedModels.map((entry) => resolveModelSettings(entry, policies));
    const options: RunOptions = input.options || !resumed ? resolveRunOptions(input.options) : resumed.options;
    const judgeEntries = (input.judges ?? resumed?.judges ?? []).map((entry) => resolveModelSettings(entry, policies));

    if (previous) {
      if (previous.dataset.hash !== dataset.hash) {
        throw new InputError(
          `run ${previous.id} was made on dataset ${previous.dataset.ref} with hash ${previous.dataset.hash.slice(0, 12)}, but it now hashes to ${dataset.hash.slice(0, 12)}: the dataset changed, so the run cannot be resumed; start a new run (another --out)`,
        );
      }
      const planHash = computePlanHash(dataset.hash, modelEntries, options, judgeEntries);
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
    });
    const manifest = plan.manifest;
    outDir ??= join('runs', manifest.id);
    store.saveRun(manifest, outDir, 'running');
    writeManifestFile(outDir, manifest);
    input.onStart?.({ manifest, outDir, resumed: previous !== undefined, dataset });

    const descriptions = new Map(dataset.descriptions.map((description) => [description.id, description]));
    const grounding = options.conditions.some((condition) => condition !== 'plain')
      ? await (await import('./grounding-setup.js')).createGrounding(dataset, options, { dbPath: input.dbPath, skipInvalid: input.skipInvalid })
      : undefined;
    checkConditions(options.conditions, grounding);
    if (input.modelInstances) models.push(...input.modelInstances);
    else for (const entry of modelEntries) models.push(await createLanguageModel(entry, input.modelDefaults));
    const judgeModels: LanguageModel[] = [];
    for (const entry of judgeEntries) {
      const judge = await createLanguageModel(entry, input.modelDefaults);
      judgeModels.push(judge);
      models.push(judge);
    }
    const judging = judgeModels.length ? { ...(await import('./judging-setup.js')).createJudging(), models: judgeModels } : undefined;
    const outcome = await runEval({
      store,
      manifest,
      tasks: plan.tasks,
      models: models.slice(0, modelEntries.length),
      judging,
      grounding,
      descriptions,
      useCache: input.useCache,
      retryErrors: input.retryErrors,
      onProgress: input.onProgress,
      signal: input.signal,
    });
    store.setRunStatus(manifest.id, outcome.interrupted ? 'interrupted' : 'finished');
    const summary = await writeRunOutputs(outDir, store, manifest, { reuseUnchanged: outcome.done === 0 });
    return { manifest, outDir, outcome, summary, resumed: previous !== undefined };
  } finally {
    await Promise.allSettled(models.map((model) => model.close()));
    store.close();
  }
}
