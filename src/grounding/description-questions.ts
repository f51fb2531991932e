/** What a description answers: its knowledge questions with their right answers, by description id. */
export interface DescriptionQuestions {
  /** Question texts (question and right answer) per description id. */
  readonly byDescription: ReadonlyMap<string, readonly string[]>;
}

/**
 * The knowledge questions of a dataset, each with its right answer (`Which number is lucky in China? Eight`), grouped by
 * the description they were written from. A knowledge base indexes them beside each description (BM25F field
 * `questions`): a request seldom uses the description's words, but it often uses the words of a question about the same
 * custom — both are written about that custom (on the AdaCultureSafe release, R@3 of safety requests 78 → 83 %).
 * Knowledge questions themselves are searched without them (`expandsQuestions`): an item must never find its own
 * question, and other descriptions' questions pull a question off more often than its siblings help (R@3 94.9 → 94.1 %
 * with the other half of the questions indexed).
 *
 * @example
 * const questions = descriptionQuestions(dataset.items);
 * const kb = await buildKnowledgeBase(dataset.descriptions, { questions });
 */
export function descriptionQuestions(
  items: Iterable<{ id: string; kind: string; prompt: string; descriptionId?: string; choices?: readonly string[]; answer?: string; reference?: string }>,
): DescriptionQuestions {
  const byDescription = new Map<string, string[]>();
  for (const item of items) {
    if (item.kind !== 'knowledge' || !item.descriptionId) continue;
    const answer = item.choices && item.answer ? item.choices[item.answer.charCodeAt(0) - 65] : item.reference;
    const list = byDescription.get(item.descriptionId) ?? [];
    list.push(answer ? `${item.prompt} ${answer}` : item.prompt);
    byDescription.set(item.descriptionId, list);
  }
  return { byDescription };
}

/**
 * Whether a request of this kind is searched with the questions field (`RetrieveOptions.expand`): every kind but
 * `knowledge` (see `descriptionQuestions`).
 *
 * @example
 * kb.retrieve(item.prompt, { choices: item.choices, expand: expandsQuestions(item.kind) });
 */
export function expandsQuestions(kind: string): boolean {
  return kind !== 'knowledge';
}
