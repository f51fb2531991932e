import { Command } from 'commander';
import { InputError } from '../../errors/culturekit-error.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { languageList } from '../build/build-command.js';
import { nonNegativeInteger, nonNegativeNumber, positiveInteger } from '../cli-options.js';
import type { AdaptDataFlags } from './adapt-data-action.js';

/** A number in [low, high) (or (low, high) when `openLow`). */
export function numberBetween(name: string, low: number, high: number, openLow = false) {
  return (value: string): number => {
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isFinite(parsed) || parsed < low || (openLow && parsed === low) || parsed >= high)
      throw new InputError(`${name}: expected a number in ${openLow ? '(' : '['}${low}, ${high}), got "${value}"`);
    return parsed;
  };
}

function jaccardThreshold(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !(parsed > 0 && parsed <= 1)) throw new InputError(`--dedupe-threshold: expected a number in (0, 1], got "${value}"`);
  return parsed;
}

/** `culturekit adapt data`: per-stage training sets (knowledge, judged safety + replay) and their exports. */
export function createAdaptDataCommand(): Command {
  const defaults = RUN_DEFAULTS.adapt;
  return new Command('data')
    .description(
      'make per-stage training sets from a verified dataset: stage 1 knowledge, stage 2 judged safety answers + general replay; exports for each trainer',
    )
    .requiredOption('--dataset <ref>', 'verified descriptions and queries: a benchmark ref, a .jsonl/.json/.csv/.parquet file or builtin:sample')
    .requiredOption('--out <dir>', 'output folder: <language>/stage1.jsonl, <language>/stage2.jsonl, exports/, eval/, rejects.jsonl, manifest.json')
    .option('--teacher <spec>', 'the model that writes stage-2 safety answers (given the description): openai:<model> or llama:<path.gguf>')
    .option('--judge <spec>', 'the model that scores the teacher answers (cultural-safety rubrics, 1–10)')
    .option('--base-url <url>', 'OpenAI-compatible base URL for openai: teacher and judge (default $OPENAI_BASE_URL)')
    .option(
      '--min-judge-score <n>',
      'keep a teacher answer when the mean judge score reaches this',
      nonNegativeNumber('--min-judge-score'),
      defaults.minJudgeScore,
    )
    .option(
      '--replay <file>',
      'general (English) examples to replay in stage 2: JSONL of {messages} | {prompt, completion} | {instruction, output} | {conversations}',
    )
    .option('--replay-ratio <r>', 'share of replay examples in each stage-2 file, in [0, 1) (exact, seeded counts)', numberBetween('--replay-ratio', 0, 1))
    .option('--languages <tags>', 'languages to make sets for, e.g. en,ja (default: every language of the training items)', languageList)
    .option(
      '--eval-fraction <f>',
      'share of the descriptions held out for evaluation (written to <out>/eval/dataset.jsonl)',
      numberBetween('--eval-fraction', 0, 1, true),
    )
    .option('--eval-set <ref>', 'an evaluation set: its descriptions never reach training and its prompts are checked for near-duplicates')
    .option(
      '--dedupe-threshold <j>',
      'estimated Jaccard similarity from which a training prompt leaks an eval item',
      jaccardThreshold,
      defaults.nearDuplicateThreshold,
    )
    .option('--seed <n>', 'seed of the split, the replay sample and the shuffles (also sent to the teacher)', nonNegativeInteger('--seed'), defaults.seed)
    .option('--temperature <t>', 'teacher sampling temperature', nonNegativeNumber('--temperature'), defaults.teacherTemperature)
    .option('--max-tokens <n>', 'most tokens per teacher answer', positiveInteger('--max-tokens'), defaults.teacherMaxTokens)
    .option('--price-input <price>', 'price per 1M input tokens (teacher and judge), for the cost shown', nonNegativeNumber('--price-input'))
    .option('--price-output <price>', 'price per 1M output tokens', nonNegativeNumber('--price-output'))
    .option('--db <path>', `SQLite store that caches every teacher and judge call (default ${RUN_DEFAULTS.db})`)
    .option('--no-cache', 'do not read cached calls (new calls are still cached)')
    .option('--concurrency <n>', `requests in flight per model (default ${RUN_DEFAULTS.concurrency})`, positiveInteger('--concurrency'))
    .option('--quiet', 'no progress lines')
    .addHelpText(
      'after',
      '\nExample:\n  culturekit adapt data --dataset build/japan/dataset.jsonl --out adapt-data --teacher openai:qwen2.5-72b-instruct --judge openai:qwen2.5-72b-instruct --base-url http://127.0.0.1:8000/v1 --replay general.jsonl --replay-ratio 0.3 --eval-fraction 0.2',
    )
    .action(async (flags: AdaptDataFlags) => (await import('./adapt-data-action.js')).runAdaptDataCommand(flags));
}
