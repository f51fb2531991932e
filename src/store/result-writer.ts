import type { CacheEntry, Store } from './open-store.js';
import type { ResultRow } from '../schema/result.js';

/** Builds a result when the writer is ready for it (scoring runs here, off the request path). */
export type PendingResult = () => { row: ResultRow; cacheEntries?: readonly CacheEntry[] };

/** Longest a result waits for its commit: the results that arrive within it share one transaction. */
const COMMIT_WINDOW_MS = 20;
/** Results that are committed at once, without waiting for the window to end. */
const COMMIT_BATCH = 1_000;

/**
 * Writes results as they arrive, grouping those that arrive within a few milliseconds (`COMMIT_WINDOW_MS`) into one
 * transaction: each commit writes the pages it touched (the table's last page, the indexes', the cache's) once, so a
 * fast model's results cost a fraction of one commit each. Building and committing run off the turn that received the
 * result, so requests the engine started go out first; a crash loses at most the results of the last window (their
 * calls are asked again on resume).
 */
export class ResultWriter {
  private pending: PendingResult[] = [];
  private timer: NodeJS.Timeout | undefined;
  private failure: unknown;

  constructor(
    private readonly store: Store,
    private readonly onWritten?: (row: ResultRow) => void,
  ) {}

  write(result: PendingResult): void {
    if (this.failure) throw this.failure;
    this.pending.push(result);
    if (this.pending.length >= COMMIT_BATCH) {
      clearTimeout(this.timer);
      this.timer = setTimeout(this.flushLater, 0);
    } else this.timer ??= setTimeout(this.flushLater, COMMIT_WINDOW_MS);
  }

  private readonly flushLater = (): void => {
    try {
      this.flush();
    } catch (error) {
      this.failure = error;
    }
  };

  /** Builds and commits what is pending now; rethrows an earlier failed commit. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.failure) throw this.failure;
    if (this.pending.length === 0) return;
    const batch = this.pending.map((build) => build());
    this.pending = [];
    this.store.saveResults(batch);
    if (this.onWritten) for (const { row } of batch) this.onWritten(row);
  }
}
