import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { CulturekitError } from '../errors/culturekit-error.js';
import { EXIT_CODES } from '../errors/exit-codes.js';
import { openDatabase } from './open-database.js';

/** Who holds a lock. */
export interface LockHolder {
  key: string;
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  since: string;
}

/** Another live process is running the same run (or writing to the same output folder). */
export class RunLockedError extends CulturekitError {
  readonly holder: LockHolder;
  constructor(holder: LockHolder, dbPath: string) {
    super(
      [
        `${holder.key} is in use by process ${holder.pid} on ${holder.host} since ${holder.since}: wait for it to finish, or stop it (kill ${holder.pid}).`,
        holder.host === hostname()
          ? ''
          : `If that process is gone, remove its lock: sqlite3 ${dbPath} "DELETE FROM run_locks WHERE key = '${holder.key.replaceAll("'", "''")}'"`,
      ]
        .filter(Boolean)
        .join('\n'),
      { exitCode: EXIT_CODES.busy },
    );
    this.name = 'RunLockedError';
    this.holder = holder;
  }
}

export interface RunLock {
  readonly keys: readonly string[];
  /** Gives the locks back (idempotent). */
  release(): void;
}

const SCHEMA =
  'CREATE TABLE IF NOT EXISTS run_locks (key TEXT PRIMARY KEY, pid INTEGER NOT NULL, host TEXT NOT NULL, since TEXT NOT NULL, token TEXT NOT NULL)';

/**
 * Takes named locks (e.g. `run run-…`, `output folder /abs/runs/x`) in the SQLite store, all or none, in one
 * `BEGIN IMMEDIATE` transaction, so two processes can never both hold one. A lock left by a process that died (same
 * host, its pid gone) is taken over; a live holder is a {@link RunLockedError} naming its pid, host and start time.
 * The lock lives on its own connection, held until `release()` (or the process's end: a later run sees the pid gone).
 *
 * @example
 * const lock = acquireRunLocks('.culturekit/culturekit.db', ['run run-20260101-000000-abc123']);
 * try { ... } finally { lock.release(); }
 */
export function acquireRunLocks(dbPath: string, keys: readonly string[]): RunLock {
  const database = openDatabase(dbPath);
  const token = randomBytes(8).toString('hex');
  const me = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  try {
    database.exec(SCHEMA);
    const find = database.prepare<[string], LockHolder>('SELECT key, pid, host, since FROM run_locks WHERE key = ?');
    const put = database.prepare('INSERT OR REPLACE INTO run_locks (key, pid, host, since, token) VALUES (?, ?, ?, ?, ?)');
    database
      .transaction(() => {
        for (const key of keys) {
          const holder = find.get(key);
          if (holder && isAlive(holder)) throw new RunLockedError(holder, dbPath);
          put.run(key, me.pid, me.host, me.since, token);
        }
      })
      .immediate();
  } catch (error) {
    database.close();
    throw error;
  }
  let released = false;
  return {
    keys,
    release() {
      if (released) return;
      released = true;
      try {
        const remove = database.prepare('DELETE FROM run_locks WHERE key = ? AND token = ?');
        database.transaction(() => {
          for (const key of keys) remove.run(key, token);
        })();
      } finally {
        database.close();
      }
    },
  };
}

/** A holder on this host is alive while its pid exists; one on another host cannot be checked and counts as alive. */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
