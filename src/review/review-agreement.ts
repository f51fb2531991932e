import { cohenKappa, krippendorffAlpha } from '../statistics/agreement.js';
import type { RecordState } from './record-state.js';
import type { ReviewEvent } from './review-event.js';
import { editableFields } from './review-record.js';

export interface PairAgreement {
  annotators: [string, string];
  /** Records both annotators rated on this measure. */
  units: number;
  /** Share of those records where they gave the same label; `null` without units. */
  observedAgreement: number | null;
  /** Cohen's κ; `null` when undefined. */
  kappa: number | null;
}

export interface MeasureAgreement {
  /** Records with at least two ratings on this measure. */
  units: number;
  /** Krippendorff's α (nominal) over all annotators; `null` when undefined. */
  alpha: number | null;
  pairs: PairAgreement[];
}

export interface ReviewAgreement {
  annotators: string[];
  /** On the decision: accept / edit / reject. */
  decision: MeasureAgreement;
  /** Per editable field, on changed / unchanged, over the reviews that did not reject the record. */
  fields: Record<string, MeasureAgreement>;
}

type Labeler = (state: RecordState, review: ReviewEvent) => string | undefined;

function measure(states: readonly RecordState[], annotators: readonly string[], label: Labeler): MeasureAgreement {
  const labelled = states.map((state) => {
    const labels = new Map<string, string>();
    for (const review of state.reviews) {
      const value = label(state, review);
      if (value !== undefined) labels.set(review.actor, value);
    }
    return labels;
  });
  const units = labelled.filter((labels) => labels.size >= 2).map((labels) => [...labels.values()]);
  const pairs: PairAgreement[] = [];
  for (let first = 0; first < annotators.length; first++) {
    for (let second = first + 1; second < annotators.length; second++) {
      const [left, right] = [annotators[first], annotators[second]];
      const both: [string, string][] = [];
      for (const labels of labelled) {
        const a = labels.get(left);
        const b = labels.get(right);
        if (a !== undefined && b !== undefined) both.push([a, b]);
      }
      if (both.length === 0) continue;
      pairs.push({
        annotators: [left, right],
        units: both.length,
        observedAgreement: both.filter(([a, b]) => a === b).length / both.length,
        kappa: cohenKappa(both),
      });
    }
  }
  return { units: units.length, alpha: krippendorffAlpha(units, 'nominal'), pairs };
}

/**
 * Inter-annotator agreement from each annotator's latest review of each record: Krippendorff's α (nominal, all
 * annotators) and Cohen's κ per annotator pair, on the decision and, per editable field, on whether the field was
 * changed (reviews that rejected the record say nothing about its fields and are left out there).
 *
 * @example
 * const agreement = reviewAgreement(deriveRecordStates(records, events, 2));
 * agreement.decision.alpha; agreement.fields.prompt.pairs[0].kappa;
 */
export function reviewAgreement(states: readonly RecordState[]): ReviewAgreement {
  const annotators = [...new Set(states.flatMap((state) => state.reviews.map((review) => review.actor)))].sort();
  const decision = measure(states, annotators, (_state, review) => review.decision);
  const fieldNames = [...new Set([...editableFields.item, ...editableFields.description])];
  const fields: Record<string, MeasureAgreement> = {};
  for (const field of fieldNames) {
    fields[field] = measure(states, annotators, (state, review) => {
      if (review.decision === 'reject' || !(editableFields[state.record.type] as readonly string[]).includes(field)) return undefined;
      return review.decision === 'edit' && review.diff && field in review.diff ? 'changed' : 'unchanged';
    });
  }
  return { annotators, decision, fields };
}
