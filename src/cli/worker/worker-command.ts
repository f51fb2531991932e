import { Command } from 'commander';
import { once, positiveInteger } from '../cli-options.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import type { WorkerFlags } from './worker-action.js';

/** `culturekit worker`: pulls batches of tasks from the queue, calls the models, scores and sends the results back. */
export function createWorkerCommand(): Command {
  return new Command('worker')
    .description('serve the runs queued with `culturekit eval --queue`: pull batches, call the models, score, send results back (Ctrl-C to stop)')
    .requiredOption('--queue <redis-url>', 'the Redis the coordinator queues on, e.g. redis://10.0.0.5:6379', once('--queue'))
    .option(
      '--db <path>',
      `this worker's store: the cache of its model calls, shared by the workers of one machine (default ${RUN_DEFAULTS.queue.workerDb})`,
      once('--db'),
    )
    .option(
      '--lock-duration <ms>',
      `how long a batch stays with a worker that stopped answering before it goes to another (default ${RUN_DEFAULTS.queue.lockDurationMs})`,
      positiveInteger('--lock-duration'),
    )
    .option('--stream', 'use streaming chat completions')
    .option('--quiet', 'no line per batch')
    .addHelpText('after', '\nExample:\n  culturekit worker --queue redis://127.0.0.1:6379')
    .action(async (flags: WorkerFlags) => (await import('./worker-action.js')).runWorkerCommand(flags));
}
