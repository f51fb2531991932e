import type Database from 'better-sqlite3';
import { CulturekitError, InputError } from '../errors/culturekit-error.js';
import type { Dataset } from '../datasets/dataset.js';
import type { ReviewDecision, ReviewEvent, ReviewAction } from './review-event.js';
import { recordKey, type FieldDiff, type ReviewRecord } from './review-record.js';
import { createToken, hashToken } from './review-token.js';
import { nameSkeleton } from '../text/hidden-characters.js';
import { openDatabase } from '../store/open-database.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS review_projects (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  dataset_ref TEXT NOT NULL,
  dataset_hash TEXT NOT NULL,
  reviews_per_record INTEGER NOT NULL,
  admin_token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS review_records (
  project_id INTEGER NOT NULL REFERENCES review_projects (id),
  key TEXT NOT NULL,
  position INTEGER NOT NULL,
  type TEXT NOT NULL,
  original TEXT NOT NULL,
  PRIMARY KEY (project_id, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS review_annotators (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES review_projects (id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  UNIQUE (project_id, name)
);
CREATE TABLE IF NOT EXISTS review_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES review_projects (id),
  record_key TEXT NOT NULL,
  action TEXT NOT NULL,
  actor TEXT NOT NULL,
  annotator_id INTEGER REFERENCES review_annotators (id),
  decision TEXT NOT NULL,
  diff TEXT,
  reason TEXT,
  client_event_id TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (project_id, actor, client_event_id)
);
CREATE TABLE IF NOT EXISTS review_guidelines (
  project_id INTEGER PRIMARY KEY REFERENCES review_projects (id),
  text TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS review_events_by_project ON review_events (project_id, id);
CREATE TRIGGER IF NOT EXISTS review_events_no_update BEFORE UPDATE ON review_events
  BEGIN SELECT RAISE(ABORT, 'review events are append-only'); END;
CREATE TRIGGER IF NOT EXISTS review_events_no_delete BEFORE DELETE ON review_events
  BEGIN SELECT RAISE(ABORT, 'review events are append-only'); END;
`;

export interface ReviewProject {
  id: number;
  name: string;
  datasetRef: string;
  datasetHash: string;
  reviewsPerRecord: number;
  createdAt: string;
}

export interface Annotator {
  id: number;
  projectId: number;
  name: string;
  createdAt: string;
}

/** Who a token belongs to. */
export type ReviewIdentity = { role: 'annotator'; project: ReviewProject; annotator: Annotator } | { role: 'admin'; project: ReviewProject };

export interface AppendEventInput {
  projectId: number;
  recordKey: string;
  action: ReviewAction;
  actor: string;
  annotatorId: number | null;
  decision: ReviewDecision;
  diff?: FieldDiff | null;
  reason?: string | null;
  clientEventId?: string | null;
}

interface ProjectRow {
  id: number;
  name: string;
  dataset_ref: string;
  dataset_hash: string;
  reviews_per_record: number;
  created_at: string;
}

interface EventRow {
  id: number;
  project_id: number;
  record_key: string;
  action: ReviewAction;
  actor: string;
  annotator_id: number | null;
  decision: ReviewDecision;
  diff: string | null;
  reason: string | null;
  client_event_id: string | null;
  created_at: string;
}

const toProject = (row: ProjectRow): ReviewProject => ({
  id: row.id,
  name: row.name,
  datasetRef: row.dataset_ref,
  datasetHash: row.dataset_hash,
  reviewsPerRecord: row.reviews_per_record,
  createdAt: row.created_at,
});

const toEvent = (row: EventRow): ReviewEvent => ({
  id: row.id,
  projectId: row.project_id,
  recordKey: row.record_key,
  action: row.action,
  actor: row.actor,
  annotatorId: row.annotator_id,
  decision: row.decision,
  diff: row.diff === null ? null : (JSON.parse(row.diff) as FieldDiff),
  reason: row.reason,
  clientEventId: row.client_event_id,
  createdAt: row.created_at,
});

/**
 * The review tables in the culturekit store file (WAL mode, next to the results): projects, their records, annotators
 * (only token hashes are kept) and the append-only event log, from which every record's state is derived.
 *
 * @example
 * const reviews = openReviewStore('.culturekit/culturekit.db');
 * const { project, adminToken } = reviews.createProject({ name: 'jp-v1', dataset, reviewsPerRecord: 2 });
 * const { token } = reviews.addAnnotator('jp-v1', 'alice');
 * reviews.close();
 */
export class ReviewStore {
  readonly path: string;
  private readonly database: Database.Database;
  private readonly recordCache = new Map<number, { list: ReviewRecord[]; byKey: Map<string, ReviewRecord> }>();

  constructor(path: string) {
    this.path = path;
    try {
      this.database = openDatabase(path);
      this.database.exec(SCHEMA);
    } catch (error) {
      throw new CulturekitError(`cannot open the review tables in ${path}: ${(error as Error).message}`, { cause: error });
    }
  }

  /** Creates a project from a loaded dataset (its descriptions, then its items, become the records); the admin token is returned once. */
  createProject(input: { name: string; dataset: Dataset; reviewsPerRecord: number }): { project: ReviewProject; adminToken: string } {
    const name = input.name.trim();
    if (!/^[\w.-]{1,80}$/.test(name)) throw new InputError(`project name "${input.name}": use letters, digits, "_", "-" or "." (at most 80)`);
    if (!Number.isInteger(input.reviewsPerRecord) || input.reviewsPerRecord < 1) throw new InputError('reviews per record must be a whole number ≥ 1');
    if (this.getProject(name)) throw new InputError(`a review project named "${name}" already exists in ${this.path}`);
    const adminToken = createToken();
    const now = new Date().toISOString();
    const insertRecord = this.database.prepare('INSERT INTO review_records (project_id, key, position, type, original) VALUES (?, ?, ?, ?, ?)');
    const projectId = this.database.transaction(() => {
      const { lastInsertRowid } = this.database
        .prepare('INSERT INTO review_projects (name, dataset_ref, dataset_hash, reviews_per_record, admin_token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(name, input.dataset.ref, input.dataset.hash, input.reviewsPerRecord, hashToken(adminToken), now);
      let position = 0;
      for (const description of input.dataset.descriptions)
        insertRecord.run(lastInsertRowid, recordKey('description', description.id), position++, 'description', JSON.stringify(description));
      for (const item of input.dataset.items) insertRecord.run(lastInsertRowid, recordKey('item', item.id), position++, 'item', JSON.stringify(item));
      return Number(lastInsertRowid);
    })();
    return { project: this.getProjectById(projectId)!, adminToken };
  }

  getProject(name: string): ReviewProject | undefined {
    const row = this.database.prepare('SELECT * FROM review_projects WHERE name = ?').get(name) as ProjectRow | undefined;
    return row && toProject(row);
  }

  getProjectById(id: number): ReviewProject | undefined {
    const row = this.database.prepare('SELECT * FROM review_projects WHERE id = ?').get(id) as ProjectRow | undefined;
    return row && toProject(row);
  }

  /** The project by name, or an `InputError` naming the projects there are. */
  requireProject(name: string): ReviewProject {
    const project = this.getProject(name);
    if (project) return project;
    const names = this.listProjects().map((known) => known.name);
    throw new InputError(
      `no review project "${name}" in ${this.path}${names.length ? ` (projects: ${names.join(', ')})` : ''}: create it with culturekit review create`,
    );
  }

  /** Sets (or replaces) a project's guidelines for annotators: plain text shown beside every record under review. */
  setGuidelines(projectId: number, text: string): void {
    this.database
      .prepare(
        'INSERT INTO review_guidelines (project_id, text, updated_at) VALUES (?, ?, ?) ON CONFLICT (project_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at',
      )
      .run(projectId, text, new Date().toISOString());
  }

  /** A project's guidelines, if it has any. */
  guidelines(projectId: number): string | undefined {
    return (this.database.prepare('SELECT text FROM review_guidelines WHERE project_id = ?').get(projectId) as { text: string } | undefined)?.text;
  }

  listProjects(): ReviewProject[] {
    return (this.database.prepare('SELECT * FROM review_projects ORDER BY id').all() as ProjectRow[]).map(toProject);
  }

  /** Adds an annotator to a project; their token is returned once and only its hash is stored. */
  addAnnotator(projectName: string, name: string): { annotator: Annotator; token: string } {
    const project = this.requireProject(projectName);
    const trimmed = name.trim();
    if (!/^[\p{L}\p{N}_.-]{1,60}$/u.test(trimmed)) throw new InputError(`annotator name "${name}": use letters, digits, "_", "-" or "." (at most 60)`);
    // Names are compared by what they look like: "аdmin" with a Cyrillic а, "ADMIN", "adm1n" imitate the adjudicator.
    const skeleton = nameSkeleton(trimmed);
    if (skeleton === nameSkeleton('admin'))
      throw new InputError(`"${trimmed}" looks like "admin", which names the adjudicator in the event log: choose another annotator name`);
    const lookalike = this.listAnnotators(project.id).find((annotator) => nameSkeleton(annotator.name) === skeleton);
    if (lookalike) {
      throw new InputError(
        lookalike.name === trimmed
          ? `project "${project.name}" already has an annotator named "${trimmed}"`
          : `"${trimmed}" looks like the annotator "${lookalike.name}" of project "${project.name}": choose a name that cannot be mistaken for it`,
      );
    }
    const token = createToken();
    const createdAt = new Date().toISOString();
    const { lastInsertRowid } = this.database
      .prepare('INSERT INTO review_annotators (project_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)')
      .run(project.id, trimmed, hashToken(token), createdAt);
    return { annotator: { id: Number(lastInsertRowid), projectId: project.id, name: trimmed, createdAt }, token };
  }

  listAnnotators(projectId: number): Annotator[] {
    return this.database
      .prepare('SELECT id, project_id AS projectId, name, created_at AS createdAt FROM review_annotators WHERE project_id = ? ORDER BY id')
      .all(projectId) as Annotator[];
  }

  /**
   * A new token for an annotator (or the admin, `who = 'admin'`): the old one stops working at once. Returned once.
   *
   * @example
   * const token = reviews.rotateToken('jp-v1', 'alice');
   */
  rotateToken(projectName: string, who: string): string {
    const token = createToken();
    this.replaceTokenHash(projectName, who, hashToken(token));
    return token;
  }

  /** Revokes an annotator's (or the admin's) token: nobody can sign in with it any more; `rotateToken` issues a new one. */
  revokeToken(projectName: string, who: string): void {
    this.replaceTokenHash(projectName, who, `revoked:${createToken()}`);
  }

  private replaceTokenHash(projectName: string, who: string, tokenHash: string): void {
    const project = this.requireProject(projectName);
    if (who === 'admin') {
      this.database.prepare('UPDATE review_projects SET admin_token_hash = ? WHERE id = ?').run(tokenHash, project.id);
      return;
    }
    const { changes } = this.database.prepare('UPDATE review_annotators SET token_hash = ? WHERE project_id = ? AND name = ?').run(tokenHash, project.id, who);
    if (changes === 0) {
      const names = this.listAnnotators(project.id).map((annotator) => annotator.name);
      throw new InputError(`project "${project.name}" has no annotator "${who}" (annotators: ${names.join(', ') || 'none'}; or "admin")`);
    }
  }

  /** Who holds this token, or `undefined` for an unknown one. */
  authenticate(token: string): ReviewIdentity | undefined {
    if (!token) return undefined;
    const hash = hashToken(token);
    const annotator = this.database
      .prepare('SELECT id, project_id AS projectId, name, created_at AS createdAt FROM review_annotators WHERE token_hash = ?')
      .get(hash) as Annotator | undefined;
    if (annotator) return { role: 'annotator', project: this.getProjectById(annotator.projectId)!, annotator };
    const row = this.database.prepare('SELECT * FROM review_projects WHERE admin_token_hash = ?').get(hash) as ProjectRow | undefined;
    return row ? { role: 'admin', project: toProject(row) } : undefined;
  }

  /** The project's records in dataset order (descriptions first, then items). */
  records(projectId: number): ReviewRecord[] {
    return this.recordIndex(projectId).list;
  }

  getRecord(projectId: number, key: string): ReviewRecord | undefined {
    return this.recordIndex(projectId).byKey.get(key);
  }

  private recordIndex(projectId: number) {
    let index = this.recordCache.get(projectId);
    if (!index) {
      const rows = this.database.prepare('SELECT key, position, type, original FROM review_records WHERE project_id = ? ORDER BY position').all(projectId) as {
        key: string;
        position: number;
        type: 'item' | 'description';
        original: string;
      }[];
      const list = rows.map((row) => ({ key: row.key, type: row.type, position: row.position, original: JSON.parse(row.original) }) as ReviewRecord);
      index = { list, byKey: new Map(list.map((record) => [record.key, record])) };
      this.recordCache.set(projectId, index);
    }
    return index;
  }

  /**
   * Appends one event. A repeated `clientEventId` from the same actor adds nothing and returns the first event with
   * `created: false`, so a retried request is never counted twice.
   */
  appendEvent(input: AppendEventInput): { event: ReviewEvent; created: boolean } {
    const clientEventId = input.clientEventId ?? null;
    if (clientEventId !== null) {
      const existing = this.findClientEvent(input.projectId, input.actor, clientEventId);
      if (existing) {
        // A retry of the same verdict is answered with the first; the same id on another record or verdict is a client bug.
        if (existing.recordKey !== input.recordKey || existing.decision !== input.decision) {
          throw new InputError(
            `client event id "${clientEventId}" was already used for a ${existing.decision} of ${existing.recordKey} (event ${existing.id}): use a new id for each verdict`,
          );
        }
        return { event: existing, created: false };
      }
    }
    const result = this.database
      .prepare(
        `INSERT INTO review_events (project_id, record_key, action, actor, annotator_id, decision, diff, reason, client_event_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(
        input.projectId,
        input.recordKey,
        input.action,
        input.actor,
        input.annotatorId,
        input.decision,
        input.diff ? JSON.stringify(input.diff) : null,
        input.reason ?? null,
        clientEventId,
        new Date().toISOString(),
      );
    if (result.changes === 0) return { event: this.findClientEvent(input.projectId, input.actor, clientEventId!)!, created: false };
    const row = this.database.prepare('SELECT * FROM review_events WHERE id = ?').get(result.lastInsertRowid) as EventRow;
    return { event: toEvent(row), created: true };
  }

  private findClientEvent(projectId: number, actor: string, clientEventId: string): ReviewEvent | undefined {
    const row = this.database
      .prepare('SELECT * FROM review_events WHERE project_id = ? AND actor = ? AND client_event_id = ?')
      .get(projectId, actor, clientEventId) as EventRow | undefined;
    return row && toEvent(row);
  }

  /** Every event of a project, oldest first. */
  events(projectId: number): ReviewEvent[] {
    return (this.database.prepare('SELECT * FROM review_events WHERE project_id = ? ORDER BY id').all(projectId) as EventRow[]).map(toEvent);
  }

  close(): void {
    this.database.close();
  }
}

/**
 * Opens (creating if needed) the review tables in a culturekit store file.
 *
 * @example
 * const reviews = openReviewStore('.culturekit/culturekit.db');
 */
export function openReviewStore(path: string): ReviewStore {
  return new ReviewStore(path);
}
