import type { CallOutcome } from '../models/call-outcome.js';
import type { ModelCaller } from '../models/model-caller.js';
import type { CacheEntry } from '../store/open-store.js';
import type { Item } from '../schema/item.js';
import type { RunManifest } from '../schema/manifest.js';
import type { ScoringProtocol } from '../scoring/protocol.js';
import type { RenderedRequest } from '../scoring/render-request.js';
import { extractorMessages, MODEL_EXTRACTOR_TEMPLATE_ID, readExtractorReply } from '../scoring/model-extractor.js';

/** What the model extractor read: the outcome to score in place of the reply (its letter), and what to record. */
export interface ModelExtraction {
  /** The extractor's letter as a reply, scored by the item's own protocol; absent when it read none. */
  outcome?: CallOutcome;
  details: Record<string, unknown>;
}

/**
 * Asks the extractor model which option a reply chose, only when the item's protocol scored the reply by letter and
 * the rules could not read it (`invalid`). The letter it gives is scored by the same protocol; the row records
 * `extractedBy` (the extractor's spec), its raw reply and the rules' reason. Returns `undefined` when the rules read the
 * reply (or it is no letter question).
 */
export async function extractWithModel(
  extractor: ModelCaller,
  protocol: ScoringProtocol,
  item: Item,
  rendered: RenderedRequest,
  outcome: CallOutcome,
  manifest: RunManifest,
  newEntries: CacheEntry[],
): Promise<ModelExtraction | undefined> {
  if (outcome.type !== 'generate' || rendered.type !== 'generate' || !rendered.shown) return undefined;
  const first = protocol.score(item, rendered, outcome);
  if (first.status !== 'invalid' || first.method !== 'letter' || outcome.result.text.trim() === '') return undefined;
  const call = await extractor.call(
    { type: 'generate', messages: extractorMessages(outcome.result.text, rendered.shown.choices), maxTokens: 8, temperature: 0 },
    newEntries,
  );
  const reply = call.outcome.type === 'generate' ? call.outcome.result.text : '';
  const letter = readExtractorReply(reply, rendered.shown.choices.length);
  const details = {
    extractor: manifest.extractor?.spec ?? extractor.model.spec,
    extractorTemplate: MODEL_EXTRACTOR_TEMPLATE_ID,
    extractorReply: reply,
    rulesReason: first.details?.reason ?? first.details?.rule,
    ...(letter ? { rule: 'model', extractedBy: manifest.extractor?.spec ?? extractor.model.spec } : {}),
  };
  if (!letter) return { details };
  return { outcome: { type: 'generate', result: { text: letter, usage: { inputTokens: 0, outputTokens: 0 } } }, details };
}
