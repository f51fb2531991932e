import { Command, Option } from 'commander';
import { collect } from '../cli-options.js';
import type { AdaptExportGgufFlags } from './adapt-export-gguf-action.js';

/** `culturekit adapt export-gguf`: base model and adapters to GGUF with llama.cpp's own converters. */
export function createAdaptExportGgufCommand(): Command {
  return new Command('export-gguf')
    .description("convert a base model and its LoRA adapters to GGUF with llama.cpp's converters (the source inside node-llama-cpp, offline)")
    .option('--base <dir>', "Hugging Face model folder (default with --train: the run's base)")
    .option('--adapter <dir>', 'PEFT adapter folder, as name=dir or dir (repeatable)', collect)
    .option('--train <dir>', 'an adapt train run folder: export every trained stage and record the GGUF files in its train-manifest.json')
    .requiredOption('--out <dir>', 'folder for the GGUF files')
    .addOption(new Option('--outtype <type>', 'tensor type').choices(['f32', 'f16', 'bf16', 'q8_0']).default('f16'))
    .option('--python <path>', 'interpreter of the trainer environment (default CULTUREKIT_PYTHON, then .culturekit/venv)')
    .addHelpText(
      'after',
      '\nExamples:\n  culturekit adapt export-gguf --train runs/adapt/trl --out runs/adapt/gguf\n  culturekit adapt export-gguf --base models/qwen --adapter stage1=runs/adapt/trl/stage1/output/adapter --out gguf --outtype q8_0',
    )
    .action(async (flags: AdaptExportGgufFlags) => (await import('./adapt-export-gguf-action.js')).runAdaptExportGgufCommand(flags));
}
