import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ModelCallError } from '../model-error.js';
import { codePointLength, scoreEchoedContinuation, type EchoedLogprobs } from './continuation-logprobs.js';

// The shape vLLM returns for `echo: true, logprobs: 1, max_tokens: 1` (the last token is the generated one).
const echoed: EchoedLogprobs = {
  tokens: ['The', ' capital', ' is', ' Paris', '.', ' It'],
  token_logprobs: [null, -4, -1, -0.25, -2, -0.5],
  text_offset: [0, 3, 11, 14, 20, 21],
  top_logprobs: [null, { ' city': -1 }, { ' is': -1 }, { ' Paris': -0.25 }, { '!': -1.5 }, { ' It': -0.5 }],
};

describe('scoreEchoedContinuation', () => {
  test('sums the tokens from the end of the prompt to the end of the continuation', () => {
    assert.deepEqual(scoreEchoedContinuation(echoed, 'The capital is', ' Paris.'), {
      logLikelihood: -2.25,
      tokens: 2,
      characters: 7,
      isGreedy: false,
    });
    assert.deepEqual(scoreEchoedContinuation(echoed, 'The capital is', ' Paris'), {
      logLikelihood: -0.25,
      tokens: 1,
      characters: 6,
      isGreedy: true,
    });
  });

  test('a token straddling the boundary counts with the continuation', () => {
    // prompt "The capital is " + continuation "Paris": the token " Paris" starts at 14, inside the prompt.
    const score = scoreEchoedContinuation(echoed, 'The capital is ', 'Paris');
    assert.equal(score.logLikelihood, -0.25);
    assert.equal(score.tokens, 1);
    assert.equal(score.characters, 5);
  });

  test('isGreedy is undefined without top_logprobs', () => {
    const bare: EchoedLogprobs = { ...echoed, top_logprobs: undefined };
    assert.equal(scoreEchoedContinuation(bare, 'The capital is', ' Paris').isGreedy, undefined);
  });

  test('offsets count code points, as Python does', () => {
    assert.equal(codePointLength('a😀b'), 3);
    const emoji = { tokens: ['😀', ' x', ' y'], token_logprobs: [null, -1, -2], text_offset: [0, 1, 3] };
    assert.deepEqual(scoreEchoedContinuation(emoji, '😀', ' x'), { logLikelihood: -1, tokens: 1, characters: 2, isGreedy: undefined });
  });

  test('an answer without echoed prompt log-probabilities is unsupported', () => {
    const isUnsupported = (error: unknown) => error instanceof ModelCallError && error.kind === 'unsupported' && !error.isRetryable;
    assert.throws(() => scoreEchoedContinuation(null, 'a', ' b'), isUnsupported);
    assert.throws(() => scoreEchoedContinuation({ tokens: [' c'], token_logprobs: [-1], text_offset: [3] }, 'a', ' b'), isUnsupported);
    assert.throws(() => scoreEchoedContinuation({ content: [{ token: ' c', logprob: -1 }] } as never, 'a', ' b'), isUnsupported);
  });
});
