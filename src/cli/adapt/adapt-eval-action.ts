import { join } from 'node:path';
import { type AdaptationSet, type AdaptationSummary, runAdaptEval } from '../../adapt/eval/run-adapt-eval.js';
import { InputError } from '../../errors/culturekit-error.js';
import { buildReport } from '../../report/build-report.js';
import { loadReportRuns } from '../../report/load-report-runs.js';
import { renderAdaptationMarkdown } from '../../report/adaptation-section.js';
import { renderReport } from '../../report/write-report.js';
import type { McqMethod, ModelEntry } from '../../schema/manifest.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { writeFileAtomic } from '../../util/write-file-atomic.js';
import { createProgressReporter } from '../progress.js';

export interface AdaptEvalFlags {
  base: string;
  stage: string[];
  out: string;
  knowledge?: string;
  safety?: string;
  english?: string;
  judge?: string[];
  trainDir?: string;
  englishTolerance?: number;
  mcqMethod?: McqMethod;
  baseUrl?: string;
  db?: string;
  concurrency?: number;
  threads?: number;
  quiet?: boolean;
}

/** Runs `culturekit adapt eval`. */
export async function runAdaptEvalCommand(flags: AdaptEvalFlags): Promise<void> {
  const entry = (spec: string): ModelEntry => {
    const baseUrl = spec.startsWith('openai:') ? (flags.baseUrl ?? process.env.OPENAI_BASE_URL) : undefined;
    return { spec, ...(baseUrl ? { baseUrl } : {}) };
  };
  const stages = flags.stage.map((value) => {
    const at = value.indexOf('=');
    if (at <= 0 || at === value.length - 1)
      throw new InputError(`--stage: expected <name>=<model spec>, e.g. stage1=llama:base.gguf?lora=stage1.gguf, got "${value}"`);
    return { name: value.slice(0, at), model: entry(value.slice(at + 1)) };
  });
  const dbPath = flags.db ?? RUN_DEFAULTS.db;
  const reporters = new Map<AdaptationSet, ReturnType<typeof createProgressReporter>>();
  const summary = await runAdaptEval({
    base: entry(flags.base),
    stages,
    knowledge: flags.knowledge,
    safety: flags.safety,
    english: flags.english,
    judges: flags.judge?.map(entry),
    trainDir: flags.trainDir,
    englishTolerance: flags.englishTolerance,
    mcqMethod: flags.mcqMethod,
    dbPath,
    outDir: flags.out,
    runtime: { concurrency: flags.concurrency, threads: flags.threads },
    onWarning: (message) => {
      if (!flags.quiet) process.stderr.write(`warning: ${message}\n`);
    },
    onProgress: flags.quiet
      ? undefined
      : (set, progress) => {
          let reporter = reporters.get(set);
          if (!reporter) {
            for (const other of reporters.values()) other.finish();
            reporters.set(set, (reporter = createProgressReporter(process.stderr, { label: set })));
          }
          reporter.update(progress);
        },
  });
  for (const reporter of reporters.values()) reporter.finish();
  await writeAdaptationReports(summary, flags.out, dbPath);
  process.stdout.write(
    `${renderAdaptationMarkdown(summary, { groups: false })}\nwritten to ${flags.out}/ (adaptation.json, report.html, report.md, one eval run per set)\n`,
  );
  const flagged = summary.retention.filter((check) => check.flagged);
  if (flagged.length > 0)
    process.stdout.write(
      `English retention flag: ${flagged.map((check) => `${check.stage} dropped ${check.drop.toFixed(3)} (> ${check.tolerance})`).join('; ')}\n`,
    );
}

/** `report.html` and `report.md`: the "Adaptation" section first, then each set's run. */
async function writeAdaptationReports(summary: AdaptationSummary, outDir: string, dbPath: string): Promise<void> {
  const runs = loadReportRuns(
    summary.sets.map((set) => set.runDir),
    { dbPath },
  );
  const report = { ...buildReport(runs), comparisons: [], unpairedSeries: [], adaptation: summary };
  for (const format of ['html', 'md'] as const) writeFileAtomic(join(outDir, `report.${format}`), await renderReport(report, format));
}
