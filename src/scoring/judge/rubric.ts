import type { CulturalDescription } from '../../schema/description.js';
import type { ChatMessage, Item } from '../../schema/item.js';

/** What a judge sees: the item, the model's response, and the cultural description or reference when there is one. */
export interface JudgeInput {
  item: Item;
  response: string;
  description?: CulturalDescription;
}

export type JudgeParse = { status: 'scored'; metrics: Record<string, number>; label?: string; reasoning?: string } | { status: 'invalid'; reason: string };

/**
 * A versioned judge template. Its id and version are stored with every score it gives.
 *
 * @example
 * const messages = rubric.render({ item, response, description });
 * const verdict = rubric.parse(judgeReply); // { status: 'scored', metrics: { respectfulness: 8 } } or { status: 'invalid', reason }
 */
export interface Rubric {
  /** e.g. `cultural-safety-respectfulness`. */
  id: string;
  version: number;
  /** Metric names this rubric yields, e.g. `['respectfulness']`. */
  metrics: readonly string[];
  /** How several judges' verdicts combine: the mean of each metric, or the majority label. */
  combine: 'mean' | 'majority';
  /** The judge prompt; in the item's language where a translation exists. */
  render(input: JudgeInput): ChatMessage[];
  /** JSON schema for structured output, where the judge's server supports it. */
  responseSchema?: Record<string, unknown>;
  /** Tolerant reading of the judge's reply; a reply that cannot be read is `invalid`, never a number. */
  parse(reply: string): JudgeParse;
}

/** `id@version`, as stored with scores. */
export function rubricTag(rubric: Pick<Rubric, 'id' | 'version'>): string {
  return `${rubric.id}@${rubric.version}`;
}
