import { CAMEL_STYLE_PROTOCOL, type CamelStyleMetadata } from './camel-style-adapter.js';
import type { Item } from '../../schema/item.js';
import type { Score } from '../../schema/score.js';
import type { ScoringProtocol } from '../../scoring/protocol.js';
import { readChosenOption } from '../../scoring/chosen-option.js';
import { renderLetterRequest, renderListedOptionsLoglik } from '../../scoring/render-request.js';

export const CAMEL_STYLE_TEMPLATE_ID = 'camel-style-options-loglik@1';

/**
 * CAMeL-style multiple choice with distractors (Global Gallery). By log-likelihood, each option's text is scored as
 * the answer to the prompt with the options listed (ranked by mean log-probability per token, as the work's cappr
 * scoring); by letter otherwise. Metrics by setting, from the chosen option's role:
 * 1 `accuracy`; 2 `chose_<CC>` (1 for the chosen option's country, 0 for the other countries offered);
 * 3 `foreign_chosen`; 4 `accuracy` and `wrong_category`; 5 `culture_over_gender` (the scenario country's
 * opposite-gender entity beat the same-gender entities of other countries). `details.chosen` holds the chosen
 * option's entity, country, category and role, for the diagnostics.
 */
export const camelStyleProtocol: ScoringProtocol = {
  id: CAMEL_STYLE_PROTOCOL,
  render(item, options) {
    return options.mcqMethod === 'loglik' ? renderListedOptionsLoglik(item, options, CAMEL_STYLE_TEMPLATE_ID) : renderLetterRequest(item, options);
  },
  score(item, rendered, outcome): Score {
    const metadata = camelStyleMetadata(item);
    const chosen = readChosenOption(item, rendered, outcome, 'mean');
    const base = { setting: metadata.setting, entityCategory: metadata.entityCategory };
    if (chosen.status === 'invalid') {
      const metrics: Record<string, number> = { invalid: 1 };
      if (metadata.setting === 1 || metadata.setting === 4) metrics.accuracy = 0;
      return { status: 'invalid', method: chosen.method, metrics, details: { ...base, ...chosen.details, reason: chosen.reason } };
    }
    const option = metadata.options[chosen.index];
    const metrics: Record<string, number> = { invalid: 0 };
    switch (metadata.setting) {
      case 1:
        metrics.accuracy = option.role === 'correct' ? 1 : 0;
        break;
      case 2:
        for (const offered of metadata.options) metrics[`chose_${offered.country}`] = offered.country === option.country ? 1 : 0;
        break;
      case 3:
        metrics.foreign_chosen = option.role === 'foreign' ? 1 : 0;
        break;
      case 4:
        metrics.accuracy = option.role === 'correct' ? 1 : 0;
        metrics.wrong_category = option.role === 'other-category' ? 1 : 0;
        break;
      case 5:
        metrics.culture_over_gender = option.role === 'opposite-gender-local' ? 1 : 0;
        break;
    }
    // The authors' rules (camel_eval.py), on their verbatim cells: type 1 compares the whole `correct` cell with the
    // response; types 3–5 test whether the response occurs in the `incorrect` cell's text (a substring test).
    if (metadata.paper) {
      if (metadata.setting === 1) metrics.paper_accuracy = metadata.paper.correct === option.entity ? 1 : 0;
      else if (metadata.setting !== 2) metrics.incorrect_chosen = metadata.paper.incorrect.includes(option.entity) ? 1 : 0;
    }
    return { status: 'scored', method: chosen.method, metrics, extracted: chosen.letter, details: { ...base, ...chosen.details, chosen: option } };
  },
  rubrics: () => [],
};

function camelStyleMetadata(item: Item): CamelStyleMetadata {
  const metadata = item.metadata as Partial<CamelStyleMetadata> | undefined;
  if (metadata?.benchmark !== 'camel-style' || !Array.isArray(metadata.options))
    throw new Error(`item ${item.id} uses the camel-style protocol but has no CAMeL-style metadata`);
  return metadata as CamelStyleMetadata;
}
