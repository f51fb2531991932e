import type { QueueEvents, Queue, Job } from 'bullmq';
import type { GenerateRequest, GenerateResult, LanguageModel } from '../models/language-model.js';
import { ModelCallError } from '../models/model-error.js';

/** One judge call on a judge's queue, and its answer: the result, or the error as the caller's retries need it. */
export interface CallJob {
  request: GenerateRequest;
}
export type CallAnswer =
  | { result: GenerateResult }
  | { error: { message: string; kind: string; isRetryable: boolean; statusCode?: number; retryAfterMs?: number } };

/** How long a caller waits for a queued call's answer before it counts as a (retryable) timeout. */
const ANSWER_WAIT_MS = 15 * 60_000;

/**
 * A model whose calls go through a queue: each `generate` is one job, answered by whichever worker takes it (so the
 * queue's global rate limit and the workers' concurrency hold for every caller). Same spec, capabilities and cache
 * identity as `model`: the model caller around it caches and retries as for the model itself.
 */
export function callThroughQueue(model: LanguageModel, queue: Queue, events: QueueEvents): LanguageModel {
  return {
    spec: model.spec,
    provider: model.provider,
    modelId: model.modelId,
    capabilities: model.capabilities,
    cacheIdentity: model.cacheIdentity,
    async generate(request: GenerateRequest): Promise<GenerateResult> {
      const job = await queue.add('call', { request } satisfies CallJob, { removeOnComplete: { age: 600 }, removeOnFail: { age: 600 } });
      let answer: CallAnswer;
      try {
        answer = (await job.waitUntilFinished(events, ANSWER_WAIT_MS)) as CallAnswer;
      } catch (error) {
        throw new ModelCallError(`${model.spec}: the queued call did not come back: ${(error as Error).message}`, { kind: 'timeout', isRetryable: true });
      }
      if ('error' in answer) throw new ModelCallError(answer.error.message, answer.error);
      return answer.result;
    },
    close: async () => {},
  };
}

/** Answers a queued call with the model itself: a failure is an answer too (the caller retries it or records it). */
export async function answerCall(model: LanguageModel, job: Job<CallJob>): Promise<CallAnswer> {
  try {
    return { result: await model.generate(job.data.request) };
  } catch (error) {
    if (!(error instanceof ModelCallError)) throw error;
    const { message, kind, isRetryable, statusCode, retryAfterMs } = error;
    return { error: { message, kind, isRetryable, statusCode, retryAfterMs } };
  }
}
