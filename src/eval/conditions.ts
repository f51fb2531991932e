import { InputError } from '../errors/culturekit-error.js';
import type { CulturalDescription } from '../schema/description.js';
import type { ChatMessage, Item } from '../schema/item.js';
import type { EvalCondition } from '../schema/manifest.js';
import type { ConditionStep } from '../schema/result-details.js';
import type { CacheEntry } from '../store/open-store.js';
import type { ModelCaller, ModelRequest } from '../models/model-caller.js';
import type { RenderedRequest } from '../scoring/render-request.js';
import type { EvalGrounding } from '../grounding/eval-grounding.js';

/** The grounding pieces the conditions need (from src/grounding); `retrieve` only where a knowledge base is given. */
export type Grounding = Omit<EvalGrounding, 'retrieve'> & Partial<Pick<EvalGrounding, 'retrieve'>>;

/** An extra model call made for a condition (the recall step), kept with the result. */
export interface ConditionOutcome {
  rendered: RenderedRequest;
  /** Descriptions given to the model (retrieved or oracle). */
  groundingIds?: string[];
  steps: ConditionStep[];
  template?: string;
}

/** Checks that what the conditions need is there (the names themselves are checked by the run options' schema). */
export function checkConditions(conditions: readonly EvalCondition[], grounding: Grounding | undefined): void {
  for (const condition of conditions) {
    if (condition !== 'plain' && !grounding) throw new InputError(`condition "${condition}" needs the grounding module`);
    if (condition === 'retrieved' && !grounding?.retrieve) throw new InputError('condition "retrieved" needs a knowledge base with cultural descriptions');
  }
}

/**
 * Applies a condition to a rendered request. `recall` calls the model once to get the recalled knowledge
 * (cached and retried like any call; its cache entry is pushed onto `newEntries`).
 */
export async function applyCondition(
  condition: EvalCondition,
  item: Item,
  rendered: RenderedRequest,
  context: { grounding?: Grounding; caller: ModelCaller; maxTokens: number; temperature: number; newEntries: CacheEntry[] },
): Promise<ConditionOutcome> {
  if (condition === 'plain') return { rendered, steps: [] };
  const grounding = context.grounding!;
  const language = item.language;
  if (condition === 'retrieved' || condition === 'oracle') {
    let descriptions: CulturalDescription[];
    if (condition === 'oracle') {
      const own = item.descriptionId ? grounding.descriptionsById.get(item.descriptionId) : undefined;
      descriptions = own ? [own] : [];
    } else {
      // With query rewriting, the model's recall of the request (the `recall` condition's call, cached alike) is searched too.
      const steps: ConditionStep[] = [];
      const rewriter = grounding.rewrites
        ? async () => {
            const recalled = await recallStep(rendered, language, grounding, context);
            steps.push(recalled.step);
            return recalled.text;
          }
        : undefined;
      descriptions = await grounding.retrieve!(item.prompt, item, { rewriter });
      return groundedOutcome(condition, rendered, descriptions, grounding, language, steps);
    }
    return groundedOutcome(condition, rendered, descriptions, grounding, language, []);
  }
  // recall: ask for the relevant knowledge first, then answer with it.
  const recalled = await recallStep(rendered, language, grounding, context);
  return {
    rendered: mapMessages(rendered, (messages) => grounding.answerWithRecallMessages(messages, recalled.text, { language })),
    steps: [recalled.step],
    template: grounding.templates.recall,
  };
}

function groundedOutcome(
  condition: 'retrieved' | 'oracle',
  rendered: RenderedRequest,
  descriptions: CulturalDescription[],
  grounding: Grounding,
  language: string,
  steps: ConditionStep[],
): ConditionOutcome {
  const transform = (messages: ChatMessage[]) => (descriptions.length ? grounding.groundMessages(messages, descriptions, { language }) : messages);
  return {
    rendered: mapMessages(rendered, transform),
    groundingIds: descriptions.map((description) => description.id),
    steps,
    template: grounding.templates[condition],
  };
}

/** The model states the cultural knowledge relevant to the request (one cached call). */
async function recallStep(
  rendered: RenderedRequest,
  language: string,
  grounding: Grounding,
  context: { caller: ModelCaller; maxTokens: number; temperature: number; newEntries: CacheEntry[] },
): Promise<{ text: string; step: ConditionStep }> {
  const recallPrompt = grounding.recallMessages(messagesOf(rendered), { language });
  const request: ModelRequest = { type: 'generate', messages: recallPrompt, maxTokens: context.maxTokens, temperature: context.temperature };
  const recall = await context.caller.call(request, context.newEntries);
  const text = recall.outcome.type === 'generate' ? recall.outcome.result.text : '';
  return { text, step: { name: 'recall', messages: recallPrompt, response: text, usage: recall.outcome.result.usage, cached: recall.cached } };
}

function messagesOf(rendered: RenderedRequest): ChatMessage[] {
  return rendered.type === 'generate' ? rendered.messages : [{ role: 'user', content: rendered.prompt }];
}

/** Applies a message transform to either kind of request; a raw-text (log-likelihood) prompt becomes the joined messages. */
function mapMessages(rendered: RenderedRequest, transform: (messages: ChatMessage[]) => ChatMessage[]): RenderedRequest {
  if (rendered.type === 'generate') return { ...rendered, messages: transform(rendered.messages) };
  const prompt = transform([{ role: 'user', content: rendered.prompt }])
    .map((message) => message.content)
    .join('\n\n');
  return { ...rendered, prompt };
}
