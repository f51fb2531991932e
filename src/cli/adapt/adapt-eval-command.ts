import { Command, Option } from 'commander';
import { mcqMethods } from '../../schema/manifest.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { collect, nonNegativeNumber, positiveInteger } from '../cli-options.js';
import type { AdaptEvalFlags } from './adapt-eval-action.js';

/** `culturekit adapt eval`: the eval engine on base and each stage; the report's "Adaptation" section. */
export function createAdaptEvalCommand(): Command {
  return new Command('eval')
    .description('evaluate base and each stage on knowledge, safety (judged) and English sets; report with 95% CIs, paired tests, retention flag, loss curves')
    .requiredOption('--base <spec>', 'the base model, e.g. llama:base.gguf or openai:<model>')
    .requiredOption('--stage <name=spec>', 'a stage and its model, repeatable: --stage stage1=llama:base.gguf?lora=stage1.gguf', collect)
    .requiredOption('--out <dir>', 'output folder: <set>/ eval runs, adaptation.json, report.html, report.md')
    .option('--knowledge <dataset>', 'knowledge set (e.g. the held-out <adapt data out>/eval/dataset.jsonl)')
    .option('--safety <dataset>', 'safety set (open answers scored by --judge)')
    .option('--english <dataset|builtin>', 'English-ability set; builtin: culturekit’s own 50 general-knowledge questions')
    .option('--judge <spec>', 'judge model for the safety set, repeatable (a panel)', collect)
    .option('--train-dir <dir>', 'folder with train-manifest.json (written by adapt train): loss curves in the report')
    .option(
      '--english-tolerance <x>',
      `flag a stage whose English score drops below base by more than this (default ${RUN_DEFAULTS.adapt.englishTolerance})`,
      nonNegativeNumber('--english-tolerance'),
    )
    .addOption(new Option('--mcq-method <method>', 'multiple choice by letter or by log-likelihood (base models: loglik)').choices(mcqMethods))
    .option('--base-url <url>', 'OpenAI-compatible base URL for openai: models (default $OPENAI_BASE_URL)')
    .option('--db <path>', `SQLite store (cache and results; default ${RUN_DEFAULTS.db})`)
    .option('--concurrency <n>', `requests in flight per model (default ${RUN_DEFAULTS.concurrency})`, positiveInteger('--concurrency'))
    .option('--threads <n>', 'CPU threads of llama: models', positiveInteger('--threads'))
    .option('--quiet', 'no progress lines')
    .addHelpText(
      'after',
      '\nExample:\n  culturekit adapt eval --base llama:base.gguf --stage stage1=llama:base.gguf?lora=stage1.gguf --stage stage2=llama:base.gguf?lora=stage2.gguf --knowledge adapt-data/eval/dataset.jsonl --english builtin --train-dir adapt-train --out runs/adapt',
    )
    .action(async (flags: AdaptEvalFlags) => (await import('./adapt-eval-action.js')).runAdaptEvalCommand(flags));
}
