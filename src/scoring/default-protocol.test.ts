import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { itemSchema } from '../schema/item.js';
import { defaultProtocol } from './default-protocol.js';

const usage = { inputTokens: 0, outputTokens: 0 };
const mcq = itemSchema.parse({
  id: 'q1',
  kind: 'knowledge',
  format: 'mcq',
  prompt: 'Capital of Japan until 1869?',
  choices: ['Tokyo', 'Kyoto', 'Osaka'],
  answer: 'B',
  language: 'en',
  country: 'JP',
});

describe('defaultProtocol', () => {
  it('asks multiple choice by letter and reads the letter back through the shuffled order', () => {
    const rendered = defaultProtocol.render(mcq, { mcqMethod: 'letter', shuffleSeed: 7 });
    assert.equal(rendered.type, 'generate');
    const right = rendered.type === 'generate' ? rendered.answer! : '';
    const score = defaultProtocol.score(mcq, rendered, { type: 'generate', result: { text: `Answer: ${right}`, usage } });
    assert.deepEqual([score.status, score.method, score.metrics], ['scored', 'letter', { accuracy: 1, invalid: 0 }]);
  });

  it('scores by log-likelihood: the sum for accuracy, per character for accuracy_norm', () => {
    const rendered = defaultProtocol.render(mcq, { mcqMethod: 'loglik', shuffleSeed: null });
    assert.equal(rendered.type, 'loglik');
    const scores = [
      { logLikelihood: -3, tokens: 1, characters: 6 },
      { logLikelihood: -4, tokens: 2, characters: 20 },
      { logLikelihood: -5, tokens: 2, characters: 6 },
    ];
    const score = defaultProtocol.score(mcq, rendered, { type: 'loglik', result: { scores, usage } });
    assert.deepEqual([score.method, score.extracted, score.metrics], ['loglik', 'A', { accuracy: 0, accuracy_norm: 1 }]);
  });

  it('leaves open answers to the judges: the cultural-safety pair for open safety items, none otherwise', () => {
    const open = itemSchema.parse({ id: 's1', kind: 'safety', format: 'open', prompt: 'Plan a visit.', language: 'en', country: 'TH' });
    const rendered = defaultProtocol.render(open, { mcqMethod: 'letter', shuffleSeed: null });
    assert.equal(defaultProtocol.score(open, rendered, { type: 'generate', result: { text: 'Sure.', usage } }).status, 'unscored');
    assert.deepEqual(defaultProtocol.rubrics(open), ['cultural-safety-respectfulness', 'cultural-safety-awareness']);
    assert.deepEqual(defaultProtocol.rubrics(mcq), []);
  });
});
