import { Command } from 'commander';
import { addRunOptions, type RunFlags } from '../run-flags.js';

/** `culturekit demo`: the whole evaluation offline, with a tiny model culturekit writes itself. */
export function createDemoCommand(): Command {
  const command = new Command('demo').description('run the whole evaluation offline on the built-in sample with a tiny model culturekit writes itself');
  addRunOptions(command);
  return command.action(async (flags: RunFlags) => (await import('./demo-action.js')).runDemoCommand(flags));
}
