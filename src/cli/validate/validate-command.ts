import { Command } from 'commander';
import type { ValidateFlags } from './validate-action.js';

/** `culturekit validate`: checks config files and datasets without running anything. */
export function createValidateCommand(): Command {
  return new Command('validate')
    .description('check config files (.yaml: fields, models, plugins, and the dataset they name) and datasets without running anything')
    .argument('<files...>', 'culturekit.config.yaml, or datasets: a .jsonl/.json/.csv/.parquet file or <benchmark>:<path>')
    .option('--skip-invalid', 'accept a dataset with invalid records (counted) instead of rejecting it')
    .addHelpText('after', '\nExamples:\n  culturekit validate culturekit.config.yaml\n  culturekit validate data/items.jsonl blend:/data/blend')
    .action(async (files: string[], flags: ValidateFlags) => (await import('./validate-action.js')).runValidateCommand(files, flags));
}
