import type { GenerateResult, LanguageModel, RecordedOptionScores } from '../language-model.js';
import { ModelCallError } from '../model-error.js';

/**
 * A "model" made of responses someone already collected, keyed by item id, so that culturekit's scorers and judges
 * can re-score published results without calling any model (`culturekit score`).
 *
 * @example
 * const model = createRecordedResponsesModel('gpt-4o (published)', new Map([['jp-gifts-1-k1', 'Answer: B']]), 'ab12cd34');
 */
export function createRecordedResponsesModel(
  name: string,
  responses: ReadonlyMap<string, string>,
  contentHash: string,
  optionScores: ReadonlyMap<string, RecordedOptionScores> = new Map(),
): LanguageModel {
  return {
    spec: `recorded:${name}@${contentHash.slice(0, 12)}`,
    provider: 'recorded',
    modelId: name,
    capabilities: { generate: true, logLikelihood: false, embed: false },
    cacheIdentity: { provider: 'recorded', name, contentHash },
    replay(itemId: string): GenerateResult | undefined {
      const text = responses.get(itemId);
      return text === undefined ? undefined : { text, usage: { inputTokens: 0, outputTokens: 0 } };
    },
    replayScores: (itemId: string) => optionScores.get(itemId),
    async generate(): Promise<GenerateResult> {
      throw new ModelCallError(`recorded responses of ${name} cannot generate new text`, { kind: 'unsupported', isRetryable: false });
    },
    async close(): Promise<void> {},
  };
}
