import { Command } from 'commander';
import type { AdaptDemoFlags } from './adapt-demo-action.js';

/** `culturekit adapt demo`: the whole adaptation loop offline on a tiny model it creates. */
export function createAdaptDemoCommand(): Command {
  return new Command('demo')
    .description('run the whole adaptation loop offline (data, TRL stage 1 and 2, GGUF, evaluation) on a tiny random model culturekit creates')
    .option('--out <dir>', 'folder for everything it writes (default runs/adapt-demo)')
    .option('--python <path>', 'interpreter of the trainer environment (default CULTUREKIT_PYTHON, then .culturekit/venv)')
    .addHelpText('after', '\nExample:\n  culturekit adapt demo            # its scores are meaningless: the model is tiny and random')
    .action(async (flags: AdaptDemoFlags) => (await import('./adapt-demo-action.js')).runAdaptDemoCommand(flags));
}
