import { existsSync } from 'node:fs';
import { InputError } from '../../errors/culturekit-error.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { openStore } from '../../store/open-store.js';
import { startViewServer } from '../../web/start-view-server.js';
import { waitForShutdownSignal } from '../wait-for-shutdown.js';

export interface ViewFlags {
  db?: string;
  port: number;
  host: string;
  metric: string;
}

/** The description texts of a run's dataset, read again from its reference (item pages show them beside the response). */
async function readDescriptions(ref: string): Promise<ReadonlyMap<string, string>> {
  const { loadDataset } = await import('../../benchmarks/load-dataset.js');
  const dataset = await loadDataset(ref);
  return new Map(dataset.descriptions.map((description) => [description.id, description.text]));
}

/** Runs `culturekit view` until Ctrl-C. */
export async function runViewCommand(flags: ViewFlags): Promise<void> {
  const dbPath = flags.db ?? RUN_DEFAULTS.db;
  if (!existsSync(dbPath)) throw new InputError(`no store at ${dbPath}: run culturekit eval (or culturekit demo) first, or pass --db`);
  const store = openStore(dbPath);
  let server: Awaited<ReturnType<typeof startViewServer>>;
  try {
    server = await startViewServer({ store, port: flags.port, host: flags.host, metric: flags.metric, descriptions: readDescriptions });
  } catch (error) {
    store.close();
    throw error;
  }
  process.stdout.write(`culturekit view: ${server.url} (store ${dbPath}; Ctrl-C to stop)\n`);
  await waitForShutdownSignal();
  await server.close();
  store.close();
  process.stdout.write('culturekit view: stopped\n');
}
