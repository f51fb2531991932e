import { Command } from 'commander';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { collect } from '../cli-options.js';
import type { ReportFlags } from './report-action.js';

/** `culturekit report`: its options; the report writer is loaded when it runs. */
export function createReportCommand(): Command {
  return new Command('report')
    .description('write a report of one or more runs: a self-contained HTML page with SVG charts, Markdown tables, or a tidy CSV')
    .argument('<runs...>', 'run ids (looked up in --db) or run folders (the --out of culturekit eval); with several, each later run is compared with the first')
    .option('--out <file>', 'file to write (atomically), or - for standard output (default report.html, report.md or report.csv)')
    .option('--format <format>', 'html, md or csv (default: from the --out extension, else html)')
    .option('--db <path>', `SQLite store holding the runs given by id (default ${RUN_DEFAULTS.db})`)
    .option('--metric <name>', 'the knowledge metric the report leads with', 'accuracy')
    .option('--min-n <n>', `cells and groups with fewer results are greyed and not tested (default ${RUN_DEFAULTS.report.minCellN})`)
    .option('--alpha <p>', `family-wise error rate of the worst countries and categories (Holm; default ${RUN_DEFAULTS.report.alpha})`)
    .option('--neurons <dir>', 'add the section of a culturekit neurons --out folder (HTML; repeatable)', collect)
    .action(async (runs: string[], flags: ReportFlags) => (await import('./report-action.js')).runReportCommand(runs, flags));
}
