import { Command } from 'commander';
import { buildBenchmark, type BuildManifest, type BuildProgress } from '../../build/build-benchmark.js';
import { loadTemplateFile, type PromptTemplate, type TemplateName } from '../../build/prompt-templates.js';
import { readSources } from '../../build/read-sources.js';
import { writeBuildOutputs } from '../../build/write-build-outputs.js';
import { InputError } from '../../errors/culturekit-error.js';
import { languageTag } from '../../schema/fields.js';
import type { ModelEntry } from '../../schema/manifest.js';
import { commaList, nonNegativeInteger, nonNegativeNumber, positiveInteger } from '../cli-options.js';
import { DEFAULT_DB } from '../eval/eval-command.js';
import { createProgressReporter } from '../progress.js';

interface BuildFlags {
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

function fraction(name: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0 || parsed > 1) throw new InputError(`${name}: expected a number in (0, 1], got "${value}"`);
    return parsed;
  };
}

function languageList(value: string): string[] {
  const languages = commaList(value);
  if (languages.length === 0) throw new InputError('--languages: expected a comma-separated list such as en,ja');
  for (const language of languages) {
    if (!languageTag.safeParse(language).success) throw new InputError(`--languages: "${language}" is not a BCP 47 language tag such as en, zh or pt-BR`);
  }
  return languages;
}

/** `culturekit build`: source texts → descriptions → knowledge and safety queries → checked items. */
export function createBuildCommand(): Command {
  return new Command('build')
    .description('build a benchmark from source texts about cultures: decompose into descriptions, generate knowledge and safety queries with a model, check them')
    .requiredOption('--sources <file>', 'source texts: .jsonl/.json/.csv/.parquet records {country, topic, text, source[, id, language]}')
    .requiredOption('--generator <spec>', 'the generator model: openai:<model> or llama:<path.gguf>')
    .requiredOption('--out <dir>', 'folder for descriptions.jsonl, items.jsonl, dataset.jsonl, rejected.jsonl, build-manifest.json')
    .option('--base-url <url>', 'OpenAI-compatible base URL for an openai: generator (default $OPENAI_BASE_URL)')
    .option('--languages <tags>', 'languages of the queries, e.g. en,ja (default: each description\'s own language)', languageList)
    .option('--knowledge <n>', 'knowledge queries per description and language (multiple choice, true/false, open in turn)', nonNegativeInteger('--knowledge'), 5)
    .option('--safety <n>', 'safety queries (scene + request) per description and language', nonNegativeInteger('--safety'), 5)
    .option('--dedupe-threshold <j>', 'estimated Jaccard similarity from which a query is a near-duplicate', fraction('--dedupe-threshold'), 0.8)
    .option('--minhash-permutations <n>', 'MinHash hash functions (a multiple of 4)', positiveInteger('--minhash-permutations'), 128)
    .option('--shingle-size <n>', 'code points per character shingle', positiveInteger('--shingle-size'), 3)
    .option('--template-decompose <file>', 'prompt template file for decomposition (default build-decompose@1)')
    .option('--template-knowledge <file>', 'prompt template file for knowledge queries (default build-knowledge@1)')
    .option('--template-safety <file>', 'prompt template file for safety queries (default build-safety@1)')
    .option('--price-input <price>', 'price per 1M input tokens, for the cost in the manifest', nonNegativeNumber('--price-input'))
    .option('--price-output <price>', 'price per 1M output tokens', nonNegativeNumber('--price-output'))
    .option('--temperature <t>', 'generator sampling temperature', nonNegativeNumber('--temperature'), 0.7)
    .option('--max-tokens <n>', 'most tokens per generator reply', positiveInteger('--max-tokens'), 4096)
    .option('--seed <n>', 'seed sent with every request (part of the cache key: change it to ask again)', nonNegativeInteger('--seed'), 1)
    .option('--db <path>', `SQLite store that caches every generator call (default ${DEFAULT_DB})`)
    .option('--no-cache', 'do not read cached calls (new calls are still cached)')
    .option('--concurrency <n>', 'requests in flight (default 8)', positiveInteger('--concurrency'))
    .option('--rpm <n>', 'requests-per-minute limit', positiveInteger('--rpm'))
    .option('--timeout <ms>', 'timeout of one call in milliseconds (default 120000)', positiveInteger('--timeout'))
    .option('--max-retries <n>', 'retries of a failed call that may succeed later (default 4)', nonNegativeInteger('--max-retries'))
    .option('--quiet', 'no progress lines')
    .action(async (flags: BuildFlags) => {
      if (flags.minhashPermutations % 4 !== 0) throw new InputError(`--minhash-permutations: expected a multiple of 4 (bands of 4 rows), got ${flags.minhashPermutations}`);
      const templates: Partial<Record<TemplateName, PromptTemplate>> = {};
      if (flags.templateDecompose) templates.decompose = loadTemplateFile('decompose', flags.templateDecompose);
      if (flags.templateKnowledge) templates.knowledge = loadTemplateFile('knowledge', flags.templateKnowledge);
      if (flags.templateSafety) templates.safety = loadTemplateFile('safety', flags.templateSafety);
      const sources = await readSources(flags.sources);
      const generator: ModelEntry = {
        spec: flags.generator,
        ...(flags.generator.startsWith('openai:') && (flags.baseUrl ?? process.env.OPENAI_BASE_URL) ? { baseUrl: flags.baseUrl ?? process.env.OPENAI_BASE_URL } : {}),
        ...(flags.concurrency ? { concurrency: flags.concurrency } : {}),
        ...(flags.rpm ? { requestsPerMinute: flags.rpm } : {}),
        ...(flags.timeout ? { timeoutMs: flags.timeout } : {}),
        ...(flags.maxRetries !== undefined ? { maxRetries: flags.maxRetries } : {}),
      };
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
        modelDefaults: { timeoutMs: flags.timeout },
        languages: flags.languages,
        knowledgePerDescription: flags.knowledge,
        safetyPerDescription: flags.safety,
        templates,
        nearDuplicates: { threshold: flags.dedupeThreshold, permutations: flags.minhashPermutations, shingleSize: flags.shingleSize },
        temperature: flags.temperature,
        maxTokens: flags.maxTokens,
        seed: flags.seed,
        price: { inputPerMillion: flags.priceInput, outputPerMillion: flags.priceOutput },
        dbPath: flags.db ?? DEFAULT_DB,
        useCache: flags.cache !== false,
        concurrency: flags.concurrency,
        onProgress,
      });
      for (const reporter of reporters.values()) reporter.finish();
      writeBuildOutputs(flags.out, result);
      process.stdout.write(`${formatBuildSummary(result.manifest)}\nwritten to ${flags.out}/ (descriptions.jsonl, items.jsonl, dataset.jsonl, rejected.jsonl, build-manifest.json)\n`);
      if (result.manifest.calls.failed > 0) {
        process.stdout.write(`${result.manifest.calls.failed} generator call(s) failed (see rejected.jsonl); run the same command again to retry them: answered calls come from the cache\n`);
        process.exitCode = 1;
      }
    });
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
