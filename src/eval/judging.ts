import { RUN_DEFAULTS } from '../settings/run-defaults.js';
import type { CulturalDescription } from '../schema/description.js';
import type { Item } from '../schema/item.js';
import type { CombinedVerdict, JudgeVerdictRecord, RubricJudgement } from '../schema/result-details.js';
import { ModelCallError } from '../models/model-error.js';
import { rubricTag, type JudgeParse, type Rubric } from '../scoring/judge/rubric.js';
import type { CacheEntry } from '../store/open-store.js';
import type { ModelCaller, ModelRequest } from '../models/model-caller.js';

/** The judge pieces the engine needs (from src/scoring/judge). */
export interface Judging {
  judges: ModelCaller[];
  getRubric(id: string): Rubric | undefined;
  combine(rubric: Rubric, verdicts: JudgeParse[]): CombinedVerdict;
  /** Most tokens of a judge reply (default `RUN_DEFAULTS.judgeMaxTokens`). */
  maxTokens?: number;
}

export interface JudgeOutcome {
  status: 'scored' | 'invalid';
  metrics: Record<string, number>;
  rubrics: RubricJudgement[];
  usage: { inputTokens: number; outputTokens: number };
}

/**
 * Judges one response with each rubric and each judge of the panel. A reply that cannot be read is asked once more
 * (a different seed, so a different cache entry); still unreadable, that verdict is `invalid` — never a number.
 * The item is `invalid` only when no rubric got a readable verdict.
 */
export async function judgeResponse(
  item: Item,
  response: string,
  description: CulturalDescription | undefined,
  rubricIds: readonly string[],
  judging: Judging,
  newEntries: CacheEntry[],
): Promise<JudgeOutcome> {
  const usage = { inputTokens: 0, outputTokens: 0 };
  const rubrics: JudgeOutcome['rubrics'] = [];
  const metrics: Record<string, number> = {};
  let anyScored = false;
  for (const rubricId of rubricIds) {
    const rubric = judging.getRubric(rubricId);
    if (!rubric) throw new ModelCallError(`unknown judge rubric "${rubricId}"`, { kind: 'unsupported', isRetryable: false });
    const messages = rubric.render({ item, response, description });
    const verdicts = await Promise.all(
      judging.judges.map(async (judge): Promise<{ parse?: JudgeParse; record: JudgeVerdictRecord }> => {
        const record: JudgeVerdictRecord = { judge: judge.model.spec, status: 'invalid', calls: 0, cached: true };
        try {
          let parse: JudgeParse | undefined;
          for (const seed of [undefined, 1]) {
            const request: ModelRequest = {
              type: 'generate',
              messages,
              maxTokens: judging.maxTokens ?? RUN_DEFAULTS.judgeMaxTokens,
              temperature: 0,
              ...(seed === undefined ? {} : { seed }),
              ...(rubric.responseSchema ? { responseFormat: { name: rubric.id.replace(/[^a-zA-Z0-9_-]/g, '_'), schema: rubric.responseSchema } } : {}),
            };
            const call = await callWithoutSchemaFallback(judge, request, newEntries);
            record.calls++;
            record.cached &&= call.cached;
            const reply = call.outcome.type === 'generate' ? call.outcome.result.text : '';
            usage.inputTokens += call.outcome.result.usage.inputTokens;
            usage.outputTokens += call.outcome.result.usage.outputTokens;
            record.usage = {
              inputTokens: (record.usage?.inputTokens ?? 0) + call.outcome.result.usage.inputTokens,
              outputTokens: (record.usage?.outputTokens ?? 0) + call.outcome.result.usage.outputTokens,
            };
            record.reply = reply;
            parse = rubric.parse(reply);
            if (parse.status === 'scored') break;
          }
          if (parse!.status === 'scored') {
            Object.assign(record, { status: 'scored', metrics: parse!.metrics, label: parse!.label, reasoning: parse!.reasoning });
          } else {
            record.reason = parse!.reason;
          }
          return { parse, record };
        } catch (error) {
          record.status = 'error';
          record.reason = error instanceof ModelCallError ? `${error.kind}: ${error.message}` : String(error);
          return { record };
        }
      }),
    );
    const readable = verdicts.map((verdict) => verdict.parse).filter((parse): parse is JudgeParse => parse !== undefined);
    if (verdicts.every((verdict) => verdict.record.status === 'error')) {
      throw new ModelCallError(`every judge failed for rubric ${rubricTag(rubric)}: ${verdicts[0].record.reason}`, { kind: 'server', isRetryable: false });
    }
    const combined = judging.combine(rubric, readable);
    if (combined.status === 'scored') {
      anyScored = true;
      Object.assign(metrics, combined.metrics);
    }
    rubrics.push({ rubric: rubricTag(rubric), combined, verdicts: verdicts.map((verdict) => verdict.record) });
  }
  return { status: anyScored ? 'scored' : 'invalid', metrics, rubrics, usage };
}

/** Structured output first; a server that rejects `response_format` is asked again without it. */
async function callWithoutSchemaFallback(judge: ModelCaller, request: ModelRequest, newEntries: CacheEntry[]) {
  try {
    return await judge.call(request, newEntries);
  } catch (error) {
    if (request.type === 'generate' && request.responseFormat && error instanceof ModelCallError && (error.kind === 'client' || error.kind === 'unsupported')) {
      const { responseFormat: _dropped, ...plain } = request;
      return judge.call(plain, newEntries);
    }
    throw error;
  }
}
