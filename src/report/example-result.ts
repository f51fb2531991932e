/** One judge's verdict on a quoted result. */
export interface ExampleVerdict {
  rubric: string;
  judge: string;
  status: string;
  metrics: Record<string, number>;
  label?: string;
  /** The judge's reasoning (untrusted text: pages escape it). */
  reasoning?: string;
  /** Why the verdict is invalid or failed. */
  reason?: string;
}

/** A result a report quotes to show what a figure is made of: the query, the response, the description, the judges. */
export interface ExampleResult {
  model: string;
  condition: string;
  itemId: string;
  kind: string;
  country?: string;
  category?: string;
  /** The last user message sent (the query), or the text context of a log-likelihood request. */
  query: string;
  response?: string;
  extracted?: string;
  answer?: string;
  status: string;
  metrics: Record<string, number>;
  descriptionId?: string;
  /** The description's text, from the run's dataset when it can still be read and has not changed. */
  description?: string;
  verdicts: ExampleVerdict[];
}

/** The key of a quoted result in `RunReport.examples`. */
export function exampleKey(model: string, condition: string, itemId: string): string {
  return `${model}\u0000${condition}\u0000${itemId}`;
}
