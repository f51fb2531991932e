import { Command } from 'commander';
import { createAdaptDataCommand } from './adapt-data-command.js';
import { createAdaptDemoCommand } from './adapt-demo-command.js';
import { createAdaptEvalCommand } from './adapt-eval-command.js';
import { createAdaptExportGgufCommand } from './adapt-export-gguf-command.js';
import { createAdaptSetupCommand } from './adapt-setup-command.js';
import { createAdaptTrainCommand } from './adapt-train-command.js';

/**
 * `culturekit adapt`: cultural adaptation by instruction tuning. Each subcommand declares its options in its own
 * `adapt-<name>-command.ts` and loads its work lazily; add one with one line here.
 */
export function createAdaptCommand(): Command {
  return new Command('adapt')
    .description('adapt a model to a culture: training sets per stage, trainer environment, training, GGUF export and stage-wise evaluation')
    .addHelpText(
      'after',
      '\nExample:\n  culturekit adapt data --dataset build/japan/dataset.jsonl --out adapt-data --teacher openai:qwen2.5-72b-instruct --judge openai:qwen2.5-72b-instruct',
    )
    .addCommand(createAdaptDataCommand().exitOverride())
    .addCommand(createAdaptSetupCommand().exitOverride())
    .addCommand(createAdaptTrainCommand().exitOverride())
    .addCommand(createAdaptExportGgufCommand().exitOverride())
    .addCommand(createAdaptEvalCommand().exitOverride())
    .addCommand(createAdaptDemoCommand().exitOverride());
}
