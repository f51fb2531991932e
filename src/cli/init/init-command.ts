import { Command, Option } from 'commander';
import type { InitFlags } from './init-action.js';

/** `culturekit init`: writes a commented config file and a sample dataset. */
export function createInitCommand(): Command {
  return new Command('init')
    .description('write a commented culturekit.config.yaml (with its JSON Schema for editors) and a sample dataset to start from')
    .addOption(
      new Option('--backend <kind>', 'where the model runs: an OpenAI-compatible server, or a local GGUF file in-process')
        .choices(['server', 'gguf'])
        .default('server'),
    )
    .option('--model <name>', 'model name on the server (server) or path to the .gguf file (gguf)')
    .option('--base-url <url>', "the server's OpenAI-compatible base URL (server)", 'http://127.0.0.1:8000/v1')
    .option('--judge <spec>', 'a judge model for open (safety) responses, e.g. openai:qwen2.5-72b-instruct')
    .option('--benchmark <ref>', 'the dataset to evaluate: a benchmark reference such as blend:/data/blend (default: the sample dataset written here)')
    .option('--dir <dir>', 'folder to write into', '.')
    .option('--force', 'overwrite existing files')
    .addHelpText(
      'after',
      '\nExamples:\n  culturekit init --model qwen2.5-7b-instruct --base-url http://127.0.0.1:8000/v1 --judge openai:qwen2.5-72b-instruct\n  culturekit init --backend gguf --model ./models/qwen2.5-0.5b-instruct-q4_k_m.gguf\n  culturekit validate culturekit.config.yaml && culturekit eval',
    )
    .action(async (flags: InitFlags) => (await import('./init-action.js')).runInitCommand(flags));
}
