import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { loadDataset } from '../../datasets/load-dataset.js';
import { InputError } from '../../errors/culturekit-error.js';
import { exportVerified } from '../../review/export-verified.js';
import { openReviewStore, type ReviewStore } from '../../review/review-store.js';
import { startReviewServer } from '../../web/review/start-review-server.js';
import { nonNegativeInteger, positiveInteger } from '../cli-options.js';
import { DEFAULT_DB } from '../eval/eval-command.js';
import { waitForShutdownSignal } from '../wait-for-shutdown.js';

const dbOption = ['--db <path>', `SQLite store holding the review tables (default ${DEFAULT_DB})`] as const;

function withStore<T>(dbPath: string | undefined, work: (reviews: ReviewStore) => Promise<T> | T): Promise<T> {
  const reviews = openReviewStore(dbPath ?? DEFAULT_DB);
  return Promise.resolve()
    .then(() => work(reviews))
    .finally(() => reviews.close());
}

function existingStore(dbPath: string | undefined): string {
  const path = dbPath ?? DEFAULT_DB;
  if (!existsSync(path)) throw new InputError(`no store at ${path}: create a project with culturekit review create first, or pass --db`);
  return path;
}

function createCreateCommand(): Command {
  return new Command('create')
    .description('create a review project from a dataset (its descriptions and items become records); prints the admin token once')
    .requiredOption('--name <name>', 'project name')
    .requiredOption('--dataset <ref>', 'dataset to verify: a .jsonl/.json/.csv/.parquet file, adapter:path or builtin:sample')
    .option('--reviews-per-record <n>', 'independent reviews each record needs', positiveInteger('--reviews-per-record'), 2)
    .option(...dbOption)
    .action(async (flags: { name: string; dataset: string; reviewsPerRecord: number; db?: string }) => {
      const dataset = await loadDataset(flags.dataset, { onWarning: (message) => process.stderr.write(`culturekit: ${message}\n`) });
      await withStore(flags.db, (reviews) => {
        const { project, adminToken } = reviews.createProject({ name: flags.name, dataset, reviewsPerRecord: flags.reviewsPerRecord });
        process.stdout.write(
          `created review project ${project.name}: ${dataset.descriptions.length} descriptions and ${dataset.items.length} items, ${project.reviewsPerRecord} reviews per record\n` +
            `admin token (shown once; keep it secret): ${adminToken}\n`,
        );
      });
    });
}

function createAddAnnotatorCommand(): Command {
  return new Command('add-annotator')
    .description("add an annotator to a project; prints the annotator's token once (only its hash is stored)")
    .requiredOption('--project <name>', 'project name')
    .requiredOption('--name <name>', 'annotator name')
    .option(...dbOption)
    .action(async (flags: { project: string; name: string; db?: string }) => {
      await withStore(existingStore(flags.db), (reviews) => {
        const { annotator, token } = reviews.addAnnotator(flags.project, flags.name);
        process.stdout.write(`added annotator ${annotator.name} to ${flags.project}\ntoken (shown once; give it to ${annotator.name}): ${token}\n`);
      });
    });
}

function createServeCommand(): Command {
  return new Command('serve')
    .description('serve the review web app (every page and API call needs a token)')
    .option('--port <n>', 'port to listen on (0: any free port)', nonNegativeInteger('--port'), 4174)
    .option('--host <host>', 'address to bind (keep 127.0.0.1 unless annotators reach it from other machines)', '127.0.0.1')
    .option(...dbOption)
    .action(async (flags: { port: number; host: string; db?: string }) => {
      const reviews = openReviewStore(existingStore(flags.db));
      let server;
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
    });
}

function createExportCommand(): Command {
  return new Command('export')
    .description('write the verified records as JSONL (ready for culturekit eval) and a manifest beside it')
    .requiredOption('--project <name>', 'project name')
    .requiredOption('--out <file>', 'JSONL file to write (the manifest goes to <file without .jsonl>.manifest.json)')
    .option(...dbOption)
    .action(async (flags: { project: string; out: string; db?: string }) => {
      await withStore(existingStore(flags.db), (reviews) => {
        const { manifest, manifestPath } = exportVerified(reviews, { project: flags.project, out: flags.out });
        const { counts } = manifest;
        process.stdout.write(
          `exported ${counts.exported} of ${counts.records} records to ${flags.out}: ${counts.accepted} accepted, ${counts.edited} edited, ${counts.rejected} rejected, ${counts.pending} pending, ${counts.disputed} disputed\n` +
            `decision agreement: α ${manifest.agreement.decision.alpha?.toFixed(3) ?? '—'}\nmanifest: ${manifestPath}\n`,
        );
      });
    });
}

export function createReviewCommand(): Command {
  return new Command('review')
    .description('human verification of a benchmark: projects, annotators, the review web app, verified export')
    .addCommand(createCreateCommand().exitOverride())
    .addCommand(createAddAnnotatorCommand().exitOverride())
    .addCommand(createServeCommand().exitOverride())
    .addCommand(createExportCommand().exitOverride());
}
