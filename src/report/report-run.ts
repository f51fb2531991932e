import type { RunManifest } from '../schema/manifest.js';
import type { RunStatus } from '../store/open-store.js';
import type { ResultBrief } from '../store/result-brief.js';

/**
 * A run's results as a report reads them: iterable again and again, each time read afresh from where they are (the
 * store's ordered cursor, a results.jsonl), so they are never held whole; an array works too. `series` reads one
 * model × condition alone (the store by its index), for comparisons.
 */
export interface ReportRows extends Iterable<ResultBrief> {
  series?(model: string, condition: string): Iterable<ResultBrief>;
}

/** One run as a report reads it: its manifest and every result (without prompts and responses: `ResultBrief`), from the store or from a run folder. */
export interface ReportRun {
  /** The run id (from the manifest). */
  id: string;
  /** Where it was read: `store .culturekit/culturekit.db` or the folder. */
  source: string;
  manifest: RunManifest;
  /** The store's status (`running`, `finished`, `interrupted`); absent for a folder. */
  status?: RunStatus;
  rows: ReportRows;
}
