import type { LanguageModel } from '../models/language-model.js';
import { ModelCallError } from '../models/model-error.js';
import type { CulturalDescription } from '../schema/description.js';
import type { Item } from '../schema/item.js';
import type { RunManifest } from '../schema/manifest.js';
import type { Score } from '../schema/score.js';
import type { CallOutcome } from '../models/call-outcome.js';
import { builtinRegistry, type BenchmarkRegistry } from '../benchmarks/registry.js';
import type { ScoringProtocol } from '../scoring/protocol.js';
import type { RenderedRequest } from '../scoring/render-request.js';
import type { CacheEntry, Store } from '../store/open-store.js';
import type { ConditionStep } from '../schema/result-details.js';
import type { ResultRow } from '../schema/result.js';
import { ResultWriter } from '../store/result-writer.js';
import { applyCondition, type Grounding } from './conditions.js';
import { judgeResponse, type JudgeOutcome, type Judging } from './judging.js';
import { describeCallError, ModelCaller, type ModelRequest } from '../models/model-caller.js';
import { resolveModelSettings } from '../settings/run-settings.js';
import { PlannedTasks, TASK_BATCH, type PlannedTask } from './plan.js';
import { extractWithModel, type ModelExtraction } from './model-extraction.js';
import { recordedContinuationScores } from '../scoring/recorded-option-scores.js';
import { collectGarbage } from '../util/collect-garbage.js';

export interface EvalProgress {
  /** Tasks finished in this invocation (scored, invalid, unscored or error). */
  done: number;
  /** Tasks this invocation has to do. */
  total: number;
  /** Tasks already done before this invocation (resume). */
  skipped: number;
  errors: number;
  invalid: number;
  cached: number;
  /** Each model's and judge's calls allowed in flight now (adaptive concurrency) and the ceiling. */
  concurrency?: { model: string; limit: number; max: number }[];
}

export interface RunEvalInput {
  store: Store;
  manifest: RunManifest;
  /** The plan's tasks (`planRun(…).tasks`, made as they are needed), or any list of planned tasks. */
  tasks: Iterable<PlannedTask>;
  /** One model per `manifest.models` entry, same order. */
  models: LanguageModel[];
  /** Judge models, one per `manifest.judges` entry, with the rubric registry; without them open responses stay unscored. */
  judging?: Omit<Judging, 'judges'> & { models: LanguageModel[] };
  /** The model that reads the chosen option where the rules cannot (`manifest.extractor`). */
  extractor?: LanguageModel;
  /** Grounding for the recall, retrieved and oracle conditions. */
  grounding?: Grounding;
  /** Cultural descriptions by id, shown to judges (the custom an item is about). */
  descriptions?: ReadonlyMap<string, CulturalDescription>;
  /** Read the cache before calling a model (results are always written to it). Default true. */
  useCache?: boolean;
  /** Re-ask tasks that ended in `error`. Default false: a resume only does what is missing. */
  retryErrors?: boolean;
  onProgress?: (progress: EvalProgress) => void;
  /** Aborting stops starting new tasks; calls in flight finish and are saved. */
  signal?: AbortSignal;
  /** The protocols items name (default: the built-in ones; plugins add theirs). */
  registry?: BenchmarkRegistry;
}

export interface RunEvalOutcome extends EvalProgress {
  interrupted: boolean;
  /** Letter answers of this invocation by who read them: the extraction rules, the model extractor, or neither. */
  extraction: { rules: number; model: number; unread: number };
}

/**
 * Runs the planned tasks that the store does not have yet: the one place with I/O and concurrency.
 * Each result is written to the store as it arrives, with the model calls it came from (for the cache), in one transaction.
 *
 * @example
 * const outcome = await runEval({ store, manifest, tasks, models });
 */
export async function runEval(input: RunEvalInput): Promise<RunEvalOutcome> {
  const { store, manifest, models, signal } = input;
  const useCache = input.useCache ?? true;
  const queues = pendingQueues(store, manifest.id, input.tasks, models.length, input.retryErrors ?? false);
  const progress: EvalProgress = {
    done: 0,
    total: queues.pending,
    skipped: queues.planned - queues.pending,
    errors: 0,
    invalid: 0,
    cached: 0,
  };
  input.onProgress?.(progress);
  const extraction = { rules: 0, model: 0, unread: 0 };
  const callers: ModelCaller[] = [];
  // Read when the progress line is drawn, not rebuilt for every result.
  Object.defineProperty(progress, 'concurrency', {
    enumerable: true,
    get: () => callers.map((caller) => ({ model: caller.model.spec, limit: caller.concurrencyLimit, max: caller.adaptive?.max ?? caller.concurrencyLimit })),
  });
  const writer = new ResultWriter(store, (row) => {
    tallyResult(row, progress, extraction);
    if (progress.done % COLLECT_EVERY === 0) collectGarbage();
    input.onProgress?.(progress);
  });
  const judging: Judging | undefined = input.judging?.models.length
    ? {
        ...input.judging,
        judges: input.judging.models.map(
          (model, index) => new ModelCaller(model, resolveModelSettings(manifest.judges?.[index] ?? { spec: model.spec }), store, useCache),
        ),
      }
    : undefined;
  const extractor =
    input.extractor && manifest.extractor ? new ModelCaller(input.extractor, resolveModelSettings(manifest.extractor), store, useCache) : undefined;
  if (judging) callers.push(...judging.judges);
  if (extractor) callers.push(extractor);
  const context: TaskContext = {
    registry: input.registry ?? builtinRegistry,
    manifest,
    grounding: input.grounding,
    judging,
    extractor,
    descriptions: input.descriptions ?? new Map(),
  };

  const runModel = async (modelIndex: number, onStarted: () => void): Promise<void> => {
    const queue = queues.byModel[modelIndex];
    const policy = resolveModelSettings(manifest.models[modelIndex]);
    const caller = new ModelCaller(models[modelIndex], policy, store, useCache);
    callers.push(caller);
    const worker = async (): Promise<void> => {
      while (!signal?.aborted) {
        // Synchronous (the store is): workers on this one thread never step into the generator together.
        const next = queue.next();
        if (next.done) return;
        const task = next.value;
        const call = await callTask(task, caller, context);
        // Scoring and saving wait for the end of this event-loop turn, so the next request goes out first.
        writer.write(() => finishTask(task, manifest, call));
      }
    };
    // Each worker takes its first task before its first await: the model's first requests are out when this returns.
    const workers = Array.from({ length: policy.concurrency }, worker);
    onStarted();
    await Promise.all(workers);
  };
  // A model starts once the one before it has taken its first tasks (and the event loop has turned, so that their
  // requests go out): a resume's first request does not wait for every model to look up the done part of its plan.
  let before: Promise<void> = Promise.resolve();
  const runs = models.map((_, modelIndex) => {
    const gate = before;
    let started = () => {};
    before = new Promise<void>((resolve) => (started = resolve));
    return gate
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => runModel(modelIndex, started))
      .finally(() => started());
  });
  try {
    await Promise.all(runs);
  } finally {
    writer.flush();
  }
  return { ...progress, interrupted: progress.done < progress.total, extraction };
}

/** Counts a finished result in the progress and in the extraction counts (here, and where results arrive from queue workers). */
export function tallyResult(row: ResultRow, progress: EvalProgress, extraction: RunEvalOutcome['extraction']): void {
  if (row.method === 'letter' && row.status !== 'error') {
    if (row.details?.extractedBy) extraction.model++;
    else if (row.status === 'invalid') extraction.unread++;
    else extraction.rules++;
  }
  progress.done++;
  if (row.status === 'error') progress.errors++;
  else if (row.status === 'invalid') progress.invalid++;
  if (row.cached) progress.cached++;
}

/** Results between two full garbage collections: the peak memory of a long run stays near what it holds. */
const COLLECT_EVERY = 25_000;

/**
 * Each model's tasks that the store does not have yet (or that ended in `error`, with `retryErrors`), as generators that
 * look statuses up in batches as the workers pull: nothing is held but one batch, and for a whole plan an item is only
 * made (read from the dataset file) when its task is pending. For a whole plan the counts come from the store's status
 * index (every stored result of a run belongs to its plan: same plan hash), so a finished run is known to be finished
 * without a lookup; a list of tasks is counted by looking it up first.
 */
function pendingQueues(
  store: Store,
  runId: string,
  tasks: Iterable<PlannedTask>,
  modelCount: number,
  retryErrors: boolean,
): { byModel: Iterator<PlannedTask>[]; planned: number; pending: number } {
  const pendingOf = (ids: readonly string[], model: string, condition: string): boolean[] => {
    // Counting first: a batch all done (a resume's first part) or none done (a fresh run) needs no row read.
    const done = store.countResultsOf(runId, model, condition, ids, retryErrors ? 'error' : '');
    if (done === ids.length || done === 0) return ids.map(() => done === 0);
    const statuses = store.resultStatusesOf(runId, model, condition, ids);
    return ids.map((id) => {
      const status = statuses.get(id);
      return status === undefined || (retryErrors && status === 'error');
    });
  };
  if (tasks instanceof PlannedTasks) {
    const stored = store.countResults(runId);
    const pending = Math.max(0, tasks.size - stored + (retryErrors ? store.countResults(runId, 'error') : 0));
    const byModel = Array.from({ length: modelCount }, (_, modelIndex) => (pending > 0 ? tasks.pendingForModel(modelIndex, pendingOf) : [].values()));
    return { byModel, planned: tasks.size, pending };
  }
  const lists: PlannedTask[][] = Array.from({ length: modelCount }, () => []);
  let planned = 0;
  for (const task of tasks) {
    planned++;
    lists[task.modelIndex].push(task);
  }
  const pendingLists = lists.map((list) => {
    const kept: PlannedTask[] = [];
    for (let start = 0; start < list.length; start += TASK_BATCH) {
      // One lookup per condition of a batch (a list in plan order rarely mixes two); the list's order is kept.
      const batch = list.slice(start, start + TASK_BATCH);
      const keep: boolean[] = [];
      for (const condition of new Set(batch.map((task) => task.condition))) {
        const positions = batch.flatMap((task, position) => (task.condition === condition ? [position] : []));
        const flags = pendingOf(
          positions.map((position) => batch[position].item.id),
          batch[positions[0]].model,
          condition,
        );
        positions.forEach((position, index) => (keep[position] = flags[index]));
      }
      batch.forEach((task, position) => keep[position] && kept.push(task));
    }
    return kept;
  });
  return { byModel: pendingLists.map((list) => list.values()), planned, pending: pendingLists.reduce((sum, list) => sum + list.length, 0) };
}

interface TaskContext {
  registry: BenchmarkRegistry;
  manifest: RunManifest;
  grounding?: Grounding;
  judging?: Judging;
  extractor?: ModelCaller;
  descriptions: ReadonlyMap<string, CulturalDescription>;
}

/** What the model calls of one task produced, before scoring. */
interface TaskCall {
  latencyMs: number;
  /** The item's protocol, resolved once: it renders the request, names the judges' rubrics and scores the outcome. */
  protocol?: ScoringProtocol;
  rendered?: RenderedRequest;
  template?: string;
  outcome?: CallOutcome;
  steps: ConditionStep[];
  groundingIds?: string[];
  judgement?: JudgeOutcome;
  /** The model extractor's reading of a reply the rules could not read. */
  extraction?: ModelExtraction;
  cached: boolean;
  attempts: number;
  newEntries: CacheEntry[];
  error?: string;
}

/** Renders the request, applies the condition, calls the model (cache, retries, rate limit), and judges the response. Never throws. */
async function callTask(task: PlannedTask, caller: ModelCaller, context: TaskContext): Promise<TaskCall> {
  const started = performance.now();
  const { item } = task;
  const { manifest } = context;
  const call: TaskCall = { latencyMs: 0, steps: [], cached: false, attempts: 0, newEntries: [] };
  try {
    const protocol = context.registry.protocolFor(item);
    call.protocol = protocol;
    let rendered = protocol.render(item, manifest.options);
    call.template = rendered.template;
    if (task.condition !== 'plain') {
      const conditioned = await applyCondition(task.condition, item, rendered, {
        grounding: context.grounding,
        caller,
        maxTokens: manifest.options.maxTokens,
        temperature: manifest.options.temperature,
        newEntries: call.newEntries,
      });
      rendered = conditioned.rendered;
      call.steps = conditioned.steps;
      call.groundingIds = conditioned.groundingIds;
      if (conditioned.template) call.template = `${rendered.template}+${conditioned.template}`;
    }
    call.rendered = rendered;
    const response = caller.model.replay ? replayCall(caller.model, item, rendered) : await caller.call(toModelRequest(rendered, manifest), call.newEntries);
    call.outcome = response.outcome;
    call.cached = response.cached && call.steps.every((step) => step.cached);
    call.attempts = response.attempts;
    if (context.extractor)
      call.extraction = await extractWithModel(context.extractor, protocol, item, rendered, response.outcome, context.manifest, call.newEntries);
    if (context.judging && response.outcome.type === 'generate') {
      const rubrics = protocol.rubrics(item);
      if (rubrics.length > 0) {
        const description = item.descriptionId ? context.descriptions.get(item.descriptionId) : undefined;
        call.judgement = await judgeResponse(item, response.outcome.result.text, description, rubrics, context.judging, call.newEntries);
      }
    }
  } catch (caught) {
    const attemptCount = (caught as { attempts?: number }).attempts;
    if (typeof attemptCount === 'number') call.attempts = attemptCount;
    call.error = describeCallError(caught);
  }
  call.latencyMs = Math.round((performance.now() - started) * 10) / 10;
  return call;
}

/** A recorded response (culturekit score) in place of a model call. */
function replayCall(model: LanguageModel, item: Item, rendered: RenderedRequest): { outcome: CallOutcome; cached: boolean; attempts: number } {
  if (rendered.type === 'loglik') {
    const recorded = model.replayScores?.(item.id);
    if (!recorded) {
      const why = model.replayScores ? `has no recorded option scores for item ${item.id}` : 'recorded responses are text; score them with --mcq-method letter';
      throw new ModelCallError(`${model.spec}: ${why}`, { kind: 'client', isRetryable: false });
    }
    const shown = rendered.shown.choiceOrder.map((index) => item.choices?.[index] ?? '');
    const scores = recordedContinuationScores(shown, recorded);
    if (typeof scores === 'string') throw new ModelCallError(`${model.spec}, item ${item.id}: ${scores}`, { kind: 'client', isRetryable: false });
    return { outcome: { type: 'loglik', result: { scores, usage: { inputTokens: 0, outputTokens: 0 } } }, cached: false, attempts: 0 };
  }
  const result = model.replay!(item.id);
  if (!result) throw new ModelCallError(`${model.spec} has no recorded response for item ${item.id}`, { kind: 'client', isRetryable: false });
  return { outcome: { type: 'generate', result }, cached: false, attempts: 0 };
}

function toModelRequest(rendered: RenderedRequest, manifest: RunManifest): ModelRequest {
  if (rendered.type === 'loglik') return { type: 'loglik', prompt: rendered.prompt, continuations: rendered.continuations };
  return { type: 'generate', messages: rendered.messages, maxTokens: manifest.options.maxTokens, temperature: manifest.options.temperature };
}

/** Scores the outcome with the item's protocol, merges the judges' metrics, and builds the row. Never throws. */
function finishTask(task: PlannedTask, manifest: RunManifest, call: TaskCall): { row: ResultRow; cacheEntries: CacheEntry[] } {
  const { item } = task;
  const { rendered, outcome, judgement } = call;
  let score: Score;
  let error = call.error;
  try {
    if (error !== undefined || !outcome || !rendered || !call.protocol) throw new Error(error);
    score = call.protocol.score(item, rendered, call.extraction?.outcome ?? outcome);
    if (call.extraction) score = { ...score, details: { ...score.details, ...call.extraction.details } };
    if (judgement) score = mergeJudgement(score, judgement);
  } catch (caught) {
    error ??= describeCallError(caught);
    score = { status: 'error', method: 'none', metrics: {}, error };
  }
  const details: Record<string, unknown> | undefined =
    score.details || call.steps.length || call.groundingIds
      ? { ...score.details, ...(call.steps.length ? { steps: call.steps } : {}), ...(call.groundingIds ? { grounding: call.groundingIds } : {}) }
      : undefined;
  const usage = { inputTokens: 0, outputTokens: 0 };
  for (const part of [outcome?.result.usage, judgement?.usage, ...call.steps.map((step) => step.usage)]) {
    if (!part) continue;
    usage.inputTokens += part.inputTokens;
    usage.outputTokens += part.outputTokens;
  }
  const shown = rendered?.type === 'loglik' ? rendered.shown : rendered?.shown;
  const row: ResultRow = {
    runId: manifest.id,
    model: task.model,
    condition: task.condition,
    itemId: item.id,
    kind: item.kind,
    format: item.format,
    language: item.language,
    country: item.country,
    category: item.category,
    topic: item.topic,
    descriptionId: item.descriptionId,
    template: call.template ?? 'unrendered',
    prompt: rendered === undefined ? item.prompt : rendered.type === 'loglik' ? rendered.prompt : rendered.messages,
    choices: shown?.choices,
    choiceOrder: shown?.choiceOrder,
    answer: rendered?.type === 'loglik' ? rendered.shown.answer : rendered?.answer,
    response: outcome?.type === 'generate' ? outcome.result.text : undefined,
    extracted: score.extracted,
    status: score.status,
    method: score.method,
    metrics: score.metrics,
    details,
    latencyMs: call.latencyMs,
    usage,
    cached: call.cached,
    attempts: call.attempts,
    error,
    completedAt: new Date().toISOString(),
  };
  return { row, cacheEntries: call.newEntries };
}

/**
 * Adds the judges' metrics to a score (method `judge`). When no judge's verdict could be read the result is `invalid`
 * (counted, never a number), keeping any metric the protocol computed itself (e.g. the rule-based refusal check).
 */
function mergeJudgement(score: Score, judgement: JudgeOutcome): Score {
  const details = { ...score.details, judges: judgement.rubrics };
  if (judgement.status === 'invalid') return { ...score, status: 'invalid', method: 'judge', details };
  return { ...score, status: 'scored', method: 'judge', metrics: { ...score.metrics, ...judgement.metrics }, details };
}
