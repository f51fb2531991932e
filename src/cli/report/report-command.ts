import { Command, Option } from 'commander';
import { formatFromPath, reportFormats, writeReport, type ReportFormat } from '../../report/write-report.js';
import { DEFAULT_DB } from '../eval/eval-command.js';

interface ReportFlags {
  out?: string;
  format?: ReportFormat;
  db?: string;
  metric: string;
}

const DEFAULT_OUT: Record<ReportFormat, string> = { html: 'report.html', md: 'report.md', csv: 'report.csv' };

export function createReportCommand(): Command {
  return new Command('report')
    .description('write a report of one or more runs: a self-contained HTML page with SVG charts, Markdown tables, or a tidy CSV')
    .argument('<runs...>', 'run ids (looked up in --db) or run folders (the --out of culturekit eval); with several, each later run is compared with the first')
    .option('--out <file>', 'file to write (atomically), or - for standard output (default report.html, report.md or report.csv)')
    .addOption(new Option('--format <format>', 'html, md or csv (default: from the --out extension, else html)').choices([...reportFormats]))
    .option('--db <path>', `SQLite store holding the runs given by id (default ${DEFAULT_DB})`)
    .option('--metric <name>', 'the knowledge metric the report leads with', 'accuracy')
    .action(async (runs: string[], flags: ReportFlags) => {
      const format = flags.format ?? (flags.out && flags.out !== '-' ? formatFromPath(flags.out) : undefined) ?? 'html';
      const out = flags.out ?? DEFAULT_OUT[format];
      const result = await writeReport({ runs, dbPath: flags.db ?? DEFAULT_DB, format, out, metric: flags.metric });
      if (result.path) {
        const comparisons = result.report.comparisons.length ? `, ${result.report.comparisons.length} comparison(s)` : '';
        process.stderr.write(`wrote ${result.path} (${result.format}, ${result.report.runs.length} run(s)${comparisons})\n`);
      } else {
        process.stdout.write(result.content);
      }
    });
}
