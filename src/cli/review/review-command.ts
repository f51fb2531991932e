import { Command } from 'commander';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { nonNegativeInteger, positiveInteger } from '../cli-options.js';

const dbOption = ['--db <path>', `SQLite store holding the review tables (default ${RUN_DEFAULTS.db})`] as const;

function createCreateCommand(): Command {
  return new Command('create')
    .description('create a review project from a dataset (its descriptions and items become records); prints the admin token once')
    .requiredOption('--name <name>', 'project name')
    .option('--dataset <ref>', 'dataset to verify: a .jsonl/.json/.csv/.parquet file, adapter:path or builtin:sample')
    .option('--translation <dir>', 'instead of --dataset: the --out folder of culturekit translate (its rejected or borderline records)')
    .option('--select <which>', 'with --translation: rejected or borderline', 'rejected')
    .option('--reviews-per-record <n>', 'independent reviews each record needs', positiveInteger('--reviews-per-record'), 2)
    .option('--guidelines <file>', 'a text or Markdown file of instructions shown to annotators beside every record')
    .option(...dbOption)
    .action(
      async (flags: { name: string; dataset?: string; translation?: string; select: string; reviewsPerRecord: number; guidelines?: string; db?: string }) =>
        (await import('./review-action.js')).runReviewCreate(flags),
    );
}

function createAddAnnotatorCommand(): Command {
  return new Command('add-annotator')
    .description("add an annotator to a project; prints the annotator's token once (only its hash is stored)")
    .requiredOption('--project <name>', 'project name')
    .requiredOption('--name <name>', 'annotator name')
    .option(...dbOption)
    .action(async (flags: { project: string; name: string; db?: string }) => (await import('./review-action.js')).runReviewAddAnnotator(flags));
}

function createTokenCommand(): Command {
  return new Command('token')
    .description("rotate (a new token, printed once; the old one stops working) or revoke an annotator's or the admin's token")
    .requiredOption('--project <name>', 'project name')
    .requiredOption('--name <name>', 'annotator name, or admin')
    .option('--rotate', 'issue a new token in place of the old one')
    .option('--revoke', 'revoke the token: nobody can sign in with it any more')
    .option(...dbOption)
    .action(async (flags: { project: string; name: string; rotate?: boolean; revoke?: boolean; db?: string }) =>
      (await import('./review-action.js')).runReviewToken(flags),
    );
}

function createGuidelinesCommand(): Command {
  return new Command('guidelines')
    .description("set or replace a project's guidelines: instructions shown to annotators beside every record")
    .requiredOption('--project <name>', 'project name')
    .requiredOption('--file <file>', 'a text or Markdown file (shown as text)')
    .option(...dbOption)
    .action(async (flags: { project: string; file: string; db?: string }) => (await import('./review-action.js')).runReviewGuidelines(flags));
}

function createServeCommand(): Command {
  return new Command('serve')
    .description('serve the review web app (every page and API call needs a token)')
    .option('--port <n>', 'port to listen on (0: any free port)', nonNegativeInteger('--port'), 4174)
    .option('--host <host>', 'address to bind (keep 127.0.0.1 unless annotators reach it from other machines)', '127.0.0.1')
    .option(...dbOption)
    .action(async (flags: { port: number; host: string; db?: string }) => (await import('./review-action.js')).runReviewServe(flags));
}

function createExportCommand(): Command {
  return new Command('export')
    .description('write the verified records as JSONL (ready for culturekit eval) and a manifest beside it')
    .requiredOption('--project <name>', 'project name')
    .requiredOption('--out <file>', 'JSONL file to write (the manifest goes to <file without .jsonl>.manifest.json)')
    .option(...dbOption)
    .action(async (flags: { project: string; out: string; db?: string }) => (await import('./review-action.js')).runReviewExport(flags));
}

export function createReviewCommand(): Command {
  return new Command('review')
    .description('human verification of a benchmark: projects, annotators, the review web app, verified export')
    .addCommand(createCreateCommand().exitOverride())
    .addCommand(createAddAnnotatorCommand().exitOverride())
    .addCommand(createTokenCommand().exitOverride())
    .addCommand(createGuidelinesCommand().exitOverride())
    .addCommand(createServeCommand().exitOverride())
    .addCommand(createExportCommand().exitOverride());
}
