import type { BuildManifest } from '../build/build-benchmark.js';
import { checkLanguage } from '../build/check-language.js';
import { createLanguageModel, type CreateModelDefaults } from '../models/create-language-model.js';
import type { LanguageModel } from '../models/language-model.js';
import { describeCallError, ModelCaller, type ModelRequest } from '../models/model-caller.js';
import type { ChatMessage } from '../schema/item.js';
import type { ModelEntry } from '../schema/manifest.js';
import { callCost, type ModelPrice } from '../schema/price.js';
import { RUN_DEFAULTS } from '../settings/run-defaults.js';
import { resolveModelSettings } from '../settings/run-settings.js';
import { openStore } from '../store/open-store.js';
import { TOOL_VERSION } from '../version.js';
import { sentenceChrf } from './chrf.js';
import { gembaDa, gembaMqm, gembaTag } from './gemba.js';
import { languageTable, type LanguageRow } from './language-table.js';
import { checkProtectedSpans, withoutProtectedSpans } from './protected-spans.js';
import { scoreWithHttpQe, type HttpQeOptions } from './qe-http.js';
import { translatedItem, type SourceRecord } from './read-translation-input.js';
import { parseTranslationReply, TRANSLATION_PROMPT, translationMessages } from './translation-prompt.js';
import { joinedFields, type QeMethod, type TranslationReason, type TranslationRecord } from './translation-record.js';

export interface LengthRatioLimits {
  min: number;
  max: number;
  /** Median absolute deviations of the log ratio from the language's median beyond which a record is an outlier. */
  mads: number;
  /** Records of a language the robust test needs. */
  minRecords: number;
}

export interface TranslateInput {
  records: readonly SourceRecord[];
  /** Where the records came from (recorded in the manifest). */
  inputRef?: string;
  /** Target languages (BCP 47). A record already in a target language is not translated into it. */
  targets: readonly string[];
  translator: ModelEntry;
  /** An already created translator (it is not closed). */
  translatorInstance?: LanguageModel;
  /** The GEMBA judge (default: the translator). */
  judge?: ModelEntry;
  judgeInstance?: LanguageModel;
  modelDefaults?: CreateModelDefaults;
  qe?: readonly QeMethod[];
  /** The external QE service, for `http`. */
  http?: Omit<HttpQeOptions, 'maxRetries'>;
  /** Minimum score per QE method (GEMBA-MQM: −25…0). */
  thresholds?: Partial<Record<QeMethod, number>>;
  /** Reject translations not identified as the target language. Default true. */
  languageCheck?: boolean;
  lengthRatio?: Partial<LengthRatioLimits>;
  /** Points above a threshold within which a kept record is borderline. */
  borderlineMargin?: number;
  temperature?: number;
  maxTokens?: number;
  seed?: number;
  /** US dollars per million tokens, for every call. */
  price?: ModelPrice;
  dbPath: string;
  useCache?: boolean;
  onProgress?: (progress: TranslateProgress) => void;
  /** Aborting stops starting new records; the calls made are cached. */
  signal?: AbortSignal;
}

export interface TranslateProgress {
  done: number;
  total: number;
  /** Records whose every call came from the cache. */
  cached: number;
  /** Records whose translation call failed. */
  errors: number;
  rejected: number;
  tokens: { input: number; output: number };
  /** US dollars of this invocation's new calls (absent without a price). */
  cost?: number;
}

export interface TranslationManifest {
  toolVersion: string;
  createdAt: string;
  input: { ref?: string; records: number };
  targets: string[];
  translator: { spec: string; baseUrl?: string };
  judge?: { spec: string; baseUrl?: string };
  prompts: Record<string, string>;
  qe: QeMethod[];
  http?: { url: string; batchSize: number };
  thresholds: Partial<Record<QeMethod, number>>;
  filters: { languageCheck: boolean; lengthRatio: LengthRatioLimits; borderlineMargin: number };
  options: { temperature: number; maxTokens: number; seed: number };
  counts: { tasks: number; kept: number; rejected: number; borderline: number; notTranslated: number };
  /** Calls, tokens and cost counted as `culturekit build` counts them. */
  calls: BuildManifest['calls'];
  tokens: BuildManifest['tokens'];
  cost?: BuildManifest['cost'];
  interrupted: boolean;
  languages: LanguageRow[];
}

export interface TranslationResult {
  records: TranslationRecord[];
  manifest: TranslationManifest;
}

/** How far above a threshold "borderline" reaches, per point of `borderlineMargin`, by each method's scale. */
const BORDERLINE_SCALE: Record<QeMethod, number> = { 'gemba-da': 1, chrf: 1, 'chrf++': 1, 'gemba-mqm': 0.2, http: 0.01 };

/** Code points of a text's prose: without protected spans and whitespace. */
function prose(text: string): number {
  let count = 0;
  for (const _ of withoutProtectedSpans(text).replace(/\s+/gu, '')) count++;
  return count;
}

/**
 * Translates records into each target language through the model caller (cache written as each call returns, so a
 * run killed at any moment and started again pays for no answered call twice), checks each translation (protected
 * spans, choices, language, length ratio), estimates its quality (GEMBA-DA, GEMBA-MQM, round-trip chrF/chrF++, an
 * external HTTP service) and keeps or rejects it by the thresholds, with reasons.
 *
 * @example
 * const records = await readTranslationInput('alpaca.jsonl', 'en');
 * const result = await runTranslation({ records, targets: ['ja', 'sw'], translator: { spec: 'openai:qwen2.5-72b-instruct', baseUrl }, qe: ['gemba-da', 'chrf'], thresholds: { 'gemba-da': 70 }, dbPath: '.culturekit/culturekit.db' });
 * writeTranslationOutputs('translated', result);
 */
export async function runTranslation(input: TranslateInput): Promise<TranslationResult> {
  const defaults = RUN_DEFAULTS.translate;
  const qe = [...new Set(input.qe ?? [])];
  const thresholds = input.thresholds ?? {};
  const temperature = input.temperature ?? defaults.temperature;
  const maxTokens = input.maxTokens ?? defaults.maxTokens;
  const seed = input.seed ?? defaults.seed;
  const languageCheck = input.languageCheck ?? true;
  const lengthRatio: LengthRatioLimits = {
    min: defaults.minLengthRatio,
    max: defaults.maxLengthRatio,
    mads: defaults.lengthRatioMads,
    minRecords: defaults.lengthRatioMinRecords,
    ...input.lengthRatio,
  };
  const borderlineMargin = input.borderlineMargin ?? defaults.borderlineMargin;
  if (qe.includes('http') && !input.http) throw new Error('QE method http needs the service URL (--qe-url)');
  const useJudge = qe.includes('gemba-da') || qe.includes('gemba-mqm');
  const store = openStore(input.dbPath);
  const translatorSettings = resolveModelSettings(input.translator);
  const judgeEntry = input.judge ?? input.translator;
  const judgeSettings = resolveModelSettings(judgeEntry);
  const opened: LanguageModel[] = [];
  const open = async (entry: ModelEntry, instance?: LanguageModel) => {
    if (instance) return instance;
    const model = await createLanguageModel(entry, input.modelDefaults);
    opened.push(model);
    return model;
  };
  const calls = { total: 0, cached: 0, new: 0, failed: 0 };
  const tokens = { input: 0, output: 0, newInput: 0, newOutput: 0 };
  const newCost = () => (input.price ? callCost(input.price, tokens.newInput, tokens.newOutput) : undefined);
  try {
    const translatorModel = await open(input.translator, input.translatorInstance);
    const translator = new ModelCaller(translatorModel, translatorSettings, store, input.useCache !== false, true);
    const judge = useJudge
      ? input.judge || input.judgeInstance
        ? new ModelCaller(await open(judgeEntry, input.judgeInstance), judgeSettings, store, input.useCache !== false, true)
        : translator
      : undefined;

    async function generate(caller: ModelCaller, messages: ChatMessage[], tokenLimit: number): Promise<{ text?: string; error?: string; cached: boolean }> {
      const request: ModelRequest = { type: 'generate', messages, maxTokens: tokenLimit, temperature, seed };
      calls.total++;
      try {
        const call = await caller.call(request, []);
        if (call.outcome.type !== 'generate') return { error: 'internal error: not a generation', cached: call.cached };
        const { usage, text } = call.outcome.result;
        tokens.input += usage.inputTokens;
        tokens.output += usage.outputTokens;
        if (call.cached) calls.cached++;
        else {
          calls.new++;
          tokens.newInput += usage.inputTokens;
          tokens.newOutput += usage.outputTokens;
        }
        return { text, cached: call.cached };
      } catch (error) {
        calls.failed++;
        return { error: describeCallError(error), cached: false };
      }
    }

    interface Task {
      record: SourceRecord;
      language: string;
    }
    const tasks: Task[] = [];
    let notTranslated = 0;
    for (const record of input.records) {
      for (const language of input.targets) {
        if (language.split('-')[0] === record.language.split('-')[0]) notTranslated++;
        else tasks.push({ record, language });
      }
    }
    const progress: TranslateProgress = { done: 0, total: tasks.length, cached: 0, errors: 0, rejected: 0, tokens: { input: 0, output: 0 } };
    const report = () => {
      progress.tokens = { input: tokens.input, output: tokens.output };
      const cost = newCost();
      if (cost !== undefined) progress.cost = cost;
      input.onProgress?.({ ...progress });
    };
    report();
    const results: (TranslationRecord | undefined)[] = new Array(tasks.length);

    async function runTask(task: Task): Promise<TranslationRecord> {
      const { record, language } = task;
      const result: TranslationRecord = {
        id: `${record.id}.${language}`,
        sourceId: record.id,
        kind: record.kind,
        sourceLanguage: record.language,
        language,
        status: 'kept',
        reasons: [],
        borderline: [],
        source: record.fields,
        qe: {},
      };
      let allCached = true;
      const reply = await generate(translator, translationMessages(record.fields, record.language, language), maxTokens);
      allCached &&= reply.cached;
      if (reply.error !== undefined) {
        result.reasons.push({ check: 'call', message: `the translation call failed: ${reply.error}` });
        progress.errors++;
        return result;
      }
      const parsed = parseTranslationReply(reply.text ?? '', Object.keys(record.fields));
      if (!parsed.ok) {
        result.reasons.push({ check: 'reply', message: parsed.problem });
        result.reply = reply.text;
        return result;
      }
      const translation = parsed.fields;
      result.translation = translation;
      for (const [field, text] of Object.entries(translation)) {
        for (const violation of checkProtectedSpans(record.fields[field], text)) {
          result.reasons.push({
            check: 'protected-span',
            field,
            message: `${violation.kind} ${JSON.stringify(violation.text)}: ${violation.source} in the source, ${violation.translation} in the translation`,
          });
        }
      }
      if (record.item?.choices) {
        const choices = record.item.choices.map((_, index) => translation[`choice.${index + 1}`]);
        if (new Set(choices).size !== choices.length) result.reasons.push({ check: 'choices', message: 'the translated choices are not distinct' });
      }
      const translatedText = joinedFields(translation);
      const detected = checkLanguage(withoutProtectedSpans(translatedText), language);
      result.detectedLanguage = detected.detected;
      if (languageCheck && !detected.ok) {
        result.reasons.push({ check: 'language', message: detected.reason ?? `identified as ${detected.detected}, not ${language}` });
      }
      const sourceLength = prose(joinedFields(record.fields));
      result.lengthRatio = sourceLength > 0 ? prose(translatedText) / sourceLength : 1;
      const gembaInput = { sourceLanguage: record.language, targetLanguage: language, source: joinedFields(record.fields), translation: translatedText };
      await Promise.all([
        ...(judge && qe.includes('gemba-da')
          ? [
              generate(judge, gembaDa.render(gembaInput), gembaDa.maxTokens).then((answer) => {
                allCached &&= answer.cached;
                const verdict = answer.error !== undefined ? { status: 'invalid' as const, reason: answer.error } : gembaDa.parse(answer.text ?? '');
                setScore(result, 'gemba-da', verdict.status === 'scored' ? verdict.score : null, verdict.status === 'invalid' ? verdict.reason : undefined);
              }),
            ]
          : []),
        ...(judge && qe.includes('gemba-mqm')
          ? [
              generate(judge, gembaMqm.render(gembaInput), gembaMqm.maxTokens).then((answer) => {
                allCached &&= answer.cached;
                const verdict = answer.error !== undefined ? { status: 'invalid' as const, reason: answer.error } : gembaMqm.parse(answer.text ?? '');
                if (verdict.status === 'scored') result.mqmErrors = verdict.errors;
                setScore(result, 'gemba-mqm', verdict.status === 'scored' ? verdict.score : null, verdict.status === 'invalid' ? verdict.reason : undefined);
              }),
            ]
          : []),
        ...(qe.includes('chrf') || qe.includes('chrf++')
          ? [
              generate(translator, translationMessages(translation, language, record.language), maxTokens).then((answer) => {
                allCached &&= answer.cached;
                const back = answer.error === undefined ? parseTranslationReply(answer.text ?? '', Object.keys(translation)) : undefined;
                for (const variant of ['chrf', 'chrf++'] as const) {
                  if (!qe.includes(variant)) continue;
                  if (back?.ok) {
                    result.backTranslation = back.fields;
                    setScore(result, variant, sentenceChrf(joinedFields(back.fields), [joinedFields(record.fields)], variant));
                  } else {
                    setScore(result, variant, null, `the back-translation failed: ${answer.error ?? (back && !back.ok ? back.problem : '')}`);
                  }
                }
              }),
            ]
          : []),
      ]);
      if (record.item && result.translation) result.item = translatedItem(record.item, translation, language, { model: input.translator.spec });
      if (allCached) progress.cached++;
      return result;
    }

    let next = 0;
    const worker = async () => {
      while (!input.signal?.aborted && next < tasks.length) {
        const index = next++;
        results[index] = await runTask(tasks[index]);
        progress.done++;
        report();
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, translatorSettings.concurrency) }, worker));
    const records = results.filter((record): record is TranslationRecord => record !== undefined);
    const interrupted = records.length < tasks.length;

    if (qe.includes('http') && input.http && !interrupted) {
      const scored = records.filter((record) => record.translation);
      const scores = await scoreWithHttpQe(
        scored.map((record) => ({ src: joinedFields(record.source), mt: joinedFields(record.translation!) })),
        { ...input.http, maxRetries: translatorSettings.maxRetries },
        store,
      );
      scored.forEach((record, index) => setScore(record, 'http', scores[index], scores[index] === null ? 'the QE service gave no score' : undefined));
    }
    applyLengthRatioLimits(records, lengthRatio);
    for (const record of records) applyThresholds(record, qe, thresholds, borderlineMargin);
    for (const record of records) record.status = record.reasons.length > 0 ? 'rejected' : 'kept';

    const kept = records.filter((record) => record.status === 'kept').length;
    const price = input.price;
    const manifest: TranslationManifest = {
      toolVersion: TOOL_VERSION,
      createdAt: new Date().toISOString(),
      input: { ref: input.inputRef, records: input.records.length },
      targets: [...input.targets],
      translator: { spec: input.translator.spec, ...(input.translator.baseUrl ? { baseUrl: input.translator.baseUrl } : {}) },
      ...(useJudge ? { judge: { spec: judgeEntry.spec, ...(judgeEntry.baseUrl ? { baseUrl: judgeEntry.baseUrl } : {}) } } : {}),
      prompts: {
        translate: `${TRANSLATION_PROMPT.id}@${TRANSLATION_PROMPT.version}`,
        ...(qe.includes('gemba-da') ? { 'gemba-da': gembaTag(gembaDa) } : {}),
        ...(qe.includes('gemba-mqm') ? { 'gemba-mqm': gembaTag(gembaMqm) } : {}),
      },
      qe,
      ...(input.http ? { http: { url: input.http.url, batchSize: input.http.batchSize } } : {}),
      thresholds,
      filters: { languageCheck, lengthRatio, borderlineMargin },
      options: { temperature, maxTokens, seed },
      counts: {
        tasks: tasks.length,
        kept,
        rejected: records.length - kept,
        borderline: records.filter((record) => record.borderline.length > 0).length,
        notTranslated,
      },
      calls,
      tokens,
      ...(price
        ? {
            cost: {
              inputPerMillion: price.input,
              outputPerMillion: price.output,
              total: callCost(price, tokens.input, tokens.output),
              new: callCost(price, tokens.newInput, tokens.newOutput),
            },
          }
        : {}),
      interrupted,
      languages: languageTable(records, qe),
    };
    return { records, manifest };
  } finally {
    store.close();
    for (const model of opened) await model.close();
  }
}

function setScore(record: TranslationRecord, method: QeMethod, score: number | null, invalidReason?: string): void {
  record.qe[method] = score;
  if (score === null) record.qeInvalid = { ...record.qeInvalid, [method]: invalidReason ?? 'no score' };
}

/** Hard bounds, then per language a robust outlier test on the log ratio (median ± `mads` median absolute deviations). */
function applyLengthRatioLimits(records: TranslationRecord[], limits: LengthRatioLimits): void {
  const byLanguage = new Map<string, TranslationRecord[]>();
  for (const record of records) {
    if (record.lengthRatio === undefined) continue;
    byLanguage.set(record.language, [...(byLanguage.get(record.language) ?? []), record]);
  }
  for (const list of byLanguage.values()) {
    const logs = list.map((record) => Math.log(Math.max(record.lengthRatio!, 1e-6)));
    const median = middle(logs);
    const mad = middle(logs.map((value) => Math.abs(value - median)));
    list.forEach((record, index) => {
      const ratio = record.lengthRatio!;
      if (ratio < limits.min || ratio > limits.max) {
        record.reasons.push({ check: 'length-ratio', message: `length ratio ${ratio.toFixed(2)} outside [${limits.min}, ${limits.max}]` });
      } else if (list.length >= limits.minRecords && mad > 0 && Math.abs(logs[index] - median) > limits.mads * mad) {
        record.reasons.push({
          check: 'length-ratio',
          message: `length ratio ${ratio.toFixed(2)} is an outlier for ${record.language} (median ${Math.exp(median).toFixed(2)}, more than ${limits.mads} median absolute deviations of the log ratio)`,
        });
      }
    });
  }
}

function middle(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}

function applyThresholds(record: TranslationRecord, qe: readonly QeMethod[], thresholds: Partial<Record<QeMethod, number>>, margin: number): void {
  if (!record.translation) return;
  for (const method of qe) {
    if (!(method in record.qe)) continue;
    const score = record.qe[method];
    const threshold = thresholds[method];
    if (score === null || score === undefined) {
      const why = record.qeInvalid?.[method] ?? 'no score';
      if (threshold !== undefined) record.reasons.push({ check: 'qe-invalid', message: `${method}: ${why} (the threshold ${threshold} cannot be checked)` });
      else record.borderline.push(`${method} invalid: ${why}`);
      continue;
    }
    if (threshold === undefined) continue;
    if (score < threshold) record.reasons.push({ check: 'threshold', message: `${method} ${formatScore(score)} below ${threshold}` });
    else if (score < threshold + margin * BORDERLINE_SCALE[method])
      record.borderline.push(`${method} ${formatScore(score)} within ${margin * BORDERLINE_SCALE[method]} of ${threshold}`);
  }
}

function formatScore(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

export type { TranslationReason };
