import { Command } from 'commander';
import { DEFAULT_VENV_DIR } from '../../python/python-env.js';
import type { AdaptSetupFlags } from './adapt-setup-action.js';

/** `culturekit adapt setup`: the Python trainer environment (torch, transformers, peft, trl, …). */
export function createAdaptSetupCommand(): Command {
  return new Command('setup')
    .description(
      'create the Python environment of the open trainers (torch, transformers, peft, trl, gguf, …) with pip, offline where pip names a local mirror',
    )
    .option('--venv <dir>', `folder of the venv to create (default ${DEFAULT_VENV_DIR})`)
    .option('--python <path>', 'use (and complete) this existing interpreter instead of creating a venv')
    .option('--base-python <path>', 'the interpreter that creates the venv (default python3)')
    .addHelpText('after', '\nExample:\n  culturekit adapt setup            # a second run says everything is installed and returns at once')
    .action(async (flags: AdaptSetupFlags) => (await import('./adapt-setup-action.js')).runAdaptSetupCommand(flags));
}
