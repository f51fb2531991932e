import { Command } from 'commander';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { nonNegativeInteger } from '../cli-options.js';
import type { ViewFlags } from './view-action.js';

/** `culturekit view`: its options; the web app is loaded when it runs. */
export function createViewCommand(): Command {
  return new Command('view')
    .description(
      'browse runs in a local web app: summaries with charts, every result filterable by country, category, kind and status, each prompt and response',
    )
    .option('--db <path>', `SQLite store to browse (default ${RUN_DEFAULTS.db})`)
    .option('--port <n>', 'port to listen on (0: any free port)', nonNegativeInteger('--port'), 4173)
    .option('--host <host>', 'address to bind (keep 127.0.0.1 unless you mean to share the results)', '127.0.0.1')
    .option('--metric <name>', 'the metric that decides correct / incorrect', 'accuracy')
    .action(async (flags: ViewFlags) => (await import('./view-action.js')).runViewCommand(flags));
}
