import { Command } from 'commander';
import { createAdaptDataCommand } from './adapt-data-command.js';
import { createAdaptEvalCommand } from './adapt-eval-command.js';

/**
 * `culturekit adapt`: cultural adaptation by instruction tuning. Each subcommand declares its options in its own
 * `adapt-<name>-command.ts` and loads its work lazily; add one with one line here.
 */
export function createAdaptCommand(): Command {
  return new Command('adapt')
    .description('adapt a model to a culture: training sets per stage, trainers, GGUF export and stage-wise evaluation')
    .addCommand(createAdaptDataCommand().exitOverride())
    .addCommand(createAdaptEvalCommand().exitOverride());
}
