import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { itemSchema } from '../schema/item.js';
import { rankContinuations, readChosenOption } from './chosen-option.js';
import { renderListedOptionsLoglik, renderRequest } from './render-request.js';

const usage = { inputTokens: 0, outputTokens: 0 };
const scores = [
  { logLikelihood: -6, tokens: 3, characters: 12 },
  { logLikelihood: -4, tokens: 1, characters: 2 },
  { logLikelihood: -4, tokens: 4, characters: 4 },
];

describe('rankContinuations', () => {
  it('ranks by sum, mean per token or per character, ties to the earlier continuation', () => {
    assert.deepEqual(rankContinuations(scores, 'sum'), [1, 2, 0]);
    assert.deepEqual(rankContinuations(scores, 'mean'), [2, 0, 1]);
    assert.deepEqual(rankContinuations(scores, 'per-character'), [0, 2, 1]);
  });
});

describe('readChosenOption', () => {
  const item = itemSchema.parse({
    id: 'q',
    kind: 'knowledge',
    format: 'mcq',
    prompt: 'Which?',
    choices: ['x', 'y', 'z'],
    answer: 'A',
    language: 'en',
    country: 'JP',
  });

  it('maps the most likely continuation back through the shown order', () => {
    const rendered = renderListedOptionsLoglik(item, { mcqMethod: 'loglik', shuffleSeed: 3 }, 'test@1');
    assert.equal(rendered.type, 'loglik');
    const order = rendered.type === 'loglik' ? rendered.shown.choiceOrder : [];
    const chosen = readChosenOption(item, rendered, { type: 'loglik', result: { scores, usage } }, 'sum');
    assert.equal(chosen.status, 'found');
    if (chosen.status === 'found') {
      assert.equal(chosen.index, order[1]);
      assert.deepEqual(
        chosen.ranking,
        [1, 2, 0].map((shown) => order[shown]),
      );
    }
  });

  it('reads a letter, and is invalid for a reply without one or a count mismatch', () => {
    const rendered = renderRequest(item, { mcqMethod: 'letter', shuffleSeed: null });
    const found = readChosenOption(item, rendered, { type: 'generate', result: { text: 'C', usage } });
    assert.deepEqual(found.status === 'found' && [found.index, found.method], [2, 'letter']);
    assert.equal(readChosenOption(item, rendered, { type: 'generate', result: { text: 'no idea', usage } }).status, 'invalid');
    const loglik = renderListedOptionsLoglik(item, { mcqMethod: 'loglik', shuffleSeed: null }, 'test@1');
    assert.equal(readChosenOption(item, loglik, { type: 'loglik', result: { scores: scores.slice(0, 2), usage } }).status, 'invalid');
  });
});
