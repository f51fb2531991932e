import { extname } from 'node:path';
import { InputError } from '../errors/culturekit-error.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import { buildReport, type BuildReportOptions, type Report } from './build-report.js';
import { attachExamples } from './load-examples.js';
import { loadReportRuns } from './load-report-runs.js';
import { renderCsvReport } from './render-csv-report.js';
import { renderHtmlReport } from './render-html-report.js';
import { renderMarkdownReport } from './render-markdown-report.js';
import { readNeuronAnalysis } from './neurons-section.js';

export const reportFormats = ['html', 'md', 'csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** The format a file name implies (`.html`/`.htm`, `.md`/`.markdown`, `.csv`), if any. */
export function formatFromPath(path: string): ReportFormat | undefined {
  const extension = extname(path).toLowerCase();
  if (extension === '.html' || extension === '.htm') return 'html';
  if (extension === '.md' || extension === '.markdown') return 'md';
  if (extension === '.csv') return 'csv';
  return undefined;
}

/**
 * Renders a built report in one format.
 *
 * @example
 * const markdown = await renderReport(report, 'md');
 */
export async function renderReport(report: Report, format: ReportFormat): Promise<string> {
  switch (format) {
    case 'html':
      return renderHtmlReport(report);
    case 'md':
      return renderMarkdownReport(report);
    case 'csv':
      return renderCsvReport(report);
  }
}

export interface WriteReportInput extends BuildReportOptions {
  /** Run ids (looked up in `dbPath`) or run folders. */
  runs: readonly string[];
  /** The store for run ids; default `.culturekit/culturekit.db`. */
  dbPath?: string;
  /** Default: from `out`'s extension, else `html`. */
  format?: ReportFormat;
  /** The file to write (atomically); `-` or none: nothing is written, the text is returned. Default none. */
  out?: string;
  /** Output folders of `culturekit neurons` (or their neurons.json): their section is added to the HTML report. */
  neurons?: readonly string[];
}

export interface WriteReportOutput {
  report: Report;
  format: ReportFormat;
  content: string;
  /** The file written, when one was. */
  path?: string;
}

/**
 * Loads runs (ids or folders), builds the report and writes it whole or not at all.
 *
 * @example
 * await writeReport({ runs: ['runs/demo'], out: 'report.html' });
 * await writeReport({ runs: ['run-a', 'run-b'], dbPath: '.culturekit/culturekit.db', format: 'md', out: 'report.md' });
 */
export async function writeReport(input: WriteReportInput): Promise<WriteReportOutput> {
  const toFile = input.out !== undefined && input.out !== '-';
  const format = input.format ?? (toFile ? formatFromPath(input.out!) : undefined) ?? 'html';
  if (!(reportFormats as readonly string[]).includes(format)) throw new InputError(`--format: expected html, md or csv, got "${format}"`);
  if (input.neurons?.length && format !== 'html') throw new InputError('--neurons: the neuron section is part of the HTML report only');
  const dbPath = input.dbPath ?? '.culturekit/culturekit.db';
  const runs = loadReportRuns(input.runs, { dbPath });
  const report = buildReport(runs, input);
  for (const [index, run] of runs.entries()) await attachExamples(report.runs[index], run, { dbPath });
  const content = input.neurons?.length
    ? await renderHtmlReport(report, { neurons: input.neurons.map(readNeuronAnalysis) })
    : await renderReport(report, format);
  if (toFile) writeFileAtomic(input.out!, content);
  return { report, format, content, path: toFile ? input.out : undefined };
}
