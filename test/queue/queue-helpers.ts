import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnCli } from '../eval/helpers.js';

/** Starts `culturekit worker` processes on a queue; each keeps its stderr for failure messages. */
export function startWorkers(count: number, queue: string, db: string, extra: string[] = []): { processes: ChildProcess[]; logs: string[] } {
  const logs: string[] = [];
  const processes = Array.from({ length: count }, (_, index) => {
    const child = spawnCli(['worker', '--queue', queue, '--db', db, ...extra]);
    logs[index] = '';
    child.stderr!.on('data', (chunk) => (logs[index] += chunk));
    child.stdout!.resume();
    return child;
  });
  return { processes, logs };
}

/** Stops workers (SIGTERM: each finishes its batch) and waits for them. */
export async function stopWorkers(processes: ChildProcess[]): Promise<void> {
  await Promise.all(
    processes.map((child) => {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return exited;
    }),
  );
}

/** summary.json without what differs between two runs of the same plan (ids, times). */
export function comparableSummary(dir: string): unknown {
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Record<string, unknown>;
  const { runId, createdAt, generatedAt, ...rest } = summary;
  void [runId, createdAt, generatedAt];
  return rest;
}
