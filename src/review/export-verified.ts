import { sha256Hex } from '../util/hash.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import { TOOL_VERSION } from '../version.js';
import { countStatuses, deriveRecordStates, type RecordStatus } from './record-state.js';
import { reviewAgreement, type ReviewAgreement } from './review-agreement.js';
import type { ReviewStore } from './review-store.js';

/** What `verified.manifest.json` holds: counts, agreement and provenance of a verified export. */
export interface VerifiedManifest {
  project: string;
  dataset: { ref: string; hash: string };
  reviewsPerRecord: number;
  counts: Record<RecordStatus, number> & { records: number; exported: number };
  adjudicated: number;
  events: number;
  annotators: { name: string; reviews: number }[];
  agreement: ReviewAgreement;
  /** sha256 hex of the JSONL file written. */
  outputHash: string;
  exportedAt: string;
  toolVersion: string;
}

/** `verified.jsonl` → `verified.manifest.json`. */
export function manifestPathFor(out: string): string {
  return `${out.replace(/\.(jsonl|ndjson|json)$/i, '')}.manifest.json`;
}

/**
 * Writes a project's verified records as JSONL in the dataset schema (descriptions, then items; accepted ones as they
 * were, edited ones with their edit applied; rejected, pending and disputed ones left out), ready for
 * `culturekit eval --dataset`, and a manifest beside it.
 *
 * @example
 * const { manifest, manifestPath } = exportVerified(reviews, { project: 'jp-v1', out: 'verified.jsonl' });
 * console.log(manifest.counts); // { records: 40, accepted: 30, edited: 6, rejected: 2, pending: 1, disputed: 1, exported: 36 }
 */
export function exportVerified(reviews: ReviewStore, input: { project: string; out: string }): { manifest: VerifiedManifest; manifestPath: string } {
  const project = reviews.requireProject(input.project);
  const events = reviews.events(project.id);
  const states = deriveRecordStates(reviews.records(project.id), events, project.reviewsPerRecord);
  const lines: string[] = [];
  for (const state of states) {
    if (state.final) lines.push(JSON.stringify({ type: state.record.type, ...state.final }));
  }
  const content = lines.length ? `${lines.join('\n')}\n` : '';
  writeFileAtomic(input.out, content);
  // Each annotator's standing reviews: one per record they reviewed, a withdrawn (undone) verdict not counted.
  const reviewCounts = new Map<string, number>();
  for (const state of states) for (const review of state.reviews) reviewCounts.set(review.actor, (reviewCounts.get(review.actor) ?? 0) + 1);
  const manifest: VerifiedManifest = {
    project: project.name,
    dataset: { ref: project.datasetRef, hash: project.datasetHash },
    reviewsPerRecord: project.reviewsPerRecord,
    counts: { records: states.length, ...countStatuses(states), exported: lines.length },
    adjudicated: states.filter((state) => state.resolvedBy === 'adjudication').length,
    events: events.length,
    annotators: reviews.listAnnotators(project.id).map((annotator) => ({ name: annotator.name, reviews: reviewCounts.get(annotator.name) ?? 0 })),
    agreement: reviewAgreement(states),
    outputHash: sha256Hex(content),
    exportedAt: new Date().toISOString(),
    toolVersion: TOOL_VERSION,
  };
  const manifestPath = manifestPathFor(input.out);
  writeFileAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, manifestPath };
}
