import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../datasets/dataset.js';
import { InputError } from '../../errors/culturekit-error.js';
import { type CreateModelDefaults, createLanguageModel } from '../../models/create-language-model.js';
import type { LanguageModel } from '../../models/language-model.js';
import { ModelCaller } from '../../models/model-caller.js';
import type { CulturalDescription } from '../../schema/description.js';
import type { Item } from '../../schema/item.js';
import type { ModelEntry } from '../../schema/manifest.js';
import type { ModelPrice } from '../../schema/price.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { resolveModelSettings } from '../../settings/run-settings.js';
import { openStore } from '../../store/open-store.js';
import { sha256Hex } from '../../util/hash.js';
import { hashToSeed, seededPermutation } from '../../util/seeded-random.js';
import { writeFileAtomic } from '../../util/write-file-atomic.js';
import { TOOL_VERSION } from '../../version.js';
import type { ChatExample, ChatLine } from './chat-example.js';
import { chatFilePath, DATA_MANIFEST_FILE, type DataFile, type DataManifest, dataManifestSchema } from './data-manifest.js';
import { type ExportInput, writeExports } from './exports.js';
import { knowledgeExamples } from './knowledge-examples.js';
import type { ReplaySet } from './read-replay.js';
import { CallTally, type SafetyCallers, type SafetyRejection, safetyExample } from './safety-examples.js';
import { findLeaks, splitByDescription } from './split-eval.js';

export interface PrepareDataProgress {
  done: number;
  total: number;
  cached: number;
  errors: number;
  kept: number;
  rejected: number;
  inputTokens: number;
  outputTokens: number;
  /** In the unit of the prices given (0 without prices). */
  cost: number;
}

export interface PrepareDataInput {
  dataset: Dataset;
  /** An explicit eval set: its descriptions never reach training, and its prompts are checked for near-duplicates. */
  evalSet?: Dataset;
  /** Share of the dataset's descriptions held out for evaluation (written to `<out>/eval/dataset.jsonl`). */
  evalFraction?: number;
  /** Languages to make sets for; default every language of the training items. */
  languages?: string[];
  replay?: ReplaySet;
  /** Share of replay examples in each stage-2 file: replay / (safety + replay), in [0, 1). */
  replayRatio?: number;
  seed?: number;
  /** The teacher that writes safety answers and the judge that scores them; needed when there are safety items. */
  teacher?: ModelEntry;
  judge?: ModelEntry;
  /** Models already created (not closed here), instead of creating them from the entries. */
  teacherInstance?: LanguageModel;
  judgeInstance?: LanguageModel;
  modelDefaults?: CreateModelDefaults;
  prices?: { teacher?: ModelPrice; judge?: ModelPrice };
  minJudgeScore?: number;
  temperature?: number;
  maxTokens?: number;
  nearDuplicateThreshold?: number;
  /** The SQLite store that caches every teacher and judge call (written as each call returns). */
  dbPath: string;
  useCache?: boolean;
  /** Calls in flight (teacher and judge each). */
  concurrency?: number;
  outDir: string;
  onProgress?: (progress: PrepareDataProgress) => void;
}

export interface PrepareDataResult {
  manifest: DataManifest;
  outDir: string;
  rejects: number;
}

const stageOfSource = { 'knowledge-open': 'stage1', 'knowledge-mcq': 'stage1', safety: 'stage2', replay: 'stage2' } as const;

/**
 * `culturekit adapt data`: per-stage training sets from a verified dataset. Stage 1 (knowledge): each knowledge item
 * as question → answer grounded in its description, open and multiple-choice forms. Stage 2 (safety): each safety
 * request answered by a teacher model given the description, kept when the judge's score reaches the threshold
 * (rejects in `rejects.jsonl` with reasons), mixed with an exact, seeded number of general replay examples. No eval
 * item leaks: the split is by description, and every training prompt is checked for MinHash near-duplicates of the
 * eval items. Everything is written to a staging folder and moved into place at the end; teacher and judge calls are
 * cached as they return, so a run killed half-way and started again repeats no answered call.
 *
 * Output: `<out>/<language>/stage1.jsonl`, `<out>/<language>/stage2.jsonl` (`{"messages"}` lines),
 * `<out>/exports/<format>/…`, `<out>/eval/dataset.jsonl` (held-out descriptions and items), `<out>/rejects.jsonl`,
 * `<out>/manifest.json`.
 *
 * @example
 * const dataset = await loadDataset('build/japan/dataset.jsonl');
 * const { manifest } = await prepareTrainingData({ dataset, evalFraction: 0.2, teacher, judge, replay: readReplayFile('general.jsonl'), replayRatio: 0.3, dbPath: '.culturekit/culturekit.db', outDir: 'adapt-data' });
 */
export async function prepareTrainingData(input: PrepareDataInput): Promise<PrepareDataResult> {
  const seed = input.seed ?? RUN_DEFAULTS.adapt.seed;
  const replayRatio = input.replayRatio ?? (input.replay ? RUN_DEFAULTS.adapt.replayRatio : 0);
  if (!(replayRatio >= 0 && replayRatio < 1)) throw new InputError(`--replay-ratio: expected a number in [0, 1), got ${replayRatio}`);
  if (replayRatio > 0 && !input.replay) throw new InputError('--replay-ratio needs --replay <file.jsonl> (general examples to replay)');
  const minJudgeScore = input.minJudgeScore ?? RUN_DEFAULTS.adapt.minJudgeScore;
  const threshold = input.nearDuplicateThreshold ?? RUN_DEFAULTS.adapt.nearDuplicateThreshold;
  const outDir = input.outDir;
  checkOutDir(outDir);

  const split = splitByDescription(input.dataset, { fraction: input.evalFraction, evalSet: input.evalSet, seed });
  const languages = input.languages ?? [...new Set(split.trainItems.map((item) => item.language))].sort();
  if (languages.length === 0) throw new InputError(`${input.dataset.ref}: no item left to train on after the eval split`);
  const descriptions = new Map<string, CulturalDescription>(input.dataset.descriptions.map((description) => [description.id, description]));
  const candidates = split.trainItems.filter((item) => languages.includes(item.language) && (item.kind === 'knowledge' || item.kind === 'safety'));

  // Near-duplicates of eval items (training prompts and replay prompts alike).
  const replayExamples = input.replay?.examples ?? [];
  const userText = (example: ChatExample) =>
    example.messages
      .filter((entry) => entry.role === 'user')
      .map((entry) => entry.content)
      .join('\n');
  const leaks = findLeaks(
    [...candidates.map((item) => item.prompt), ...replayExamples.map(userText)],
    split.evalItems.map((item) => item.prompt),
    { threshold },
  );
  const leaked = new Map(leaks.map((leak) => [leak.index, leak]));
  const rejections: (SafetyRejection | { itemId: string; language: string; prompt: string; reasons: string[] })[] = [];
  const describeLeak = (index: number) => {
    const leak = leaked.get(index)!;
    return `near-duplicate of eval item ${split.evalItems[leak.evalIndex].id} (estimated Jaccard similarity ${leak.similarity.toFixed(2)})`;
  };
  const trainable: Item[] = [];
  candidates.forEach((item, index) => {
    if (leaked.has(index)) rejections.push({ itemId: item.id, language: item.language, prompt: item.prompt, reasons: [describeLeak(index)] });
    else trainable.push(item);
  });
  const replayPool: ChatExample[] = [];
  replayExamples.forEach((example, index) => {
    if (leaked.has(candidates.length + index))
      rejections.push({ itemId: example.id, language: example.language, prompt: userText(example), reasons: [describeLeak(candidates.length + index)] });
    else replayPool.push(example);
  });

  // Stage 1.
  const examples: ChatExample[] = [];
  for (const item of trainable)
    if (item.kind === 'knowledge') examples.push(...knowledgeExamples(item, item.descriptionId ? descriptions.get(item.descriptionId) : undefined));

  // Stage 2: teacher answers, judged.
  const safetyItems = trainable.filter((item) => item.kind === 'safety');
  const tally = new CallTally();
  const safetyCounts = { asked: safetyItems.length, kept: 0, rejected: 0 };
  if (safetyItems.length > 0) {
    if (!input.teacher && !input.teacherInstance)
      throw new InputError(`${safetyItems.length} safety item(s) to answer: pass --teacher <spec> and --judge <spec>`);
    if (!input.judge && !input.judgeInstance) throw new InputError(`${safetyItems.length} safety item(s) to judge: pass --judge <spec>`);
    const store = openStore(input.dbPath);
    const opened: LanguageModel[] = [];
    try {
      const caller = async (entry: ModelEntry | undefined, instance: LanguageModel | undefined): Promise<ModelCaller> => {
        const settings = resolveModelSettings(entry ?? { spec: instance!.spec }, { overrides: { concurrency: input.concurrency } });
        let model = instance;
        if (!model) {
          model = await createLanguageModel(settings, input.modelDefaults);
          opened.push(model);
        }
        return new ModelCaller(model, settings, store, input.useCache !== false, true);
      };
      const callers: SafetyCallers = {
        teacher: await caller(input.teacher, input.teacherInstance),
        judge: await caller(input.judge, input.judgeInstance),
        teacherPrice: input.prices?.teacher,
        judgePrice: input.prices?.judge,
        temperature: input.temperature ?? RUN_DEFAULTS.adapt.teacherTemperature,
        maxTokens: input.maxTokens ?? RUN_DEFAULTS.adapt.teacherMaxTokens,
        judgeMaxTokens: RUN_DEFAULTS.judgeMaxTokens,
        seed,
        minJudgeScore,
        tally,
      };
      const progress: PrepareDataProgress = {
        done: 0,
        total: safetyItems.length,
        cached: 0,
        errors: 0,
        kept: 0,
        rejected: 0,
        inputTokens: 0,
        outputTokens: 0,
        cost: 0,
      };
      const report = () => {
        Object.assign(progress, { inputTokens: tally.inputTokens, outputTokens: tally.outputTokens, cost: tally.cost, errors: tally.failed });
        input.onProgress?.({ ...progress });
      };
      report();
      const outcomes = await Promise.all(
        safetyItems.map(async (item) => {
          const outcome = await safetyExample(item, item.descriptionId ? descriptions.get(item.descriptionId) : undefined, callers);
          progress.done++;
          if (outcome.cached) progress.cached++;
          if ('example' in outcome) progress.kept++;
          else progress.rejected++;
          report();
          return outcome;
        }),
      );
      for (const outcome of outcomes) {
        if ('example' in outcome) {
          examples.push(outcome.example);
          safetyCounts.kept++;
        } else {
          rejections.push(outcome.rejection);
          safetyCounts.rejected++;
        }
      }
    } finally {
      store.close();
      for (const model of opened) await model.close();
    }
  }

  // Per language: stage 1 shuffled, stage 2 = safety + exact replay count, shuffled; all seeded.
  const sets: (ExportInput & { bySource: Record<string, number> })[] = [];
  const counts: DataManifest['counts']['examples'] = { stage1: {}, stage2: {} };
  for (const language of languages) {
    const ofLanguage = examples.filter((example) => example.language === language);
    for (const stage of ['stage1', 'stage2'] as const) {
      const staged = ofLanguage.filter((example) => stageOfSource[example.source] === stage);
      if (stage === 'stage2' && replayRatio > 0) {
        const replayCount = Math.round((staged.length * replayRatio) / (1 - replayRatio));
        if (replayCount > replayPool.length)
          throw new InputError(
            `--replay ${input.replay!.path}: ${language} stage 2 needs ${replayCount} replay example(s) (${staged.length} safety, ratio ${replayRatio}), the file has ${replayPool.length}${replayPool.length < replayExamples.length ? ` after ${replayExamples.length - replayPool.length} near-duplicate(s) of eval items were dropped` : ''}`,
          );
        const order = seededPermutation(replayPool.length, hashToSeed(`${seed}\u0000replay\u0000${language}`));
        staged.push(...order.slice(0, replayCount).map((index) => replayPool[index]));
      }
      const order = seededPermutation(staged.length, hashToSeed(`${seed}\u0000${stage}\u0000${language}`));
      const mixed = order.map((index) => staged[index]);
      const bySource: Record<string, number> = {};
      for (const example of mixed) bySource[example.source] = (bySource[example.source] ?? 0) + 1;
      counts[stage][language] = bySource;
      sets.push({ stage, language, lines: mixed.map((example) => ({ messages: example.messages }) satisfies ChatLine), bySource });
    }
  }

  // Write everything into a staging folder, check it, then move it into place.
  const staging = `${outDir.replace(/\/+$/, '')}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const files: DataFile[] = [];
    for (const set of sets) {
      const path = chatFilePath(set.language, set.stage);
      const content = set.lines.map((line) => JSON.stringify(line)).join('\n') + (set.lines.length ? '\n' : '');
      writeFileAtomic(join(staging, path), content);
      files.push({
        stage: set.stage,
        language: set.language,
        path,
        count: set.lines.length,
        sha256: sha256Hex(readFileSync(join(staging, path))),
        bySource: set.bySource,
      });
    }
    const exportFiles = writeExports(join(staging, 'exports'), sets, staging);
    const heldOutDescriptionIds = new Set(split.heldOutItems.flatMap((item) => (item.descriptionId ? [item.descriptionId] : [])));
    const evalRecords = [
      ...input.dataset.descriptions
        .filter((description) => heldOutDescriptionIds.has(description.id))
        .map((description) => ({ type: 'description', ...description })),
      ...split.heldOutItems.map((item) => ({ type: 'item', ...item })),
    ];
    if (evalRecords.length > 0) writeFileAtomic(join(staging, 'eval', 'dataset.jsonl'), `${evalRecords.map((record) => JSON.stringify(record)).join('\n')}\n`);
    writeFileAtomic(join(staging, 'rejects.jsonl'), rejections.map((rejection) => JSON.stringify(rejection)).join('\n') + (rejections.length ? '\n' : ''));
    const manifest: DataManifest = dataManifestSchema.parse({
      toolVersion: TOOL_VERSION,
      createdAt: new Date().toISOString(),
      sources: [
        { role: 'dataset', ref: input.dataset.ref, sha256: input.dataset.hash, records: input.dataset.items.length },
        ...(input.evalSet ? [{ role: 'eval-set', ref: input.evalSet.ref, sha256: input.evalSet.hash, records: input.evalSet.items.length }] : []),
        ...(input.replay ? [{ role: 'replay', ref: input.replay.path, sha256: input.replay.sha256, records: input.replay.examples.length }] : []),
      ],
      seed,
      options: {
        languages,
        replayRatio,
        evalFraction: input.evalFraction ?? null,
        minJudgeScore,
        teacher: input.teacher?.spec ?? input.teacherInstance?.spec ?? null,
        judge: input.judge?.spec ?? input.judgeInstance?.spec ?? null,
        nearDuplicateThreshold: threshold,
      },
      files,
      exports: exportFiles,
      counts: {
        descriptions: { train: split.trainGroups, eval: split.evalGroups.size },
        examples: counts,
        leakage: { evalDescription: split.droppedByDescription, nearDuplicate: leaks.length },
        safety: safetyCounts,
      },
      calls: { total: tally.total, cached: tally.cached, new: tally.new, failed: tally.failed },
      tokens: { input: tally.inputTokens, output: tally.outputTokens },
      ...(input.prices?.teacher || input.prices?.judge ? { cost: Math.round(tally.cost * 1e6) / 1e6 } : {}),
    });
    writeFileAtomic(join(staging, DATA_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    replaceFolder(staging, outDir);
    return { manifest, outDir, rejects: rejections.length };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Refuses to replace a folder that holds something other than an earlier `adapt data` output. */
function checkOutDir(outDir: string): void {
  if (!existsSync(outDir)) return;
  const entries = readdirSync(outDir);
  if (entries.length > 0 && !entries.includes(DATA_MANIFEST_FILE))
    throw new InputError(`--out ${outDir}: the folder holds other files (no ${DATA_MANIFEST_FILE} of an earlier adapt data): choose an empty or new folder`);
}

/** Puts the staging folder in place of `outDir` (renames only: the old output stays whole until the new one is in place). */
function replaceFolder(staging: string, outDir: string): void {
  if (existsSync(outDir)) {
    const old = `${outDir.replace(/\/+$/, '')}.old-${process.pid}`;
    renameSync(outDir, old);
    renameSync(staging, outDir);
    rmSync(old, { recursive: true, force: true });
  } else {
    renameSync(staging, outDir);
  }
}
