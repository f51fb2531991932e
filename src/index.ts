export * from './schema/index.js';
export * from './errors/culturekit-error.js';
export { loadDataset } from './benchmarks/load-dataset.js';
export { loadGenericDataset, type LoadDatasetOptions } from './datasets/load-dataset.js';
export type { Dataset } from './datasets/dataset.js';
export { loadBuiltinSample } from './datasets/builtin/builtin-sample.js';
export type * from './models/language-model.js';
export { ModelCallError } from './models/model-error.js';
export { parseModelSpec, type ModelSpec } from './models/model-spec.js';
export { createLanguageModel, type CreateModelDefaults } from './models/create-language-model.js';
export { discoverLocalServers } from './models/discover-local-servers.js';
export { planRun, computePlanHash, selectItems, type EvalPlan, type PlannedTask } from './eval/plan.js';
export { renderRequest, showChoices } from './scoring/render-request.js';
export { runEval, type EvalProgress, type RunEvalInput, type RunEvalOutcome } from './eval/run-eval.js';
export { evaluate, type EvaluateInput, type EvaluateOutput } from './eval/evaluate.js';
export { RUN_DEFAULTS } from './settings/run-defaults.js';
export { resolveRunSettings, resolveRunOptions, resolveModelSettings, type RunSettings, type ModelSettings } from './settings/run-settings.js';
export { ModelCaller, type CallPolicy, type ModelRequest } from './models/model-caller.js';
export { summarizeRun, type RunSummary, type GroupSummary, type MetricCell, type MetricSummary } from './analysis/summarize.js';
export { wilsonInterval, meanInterval } from './statistics/intervals.js';
export { extractChoice, type ChoiceExtraction } from './scoring/extract-choice.js';
export { extractTrueFalse } from './scoring/extract-true-false.js';
export { renderMcqPrompt, renderLoglikPrompt, renderTrueFalsePrompt } from './scoring/mcq-prompt.js';
export { scoreGeneration, scoreLogLikelihood } from './scoring/score-result.js';
export { openStore, Store } from './store/open-store.js';
export { loadConfig, type CulturekitConfig } from './settings/load-config.js';
export * from './statistics/bootstrap.js';
export * from './analysis/group-metrics.js';
export * from './statistics/correlation.js';
export { averageRanks } from './statistics/ranks.js';
export * from './analysis/knowledge-safety.js';
export * from './statistics/paired-tests.js';
export * from './analysis/compare-runs.js';
export * from './analysis/row-fields.js';
export { normalCdf, normalQuantile } from './statistics/distributions.js';
export { parseJudgeJson } from './scoring/judge/parse-judge-json.js';
export type { JudgeRubric } from './scoring/judge/judge-rubric.js';
export { rubricTag, type Rubric, type JudgeInput, type JudgeParse } from './scoring/judge/rubric.js';
export { combineVerdicts, panelAgreement } from './scoring/judge/combine-verdicts.js';
export { cohenKappa, fleissKappa, krippendorffAlpha, krippendorffAlphaInterval, krippendorffAlphaNominal, type AlphaLevel } from './statistics/agreement.js';
export { detectRefusal } from './scoring/refusal/detect-refusal.js';
export type { ScoringProtocol } from './scoring/protocol.js';
export { defaultProtocol } from './scoring/default-protocol.js';
export { readChosenOption, rankContinuations, type ChosenOption, type RankBy } from './scoring/chosen-option.js';
export {
  benchmarks,
  benchmarkNames,
  getBenchmark,
  loadBenchmark,
  getProtocol,
  protocolIds,
  protocolFor,
  getRubric,
  rubricIds,
  type BenchmarkName,
  type BenchmarkOptions,
} from './benchmarks/registry.js';
export { defineBenchmark, type BenchmarkDefinition, type OptionKind } from './benchmarks/benchmark-definition.js';
export { parseBenchmarkRef } from './benchmarks/parse-benchmark-ref.js';
export { detectBenchmark } from './benchmarks/detect-benchmark.js';
export { computeDiagnostics, type Diagnostics } from './benchmarks/benchmark-diagnostics.js';
export { writeReport, type WriteReportInput, type WriteReportOutput } from './report/write-report.js';
export { buildReport } from './report/build-report.js';
export { createViewApp, type ViewAppOptions } from './web/view-app.js';
export { startViewServer } from './web/start-view-server.js';
export { foldText, foldAnswer } from './text/fold-text.js';
export * from './grounding/index.js';
export * from './build/index.js';
export { openReviewStore } from './review/review-store.js';
export { exportVerified } from './review/export-verified.js';
export { createReviewApp } from './web/review/review-app.js';
export { startReviewServer } from './web/review/start-review-server.js';
export { definePlugin, type CulturekitPlugin, type PluginBenchmark, type PluginDataset } from './plugins/plugin.js';
export { loadPlugins, type LoadedPlugins } from './plugins/load-plugins.js';
export { createBenchmarkRegistry, builtinRegistry, type BenchmarkRegistry } from './benchmarks/registry.js';
export type { ModelBackend } from './models/create-language-model.js';
export { CostAccumulator, type RunCost, type CostCell } from './analysis/cost.js';
export { callCost, type ModelPrice } from './schema/price.js';
export { checkThresholds, checkBaseline, type GateCheck, type GateReport, type GateThresholds } from './analysis/gate.js';
export { renderJUnit } from './report/junit.js';
export { configJsonSchema } from './settings/config-json-schema.js';
export { prepareTrainingData, type PrepareDataInput, type PrepareDataResult } from './adapt/data/prepare-training-data.js';
export { dataManifestSchema, type DataManifest, chatFilePath } from './adapt/data/data-manifest.js';
export { readReplayFile } from './adapt/data/read-replay.js';
export { trainManifestSchema, readTrainManifest, type TrainManifest } from './adapt/train-manifest.js';
export { runAdaptEval, type AdaptEvalInput, type AdaptationSummary } from './adapt/eval/run-adapt-eval.js';
export { readTranslationInput, type SourceRecord } from './translate/read-translation-input.js';
export { runTranslation, type TranslateInput, type TranslateProgress, type TranslationManifest, type TranslationResult } from './translate/run-translation.js';
export { writeTranslationOutputs } from './translate/write-translation-outputs.js';
export { sentenceChrf, corpusChrf, chrfStatistics, chrfFromStatistics, type ChrfVariant } from './translate/chrf.js';
export { gembaDa, gembaMqm, parseGembaDa, parseGembaMqm, gembaTag, type GembaPrompt, type MqmError } from './translate/gemba.js';
export { checkProtectedSpans, protectedSpans } from './translate/protected-spans.js';
export { qeMethods, type QeMethod, type TranslationRecord, type TranslationReason } from './translate/translation-record.js';
export { runTraining, type TrainOptions, type TrainManifestRecord } from './adapt/train/run-training.js';
export { readTrainingData } from './adapt/train/training-data.js';
export { TRAINERS, type TrainerName } from './adapt/train/trainer-registry.js';
export { exportGguf, type ExportGgufOptions, type ExportGgufResult } from './adapt/gguf/export-gguf.js';
export { exportTrainRun } from './adapt/gguf/export-train-run.js';
export { setupTrainerEnvironment, type SetupResult } from './adapt/setup/setup-environment.js';
