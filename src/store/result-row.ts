import type { ChatMessage } from '../schema/item.js';
import type { ResultStatus, ScoringMethod } from '../schema/score.js';
import type { TokenUsage } from '../schema/response.js';

/**
 * One row of `results.jsonl` and of the store: one item × model × condition, with everything needed to inspect it.
 */
export interface ResultRow {
  runId: string;
  model: string;
  condition: string;
  itemId: string;
  kind: string;
  format: string;
  language: string;
  country?: string;
  category?: string;
  topic?: string;
  descriptionId?: string;
  /** Prompt template id, e.g. `mcq-letter@1`. */
  template: string;
  /** Chat messages sent (generation), or the raw text context (log-likelihood). */
  prompt: ChatMessage[] | string;
  /** Choices in the order shown to the model, and for each the index of that choice in the item. */
  choices?: string[];
  choiceOrder?: number[];
  /** The right answer as shown to the model (the letter after any shuffle). */
  answer?: string;
  response?: string;
  extracted?: string;
  status: ResultStatus;
  method: ScoringMethod;
  metrics: Record<string, number>;
  details?: Record<string, unknown>;
  latencyMs: number;
  usage: TokenUsage;
  cached: boolean;
  attempts: number;
  error?: string;
  completedAt: string;
}

/** The key of a result in a run: what a resume uses to know what is done. */
export function resultKey(model: string, condition: string, itemId: string): string {
  return `${model}\u0000${condition}\u0000${itemId}`;
}
