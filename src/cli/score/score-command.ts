import { Command, Option } from 'commander';
import { collect, once } from '../cli-options.js';
import { addRunOptions } from '../run-flags.js';
import type { ScoreFlags } from './score-action.js';

/** `culturekit score`: the eval scorers (and judges) over responses collected elsewhere, without calling the evaluated model. */
export function createScoreCommand(): Command {
  const command = new Command('score')
    .description('score existing responses (yours or published ones) with the same scorers and judges, without calling a model')
    .requiredOption('--responses <file>', '.jsonl/.json/.csv/.parquet with one response per item (and model)')
    .option('--dataset <ref>', 'the items the responses answer (builtin:sample or a file)', once('--dataset'))
    .option('--id-column <name>', 'column with the item id (default itemId, item_id or id)', once('--id-column'))
    .option('--response-column <name>', 'column with the response text (default response)', once('--response-column'))
    .option('--model-column <name>', 'column with the model name when the file holds several models (default model, when present)', once('--model-column'))
    .option(
      '--scores-column <name>',
      'column with per-option scores instead of (or beside) text: {"option": value}, a Python dict, or options best first (default scores, when present)',
      once('--scores-column'),
    )
    .addOption(
      new Option(
        '--scores-kind <kind>',
        'what the per-option scores are: log-probabilities, probabilities, ranks (1 = best) or an order (default logprob)',
      ).choices(['logprob', 'prob', 'rank', 'order']),
    )
    .option('--model-name <name>', 'name for the responses when the file has no model column (default responses)', once('--model-name'))
    .option('--judge <spec>', 'judge model for open responses (repeat for a panel)', collect)
    .option(
      '--judge-base-url <url>',
      "base URL for openai: judges (default: the config's judgeBaseUrl or baseUrl, else $OPENAI_BASE_URL)",
      once('--judge-base-url'),
    )
    .option('--config <file>', 'config file (default culturekit.config.yaml when present); flags override it', once('--config'));
  addRunOptions(command);
  return command.action(async (flags: ScoreFlags) => (await import('./score-action.js')).runScoreCommand(flags));
}
