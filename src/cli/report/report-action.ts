import { formatFromPath, reportFormats, writeReport, type ReportFormat } from '../../report/write-report.js';
import { InputError } from '../../errors/culturekit-error.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';

export interface ReportFlags {
  out?: string;
  format?: string;
  db?: string;
  metric: string;
  minN?: string;
  alpha?: string;
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
  const minN = flags.minN === undefined ? RUN_DEFAULTS.report.minCellN : Number(flags.minN);
  if (!Number.isInteger(minN) || minN < 1) throw new InputError(`--min-n: expected a whole number of at least 1, got "${flags.minN}"`);
  const alpha = flags.alpha === undefined ? RUN_DEFAULTS.report.alpha : Number(flags.alpha);
  if (!(alpha > 0 && alpha < 1)) throw new InputError(`--alpha: expected a number between 0 and 1, got "${flags.alpha}"`);
  const result = await writeReport({ runs, dbPath: flags.db ?? RUN_DEFAULTS.db, format, out, metric: flags.metric, minN, alpha, neurons: flags.neurons });
  if (result.path) {
    const comparisons = result.report.comparisons.length ? `, ${result.report.comparisons.length} comparison(s)` : '';
    process.stderr.write(`wrote ${result.path} (${result.format}, ${result.report.runs.length} run(s)${comparisons})\n`);
  } else {
    process.stdout.write(result.content);
  }
}
