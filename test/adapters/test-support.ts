import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CallOutcome } from '../../src/scoring/call-outcome.js';
import '../../src/scoring/protocols/index.js';

/** The public benchmark data shared next to the repository (`../shared/data`), or `$CULTUREKIT_SHARED_DATA`. */
export const sharedData = process.env.CULTUREKIT_SHARED_DATA ?? fileURLToPath(new URL('../../../shared/data', import.meta.url));

/** A skip reason when a folder of the shared data is absent, for `it(name, { skip }, …)`. */
export function skipWithout(folder: string): string | false {
  const path = `${sharedData}/${folder}`;
  return existsSync(path) ? false : `shared benchmark data not found at ${path} (set CULTUREKIT_SHARED_DATA to the folder holding camel/, blend/, culture-llm/)`;
}

/** Our own small benchmark files, in the documented shapes. */
export const fixtures = fileURLToPath(new URL('../fixtures/benchmarks', import.meta.url));

const usage = { inputTokens: 0, outputTokens: 0 };

/** A generated reply, as a model call returns it. */
export function generated(text: string): CallOutcome {
  return { type: 'generate', result: { text, usage } };
}

/** Log-likelihoods of the continuations in the order they were sent (optionally with their token counts). */
export function logLikelihoods(values: readonly number[], tokens?: readonly number[]): CallOutcome {
  return {
    type: 'loglik',
    result: { scores: values.map((logLikelihood, index) => ({ logLikelihood, tokens: tokens?.[index] ?? 1, characters: 1 })), usage },
  };
}
