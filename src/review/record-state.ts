import type { CulturalDescription } from '../schema/description.js';
import type { Item } from '../schema/item.js';
import { canonicalJson } from '../util/hash.js';
import type { ReviewEvent } from './review-event.js';
import { applyDiff, type FieldDiff, type ReviewRecord } from './review-record.js';

/** `pending`: fewer reviews than the project asks for; `disputed`: enough reviews that disagree and no adjudication yet. */
export const recordStatuses = ['pending', 'disputed', 'accepted', 'edited', 'rejected'] as const;
export type RecordStatus = (typeof recordStatuses)[number];

export interface RecordState {
  record: ReviewRecord;
  /** Each annotator's latest review, oldest first (an annotator who reviews again replaces their own verdict). */
  reviews: ReviewEvent[];
  /** Every review event of the record, superseded ones included. */
  history: ReviewEvent[];
  /** The latest adjudication, if any: it decides the record. */
  adjudication?: ReviewEvent;
  status: RecordStatus;
  /** How the status was reached. */
  resolvedBy?: 'agreement' | 'adjudication';
  /** The verified record for `accepted` and `edited`. */
  final?: Item | CulturalDescription;
  /** The edit the final record carries, for `edited`. */
  finalDiff?: FieldDiff;
}

function editTarget(diff: FieldDiff | null): string {
  const target: Record<string, unknown> = {};
  for (const [field, change] of Object.entries(diff ?? {})) target[field] = change.to;
  return canonicalJson(target);
}

/** Whether reviews agree: the same decision and, for edits, the same resulting field values. */
export function reviewsAgree(reviews: readonly ReviewEvent[]): boolean {
  if (reviews.length === 0) return true;
  const first = reviews[0];
  return reviews.every((review) => review.decision === first.decision && (first.decision !== 'edit' || editTarget(review.diff) === editTarget(first.diff)));
}

function resolved(record: ReviewRecord, decision: ReviewEvent): Pick<RecordState, 'status' | 'final' | 'finalDiff'> {
  if (decision.decision === 'reject') return { status: 'rejected' };
  if (decision.decision === 'accept') return { status: 'accepted', final: record.original };
  const diff = decision.diff ?? {};
  const { value } = applyDiff(record, diff);
  return value ? { status: 'edited', final: value, finalDiff: diff } : { status: 'disputed' };
}

/**
 * Every record's current state, derived from the event log alone: the latest review of each annotator, the latest
 * adjudication, and from them the status. Unanimous reviews (at least `reviewsPerRecord` of them) decide a record;
 * disagreeing ones make it `disputed` until an adjudication decides it.
 *
 * @example
 * const states = deriveRecordStates(reviews.records(project.id), reviews.events(project.id), project.reviewsPerRecord);
 */
export function deriveRecordStates(records: readonly ReviewRecord[], events: readonly ReviewEvent[], reviewsPerRecord: number): RecordState[] {
  const byRecord = new Map<string, ReviewEvent[]>();
  for (const event of events) {
    const list = byRecord.get(event.recordKey);
    if (list) list.push(event);
    else byRecord.set(event.recordKey, [event]);
  }
  return records.map((record) => {
    const recordEvents = byRecord.get(record.key) ?? [];
    const history = recordEvents.filter((event) => event.action === 'review');
    // Each actor's verdicts in order; a withdrawal takes the latest one back (so the one before it counts again).
    const verdicts = new Map<string, ReviewEvent[]>();
    for (const event of recordEvents) {
      const stack = verdicts.get(event.actor) ?? [];
      if (event.action === 'withdraw') stack.pop();
      else stack.push(event);
      verdicts.set(event.actor, stack);
    }
    const current = [...verdicts.values()].map((stack) => stack.at(-1)).filter((event): event is ReviewEvent => event !== undefined);
    const reviews = current.filter((event) => event.action === 'review').sort((left, right) => left.id - right.id);
    const adjudication = current.filter((event) => event.action === 'adjudicate').at(-1);
    const base = { record, reviews, history, adjudication };
    if (adjudication) return { ...base, ...resolved(record, adjudication), resolvedBy: 'adjudication' };
    if (reviews.length < reviewsPerRecord) return { ...base, status: 'pending' };
    if (!reviewsAgree(reviews)) return { ...base, status: 'disputed' };
    const state = resolved(record, reviews[0]);
    return { ...base, ...state, resolvedBy: state.status === 'disputed' ? undefined : 'agreement' };
  });
}

/** How many records are in each status. */
export function countStatuses(states: readonly RecordState[]): Record<RecordStatus, number> {
  const counts = Object.fromEntries(recordStatuses.map((status) => [status, 0])) as Record<RecordStatus, number>;
  for (const state of states) counts[state.status]++;
  return counts;
}

/** An annotator's work: the records they reviewed and those still needing reviews they have not given, in dataset order. */
export function annotatorQueue(
  states: readonly RecordState[],
  annotator: string,
  reviewsPerRecord: number,
): { done: RecordState[]; queue: RecordState[]; all: RecordState[] } {
  const done: RecordState[] = [];
  const queue: RecordState[] = [];
  const all: RecordState[] = [];
  for (const state of states) {
    if (state.reviews.some((review) => review.actor === annotator)) {
      done.push(state);
      all.push(state);
    } else if (!state.adjudication && state.reviews.length < reviewsPerRecord) {
      queue.push(state);
      all.push(state);
    }
  }
  return { done, queue, all };
}
