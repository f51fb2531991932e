import { Command } from 'commander';
import { loadConfig } from '../../config/load-config.js';
import { InputError } from '../../errors/culturekit-error.js';
import { readResponses } from '../../eval/read-responses.js';
import { createRecordedResponsesModel } from '../../models/recorded/recorded-responses-model.js';
import type { ModelEntry } from '../../schema/manifest.js';
import { collect } from '../cli-options.js';
import { addRunOptions, DEFAULT_DB, resolveJudges, runAndReport, runOptionsFromFlags, type EvalFlags } from '../eval/eval-command.js';

interface ScoreFlags extends EvalFlags {
  responses: string;
  idColumn?: string;
  responseColumn?: string;
  modelColumn?: string;
  modelName?: string;
}

/** `culturekit score`: the eval scorers (and judges) over responses collected elsewhere, without calling the evaluated model. */
export function createScoreCommand(): Command {
  const command = new Command('score')
    .description('score existing responses (yours or published ones) with the same scorers and judges, without calling a model')
    .requiredOption('--responses <file>', '.jsonl/.json/.csv/.parquet with one response per item (and model)')
    .option('--dataset <ref>', 'the items the responses answer (builtin:sample or a file)')
    .option('--id-column <name>', 'column with the item id (default itemId, item_id or id)')
    .option('--response-column <name>', 'column with the response text (default response)')
    .option('--model-column <name>', 'column with the model name when the file holds several models (default model, when present)')
    .option('--model-name <name>', 'name for the responses when the file has no model column (default responses)')
    .option('--judge <spec>', 'judge model for open responses (repeat for a panel)', collect)
    .option('--judge-base-url <url>', 'base URL for openai: judges (default $OPENAI_BASE_URL)')
    .option('--config <file>', 'config file (default culturekit.config.yaml when present)');
  addRunOptions(command);
  return command.action(async (flags: ScoreFlags) => {
    const config = loadConfig(flags.config);
    const dataset = flags.dataset ?? config?.dataset;
    if (!dataset) throw new InputError('score needs --dataset: the items the responses answer');
    if ((flags.mcqMethod ?? config?.options?.mcqMethod) === 'loglik') throw new InputError('recorded responses are text: score them with --mcq-method letter');
    const recorded = await readResponses(
      flags.responses,
      { id: flags.idColumn, response: flags.responseColumn, model: flags.modelColumn },
      { defaultModel: flags.modelName, skipInvalid: flags.skipInvalid, onWarning: (message) => process.stderr.write(`warning: ${message}\n`) },
    );
    const modelInstances = [...recorded.byModel].map(([name, responses]) => createRecordedResponsesModel(name, responses, recorded.hash));
    const models: ModelEntry[] = modelInstances.map((model) => ({ spec: model.spec }));
    const judges = resolveJudges(flags, config, config?.baseUrl);
    await runAndReport({
      flags,
      dataset,
      models,
      modelInstances,
      judges,
      options: { ...config?.options, ...runOptionsFromFlags(flags), mcqMethod: 'letter' },
      runtime: { concurrency: flags.concurrency ?? config?.concurrency, requestsPerMinute: flags.rpm, timeoutMs: flags.timeout, maxRetries: flags.maxRetries },
      db: flags.db ?? config?.db ?? DEFAULT_DB,
      out: flags.out ?? config?.out,
    });
  });
}
