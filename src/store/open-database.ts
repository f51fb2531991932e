import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Opens (creating its folder) the project's SQLite file the way every module that keeps tables in it does: WAL, so
 * readers never block the writer and a crash loses nothing committed; `synchronous = NORMAL`; a 10 s busy timeout.
 * Each module then creates its own tables with `CREATE TABLE IF NOT EXISTS`.
 */
export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 10000');
  return database;
}
