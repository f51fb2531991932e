import { existsSync, readFileSync } from 'node:fs';
import { loadDataset } from '../../benchmarks/load-dataset.js';
import { InputError } from '../../errors/culturekit-error.js';
import { exportVerified } from '../../review/export-verified.js';
import { openReviewStore, type ReviewStore } from '../../review/review-store.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { startReviewServer } from '../../web/review/start-review-server.js';
import { waitForShutdownSignal } from '../wait-for-shutdown.js';

function withStore<T>(dbPath: string | undefined, work: (reviews: ReviewStore) => Promise<T> | T): Promise<T> {
  const reviews = openReviewStore(dbPath ?? RUN_DEFAULTS.db);
  return Promise.resolve()
    .then(() => work(reviews))
    .finally(() => reviews.close());
}

function existingStore(dbPath: string | undefined): string {
  const path = dbPath ?? RUN_DEFAULTS.db;
  if (!existsSync(path)) throw new InputError(`no store at ${path}: create a project with culturekit review create first, or pass --db`);
  return path;
}

/** The text of a guidelines file: an `InputError` naming it when it is missing, empty or larger than 200 KB. */
function readGuidelines(file: string): string {
  if (!existsSync(file)) throw new InputError(`--guidelines ${file}: no such file`);
  const text = readFileSync(file, 'utf8');
  if (!text.trim()) throw new InputError(`--guidelines ${file}: the file is empty`);
  if (text.length > 200_000) throw new InputError(`--guidelines ${file}: ${text.length} characters is more than the 200,000 allowed`);
  return text;
}

/** Runs `culturekit review create`. */
export async function runReviewCreate(flags: {
  name: string;
  dataset?: string;
  translation?: string;
  select?: string;
  reviewsPerRecord: number;
  guidelines?: string;
  db?: string;
}): Promise<void> {
  if (Boolean(flags.dataset) === Boolean(flags.translation)) throw new InputError('review create: give --dataset or --translation (one of them)');
  const guidelines = flags.guidelines === undefined ? undefined : readGuidelines(flags.guidelines);
  const dataset = flags.translation
    ? await translationDataset(flags.translation, flags.select ?? 'rejected')
    : await loadDataset(flags.dataset!, { onWarning: (message) => process.stderr.write(`culturekit: ${message}\n`) });
  await withStore(flags.db, (reviews) => {
    const { project, adminToken } = reviews.createProject({ name: flags.name, dataset, reviewsPerRecord: flags.reviewsPerRecord });
    if (guidelines !== undefined) reviews.setGuidelines(project.id, guidelines);
    process.stdout.write(
      `created review project ${project.name}: ${dataset.descriptions.length} descriptions and ${dataset.items.length} items, ${project.reviewsPerRecord} reviews per record\n` +
        `admin token (shown once; keep it secret): ${adminToken}\n`,
    );
  });
}

async function translationDataset(outDir: string, select: string) {
  if (select !== 'rejected' && select !== 'borderline') throw new InputError(`--select: expected rejected or borderline, got "${select}"`);
  const { translationReviewDataset } = await import('../../review/translation-review.js');
  const { dataset, skipped } = await translationReviewDataset(outDir, select);
  if (skipped > 0) process.stderr.write(`culturekit: ${skipped} ${select} record(s) without a readable translation left out\n`);
  return dataset;
}

/** Runs `culturekit review add-annotator`. */
export async function runReviewAddAnnotator(flags: { project: string; name: string; db?: string }): Promise<void> {
  await withStore(existingStore(flags.db), (reviews) => {
    const { annotator, token } = reviews.addAnnotator(flags.project, flags.name);
    process.stdout.write(`added annotator ${annotator.name} to ${flags.project}\ntoken (shown once; give it to ${annotator.name}): ${token}\n`);
  });
}

/** Runs `culturekit review guidelines`: sets or replaces a project's guidelines. */
export async function runReviewGuidelines(flags: { project: string; file: string; db?: string }): Promise<void> {
  const text = readGuidelines(flags.file);
  await withStore(existingStore(flags.db), (reviews) => {
    reviews.setGuidelines(reviews.requireProject(flags.project).id, text);
    process.stdout.write(`set the guidelines of ${flags.project} (${text.length} characters): annotators see them beside every record\n`);
  });
}

/** Runs `culturekit review token`: rotate or revoke a token. */
export async function runReviewToken(flags: { project: string; name: string; rotate?: boolean; revoke?: boolean; db?: string }): Promise<void> {
  if (Boolean(flags.rotate) === Boolean(flags.revoke)) throw new InputError('review token: give --rotate or --revoke (one of them)');
  await withStore(existingStore(flags.db), (reviews) => {
    if (flags.revoke) {
      reviews.revokeToken(flags.project, flags.name);
      process.stdout.write(`revoked the token of ${flags.name} in ${flags.project}: it no longer signs in (issue a new one with --rotate)\n`);
      return;
    }
    const token = reviews.rotateToken(flags.project, flags.name);
    process.stdout.write(`new token for ${flags.name} in ${flags.project} (shown once; the old one no longer works): ${token}\n`);
  });
}

/** Runs `culturekit review serve` until Ctrl-C. */
export async function runReviewServe(flags: { port: number; host: string; db?: string }): Promise<void> {
  const reviews = openReviewStore(existingStore(flags.db));
  let server: Awaited<ReturnType<typeof startReviewServer>>;
  try {
    server = await startReviewServer({ reviews, port: flags.port, host: flags.host });
  } catch (error) {
    reviews.close();
    throw error;
  }
  process.stdout.write(`culturekit review: ${server.url} (store ${reviews.path}; Ctrl-C to stop)\n`);
  await waitForShutdownSignal();
  await server.close();
  reviews.close();
  process.stdout.write('culturekit review: stopped\n');
}

/** Runs `culturekit review export`. */
export async function runReviewExport(flags: { project: string; out: string; db?: string }): Promise<void> {
  await withStore(existingStore(flags.db), (reviews) => {
    const { manifest, manifestPath } = exportVerified(reviews, { project: flags.project, out: flags.out });
    const { counts } = manifest;
    process.stdout.write(
      `exported ${counts.exported} of ${counts.records} records to ${flags.out}: ${counts.accepted} accepted, ${counts.edited} edited, ${counts.rejected} rejected, ${counts.pending} pending, ${counts.disputed} disputed\n` +
        `decision agreement: α ${manifest.agreement.decision.alpha?.toFixed(3) ?? '—'}\nmanifest: ${manifestPath}\n`,
    );
  });
}
