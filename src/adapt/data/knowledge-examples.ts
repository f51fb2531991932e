import type { CulturalDescription } from '../../schema/description.js';
import { CHOICE_LETTERS } from '../../schema/fields.js';
import type { Item } from '../../schema/item.js';
import { promptWordsFor } from '../../scoring/answer-words.js';
import { renderRequest } from '../../scoring/render-request.js';
import type { ChatExample } from './chat-example.js';

/** The two answer words of the true/false instruction in a language (`True`, `False`; `对`, `错`…). */
function trueFalseWords(language: string): [string, string] {
  const quoted = [...promptWordsFor(language).trueFalseInstruction.matchAll(/["“「]([^"”」]+)["”」]/g)].map((match) => match[1]);
  return [quoted[0] ?? 'True', quoted[1] ?? 'False'];
}

/** The grounding appended to an answer: the description the item was made from. */
function grounded(answer: string, description: CulturalDescription | undefined): string {
  return description ? `${answer}\n\n${description.text.trim()}` : answer;
}

/**
 * Stage-1 (knowledge) examples of one knowledge item, its answer grounded in its description:
 * - multiple choice: the question with its lettered options exactly as the eval engine renders them, answered
 *   `B. <choice>` plus the description (`knowledge-mcq`), and the open form — the question alone, answered with the
 *   right choice's text plus the description (`knowledge-open`);
 * - true/false: the statement as the engine renders it, answered with the language's answer word plus the description;
 * - open: the question, answered with its reference (plus the description), when it has one.
 * Items without an answer give no example.
 *
 * @example
 * knowledgeExamples(item, description).map((example) => example.source) // ['knowledge-mcq', 'knowledge-open']
 */
export function knowledgeExamples(item: Item, description: CulturalDescription | undefined): ChatExample[] {
  const base = { language: item.language, country: item.country ?? description?.country, descriptionId: item.descriptionId };
  const rendered = renderRequest(item, { mcqMethod: 'letter', shuffleSeed: null });
  if (rendered.type !== 'generate') return [];
  const history = item.history ?? [];
  if (item.format === 'mcq' && item.choices && item.answer) {
    const choice = item.choices[CHOICE_LETTERS.indexOf(item.answer)];
    return [
      {
        ...base,
        id: `${item.id}#mcq`,
        source: 'knowledge-mcq',
        messages: [...rendered.messages, { role: 'assistant', content: grounded(`${item.answer}. ${choice}`, description) }],
      },
      {
        ...base,
        id: `${item.id}#open`,
        source: 'knowledge-open',
        messages: [...history, { role: 'user', content: item.prompt }, { role: 'assistant', content: grounded(choice, description) }],
      },
    ];
  }
  if (item.format === 'true_false' && item.answer) {
    const [yes, no] = trueFalseWords(item.language);
    const word = item.answer === 'true' ? yes : no;
    return [
      { ...base, id: `${item.id}#tf`, source: 'knowledge-mcq', messages: [...rendered.messages, { role: 'assistant', content: grounded(word, description) }] },
    ];
  }
  const reference = item.reference ?? (item.format === 'open' ? item.answer : undefined);
  if (item.format === 'open' && reference?.trim()) {
    return [
      {
        ...base,
        id: `${item.id}#open`,
        source: 'knowledge-open',
        messages: [...rendered.messages, { role: 'assistant', content: grounded(reference, description) }],
      },
    ];
  }
  return [];
}
