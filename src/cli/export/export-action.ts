import { summarizeRun } from '../../analysis/summarize.js';
import { iterateRunRows, loadReportRuns } from '../../report/load-report-runs.js';
import { writeRunParquet } from '../../report/parquet-export.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';

export interface ExportFlags {
  out: string;
  format: 'parquet';
  db?: string;
}

/** Runs `culturekit export`. */
export async function runExportCommand(run: string, flags: ExportFlags): Promise<void> {
  const [loaded] = loadReportRuns([run], { dbPath: flags.db ?? RUN_DEFAULTS.db });
  const rows = [...iterateRunRows(run, { dbPath: flags.db ?? RUN_DEFAULTS.db })];
  const paths = await writeRunParquet(rows, summarizeRun(loaded.manifest, loaded.rows), flags.out);
  process.stderr.write(`wrote ${paths.results} (${rows.length} rows) and ${paths.summary}\n`);
}
