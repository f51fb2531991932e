import { Command } from 'commander';
import { collect, once } from '../cli-options.js';
import { addRunOptions, type RunFlags } from '../run-flags.js';

/** `culturekit eval`: its options; the work is loaded when it runs. */
export function createEvalCommand(): Command {
  const command = new Command('eval')
    .description('evaluate models on a dataset: accuracy overall, by country and by category, with 95% intervals')
    .option('--dataset <ref>', 'builtin:sample, or a .jsonl/.json/.csv/.parquet file', once('--dataset'))
    .option('--model <spec>', 'openai:<model> or llama:<path.gguf>[?lora=<path>&scale=<n>&threads=<n>] (repeatable)', collect)
    .option('--base-url <url>', 'OpenAI-compatible base URL for openai: models (default $OPENAI_BASE_URL)', once('--base-url'))
    .option('--judge <spec>', 'judge model for open responses (repeat for a panel), e.g. openai:qwen2.5-72b-instruct', collect)
    .option('--judge-base-url <url>', 'base URL for openai: judges (default: --base-url)', once('--judge-base-url'))
    .option('--config <file>', 'config file (default culturekit.config.yaml when present); flags override it', once('--config'));
  addRunOptions(command);
  return command.action(async (flags: RunFlags) => (await import('./eval-action.js')).runEvalCommand(flags));
}
