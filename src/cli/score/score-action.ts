import { InputError } from '../../errors/culturekit-error.js';
import { formatUnmatchedWarning, readResponses, unmatchedResponses } from '../../eval/read-responses.js';
import { createRecordedResponsesModel } from '../../models/recorded/recorded-responses-model.js';
import { commandSettings } from '../command-settings.js';
import { runAndReport } from '../run-and-report.js';
import type { RunFlags } from '../run-flags.js';

export interface ScoreFlags extends RunFlags {
  responses: string;
  idColumn?: string;
  responseColumn?: string;
  modelColumn?: string;
  modelName?: string;
}

/** Runs `culturekit score`: the models are the recorded responses; the config's models are not used. */
export async function runScoreCommand(flags: ScoreFlags): Promise<void> {
  const recorded = await readResponses(
    flags.responses,
    { id: flags.idColumn, response: flags.responseColumn, model: flags.modelColumn },
    { defaultModel: flags.modelName, skipInvalid: flags.skipInvalid, onWarning: (message) => process.stderr.write(`warning: ${message}\n`) },
  );
  const modelInstances = [...recorded.byModel].map(([name, responses]) => createRecordedResponsesModel(name, responses, recorded.hash));
  const settings = await commandSettings(flags, { models: modelInstances.map((model) => ({ spec: model.spec })) });
  if (!settings.dataset) throw new InputError('score needs --dataset: the items the responses answer');
  if (settings.options.mcqMethod === 'loglik') throw new InputError('recorded responses are text: score them with --mcq-method letter');
  const total = [...recorded.byModel.values()].reduce((sum, responses) => sum + responses.size, 0);
  await runAndReport(settings, {
    modelInstances,
    onDataset: (dataset) => {
      const unmatched = unmatchedResponses(recorded, new Set(dataset.items.map((item) => item.id)));
      if (unmatched.length > 0) process.stderr.write(`warning: ${formatUnmatchedWarning(flags.responses, unmatched, total)}\n`);
    },
  });
}
