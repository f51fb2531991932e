import { InputError } from '../errors/culturekit-error.js';
import { reviewDecisions, type ReviewDecision, type ReviewEvent } from './review-event.js';
import { applyDiff, diffFields, type FieldDiff } from './review-record.js';
import type { ReviewIdentity, ReviewStore } from './review-store.js';

/** A verdict as a client sends it: for `edit`, the proposed field values (only changed ones are kept, as a diff). */
export interface DecisionInput {
  record: string;
  decision: string;
  fields?: Record<string, unknown>;
  /** A ready diff instead of `fields` (an adjudicator taking over an annotator's edit). */
  diff?: FieldDiff;
  reason?: string;
  clientEventId?: string;
}

const MAX_REASON = 4000;
/** The longest value of one edited field (a prompt, a description text), in characters. */
export const MAX_FIELD_CHARS = 20_000;
const MAX_CLIENT_EVENT_ID = 200;

/**
 * Validates a verdict and appends it as one event: a review from an annotator, an adjudication from the admin. An edit
 * must change something and leave a valid item or description; a rejection needs a reason.
 *
 * @example
 * recordDecision(reviews, identity, { record: 'item:jp-k1', decision: 'reject', reason: 'the answer is wrong' });
 */
export function recordDecision(reviews: ReviewStore, identity: ReviewIdentity, input: DecisionInput): { event: ReviewEvent; created: boolean } {
  const project = identity.project;
  const record = reviews.getRecord(project.id, String(input.record ?? ''));
  if (!record) throw new InputError(`no record "${String(input.record)}" in project ${project.name}`);
  const decision = String(input.decision ?? '') as ReviewDecision;
  if (!reviewDecisions.includes(decision)) throw new InputError(`decision must be one of ${reviewDecisions.join(', ')}, got "${String(input.decision)}"`);
  const reason = typeof input.reason === 'string' && input.reason.trim() ? input.reason.trim() : null;
  if (reason && reason.length > MAX_REASON) throw new InputError(`the reason is longer than ${MAX_REASON} characters`);
  if (decision === 'reject' && !reason) throw new InputError('a rejection needs a reason');
  for (const [field, value] of Object.entries(input.fields && typeof input.fields === 'object' ? input.fields : {})) {
    const length = typeof value === 'string' ? value.length : JSON.stringify(value ?? null).length;
    if (length > MAX_FIELD_CHARS) throw new InputError(`field ${field}: ${length} characters is more than the ${MAX_FIELD_CHARS} allowed`);
  }
  if (typeof input.clientEventId === 'string' && input.clientEventId.length > MAX_CLIENT_EVENT_ID) {
    throw new InputError(`clientEventId is longer than ${MAX_CLIENT_EVENT_ID} characters`);
  }
  let diff: FieldDiff | null = null;
  if (decision === 'edit') {
    diff = input.diff ?? diffFields(record, input.fields && typeof input.fields === 'object' ? input.fields : {});
    if (Object.keys(diff).length === 0) throw new InputError('the edit changes nothing: accept the record instead');
    const { problems } = applyDiff(record, diff);
    if (problems.length) throw new InputError(`the edited ${record.type} is not valid: ${problems.join('; ')}`);
  }
  const clientEventId = typeof input.clientEventId === 'string' && input.clientEventId ? input.clientEventId : null;
  return reviews.appendEvent({
    projectId: project.id,
    recordKey: record.key,
    action: identity.role === 'admin' ? 'adjudicate' : 'review',
    actor: identity.role === 'admin' ? 'admin' : identity.annotator.name,
    annotatorId: identity.role === 'admin' ? null : identity.annotator.id,
    decision,
    diff,
    reason,
    clientEventId,
  });
}

/**
 * Undoes the actor's latest verdict (of the whole project) that is not yet undone: appends a `withdraw` event for its
 * record, so the actor's verdict before it (if any) counts again. Nothing to undo is an `InputError`.
 *
 * @example
 * const { record } = withdrawLastDecision(reviews, identity); // then show that record again
 */
export function withdrawLastDecision(reviews: ReviewStore, identity: ReviewIdentity): { event: ReviewEvent; record: string } {
  const last = lastDecision(reviews, identity);
  if (!last) throw new InputError('nothing to undo: you have no verdict left to take back');
  const { event } = reviews.appendEvent({
    projectId: identity.project.id,
    recordKey: last.recordKey,
    action: 'withdraw',
    actor: last.actor,
    annotatorId: last.annotatorId,
    decision: last.decision,
    reason: `undo of event ${last.id}`,
  });
  return { event, record: last.recordKey };
}

/** The actor's latest verdict that no withdrawal took back (what `withdrawLastDecision` would undo). */
export function lastDecision(reviews: ReviewStore, identity: ReviewIdentity): ReviewEvent | undefined {
  const actor = identity.role === 'admin' ? 'admin' : identity.annotator.name;
  const stacks = new Map<string, ReviewEvent[]>();
  const order: ReviewEvent[] = [];
  for (const event of reviews.events(identity.project.id)) {
    if (event.actor !== actor) continue;
    const stack = stacks.get(event.recordKey) ?? [];
    stacks.set(event.recordKey, stack);
    if (event.action === 'withdraw') {
      const taken = stack.pop();
      if (taken) order.splice(order.indexOf(taken), 1);
    } else {
      stack.push(event);
      order.push(event);
    }
  }
  return order.at(-1);
}
