import { Command, Option } from 'commander';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { commaList, nonNegativeInteger, nonNegativeNumber, positiveInteger } from '../cli-options.js';
import type { AdaptTrainFlags } from './adapt-train-action.js';

const TRAINERS = ['trl', 'llamafactory', 'axolotl', 'openai'];
const defaults = RUN_DEFAULTS.adaptTrain;

/** `culturekit adapt train`: stage 1 and stage 2 with a real trainer, followed into `<out>/train-manifest.json`. */
export function createAdaptTrainCommand(): Command {
  return new Command('train')
    .description("train stage 1 (knowledge) and stage 2 (safety + replay) with a trainer's own config; follows its logs, re-attaches or resumes after a crash")
    .addOption(new Option('--trainer <name>', 'trainer to drive').choices(TRAINERS).makeOptionMandatory())
    .requiredOption('--data <dir>', 'output folder of culturekit adapt data (manifest.json + <language>/stage1.jsonl, stage2.jsonl)')
    .requiredOption('--base <model>', 'base model: a Hugging Face folder (trl, llamafactory, axolotl) or a model name (openai)')
    .requiredOption('--out <dir>', 'run folder: configs, logs, checkpoints, adapters, train-manifest.json')
    .option('--languages <list>', 'one adapter per language (comma-separated; default every language of the data)', commaList)
    .addOption(
      new Option(
        '--stage2-from <from>',
        `stage 2 continues the stage-1 adapter, or trains a new adapter on the merged stage-1 model (default ${defaults.stage2From})`,
      ).choices(['adapter', 'merged']),
    )
    .option('--stages <list>', 'only these stages (stage1,stage2)', commaList)
    .option('--epochs <n>', `epochs per stage (default ${defaults.epochs})`, positiveInteger('--epochs'))
    .option('--max-steps <n>', 'steps per stage (overrides --epochs)', positiveInteger('--max-steps'))
    .option('--batch-size <n>', `per-device batch size (default ${defaults.batchSize})`, positiveInteger('--batch-size'))
    .option('--learning-rate <x>', `learning rate (default ${defaults.learningRate})`, nonNegativeNumber('--learning-rate'))
    .option('--lora-r <n>', `LoRA rank (default ${defaults.loraR})`, positiveInteger('--lora-r'))
    .option('--lora-alpha <n>', `LoRA alpha (default ${defaults.loraAlpha})`, positiveInteger('--lora-alpha'))
    .option('--max-length <n>', `tokens per example (default ${defaults.maxLength})`, positiveInteger('--max-length'))
    .option('--logging-steps <n>', `log every n steps (default ${defaults.loggingSteps})`, positiveInteger('--logging-steps'))
    .option('--save-steps <n>', `checkpoint every n steps (default ${defaults.saveSteps})`, positiveInteger('--save-steps'))
    .option('--seed <n>', `seed (default ${defaults.seed})`, nonNegativeInteger('--seed'))
    .option('--template <name>', "LLaMA-Factory's chat template name (default: default)")
    .option('--python <path>', 'interpreter of the trainer environment (default CULTUREKIT_PYTHON, then .culturekit/venv)')
    .option('--base-url <url>', 'openai: an OpenAI-compatible provider of the fine-tuning API')
    .option('--api-key <key>', 'openai: API key (default OPENAI_API_KEY)')
    .option(
      '--poll-interval <ms>',
      `openai: how often the job is polled; local trainers: their logs (default ${defaults.pollIntervalMs} / 500)`,
      positiveInteger('--poll-interval'),
    )
    .option('--cancel', 'openai: cancel the running jobs of this --out instead of training')
    .option('--dry-run', 'print the exact command and config of each stage, launch nothing')
    .option('--quiet', 'no progress line')
    .addHelpText(
      'after',
      '\nExamples:\n  culturekit adapt train --trainer trl --data runs/adapt/data --base models/qwen2.5-0.5b --out runs/adapt/trl --max-steps 200\n  culturekit adapt train --trainer openai --data runs/adapt/data --base gpt-4o-mini-2024-07-18 --out runs/adapt/openai --dry-run',
    )
    .action(async (flags: AdaptTrainFlags) => (await import('./adapt-train-action.js')).runAdaptTrainCommand(flags));
}
