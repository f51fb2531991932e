import type { RenderedRequest } from '../eval/render-request.js';
import type { Item } from '../schema/item.js';
import type { RunOptions } from '../schema/manifest.js';
import type { Score } from '../schema/score.js';
import type { CallOutcome } from './call-outcome.js';

/**
 * How one kind of item is asked and scored. An item names its protocol in `item.protocol`; items without one use
 * the default (multiple choice by letter or log-likelihood, true/false, open answers judged when a judge is given).
 * Benchmark adapters register their protocols (GeoMLaMA multi-gold, BLEnD soft exact match, CAMeL bias…).
 */
export interface ScoringProtocol {
  id: string;
  /** Builds what is sent to the model. Omitted: the default rendering. */
  render?(item: Item, options: Pick<RunOptions, 'mcqMethod' | 'shuffleSeed'>): RenderedRequest;
  /** Scores the model's outcome. Pure and synchronous. */
  score(item: Item, rendered: RenderedRequest, outcome: CallOutcome): Score;
  /** Judge rubrics (ids) that score this item's response when judges are given; each rubric's metrics join the score. */
  rubrics?(item: Item): readonly string[];
}

const protocols = new Map<string, ScoringProtocol>();

/** Makes a protocol available to `item.protocol`. Registering the same id twice is an error. */
export function registerProtocol(protocol: ScoringProtocol): void {
  if (protocols.has(protocol.id)) throw new Error(`scoring protocol "${protocol.id}" is registered twice`);
  protocols.set(protocol.id, protocol);
}

export function getProtocol(id: string): ScoringProtocol | undefined {
  return protocols.get(id);
}

export function protocolIds(): string[] {
  return [...protocols.keys()].sort();
}
