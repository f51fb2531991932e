import { Command, Option } from 'commander';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import type { ExportFlags } from './export-action.js';

/** `culturekit export`: a run's results and summary as Parquet. */
export function createExportCommand(): Command {
  return new Command('export')
    .description('export a run as Parquet (results.parquet: one row per result; summary.parquet: tidy metrics) for pandas, polars or DuckDB')
    .argument('<run>', 'run folder (the --out of culturekit eval) or run id in --db')
    .requiredOption('--out <dir>', 'folder to write results.parquet and summary.parquet into')
    .addOption(new Option('--format <format>', 'export format').choices(['parquet']).default('parquet'))
    .option('--db <path>', `SQLite store holding runs given by id (default ${RUN_DEFAULTS.db})`)
    .addHelpText('after', "\nExample:\n  culturekit export runs/qwen --out exports/qwen   # then: pandas.read_parquet('exports/qwen/results.parquet')")
    .action(async (run: string, flags: ExportFlags) => (await import('./export-action.js')).runExportCommand(run, flags));
}
