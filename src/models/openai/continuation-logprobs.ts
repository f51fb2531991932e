import type { ContinuationScore } from '../language-model.js';
import { ModelCallError } from '../model-error.js';

/** Legacy completions `logprobs` object, as vLLM returns it for `echo: true, logprobs: n`. */
export interface EchoedLogprobs {
  tokens?: string[];
  token_logprobs?: (number | null)[];
  text_offset?: number[];
  top_logprobs?: (Record<string, number> | null)[] | null;
}

export const logLikelihoodNeedsEcho =
  'log-likelihood scoring needs a /completions endpoint that returns the log-probabilities of the prompt tokens ' +
  '(echo: true with logprobs), as vLLM does; llama.cpp server rejects or ignores echo, and chat-only servers lack it. ' +
  'Score multiple choice by answer letter instead, or use a llama: model';

/**
 * Scores `continuation` from the `logprobs` of an echoed completion of `prompt + continuation`.
 *
 * Tokens are placed by `text_offset`, counted in code points as servers written in Python count them.
 * A token belongs to the continuation when it starts at or after the end of the prompt and before the
 * end of the continuation (the generated token that `max_tokens: 1` adds starts at the end and is left out).
 * A token that straddles the boundary (it starts inside the prompt and ends inside the continuation, as
 * `" A"` does for the prompt `"Answer: "` and the continuation `"A"`) is counted with the continuation:
 * it is the token that produces the continuation's first characters, and leaving it out would score
 * such a continuation as certain. `characters` counts code points. `isGreedy` needs `top_logprobs`;
 * it is undefined without them.
 *
 * @example
 * scoreEchoedContinuation(
 *   { tokens: ['Capital', ' is', ' Paris', ' ok'], token_logprobs: [null, -1, -2.5, -0.5], text_offset: [0, 7, 10, 16] },
 *   'Capital is', ' Paris',
 * ) // { logLikelihood: -2.5, tokens: 1, characters: 6, isGreedy: undefined }
 */
export function scoreEchoedContinuation(logprobs: EchoedLogprobs | null | undefined, prompt: string, continuation: string): ContinuationScore {
  const values = logprobs?.token_logprobs;
  const offsets = logprobs?.text_offset;
  if (!Array.isArray(values) || !Array.isArray(offsets) || offsets.length !== values.length || offsets.length === 0) {
    throw unsupported('the answer has no token_logprobs/text_offset for the prompt');
  }
  if (offsets[0] !== 0) throw unsupported('the answer did not echo the prompt (its first token does not start at 0)');
  const promptEnd = codePointLength(prompt);
  const end = promptEnd + codePointLength(continuation);
  const tops = Array.isArray(logprobs!.top_logprobs) ? logprobs!.top_logprobs : undefined;
  let logLikelihood = 0;
  let tokens = 0;
  let isGreedy: boolean | undefined = tops ? true : undefined;
  for (let index = 0; index < offsets.length; index++) {
    const offset = offsets[index];
    if (offset >= end) break;
    const next = index + 1 < offsets.length ? offsets[index + 1] : Number.POSITIVE_INFINITY;
    if (offset < promptEnd && next <= promptEnd) continue;
    const value = values[index];
    if (typeof value !== 'number') {
      throw new ModelCallError(
        index === 0
          ? 'log-likelihood needs a non-empty prompt: the first token has no log-probability'
          : `the server gave no log-probability for token ${index} of the continuation`,
        { kind: index === 0 ? 'client' : 'malformed', isRetryable: false },
      );
    }
    logLikelihood += value;
    tokens++;
    if (isGreedy) {
      const top = tops![index];
      if (!top || typeof top !== 'object') isGreedy = undefined;
      else {
        for (const key in top) {
          if (top[key] > value + 1e-6) {
            isGreedy = false;
            break;
          }
        }
      }
    }
  }
  if (tokens === 0 && continuation.length > 0) {
    throw unsupported('no token of the answer falls inside the continuation');
  }
  return { logLikelihood, tokens, characters: end - promptEnd, isGreedy };
}

/** Length in Unicode code points (what Python's `len` counts), the unit of `text_offset`. */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        length--;
        index++;
      }
    }
  }
  return length;
}

function unsupported(reason: string): ModelCallError {
  return new ModelCallError(`${logLikelihoodNeedsEcho} (${reason})`, { kind: 'unsupported', isRetryable: false });
}
