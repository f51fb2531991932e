import { formatFromPath, reportFormats, writeReport, type ReportFormat } from '../../report/write-report.js';
import { InputError } from '../../errors/culturekit-error.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';

export interface ReportFlags {
  out?: string;
  format?: string;
  db?: string;
  metric: string;
  neurons?: string[];
}

const DEFAULT_OUT: Record<ReportFormat, string> = { html: 'report.html', md: 'report.md', csv: 'report.csv' };

/** Runs `culturekit report`. */
export async function runReportCommand(runs: string[], flags: ReportFlags): Promise<void> {
  if (flags.format !== undefined && !(reportFormats as readonly string[]).includes(flags.format)) {
    throw new InputError(`--format: expected one of ${reportFormats.join(', ')}, got "${flags.format}"`);
  }
  const format = (flags.format as ReportFormat | undefined) ?? (flags.out && flags.out !== '-' ? formatFromPath(flags.out) : undefined) ?? 'html';
  const out = flags.out ?? DEFAULT_OUT[format];
  const result = await writeReport({ runs, dbPath: flags.db ?? RUN_DEFAULTS.db, format, out, metric: flags.metric, neurons: flags.neurons });
  if (result.path) {
    const comparisons = result.report.comparisons.length ? `, ${result.report.comparisons.length} comparison(s)` : '';
    process.stderr.write(`wrote ${result.path} (${result.format}, ${result.report.runs.length} run(s)${comparisons})\n`);
  } else {
    process.stdout.write(result.content);
  }
}
