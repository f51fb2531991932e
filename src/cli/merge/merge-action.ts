import { mergeShards } from '../../queue/merge-shards.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { formatSummaryTables } from '../print-summary.js';

export interface MergeFlags {
  out: string;
  db?: string;
  id?: string;
}

/** Runs `culturekit merge`. */
export async function runMergeCommand(dirs: string[], flags: MergeFlags): Promise<void> {
  const merged = await mergeShards({ dirs, outDir: flags.out, dbPath: flags.db ?? RUN_DEFAULTS.db, runId: flags.id });
  process.stdout.write(`\n${formatSummaryTables(merged.summary)}\n\n`);
  process.stdout.write(
    `run ${merged.manifest.id}: ${merged.results} results of ${merged.planned} planned from ${dirs.length} shares; results in ${flags.out}/ (manifest.json, results.jsonl, summary.json)\n`,
  );
  if (merged.results < merged.planned) {
    process.stderr.write(`warning: ${merged.planned - merged.results} planned results are in no share: resume the interrupted shares, then merge again\n`);
  }
}
