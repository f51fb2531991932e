/** What a description answers: its knowledge questions with their right answers, by description id. */
export interface DescriptionQuestions {
  /** Question texts (question and right answer) per description id. */
  readonly byDescription: ReadonlyMap<string, readonly string[]>;
  /** The items whose questions are indexed: a request from one of them must not be searched with them. */
  readonly itemIds: ReadonlySet<string>;
}

/**
 * The knowledge questions of a dataset, each with its right answer (`Which number is lucky in China? Eight`), grouped by
 * the description they were written from. A knowledge base indexes them beside each description (BM25F field
 * `questions`): a request seldom uses the description's words, but it often uses the words of a question about the same
 * custom — both are written about that custom (on the AdaCultureSafe release, R@3 of safety requests 78 → 83 %). The
 * questions are part of what the knowledge base knows, not of the request: a knowledge item whose own question is
 * indexed is searched without them (`RetrieveOptions.expand`), so it never finds itself.
 *
 * @example
 * const questions = descriptionQuestions(dataset.items);
 * const kb = await buildKnowledgeBase(dataset.descriptions, { questions });
 */
export function descriptionQuestions(
  items: Iterable<{ id: string; kind: string; prompt: string; descriptionId?: string; choices?: readonly string[]; answer?: string; reference?: string }>,
): DescriptionQuestions {
  const byDescription = new Map<string, string[]>();
  const itemIds = new Set<string>();
  for (const item of items) {
    if (item.kind !== 'knowledge' || !item.descriptionId) continue;
    const answer = item.choices && item.answer ? item.choices[item.answer.charCodeAt(0) - 65] : item.reference;
    const list = byDescription.get(item.descriptionId) ?? [];
    list.push(answer ? `${item.prompt} ${answer}` : item.prompt);
    byDescription.set(item.descriptionId, list);
    itemIds.add(item.id);
  }
  return { byDescription, itemIds };
}
