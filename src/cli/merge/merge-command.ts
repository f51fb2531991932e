import { Command } from 'commander';
import { once } from '../cli-options.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import type { MergeFlags } from './merge-action.js';

/** `culturekit merge`: joins the shares of one plan (`eval --shard i/N`) into one run. */
export function createMergeCommand(): Command {
  return new Command('merge')
    .description('join the run folders of `culturekit eval --shard i/N` (one per share) into one run, as if it had run whole')
    .argument('<run-dirs...>', 'the --out folders of the shares, in any order')
    .requiredOption('--out <dir>', 'folder for the merged manifest.json, results.jsonl and summary.json', once('--out'))
    .option('--db <path>', `SQLite store the merged run is saved in (default ${RUN_DEFAULTS.db})`, once('--db'))
    .option('--id <run-id>', 'the merged run id (default run-merged-<plan hash>)', once('--id'))
    .addHelpText('after', '\nExample:\n  culturekit merge runs/s0 runs/s1 runs/s2 runs/s3 --out runs/all')
    .action(async (dirs: string[], flags: MergeFlags) => (await import('./merge-action.js')).runMergeCommand(dirs, flags));
}
