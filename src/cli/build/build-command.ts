import { Command } from 'commander';
import { InputError } from '../../errors/culturekit-error.js';
import { languageTag } from '../../schema/fields.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { commaList, nonNegativeInteger, nonNegativeNumber, positiveInteger } from '../cli-options.js';
import type { BuildFlags } from './build-action.js';

function fraction(name: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0 || parsed > 1) throw new InputError(`${name}: expected a number in (0, 1], got "${value}"`);
    return parsed;
  };
}

export function languageList(value: string): string[] {
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
    .description(
      'build a benchmark from source texts about cultures: decompose into descriptions, generate knowledge and safety queries with a model, check them',
    )
    .requiredOption('--sources <file>', 'source texts: .jsonl/.json/.csv/.parquet records {country, topic, text, source[, id, language]}')
    .requiredOption('--generator <spec>', 'the generator model: openai:<model> or llama:<path.gguf>')
    .requiredOption('--out <dir>', 'folder for descriptions.jsonl, items.jsonl, dataset.jsonl, rejected.jsonl, build-manifest.json')
    .option('--base-url <url>', 'OpenAI-compatible base URL for an openai: generator (default $OPENAI_BASE_URL)')
    .option('--languages <tags>', "languages of the queries, e.g. en,ja (default: each description's own language)", languageList)
    .option(
      '--knowledge <n>',
      'knowledge queries per description and language (multiple choice, true/false, open in turn)',
      nonNegativeInteger('--knowledge'),
      RUN_DEFAULTS.build.knowledgePerDescription,
    )
    .option(
      '--safety <n>',
      'safety queries (scene + request) per description and language',
      nonNegativeInteger('--safety'),
      RUN_DEFAULTS.build.safetyPerDescription,
    )
    .option('--dedupe-threshold <j>', 'estimated Jaccard similarity from which a query is a near-duplicate', fraction('--dedupe-threshold'), 0.8)
    .option('--minhash-permutations <n>', 'MinHash hash functions (a multiple of 4)', positiveInteger('--minhash-permutations'), 128)
    .option('--shingle-size <n>', 'code points per character shingle', positiveInteger('--shingle-size'), 3)
    .option('--template-decompose <file>', 'prompt template file for decomposition (default build-decompose@1)')
    .option('--template-knowledge <file>', 'prompt template file for knowledge queries (default build-knowledge@1)')
    .option('--template-safety <file>', 'prompt template file for safety queries (default build-safety@1)')
    .option('--price-input <price>', 'price per 1M input tokens, for the cost in the manifest', nonNegativeNumber('--price-input'))
    .option('--price-output <price>', 'price per 1M output tokens', nonNegativeNumber('--price-output'))
    .option('--temperature <t>', 'generator sampling temperature', nonNegativeNumber('--temperature'), RUN_DEFAULTS.build.temperature)
    .option('--max-tokens <n>', 'most tokens per generator reply', positiveInteger('--max-tokens'), RUN_DEFAULTS.build.maxTokens)
    .option('--seed <n>', 'seed sent with every request (part of the cache key: change it to ask again)', nonNegativeInteger('--seed'), RUN_DEFAULTS.build.seed)
    .option('--db <path>', `SQLite store that caches every generator call (default ${RUN_DEFAULTS.db})`)
    .option('--no-cache', 'do not read cached calls (new calls are still cached)')
    .option('--concurrency <n>', `requests in flight (default ${RUN_DEFAULTS.concurrency})`, positiveInteger('--concurrency'))
    .option('--rpm <n>', 'requests-per-minute limit', positiveInteger('--rpm'))
    .option('--timeout <ms>', `timeout of one call in milliseconds (default ${RUN_DEFAULTS.timeoutMs})`, positiveInteger('--timeout'))
    .option('--max-retries <n>', `retries of a failed call that may succeed later (default ${RUN_DEFAULTS.maxRetries})`, nonNegativeInteger('--max-retries'))
    .option('--quiet', 'no progress lines')
    .action(async (flags: BuildFlags) => (await import('./build-action.js')).runBuildCommand(flags));
}
