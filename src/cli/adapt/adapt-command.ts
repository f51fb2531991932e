import { Command } from 'commander';
import { createAdaptDemoCommand } from './adapt-demo-command.js';
import { createAdaptExportGgufCommand } from './adapt-export-gguf-command.js';
import { createAdaptSetupCommand } from './adapt-setup-command.js';
import { createAdaptTrainCommand } from './adapt-train-command.js';

/** `culturekit adapt`: cultural adaptation — training data, trainer environment, training, GGUF export, evaluation. */
export function createAdaptCommand(): Command {
  return new Command('adapt')
    .description('adapt a model to a culture: prepare data, set up trainers, train stage by stage, export GGUF, evaluate each stage')
    .addCommand(createAdaptSetupCommand().exitOverride())
    .addCommand(createAdaptTrainCommand().exitOverride())
    .addCommand(createAdaptExportGgufCommand().exitOverride())
    .addCommand(createAdaptDemoCommand().exitOverride());
}
