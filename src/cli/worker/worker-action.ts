import { runQueueWorker } from '../../queue/queue-worker.js';
import { resolveWorkerSettings } from '../../settings/run-settings.js';

export interface WorkerFlags {
  queue: string;
  db?: string;
  lockDuration?: number;
  stream?: boolean;
  quiet?: boolean;
}

/** Runs `culturekit worker` until Ctrl-C or SIGTERM; the batch in hand is finished and sent back first. */
export async function runWorkerCommand(flags: WorkerFlags): Promise<void> {
  const settings = resolveWorkerSettings(flags);
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nstopping: finishing the batches in hand (Ctrl-C again to quit at once; their batches go to another worker)\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const stats = await runQueueWorker(settings, {
      modelDefaults: { stream: settings.stream },
      signal: controller.signal,
      onLog: settings.quiet ? undefined : (line) => process.stderr.write(`${line}\n`),
    });
    process.stderr.write(`worker done: ${stats.batches} batches, ${stats.results} results, ${stats.calls} model calls\n`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
