import { Command } from 'commander';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { addGateOptions, type GateFlags } from '../gate-options.js';

export interface GateCommandFlags extends GateFlags {
  db?: string;
  config?: string;
}

/** `culturekit gate`: checks a finished run against thresholds and a baseline, for CI. */
export function createGateCommand(): Command {
  const command = new Command('gate')
    .description('check a finished run against quality thresholds and a baseline run; exit code 6 when it fails (for CI)')
    .argument('<run>', 'run folder (the --out of culturekit eval) or run id in --db')
    .option('--db <path>', `SQLite store holding runs given by id (default ${RUN_DEFAULTS.db})`)
    .option('--config <file>', 'config file whose gate section applies (default culturekit.config.yaml when present); flags override it')
    .addHelpText('after', '\nExample:\n  culturekit gate runs/candidate --fail-under accuracy=0.7,accuracy@*=0.5 --baseline runs/main --junit junit.xml');
  addGateOptions(command);
  return command.action(async (run: string, flags: GateCommandFlags) => (await import('./gate-action.js')).runGateCommand(run, flags));
}
