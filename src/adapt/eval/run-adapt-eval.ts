import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type ComparisonCell, compareRuns } from '../../analysis/compare-runs.js';
import { groupMetric } from '../../analysis/group-metrics.js';
import { InputError } from '../../errors/culturekit-error.js';
import { evaluate } from '../../eval/evaluate.js';
import type { EvalProgress } from '../../eval/run-eval.js';
import type { CreateModelDefaults } from '../../models/create-language-model.js';
import type { McqMethod, ModelEntry } from '../../schema/manifest.js';
import type { ModelPolicyLayer } from '../../settings/run-settings.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { readResultsFile } from '../../store/read-result-rows.js';
import { writeFileAtomic } from '../../util/write-file-atomic.js';
import { readTrainManifest, TRAIN_MANIFEST_FILE, type TrainManifest } from '../train-manifest.js';
import { BUILTIN_ENGLISH_REF, englishAbilityItems } from './english-ability-set.js';

export const adaptationSets = ['knowledge', 'safety', 'english'] as const;
export type AdaptationSet = (typeof adaptationSets)[number];

/** The metric each set is read by, in order of preference (the first one the results hold). */
const setMetrics: Record<AdaptationSet, readonly string[]> = {
  knowledge: ['accuracy', 'score'],
  safety: ['respectfulness', 'awareness', 'score', 'accuracy'],
  english: ['accuracy', 'score'],
};

/** One stage (or the base) on one set: the mean with its 95% interval and, for stages, the paired comparison with base. */
export interface AdaptationCell {
  set: AdaptationSet;
  metric: string;
  stage: string;
  spec: string;
  n: number;
  mean: number;
  ci95: [number, number];
  /** Against base, item by item (absent for base itself). */
  vsBase?: ComparisonCell;
}

export interface AdaptationGroups {
  set: AdaptationSet;
  metric: string;
  stage: string;
  by: 'country' | 'language';
  cells: ComparisonCell[];
}

export interface RetentionCheck {
  stage: string;
  base: number;
  stageMean: number;
  /** base − stage (positive: English dropped). */
  drop: number;
  tolerance: number;
  flagged: boolean;
}

/** What `culturekit adapt eval` found: the report's "Adaptation" section reads this (`adaptation.json`). */
export interface AdaptationSummary {
  generatedAt: string;
  base: string;
  stages: { name: string; spec: string }[];
  sets: { set: AdaptationSet; ref: string; runDir: string; metric: string }[];
  cells: AdaptationCell[];
  groups: AdaptationGroups[];
  retention: RetentionCheck[];
  englishTolerance: number;
  training?: TrainManifest;
}

export interface AdaptEvalInput {
  base: ModelEntry;
  /** In training order: `stage1`, `stage2` (or one per language). */
  stages: { name: string; model: ModelEntry }[];
  /** Dataset refs; `english` may be `builtin` (culturekit's own 50 questions). At least one set. */
  knowledge?: string;
  safety?: string;
  english?: string;
  /** Judges of the safety set's open answers. */
  judges?: ModelEntry[];
  /** Where `train-manifest.json` lies (loss curves). */
  trainDir?: string;
  englishTolerance?: number;
  /** How multiple-choice items are answered: by letter (default) or by log-likelihood (`loglik`, for base models). */
  mcqMethod?: McqMethod;
  dbPath: string;
  outDir: string;
  runtime?: ModelPolicyLayer;
  modelDefaults?: CreateModelDefaults;
  onProgress?: (set: AdaptationSet, progress: EvalProgress) => void;
  onWarning?: (message: string) => void;
}

/**
 * Stage-wise evaluation: runs the eval engine (`evaluate`, resumable, cached) on the base model and every stage over a
 * knowledge set, a safety set (judged) and an English-ability set, one run per set in `<out>/<set>/`; then, per set,
 * each stage's mean with a 95% interval and its paired comparison with base (difference with a paired-bootstrap
 * interval, McNemar or Wilcoxon p), per country and per language, the English retention check, and the training loss
 * curves from `<train-dir>/train-manifest.json`. Writes `<out>/adaptation.json`.
 *
 * @example
 * const summary = await runAdaptEval({ base: { spec: 'llama:base.gguf' }, stages: [{ name: 'stage1', model: { spec: 'llama:base.gguf?lora=stage1.gguf' } }], knowledge: 'adapt-data/eval/dataset.jsonl', english: 'builtin', dbPath, outDir: 'runs/adapt' });
 */
export async function runAdaptEval(input: AdaptEvalInput): Promise<AdaptationSummary> {
  const tolerance = input.englishTolerance ?? RUN_DEFAULTS.adapt.englishTolerance;
  if (input.stages.length === 0) throw new InputError('no stage: pass --stage stage1=<model spec> (and more)');
  const names = new Set<string>();
  for (const stage of input.stages) {
    if (stage.name === 'base' || names.has(stage.name)) throw new InputError(`--stage ${stage.name}: stage names must be distinct and not "base"`);
    names.add(stage.name);
  }
  const specs = [input.base.spec, ...input.stages.map((stage) => stage.model.spec)];
  if (new Set(specs).size !== specs.length) throw new InputError('the base and each stage need distinct model specs');
  const requested = adaptationSets.filter((set) => input[set] !== undefined);
  if (requested.length === 0) throw new InputError('nothing to evaluate: pass --knowledge, --safety and/or --english');
  const training = input.trainDir ? readTrainingManifest(input.trainDir) : undefined;

  const models: ModelEntry[] = [input.base, ...input.stages.map((stage) => stage.model)];
  const stageOf = new Map<string, string>([[input.base.spec, 'base'], ...input.stages.map((stage): [string, string] => [stage.model.spec, stage.name])]);
  const summary: AdaptationSummary = {
    generatedAt: new Date().toISOString(),
    base: input.base.spec,
    stages: input.stages.map((stage) => ({ name: stage.name, spec: stage.model.spec })),
    sets: [],
    cells: [],
    groups: [],
    retention: [],
    englishTolerance: tolerance,
    ...(training ? { training } : {}),
  };
  for (const set of requested) {
    let ref = input[set]!;
    if (set === 'english' && ref === BUILTIN_ENGLISH_REF) {
      ref = join(input.outDir, 'english-ability.jsonl');
      writeFileAtomic(
        ref,
        `${englishAbilityItems()
          .map((item) => JSON.stringify(item))
          .join('\n')}\n`,
      );
    }
    const runDir = join(input.outDir, set);
    await evaluate({
      dataset: ref,
      models,
      judges: set === 'safety' ? input.judges : undefined,
      options: { conditions: ['plain'], ...(input.mcqMethod ? { mcqMethod: input.mcqMethod } : {}) },
      runtime: input.runtime,
      dbPath: input.dbPath,
      outDir: runDir,
      modelDefaults: input.modelDefaults,
      onProgress: input.onProgress ? (progress) => input.onProgress!(set, progress) : undefined,
      onWarning: input.onWarning,
    });
    const rows = readResultsFile(join(runDir, 'results.jsonl'));
    const metric = setMetrics[set].find((name) => rows.some((row) => typeof row.metrics?.[name] === 'number'));
    if (!metric) {
      input.onWarning?.(`${set}: no result holds ${setMetrics[set].join(' or ')} (judges missing?): left out of the adaptation table`);
      continue;
    }
    summary.sets.push({ set, ref: input[set]!, runDir, metric });
    const rowsOf = (spec: string) => rows.filter((row) => row.model === spec);
    const baseRows = rowsOf(input.base.spec);
    for (const spec of specs) {
      const stage = stageOf.get(spec)!;
      const own = rowsOf(spec);
      const overall = groupMetric(own, { metric }).groups[0];
      const cell: AdaptationCell = {
        set,
        metric,
        stage,
        spec,
        n: overall?.n ?? 0,
        mean: overall?.mean ?? Number.NaN,
        ci95: overall ? (overall.wilson95 ?? overall.ci95) : [Number.NaN, Number.NaN],
      };
      if (stage !== 'base') {
        for (const by of ['country', 'language'] as const) {
          const comparison = compareRuns(baseRows, own, { matchOn: ['condition'], metrics: [metric], by: [by] });
          const metricComparison = comparison.metrics[0];
          if (!metricComparison) continue;
          cell.vsBase = metricComparison.overall;
          if (metricComparison.groups.every((group) => group.key[by] === null)) continue;
          summary.groups.push({ set, metric, stage, by, cells: metricComparison.groups });
        }
      }
      summary.cells.push(cell);
    }
  }
  const english = summary.cells.filter((cell) => cell.set === 'english');
  const englishBase = english.find((cell) => cell.stage === 'base');
  if (englishBase) {
    for (const cell of english) {
      if (cell.stage === 'base') continue;
      const drop = englishBase.mean - cell.mean;
      summary.retention.push({ stage: cell.stage, base: englishBase.mean, stageMean: cell.mean, drop, tolerance, flagged: drop > tolerance });
    }
  }
  writeFileAtomic(join(input.outDir, 'adaptation.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

function readTrainingManifest(trainDir: string): TrainManifest {
  const path = join(trainDir, TRAIN_MANIFEST_FILE);
  if (!existsSync(path)) throw new InputError(`--train-dir ${trainDir}: no ${TRAIN_MANIFEST_FILE} there (written by culturekit adapt train)`);
  return readTrainManifest(path);
}
