import { closeSync } from 'node:fs';
import { isJsonLinesRecords, loadDataset } from '../benchmarks/load-dataset.js';
import type { BenchmarkRegistry } from '../benchmarks/registry.js';
import { arrayItemSource, type ItemSource } from '../datasets/dataset.js';
import { indexJsonLines, JsonLinesItems, openFingerprinted, type FileFingerprint, type JsonLinesIndex } from '../datasets/json-lines-items.js';
import { checkDatasetFile } from '../datasets/read-text-file.js';
import type { CulturalDescription } from '../schema/description.js';
import type { Store } from '../store/open-store.js';
import { TOOL_VERSION } from '../version.js';

/** A run's dataset: checked and hashed, with its items read on demand (`items`). */
export interface RunDataset {
  /** What was asked for: `builtin:sample`, a benchmark reference or the file path as given. */
  ref: string;
  descriptions: CulturalDescription[];
  items: ItemSource;
  skippedInvalid: number;
  /** `datasetHash` of the descriptions and items: a resume must find the same. */
  hash: string;
  /** Keeps what the next resume of `runId` needs to skip checking an unchanged file again (call once the run is saved). */
  keep(runId: string): void;
  /** Closes the dataset file. */
  close(): void;
}

/** What a run keeps of a JSON Lines dataset between invocations (the store's `meta` table, per run). */
interface KeptIndex {
  toolVersion: string;
  skipInvalid: boolean;
  fingerprint: FileFingerprint;
  index: JsonLinesIndex;
}

const keptIndexKey = (runId: string) => `dataset-index:${runId}`;

/**
 * Opens a run's dataset. A JSON Lines file of records is read as a stream and kept as an index (each item's id, kind
 * and place in the file), its items read back from the file as the run reaches them: the run holds what is in flight,
 * not the dataset. Resuming `previousRunId`, an index the run kept is used as it is when the file's bytes are the same
 * (size and sha256, hashed far faster than parsed; same tool version and `skipInvalid`), so the first request does not
 * wait for the whole file to be checked; a changed file is checked and hashed again, and the caller refuses a changed
 * hash before anything is written. Other references (built in, benchmarks, CSV, JSON, Parquet) are loaded whole.
 *
 * @example
 * const dataset = await openRunDataset('items.jsonl', { store });
 */
export async function openRunDataset(
  ref: string,
  options: { store: Store; previousRunId?: string; skipInvalid?: boolean; onWarning?: (message: string) => void; registry?: BenchmarkRegistry },
): Promise<RunDataset> {
  if (!(await isJsonLinesRecords(ref, options.registry))) {
    const dataset = await loadDataset(ref, options);
    return { ...dataset, items: arrayItemSource(dataset.items), keep: () => {}, close: () => {} };
  }
  const { store } = options;
  const skipInvalid = options.skipInvalid ?? false;
  await checkDatasetFile(ref);
  const { fd, fingerprint } = openFingerprinted(ref);
  try {
    let index = keptIndex(store, options.previousRunId, { toolVersion: TOOL_VERSION, skipInvalid, fingerprint });
    const checkedNow = index === undefined;
    if (index === undefined) index = await indexJsonLines(ref, options);
    else if (index.skippedInvalid > 0) options.onWarning?.(`${ref}: ${index.skippedInvalid} invalid records skipped (unchanged since the run was planned)`);
    const items = new JsonLinesItems(ref, index, fd);
    const kept = index;
    return {
      ref,
      descriptions: index.descriptions,
      items,
      skippedInvalid: index.skippedInvalid,
      hash: index.hash,
      keep: (runId) => {
        if (checkedNow || runId !== options.previousRunId) {
          store.setMeta(keptIndexKey(runId), JSON.stringify({ toolVersion: TOOL_VERSION, skipInvalid, fingerprint, index: kept } satisfies KeptIndex));
        }
      },
      close: () => items.close(),
    };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** The index a run kept, when it was made with this tool version and `skipInvalid` from a file with these bytes. */
function keptIndex(store: Store, runId: string | undefined, current: Omit<KeptIndex, 'index'>): JsonLinesIndex | undefined {
  const text = runId === undefined ? undefined : store.getMeta(keptIndexKey(runId));
  if (text === undefined) return undefined;
  try {
    const kept = JSON.parse(text) as KeptIndex;
    const same =
      kept.toolVersion === current.toolVersion &&
      kept.skipInvalid === current.skipInvalid &&
      kept.fingerprint?.size === current.fingerprint.size &&
      kept.fingerprint.sha256 === current.fingerprint.sha256 &&
      Array.isArray(kept.index?.ids) &&
      kept.index.ids.length === kept.index.offsets?.length;
    return same ? kept.index : undefined;
  } catch {
    return undefined;
  }
}
