import { Command } from 'commander';
import { InputError } from '../../errors/culturekit-error.js';
import { languageTag } from '../../schema/fields.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { qeMethods, type QeMethod } from '../../translate/translation-record.js';
import { commaList, nonNegativeInteger, nonNegativeNumber, positiveInteger } from '../cli-options.js';
import type { TranslateFlags } from './translate-action.js';

function languages(value: string): string[] {
  const list = commaList(value);
  if (list.length === 0) throw new InputError('--to: expected a comma-separated list such as ja,zh,hi,sw');
  for (const language of list) {
    if (!languageTag.safeParse(language).success) throw new InputError(`--to: "${language}" is not a BCP 47 language tag such as ja, zh or pt-BR`);
  }
  return list;
}

function methods(value: string): QeMethod[] {
  const list = commaList(value);
  for (const method of list) {
    if (!(qeMethods as readonly string[]).includes(method)) throw new InputError(`--qe: unknown method "${method}"; methods: ${qeMethods.join(', ')}`);
  }
  return list as QeMethod[];
}

function number(name: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isFinite(parsed)) throw new InputError(`${name}: expected a number, got "${value}"`);
    return parsed;
  };
}

const defaults = RUN_DEFAULTS.translate;

/** `culturekit translate`: instruction data or benchmark items → other languages, with quality estimation and filters. */
export function createTranslateCommand(): Command {
  return new Command('translate')
    .description('translate instruction data or benchmark items into other languages through a model; estimate quality, filter, report per language')
    .requiredOption('--input <ref>', 'instruction data (.jsonl/.json/.csv/.parquet records with instruction, input, output) or any dataset eval reads')
    .requiredOption('--to <languages>', 'target languages, e.g. ja,zh,hi,sw', languages)
    .requiredOption('--model <spec>', 'the translator: openai:<model> or llama:<path.gguf>')
    .requiredOption('--out <dir>', 'folder for kept.jsonl, rejected.jsonl, <language>/…, translation-manifest.json, translation-report.md')
    .option('--from <language>', 'language of instruction records without a "language" field', defaults.sourceLanguage)
    .option('--base-url <url>', 'OpenAI-compatible base URL for an openai: model (default $OPENAI_BASE_URL)')
    .option('--judge <spec>', 'the GEMBA judge (default: the translator)')
    .option('--judge-base-url <url>', 'base URL of an openai: judge (default: --base-url)')
    .option('--qe <methods>', `quality estimation, any of ${qeMethods.join(', ')}`, methods, [])
    .option('--qe-url <url>', 'the external QE service for --qe http: POST [{src, mt}] → [score]')
    .option('--qe-batch <n>', 'segments per request to the QE service', positiveInteger('--qe-batch'), defaults.httpBatch)
    .option('--min-gemba <score>', 'reject below this GEMBA-DA score (0–100)', number('--min-gemba'))
    .option('--min-mqm <score>', 'reject below this GEMBA-MQM score (−25…0)', number('--min-mqm'))
    .option('--min-chrf <score>', 'reject below this round-trip chrF (0–100)', number('--min-chrf'))
    .option('--min-chrfpp <score>', 'reject below this round-trip chrF++ (0–100)', number('--min-chrfpp'))
    .option('--min-qe <score>', 'reject below this score of the QE service', number('--min-qe'))
    .option('--no-language-check', 'keep translations whatever language they are identified as')
    .option(
      '--min-length-ratio <r>',
      'reject translations shorter than this share of the source',
      nonNegativeNumber('--min-length-ratio'),
      defaults.minLengthRatio,
    )
    .option(
      '--max-length-ratio <r>',
      'reject translations longer than this multiple of the source',
      nonNegativeNumber('--max-length-ratio'),
      defaults.maxLengthRatio,
    )
    .option(
      '--borderline-margin <points>',
      'kept records this close to a threshold are borderline',
      nonNegativeNumber('--borderline-margin'),
      defaults.borderlineMargin,
    )
    .option('--temperature <t>', 'sampling temperature of translator and judge', nonNegativeNumber('--temperature'), defaults.temperature)
    .option('--max-tokens <n>', 'most tokens per translation', positiveInteger('--max-tokens'), defaults.maxTokens)
    .option('--seed <n>', 'seed sent with every request (part of the cache key)', nonNegativeInteger('--seed'), defaults.seed)
    .option('--price-input <price>', 'US dollars per 1M input tokens (every call), for the cost', nonNegativeNumber('--price-input'))
    .option('--price-output <price>', 'US dollars per 1M output tokens', nonNegativeNumber('--price-output'))
    .option('--db <path>', `SQLite store that caches every call (default ${RUN_DEFAULTS.db})`)
    .option('--no-cache', 'do not read cached calls (new calls are still cached)')
    .option('--concurrency <n>', `records in flight (default ${RUN_DEFAULTS.concurrency})`, positiveInteger('--concurrency'))
    .option('--rpm <n>', 'requests-per-minute limit', positiveInteger('--rpm'))
    .option('--timeout <ms>', `timeout of one call in milliseconds (default ${RUN_DEFAULTS.timeoutMs})`, positiveInteger('--timeout'))
    .option('--max-retries <n>', `retries of a failed call that may succeed later (default ${RUN_DEFAULTS.maxRetries})`, nonNegativeInteger('--max-retries'))
    .option('--quiet', 'no progress lines')
    .action(async (flags: TranslateFlags) => (await import('./translate-action.js')).runTranslateCommand(flags));
}
