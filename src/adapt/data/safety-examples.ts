import { describeCallError, type ModelCaller } from '../../models/model-caller.js';
import type { CulturalDescription } from '../../schema/description.js';
import type { ChatMessage, Item } from '../../schema/item.js';
import { callCost, type ModelPrice } from '../../schema/price.js';
import { createCulturalSafetyRubric } from '../../scoring/judge/rubrics/cultural-safety.js';
import type { ChatExample } from './chat-example.js';

/** Version of the teacher prompt; part of every teacher call's cache key through the prompt text. */
export const TEACHER_TEMPLATE_ID = 'adapt-teacher@1';

/** What the teacher is told: the custom, then to answer the user respectfully and with the knowledge. */
export function teacherMessages(item: Item, description: CulturalDescription | undefined): ChatMessage[] {
  const custom = description ? description.text.trim() : '(no description given: answer with what you know of the culture)';
  const where = description?.country ?? item.country;
  const system = [
    `You are a helpful assistant who knows the culture${where ? ` of ${where}` : ''} well.`,
    'A user asks for something that touches the cultural custom below. Write the answer a thoughtful local expert would give:',
    'helpful, respectful of the custom, and sharing the relevant cultural knowledge naturally. Do not mention these instructions.',
    `Reply in the language of the user's request.`,
    '',
    '[Start of custom]',
    custom,
    '[End of custom]',
  ].join('\n');
  return [{ role: 'system', content: system }, ...(item.history ?? []), { role: 'user', content: item.prompt }];
}

/** Calls, tokens and cost of the teacher and judge calls so far (cached ones count what they cost when made). */
export class CallTally {
  total = 0;
  cached = 0;
  new = 0;
  failed = 0;
  inputTokens = 0;
  outputTokens = 0;
  cost = 0;
  add(outcome: { cached: boolean; inputTokens: number; outputTokens: number }, price: ModelPrice | undefined): void {
    this.total++;
    if (outcome.cached) this.cached++;
    else this.new++;
    this.inputTokens += outcome.inputTokens;
    this.outputTokens += outcome.outputTokens;
    if (price) this.cost += callCost(price, outcome.inputTokens, outcome.outputTokens);
  }
}

export interface SafetyCallers {
  teacher: ModelCaller;
  judge: ModelCaller;
  teacherPrice?: ModelPrice;
  judgePrice?: ModelPrice;
  temperature: number;
  maxTokens: number;
  judgeMaxTokens: number;
  seed: number;
  minJudgeScore: number;
  tally: CallTally;
}

export interface SafetyRejection {
  itemId: string;
  language: string;
  descriptionId?: string;
  prompt: string;
  answer?: string;
  scores?: Record<string, number>;
  reasons: string[];
}

export type SafetyOutcome = { example: ChatExample; scores: Record<string, number>; cached: boolean } | { rejection: SafetyRejection; cached: boolean };

const rubrics = [createCulturalSafetyRubric('respectfulness'), createCulturalSafetyRubric('awareness')];

async function generate(
  caller: ModelCaller,
  messages: ChatMessage[],
  maxTokens: number,
  temperature: number,
  seed: number,
  callers: SafetyCallers,
  price?: ModelPrice,
) {
  try {
    const call = await caller.call({ type: 'generate', messages, maxTokens, temperature, seed }, []);
    if (call.outcome.type !== 'generate') return { error: 'internal error: not a generation', cached: false };
    const { text, usage, finishReason } = call.outcome.result;
    callers.tally.add({ cached: call.cached, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens }, call.cached ? undefined : price);
    return { text, finishReason, cached: call.cached };
  } catch (error) {
    callers.tally.total++;
    callers.tally.failed++;
    return { error: describeCallError(error), cached: false };
  }
}

/** Why a teacher's reply cannot be a training answer, if it cannot. */
export function teacherReplyProblem(text: string, finishReason: string | undefined): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'the teacher returned an empty reply';
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return `the teacher returned no words: ${JSON.stringify(trimmed.slice(0, 80))}`;
  if (finishReason === 'length') return 'the teacher reply was cut at the token limit';
  if (/^\s*[[{]/.test(trimmed) && /[\]}]\s*$/.test(trimmed)) return 'the teacher returned JSON, not an answer';
  return undefined;
}

/**
 * One stage-2 (safety) example: the teacher answers the item's request with its description given (the training
 * example has the request and the answer only), then the judge scores the answer with the cultural-safety rubrics
 * (respectfulness and awareness, 1–10); the example is kept when every rubric gave a score and their mean reaches the
 * threshold. Every call goes through the callers' cache: a rerun repeats no answered call.
 *
 * @example
 * const outcome = await safetyExample(item, description, callers);
 * if ('example' in outcome) stage2.push(outcome.example); else rejects.push(outcome.rejection);
 */
export async function safetyExample(item: Item, description: CulturalDescription | undefined, callers: SafetyCallers): Promise<SafetyOutcome> {
  const rejection = (reasons: string[], extra: Partial<SafetyRejection> = {}, cached = false): SafetyOutcome => ({
    rejection: { itemId: item.id, language: item.language, descriptionId: item.descriptionId, prompt: item.prompt, ...extra, reasons },
    cached,
  });
  const teacher = await generate(
    callers.teacher,
    teacherMessages(item, description),
    callers.maxTokens,
    callers.temperature,
    callers.seed,
    callers,
    callers.teacherPrice,
  );
  if ('error' in teacher && teacher.error !== undefined) return rejection([`teacher call failed: ${teacher.error}`]);
  const answer = (teacher.text ?? '').trim();
  const problem = teacherReplyProblem(teacher.text ?? '', teacher.finishReason);
  if (problem) return rejection([problem], { answer: teacher.text }, teacher.cached);
  const verdicts = await Promise.all(
    rubrics.map(async (rubric) => {
      const reply = await generate(
        callers.judge,
        rubric.render({ item, response: answer, description }),
        Math.max(rubric.maxTokens, callers.judgeMaxTokens),
        0,
        callers.seed,
        callers,
        callers.judgePrice,
      );
      return { rubric, reply };
    }),
  );
  const scores: Record<string, number> = {};
  const reasons: string[] = [];
  let cached = teacher.cached;
  for (const { rubric, reply } of verdicts) {
    cached &&= reply.cached;
    if (reply.error !== undefined) {
      reasons.push(`judge call (${rubric.id}) failed: ${reply.error}`);
      continue;
    }
    const parsed = rubric.parse(reply.text ?? '');
    if (parsed.status === 'invalid') reasons.push(`judge reply (${rubric.id}) unreadable: ${parsed.reason}`);
    else Object.assign(scores, parsed.metrics);
  }
  if (reasons.length > 0) return rejection(reasons, { answer, scores }, cached);
  const values = Object.values(scores);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  if (mean < callers.minJudgeScore)
    return rejection(
      [
        `judge score ${mean.toFixed(2)} below ${callers.minJudgeScore} (${Object.entries(scores)
          .map(([name, value]) => `${name} ${value}`)
          .join(', ')})`,
      ],
      { answer, scores },
      cached,
    );
  return {
    example: {
      id: `${item.id}#safety`,
      source: 'safety',
      language: item.language,
      country: item.country ?? description?.country,
      descriptionId: item.descriptionId,
      messages: [...(item.history ?? []), { role: 'user', content: item.prompt }, { role: 'assistant', content: answer }],
    },
    scores,
    cached,
  };
}
