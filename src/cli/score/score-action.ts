import { InputError } from '../../errors/culturekit-error.js';
import { formatUnmatchedWarning, readResponses, respondedIds, unmatchedResponses } from '../../eval/read-responses.js';
import { createRecordedResponsesModel } from '../../models/recorded/recorded-responses-model.js';
import { commandSettings } from '../command-settings.js';
import { runAndReport } from '../run-and-report.js';
import type { RunFlags } from '../run-flags.js';
import type { OptionScoreKind } from '../../eval/read-responses.js';

export interface ScoreFlags extends RunFlags {
  responses: string;
  idColumn?: string;
  responseColumn?: string;
  modelColumn?: string;
  modelName?: string;
  scoresColumn?: string;
  scoresKind?: OptionScoreKind;
}

/** Runs `culturekit score`: the models are the recorded responses; the config's models are not used. */
export async function runScoreCommand(flags: ScoreFlags): Promise<void> {
  const recorded = await readResponses(
    flags.responses,
    { id: flags.idColumn, response: flags.responseColumn, model: flags.modelColumn, scores: flags.scoresColumn },
    {
      defaultModel: flags.modelName,
      skipInvalid: flags.skipInvalid,
      scoresKind: flags.scoresKind,
      onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
    },
  );
  const modelInstances = [...recorded.byModel].map(([name, responses]) =>
    createRecordedResponsesModel(name, responses, recorded.hash, recorded.scoresByModel.get(name)),
  );
  const settings = await commandSettings(flags, { models: modelInstances.map((model) => ({ spec: model.spec })) });
  if (!settings.dataset) throw new InputError('score needs --dataset: the items the responses answer');
  if (settings.options.mcqMethod === 'loglik' && recorded.scoresByModel.size === 0)
    throw new InputError('recorded responses are text: score them with --mcq-method letter, or give per-option scores (--scores-column)');
  if (settings.options.mcqMethod !== 'loglik' && recorded.scoresByModel.size > 0 && [...recorded.byModel.values()].every((responses) => responses.size === 0))
    throw new InputError('the responses are per-option scores: score them with --mcq-method loglik');
  const total = [...respondedIds(recorded).values()].reduce((sum, ids) => sum + ids.size, 0);
  await runAndReport(settings, {
    modelInstances,
    onDataset: (dataset) => {
      const unmatched = unmatchedResponses(recorded, new Set(Array.from({ length: dataset.items.length }, (_, position) => dataset.items.idAt(position))));
      if (unmatched.length > 0) process.stderr.write(`warning: ${formatUnmatchedWarning(flags.responses, unmatched, total)}\n`);
    },
  });
}
