import { buildBenchmark, type BuildManifest, type BuildProgress } from '../../build/build-benchmark.js';
import { loadTemplateFile, type PromptTemplate, type TemplateName } from '../../build/prompt-templates.js';
import { readSources } from '../../build/read-sources.js';
import { writeBuildOutputs } from '../../build/write-build-outputs.js';
import { InputError } from '../../errors/culturekit-error.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { resolveModelSettings } from '../../settings/run-settings.js';
import { EXIT_CODES } from '../../errors/exit-codes.js';
import { createProgressReporter } from '../progress.js';

export interface BuildFlags {
  sources: string;
  generator: string;
  baseUrl?: string;
  out: string;
  languages?: string[];
  knowledge: number;
  safety: number;
  dedupeThreshold: number;
  minhashPermutations: number;
  shingleSize: number;
  templateDecompose?: string;
  templateKnowledge?: string;
  templateSafety?: string;
  priceInput?: number;
  priceOutput?: number;
  temperature: number;
  maxTokens: number;
  seed: number;
  db?: string;
  cache?: boolean;
  concurrency?: number;
  rpm?: number;
  timeout?: number;
  maxRetries?: number;
  quiet?: boolean;
}

/** Runs `culturekit build`. */
export async function runBuildCommand(flags: BuildFlags): Promise<void> {
  if (flags.minhashPermutations % 4 !== 0)
    throw new InputError(`--minhash-permutations: expected a multiple of 4 (bands of 4 rows), got ${flags.minhashPermutations}`);
  const templates: Partial<Record<TemplateName, PromptTemplate>> = {};
  if (flags.templateDecompose) templates.decompose = loadTemplateFile('decompose', flags.templateDecompose);
  if (flags.templateKnowledge) templates.knowledge = loadTemplateFile('knowledge', flags.templateKnowledge);
  if (flags.templateSafety) templates.safety = loadTemplateFile('safety', flags.templateSafety);
  const sources = await readSources(flags.sources);
  const baseUrl = flags.generator.startsWith('openai:') ? (flags.baseUrl ?? process.env.OPENAI_BASE_URL) : undefined;
  const generator = resolveModelSettings(
    { spec: flags.generator, ...(baseUrl ? { baseUrl } : {}) },
    { overrides: { concurrency: flags.concurrency, requestsPerMinute: flags.rpm, timeoutMs: flags.timeout, maxRetries: flags.maxRetries } },
  );
  const log = (line: string) => {
    if (!flags.quiet) process.stderr.write(`${line}\n`);
  };
  log(`building from ${sources.length} source text(s) in ${flags.sources} with ${flags.generator} → ${flags.out}`);
  const reporters = new Map<string, ReturnType<typeof createProgressReporter>>();
  const onProgress = flags.quiet
    ? undefined
    : (progress: BuildProgress) => {
        let reporter = reporters.get(progress.stage);
        if (!reporter) {
          for (const other of reporters.values()) other.finish();
          reporter = createProgressReporter(process.stderr, { label: progress.stage });
          reporters.set(progress.stage, reporter);
        }
        reporter.update({ done: progress.done, total: progress.total, skipped: 0, cached: progress.cached, errors: progress.errors, invalid: 0 });
      };
  const result = await buildBenchmark({
    sources,
    sourcesRef: flags.sources,
    generator,
    languages: flags.languages,
    knowledgePerDescription: flags.knowledge,
    safetyPerDescription: flags.safety,
    templates,
    nearDuplicates: { threshold: flags.dedupeThreshold, permutations: flags.minhashPermutations, shingleSize: flags.shingleSize },
    temperature: flags.temperature,
    maxTokens: flags.maxTokens,
    seed: flags.seed,
    price: { inputPerMillion: flags.priceInput, outputPerMillion: flags.priceOutput },
    dbPath: flags.db ?? RUN_DEFAULTS.db,
    useCache: flags.cache !== false,
    onProgress,
  });
  for (const reporter of reporters.values()) reporter.finish();
  writeBuildOutputs(flags.out, result);
  process.stdout.write(
    `${formatBuildSummary(result.manifest)}\nwritten to ${flags.out}/ (descriptions.jsonl, items.jsonl, dataset.jsonl, rejected.jsonl, build-manifest.json)\n`,
  );
  if (result.manifest.calls.failed > 0) {
    process.stdout.write(
      `${result.manifest.calls.failed} generator call(s) failed (see rejected.jsonl); run the same command again to retry them: answered calls come from the cache\n`,
    );
    process.exitCode = EXIT_CODES.failure;
  }
}

/** The build's counts as a few lines of text. */
export function formatBuildSummary(manifest: BuildManifest): string {
  const { counts, calls, tokens, cost } = manifest;
  const stage = (name: string, value: { proposed: number; rejected: number; kept: number }) =>
    `${name.padEnd(13)} ${String(value.proposed).padStart(6)} proposed ${String(value.rejected).padStart(6)} rejected ${String(value.kept).padStart(6)} kept`;
  const checks = Object.entries(counts.rejectedByCheck)
    .sort(([, left], [, right]) => right - left)
    .map(([check, count]) => `${check} ${count}`)
    .join(', ');
  return [
    `sources       ${String(counts.sources).padStart(6)}`,
    stage('descriptions', counts.descriptions),
    stage('knowledge', counts.knowledge),
    stage('safety', counts.safety),
    `items         ${String(counts.items).padStart(6)}`,
    `rejections by check: ${checks || 'none'}`,
    `calls: ${calls.total} (${calls.cached} cached, ${calls.new} new, ${calls.failed} failed); tokens: ${tokens.input} in, ${tokens.output} out (new: ${tokens.newInput} in, ${tokens.newOutput} out)${cost ? `; cost ${cost.total} (new ${cost.new})` : ''}`,
  ].join('\n');
}
