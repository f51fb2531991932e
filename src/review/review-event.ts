import type { FieldDiff } from './review-record.js';

export const reviewDecisions = ['accept', 'edit', 'reject'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

/**
 * `review`: an annotator's verdict; `adjudicate`: the admin's final decision on a record; `withdraw`: the actor takes
 * back their latest verdict on the record (an undo: their verdict before it, if any, counts again). A withdrawal
 * repeats the decision it takes back.
 */
export type ReviewAction = 'review' | 'adjudicate' | 'withdraw';

/** One row of the append-only event log: who did what to which record, when. Never updated or deleted. */
export interface ReviewEvent {
  id: number;
  projectId: number;
  recordKey: string;
  action: ReviewAction;
  /** The annotator's name, or `admin` for adjudications. */
  actor: string;
  annotatorId: number | null;
  decision: ReviewDecision;
  /** For `edit`: the changed fields against the original. */
  diff: FieldDiff | null;
  /** For `reject`: why (required); for the others: an optional note. */
  reason: string | null;
  /** The client's id for this submission: a retried request with the same id adds no second event. */
  clientEventId: string | null;
  createdAt: string;
}
