import { GEOMLAMA_PROTOCOL, type GeoMlamaMetadata } from './geomlama-adapter.js';
import type { Item } from '../../schema/item.js';
import type { Score } from '../../schema/score.js';
import type { ScoringProtocol } from '../../scoring/protocol.js';
import { readChosenOption, type ChosenOption } from '../../scoring/chosen-option.js';
import { renderLetterRequest, renderListedOptionsLoglik, renderMaskedLoglik } from '../../scoring/render-request.js';

export const GEOMLAMA_MASK_TEMPLATE_ID = 'geomlama-mask-loglik@1';
export const GEOMLAMA_OPTIONS_TEMPLATE_ID = 'geomlama-options-loglik@1';

/**
 * GeoMLaMA: by log-likelihood (`--mcq-method loglik`), each candidate filled into the masked sentence (TSV shape; the
 * text before `<mask>` is the context and candidate + rest of the sentence the continuation) or scored as the answer
 * to the question with the candidates listed (CSV shape), ranked by mean log-probability per token; by letter
 * otherwise. Country setting: with k gold answers, `accuracy` = golds among the top k / k (by letter: 1 when the chosen
 * option is a gold). No-country setting: `matches_<CC>` = 1 when the model's answer is country CC's gold.
 */
export const geomlamaProtocol: ScoringProtocol = {
  id: GEOMLAMA_PROTOCOL,
  render(item, options) {
    const metadata = geomlamaMetadata(item);
    if (options.mcqMethod !== 'loglik') return renderLetterRequest(item, options);
    return metadata.maskedPrompt
      ? renderMaskedLoglik(item, metadata.maskedPrompt, '<mask>', options, GEOMLAMA_MASK_TEMPLATE_ID)
      : renderListedOptionsLoglik(item, options, GEOMLAMA_OPTIONS_TEMPLATE_ID);
  },
  score(item, rendered, outcome): Score {
    const metadata = geomlamaMetadata(item);
    const chosen = readChosenOption(item, rendered, outcome, 'mean');
    const base = { setting: metadata.setting, questionId: metadata.questionId };
    if (metadata.paperGolds || metadata.paperGoldsByCountry) return scorePaper(item, metadata, chosen, base);
    if (metadata.setting === 'no-country') {
      if (chosen.status === 'invalid')
        return { status: 'invalid', method: chosen.method, metrics: { invalid: 1 }, details: { ...base, ...chosen.details, reason: chosen.reason } };
      const metrics: Record<string, number> = {};
      const matched: string[] = [];
      for (const [country, golds] of Object.entries(metadata.goldsByCountry ?? {})) {
        metrics[`matches_${country}`] = golds.includes(chosen.index) ? 1 : 0;
        if (golds.includes(chosen.index)) matched.push(country);
      }
      return {
        status: 'scored',
        method: chosen.method,
        metrics,
        extracted: chosen.letter,
        details: { ...base, ...chosen.details, chosen: item.choices?.[chosen.index], matchedCountries: matched },
      };
    }
    if (chosen.status === 'invalid')
      return { status: 'invalid', method: chosen.method, metrics: { accuracy: 0, invalid: 1 }, details: { ...base, ...chosen.details, reason: chosen.reason } };
    const golds = metadata.golds ?? [];
    const top = chosen.ranking ? chosen.ranking.slice(0, golds.length) : [chosen.index];
    const hits = golds.filter((gold) => top.includes(gold)).length;
    const accuracy = chosen.ranking ? hits / Math.max(1, golds.length) : golds.includes(chosen.index) ? 1 : 0;
    return {
      status: 'scored',
      method: chosen.method,
      metrics: { accuracy, invalid: 0 },
      extracted: chosen.letter,
      details: { ...base, ...chosen.details, chosen: item.choices?.[chosen.index], golds: golds.map((gold) => item.choices?.[gold]), hits, k: golds.length },
    };
  },
  rubrics: () => [],
};

/**
 * The authors' scoring (Global Gallery, `geomlama_eval.py`): with k verbatim gold answers, the top k options of the
 * ranking (by letter: the chosen option) are counted as hits when their text is a gold; `hits` and `golds` (= k) are
 * pooled per country by `geomlamaPaperTable`. A gold that is not an option can never be hit.
 */
function scorePaper(item: Item, metadata: GeoMlamaMetadata, chosen: ChosenOption, base: Record<string, unknown>): Score {
  if (chosen.status === 'invalid') {
    const golds = metadata.paperGolds?.length ?? 0;
    return {
      status: 'invalid',
      method: chosen.method,
      metrics: { accuracy: 0, hits: 0, golds, invalid: 1 },
      details: { ...base, ...chosen.details, reason: chosen.reason },
    };
  }
  const ranked = (chosen.ranking ?? [chosen.index]).map((index) => item.choices?.[index] ?? '');
  const count = (golds: readonly string[]) => ranked.slice(0, golds.length).filter((text) => golds.includes(text)).length;
  const metrics: Record<string, number> = { invalid: 0 };
  if (metadata.paperGoldsByCountry) {
    for (const [country, golds] of Object.entries(metadata.paperGoldsByCountry)) {
      metrics[`hits_${country}`] = count(golds);
      metrics[`golds_${country}`] = golds.length;
      metrics[`matches_${country}`] = golds.includes(ranked[0]) ? 1 : 0;
    }
  } else {
    const golds = metadata.paperGolds ?? [];
    metrics.hits = count(golds);
    metrics.golds = golds.length;
    metrics.accuracy = metrics.hits / Math.max(1, golds.length);
  }
  return {
    status: 'scored',
    method: chosen.method,
    metrics,
    extracted: chosen.letter,
    details: { ...base, ...chosen.details, protocol: 'paper', chosen: ranked[0], golds: metadata.paperGolds ?? metadata.paperGoldsByCountry },
  };
}

function geomlamaMetadata(item: Item): GeoMlamaMetadata {
  const metadata = item.metadata as Partial<GeoMlamaMetadata> | undefined;
  if (metadata?.benchmark !== 'geomlama') throw new Error(`item ${item.id} uses the geomlama protocol but has no GeoMLaMA metadata`);
  return metadata as GeoMlamaMetadata;
}
