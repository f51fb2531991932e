import { Command } from 'commander';
import { existsSync } from 'node:fs';
import { InputError } from '../../errors/culturekit-error.js';
import { openStore } from '../../store/open-store.js';
import { startViewServer } from '../../web/start-view-server.js';
import { nonNegativeInteger } from '../cli-options.js';
import { DEFAULT_DB } from '../eval/eval-command.js';
import { waitForShutdownSignal } from '../wait-for-shutdown.js';

interface ViewFlags {
  db?: string;
  port: number;
  host: string;
  metric: string;
}

export function createViewCommand(): Command {
  return new Command('view')
    .description('browse runs in a local web app: summaries with charts, every result filterable by country, category, kind and status, each prompt and response')
    .option('--db <path>', `SQLite store to browse (default ${DEFAULT_DB})`)
    .option('--port <n>', 'port to listen on (0: any free port)', nonNegativeInteger('--port'), 4173)
    .option('--host <host>', 'address to bind (keep 127.0.0.1 unless you mean to share the results)', '127.0.0.1')
    .option('--metric <name>', 'the metric that decides correct / incorrect', 'accuracy')
    .action(async (flags: ViewFlags) => {
      const dbPath = flags.db ?? DEFAULT_DB;
      if (!existsSync(dbPath)) throw new InputError(`no store at ${dbPath}: run culturekit eval (or culturekit demo) first, or pass --db`);
      const store = openStore(dbPath);
      let server;
      try {
        server = await startViewServer({ store, port: flags.port, host: flags.host, metric: flags.metric });
      } catch (error) {
        store.close();
        throw error;
      }
      process.stdout.write(`culturekit view: ${server.url} (store ${dbPath}; Ctrl-C to stop)\n`);
      await waitForShutdownSignal();
      await server.close();
      store.close();
      process.stdout.write('culturekit view: stopped\n');
    });
}
