import type { RunManifest } from '../schema/manifest.js';
import type { RunStatus } from '../store/open-store.js';
import type { ResultBrief } from '../store/result-brief.js';

/** One run as a report reads it: its manifest and every result (without prompts and responses: `ResultBrief`), from the store or from a run folder. */
export interface ReportRun {
  /** The run id (from the manifest). */
  id: string;
  /** Where it was read: `store .culturekit/culturekit.db` or the folder. */
  source: string;
  manifest: RunManifest;
  /** The store's status (`running`, `finished`, `interrupted`); absent for a folder. */
  status?: RunStatus;
  rows: ResultBrief[];
}
