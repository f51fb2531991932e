import type { CacheEntry, Store } from './open-store.js';
import type { ResultRow } from './result-row.js';

/**
 * Writes results as they arrive, grouping those that arrive in the same turn of the event loop into one transaction.
 * The commit runs right after the turn (setImmediate), so requests the engine started in that turn go out first,
 * and a crash loses at most the results of the current turn (their calls are asked again on resume).
 */
export class ResultWriter {
  private pending: { row: ResultRow; cacheEntry?: CacheEntry }[] = [];
  private scheduled = false;
  private failure: unknown;

  constructor(private readonly store: Store) {}

  write(row: ResultRow, cacheEntry?: CacheEntry): void {
    if (this.failure) throw this.failure;
    this.pending.push({ row, cacheEntry });
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

  /** Commits what is pending now; rethrows an earlier failed commit. */
  flush(): void {
    if (this.failure) throw this.failure;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.store.saveResults(batch);
  }
}
