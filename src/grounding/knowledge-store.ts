import type Database from 'better-sqlite3';
import { CulturekitError } from '../errors/culturekit-error.js';
import { openDatabase } from '../store/open-database.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS grounding_indexes (
  hash TEXT NOT NULL,
  tokenizer TEXT NOT NULL,
  tokens TEXT NOT NULL,
  used_at TEXT NOT NULL,
  PRIMARY KEY (hash, tokenizer)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS grounding_embeddings (
  model TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  vector BLOB NOT NULL,
  PRIMARY KEY (model, text_hash)
) WITHOUT ROWID;
`;

/** Token lists kept for this many knowledge bases; the least recently used go first. */
const KEPT_INDEXES = 16;

/**
 * The knowledge base's tables in the project's SQLite store (the same file as the results; WAL mode makes a
 * second connection safe): the token lists of each knowledge base by content hash and tokenizer version, and
 * description embeddings by model and text hash, so that only new or changed texts are ever embedded again.
 *
 * @example
 * const store = openKnowledgeStore('.culturekit/culturekit.db');
 * const tokens = store.loadTokens(kb.hash, TOKENIZER_VERSION);
 * store.close();
 */
export function openKnowledgeStore(path: string): KnowledgeStore {
  return new KnowledgeStore(path);
}

export class KnowledgeStore {
  private readonly database: Database.Database;

  constructor(readonly path: string) {
    try {
      this.database = openDatabase(path);
      this.database.exec(SCHEMA);
    } catch (error) {
      throw new CulturekitError(`cannot open the knowledge base tables in ${path}: ${(error as Error).message}`, { cause: error });
    }
  }

  /** The stored token lists of a knowledge base, or `undefined` when it was never stored with this tokenizer. */
  loadTokens(hash: string, tokenizer: string): string[][] | undefined {
    const row = this.database
      .prepare<[string, string], { tokens: string }>('SELECT tokens FROM grounding_indexes WHERE hash = ? AND tokenizer = ?')
      .get(hash, tokenizer);
    if (!row) return undefined;
    this.database.prepare('UPDATE grounding_indexes SET used_at = ? WHERE hash = ? AND tokenizer = ?').run(new Date().toISOString(), hash, tokenizer);
    const tokens = JSON.parse(row.tokens) as unknown;
    return Array.isArray(tokens) ? (tokens as string[][]) : undefined;
  }

  saveTokens(hash: string, tokenizer: string, tokens: readonly (readonly string[])[]): void {
    const save = this.database.transaction(() => {
      this.database
        .prepare('INSERT OR REPLACE INTO grounding_indexes (hash, tokenizer, tokens, used_at) VALUES (?, ?, ?, ?)')
        .run(hash, tokenizer, JSON.stringify(tokens), new Date().toISOString());
      this.database
        .prepare('DELETE FROM grounding_indexes WHERE used_at < (SELECT used_at FROM grounding_indexes ORDER BY used_at DESC LIMIT 1 OFFSET ?)')
        .run(KEPT_INDEXES - 1);
    });
    save();
  }

  /** Stored embeddings of `model` for these text hashes (those missing are absent from the map). */
  loadEmbeddings(model: string, textHashes: readonly string[]): Map<string, Float32Array> {
    const found = new Map<string, Float32Array>();
    const select = this.database.prepare<[string, string], { vector: Buffer }>('SELECT vector FROM grounding_embeddings WHERE model = ? AND text_hash = ?');
    for (const textHash of textHashes) {
      const row = select.get(model, textHash);
      if (row) found.set(textHash, new Float32Array(row.vector.buffer.slice(row.vector.byteOffset, row.vector.byteOffset + row.vector.byteLength)));
    }
    return found;
  }

  saveEmbeddings(model: string, entries: Iterable<[textHash: string, vector: Float32Array]>): void {
    const insert = this.database.prepare('INSERT OR REPLACE INTO grounding_embeddings (model, text_hash, vector) VALUES (?, ?, ?)');
    const save = this.database.transaction((rows: [string, Float32Array][]) => {
      for (const [textHash, vector] of rows) insert.run(model, textHash, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
    });
    save([...entries]);
  }

  close(): void {
    this.database.close();
  }
}
