import { Command } from 'commander';
import { collect, once, positiveInteger } from '../cli-options.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
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
    .option('--queue <redis-url>', 'run the tasks on queue workers (`culturekit worker --queue <redis-url>`), e.g. redis://127.0.0.1:6379', once('--queue'))
    .option('--batch-size <n>', `tasks per queue job with --queue (default ${RUN_DEFAULTS.queue.batchSize})`, positiveInteger('--batch-size'))
    .option('--shard <i/N>', 'do share i (from 0) of N of the plan; join the shares with `culturekit merge`', once('--shard'))
    .option('--config <file>', 'config file (default culturekit.config.yaml when present); flags override it', once('--config'));
  addRunOptions(command);
  return command.action(async (flags: RunFlags) => (await import('./eval-action.js')).runEvalCommand(flags));
}
