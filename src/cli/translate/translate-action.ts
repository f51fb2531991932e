import { join } from 'node:path';
import { EXIT_CODES } from '../../errors/exit-codes.js';
import { InputError } from '../../errors/culturekit-error.js';
import { formatTextTable, renderTranslationMarkdown, translationLanguageTable } from '../../report/translation-section.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { resolveModelSettings } from '../../settings/run-settings.js';
import { readTranslationInput } from '../../translate/read-translation-input.js';
import { runTranslation, type TranslateProgress } from '../../translate/run-translation.js';
import type { QeMethod } from '../../translate/translation-record.js';
import { writeTranslationOutputs } from '../../translate/write-translation-outputs.js';
import { writeFileAtomic } from '../../util/write-file-atomic.js';
import { createProgressReporter } from '../progress.js';

export interface TranslateFlags {
  input: string;
  to: string[];
  model: string;
  out: string;
  from: string;
  baseUrl?: string;
  judge?: string;
  judgeBaseUrl?: string;
  qe: QeMethod[];
  qeUrl?: string;
  qeBatch: number;
  minGemba?: number;
  minMqm?: number;
  minChrf?: number;
  minChrfpp?: number;
  minQe?: number;
  languageCheck: boolean;
  minLengthRatio: number;
  maxLengthRatio: number;
  borderlineMargin: number;
  temperature: number;
  maxTokens: number;
  seed: number;
  priceInput?: number;
  priceOutput?: number;
  db?: string;
  cache?: boolean;
  concurrency?: number;
  rpm?: number;
  timeout?: number;
  maxRetries?: number;
  quiet?: boolean;
}

/** Runs `culturekit translate`. */
export async function runTranslateCommand(flags: TranslateFlags): Promise<void> {
  const thresholds: Partial<Record<QeMethod, number>> = {};
  const byFlag: [number | undefined, QeMethod, string][] = [
    [flags.minGemba, 'gemba-da', '--min-gemba'],
    [flags.minMqm, 'gemba-mqm', '--min-mqm'],
    [flags.minChrf, 'chrf', '--min-chrf'],
    [flags.minChrfpp, 'chrf++', '--min-chrfpp'],
    [flags.minQe, 'http', '--min-qe'],
  ];
  for (const [value, method, flag] of byFlag) {
    if (value === undefined) continue;
    if (!flags.qe.includes(method)) throw new InputError(`${flag} needs --qe ${method}`);
    thresholds[method] = value;
  }
  if (flags.qe.includes('http') && !flags.qeUrl) throw new InputError('--qe http needs --qe-url <url> (POST [{src, mt}] → [score])');
  if (flags.qeUrl && !/^https?:\/\//.test(flags.qeUrl)) throw new InputError(`--qe-url: expected an http(s) URL, got "${flags.qeUrl}"`);
  if (flags.minLengthRatio >= flags.maxLengthRatio) throw new InputError('--min-length-ratio must be below --max-length-ratio');
  const log = (line: string) => {
    if (!flags.quiet) process.stderr.write(`${line}\n`);
  };
  const records = await readTranslationInput(flags.input, flags.from, log);
  if (records.length === 0) throw new InputError(`${flags.input}: no records to translate`);
  const envBaseUrl = flags.baseUrl ?? process.env.OPENAI_BASE_URL;
  const entry = (spec: string, baseUrl: string | undefined) => ({ spec, ...(spec.startsWith('openai:') && baseUrl ? { baseUrl } : {}) });
  const overrides = { concurrency: flags.concurrency, requestsPerMinute: flags.rpm, timeoutMs: flags.timeout, maxRetries: flags.maxRetries };
  const translator = resolveModelSettings(entry(flags.model, envBaseUrl), { overrides });
  const judge = flags.judge ? resolveModelSettings(entry(flags.judge, flags.judgeBaseUrl ?? envBaseUrl), { overrides }) : undefined;
  log(`translating ${records.length} record(s) from ${flags.input} into ${flags.to.join(', ')} with ${flags.model} → ${flags.out}`);
  const reporter = flags.quiet ? undefined : createProgressReporter(process.stderr, { label: 'translate' });
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let result: Awaited<ReturnType<typeof runTranslation>>;
  try {
    result = await runTranslation({
      records,
      inputRef: flags.input,
      targets: flags.to,
      translator,
      judge,
      qe: flags.qe,
      ...(flags.qeUrl ? { http: { url: flags.qeUrl, batchSize: flags.qeBatch, timeoutMs: RUN_DEFAULTS.translate.httpTimeoutMs } } : {}),
      thresholds,
      languageCheck: flags.languageCheck,
      lengthRatio: { min: flags.minLengthRatio, max: flags.maxLengthRatio },
      borderlineMargin: flags.borderlineMargin,
      temperature: flags.temperature,
      maxTokens: flags.maxTokens,
      seed: flags.seed,
      ...(flags.priceInput !== undefined || flags.priceOutput !== undefined ? { price: { input: flags.priceInput ?? 0, output: flags.priceOutput ?? 0 } } : {}),
      dbPath: flags.db ?? RUN_DEFAULTS.db,
      useCache: flags.cache !== false,
      signal: controller.signal,
      onProgress: reporter ? (progress) => reporter.update({ ...progress, skipped: 0, invalid: 0, note: progressNote(progress) }) : undefined,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    reporter?.finish();
  }
  if (result.manifest.interrupted) {
    process.stdout.write(
      `interrupted after ${result.records.length} of ${result.manifest.counts.tasks} record(s); nothing written. Run the same command again: answered calls come from the cache\n`,
    );
    process.exitCode = EXIT_CODES.interrupted;
    return;
  }
  const written = writeTranslationOutputs(flags.out, result, records);
  writeFileAtomic(join(flags.out, 'translation-report.md'), renderTranslationMarkdown(result.manifest));
  const { counts, calls, tokens, cost } = result.manifest;
  process.stdout.write(
    [
      formatTextTable(translationLanguageTable(result.manifest), 'text'),
      `kept ${counts.kept} of ${counts.tasks} (${counts.rejected} rejected, ${counts.borderline} borderline)${counts.notTranslated ? `; ${counts.notTranslated} record × language pair(s) already in that language` : ''}`,
      `calls: ${calls.total} (${calls.cached} cached, ${calls.new} new, ${calls.failed} failed); tokens: ${tokens.input} in, ${tokens.output} out (new: ${tokens.newInput} in, ${tokens.newOutput} out)${cost ? `; cost $${cost.total.toFixed(4)} (new $${cost.new.toFixed(4)})` : ''}`,
      `written to ${flags.out}/ (${[...written, 'translation-report.md'].join(', ')})`,
      '',
    ].join('\n'),
  );
  if (calls.failed > 0) {
    process.stdout.write(`${calls.failed} call(s) failed (see rejected.jsonl); run the same command again to retry them: answered calls come from the cache\n`);
    process.exitCode = EXIT_CODES.failure;
  }
}

function progressNote(progress: TranslateProgress): string {
  return `${progress.rejected ? `${progress.rejected} rejected, ` : ''}tokens ${progress.tokens.input} in / ${progress.tokens.output} out${progress.cost !== undefined ? `, $${progress.cost.toFixed(4)}` : ''}`;
}
