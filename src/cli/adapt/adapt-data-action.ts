import { readReplayFile } from '../../adapt/data/read-replay.js';
import { type PrepareDataProgress, prepareTrainingData } from '../../adapt/data/prepare-training-data.js';
import type { DataManifest } from '../../adapt/data/data-manifest.js';
import { loadDataset } from '../../benchmarks/load-dataset.js';
import { InputError } from '../../errors/culturekit-error.js';
import { EXIT_CODES } from '../../errors/exit-codes.js';
import type { ModelEntry } from '../../schema/manifest.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { createProgressReporter } from '../progress.js';

export interface AdaptDataFlags {
  dataset: string;
  out: string;
  teacher?: string;
  judge?: string;
  baseUrl?: string;
  minJudgeScore: number;
  replay?: string;
  replayRatio?: number;
  languages?: string[];
  evalFraction?: number;
  evalSet?: string;
  dedupeThreshold: number;
  seed: number;
  temperature: number;
  maxTokens: number;
  priceInput?: number;
  priceOutput?: number;
  db?: string;
  cache?: boolean;
  concurrency?: number;
  quiet?: boolean;
}

/** Runs `culturekit adapt data`. */
export async function runAdaptDataCommand(flags: AdaptDataFlags): Promise<void> {
  const log = (line: string) => {
    if (!flags.quiet) process.stderr.write(`${line}\n`);
  };
  const onWarning = (message: string) => log(`warning: ${message}`);
  const dataset = await loadDataset(flags.dataset, { onWarning });
  const evalSet = flags.evalSet ? await loadDataset(flags.evalSet, { onWarning }) : undefined;
  const replay = flags.replay ? readReplayFile(flags.replay) : undefined;
  if (flags.replayRatio !== undefined && flags.replayRatio > 0 && !replay) throw new InputError('--replay-ratio needs --replay <file.jsonl>');
  const entry = (spec: string | undefined): ModelEntry | undefined => {
    if (!spec) return undefined;
    const baseUrl = spec.startsWith('openai:') ? (flags.baseUrl ?? process.env.OPENAI_BASE_URL) : undefined;
    return { spec, ...(baseUrl ? { baseUrl } : {}) };
  };
  const price =
    flags.priceInput !== undefined || flags.priceOutput !== undefined ? { input: flags.priceInput ?? 0, output: flags.priceOutput ?? 0 } : undefined;
  log(`preparing training sets from ${dataset.items.length} item(s) of ${flags.dataset} → ${flags.out}`);
  let last: PrepareDataProgress | undefined;
  const reporter = flags.quiet
    ? undefined
    : createProgressReporter(process.stderr, {
        label: 'teacher+judge',
        extra: () =>
          last
            ? `${last.kept} kept, ${last.rejected} rejected  tokens ${last.inputTokens} in / ${last.outputTokens} out${price ? `  cost ${last.cost.toFixed(4)}` : ''}`
            : '',
      });
  const result = await prepareTrainingData({
    dataset,
    evalSet,
    evalFraction: flags.evalFraction,
    languages: flags.languages,
    replay,
    replayRatio: flags.replayRatio,
    seed: flags.seed,
    teacher: entry(flags.teacher),
    judge: entry(flags.judge),
    prices: price ? { teacher: price, judge: price } : undefined,
    minJudgeScore: flags.minJudgeScore,
    temperature: flags.temperature,
    maxTokens: flags.maxTokens,
    nearDuplicateThreshold: flags.dedupeThreshold,
    dbPath: flags.db ?? RUN_DEFAULTS.db,
    useCache: flags.cache !== false,
    concurrency: flags.concurrency,
    outDir: flags.out,
    onProgress: (progress) => {
      last = progress;
      reporter?.update({ done: progress.done, total: progress.total, skipped: 0, cached: progress.cached, errors: progress.errors, invalid: 0 });
    },
  });
  reporter?.finish();
  process.stdout.write(
    `${formatDataSummary(result.manifest)}\nwritten to ${flags.out}/ (manifest.json, <language>/stage1.jsonl, <language>/stage2.jsonl, exports/, rejects.jsonl)\n`,
  );
  if (result.manifest.calls.failed > 0) {
    process.stdout.write(
      `${result.manifest.calls.failed} teacher/judge call(s) failed (see rejects.jsonl); run the same command again to retry them: answered calls come from the cache\n`,
    );
    process.exitCode = EXIT_CODES.failure;
  }
}

/** The counts of a data manifest as a few lines of text. */
export function formatDataSummary(manifest: DataManifest): string {
  const { counts, calls, tokens } = manifest;
  const lines = [
    `descriptions: ${counts.descriptions.train} for training, ${counts.descriptions.eval} held out or in the eval set`,
    `leakage: ${counts.leakage.evalDescription} item(s) of eval descriptions kept out, ${counts.leakage.nearDuplicate} near-duplicate(s) of eval items dropped`,
    `safety: ${counts.safety.asked} asked, ${counts.safety.kept} kept, ${counts.safety.rejected} rejected (see rejects.jsonl)`,
  ];
  for (const file of manifest.files) {
    const sources = Object.entries(file.bySource ?? {})
      .map(([source, count]) => `${source} ${count}`)
      .join(', ');
    lines.push(`${file.path.padEnd(18)} ${String(file.count).padStart(6)} examples${sources ? ` (${sources})` : ''}`);
  }
  lines.push(
    `calls: ${calls.total} (${calls.cached} cached, ${calls.new} new, ${calls.failed} failed); tokens: ${tokens.input} in, ${tokens.output} out${manifest.cost !== undefined ? `; cost ${manifest.cost}` : ''}`,
  );
  lines.push(`exports: ${[...new Set(manifest.exports.map((file) => file.format))].join(', ')} (each read back and checked)`);
  return lines.join('\n');
}
