import type { CacheEntry, Store } from './open-store.js';
import type { ResultRow } from '../schema/result.js';

/** Builds a result when the writer is ready for it (scoring runs here, off the request path). */
export type PendingResult = () => { row: ResultRow; cacheEntries?: readonly CacheEntry[] };

/**
 * Writes results as they arrive, grouping those that arrive in the same turn of the event loop into one transaction.
 * Building and committing run right after the turn (setImmediate), so requests the engine started in that turn go out first,
 * and a crash loses at most the results of the current turn (their calls are asked again on resume).
 */
export class ResultWriter {
  private pending: PendingResult[] = [];
  private scheduled = false;
  private failure: unknown;

  constructor(
    private readonly store: Store,
    private readonly onWritten?: (row: ResultRow) => void,
  ) {}

  write(result: PendingResult): void {
    if (this.failure) throw this.failure;
    this.pending.push(result);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        try {
          this.flush();
        } catch (error) {
          this.failure = error;
        }
      });
    }
  }

  /** Builds and commits what is pending now; rethrows an earlier failed commit. */
  flush(): void {
    if (this.failure) throw this.failure;
    if (this.pending.length === 0) return;
    const batch = this.pending.map((build) => build());
    this.pending = [];
    this.store.saveResults(batch);
    if (this.onWritten) for (const { row } of batch) this.onWritten(row);
  }
}
