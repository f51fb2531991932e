import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Item } from '../schema/item.js';
import { scoreGeneration, scoreLogLikelihood } from './score-result.js';

const mcq: Item = { id: 'x', kind: 'knowledge', format: 'mcq', prompt: 'Which?', choices: ['Tokyo', 'Kyoto', 'Osaka', 'Nara'], answer: 'B', language: 'en' };

test('multiple choice by letter: right, wrong, invalid (counted, not silently wrong), and no key', () => {
  assert.deepEqual(scoreGeneration(mcq, 'The answer is **B**.', 'B'), {
    status: 'scored',
    method: 'letter',
    metrics: { accuracy: 1, invalid: 0 },
    extracted: 'B',
    details: { rule: 'marker' },
  });
  assert.equal(scoreGeneration(mcq, 'Answer: A', 'B').metrics.accuracy, 0);
  const invalid = scoreGeneration(mcq, 'I cannot say.', 'B');
  assert.equal(invalid.status, 'invalid');
  assert.deepEqual(invalid.metrics, { accuracy: 0, invalid: 1 });
  const noKey = scoreGeneration({ ...mcq, answer: undefined }, 'Answer: C', undefined);
  assert.equal(noKey.status, 'unscored');
  assert.equal(noKey.extracted, 'C');
});

test('true/false and open items', () => {
  const statement: Item = { id: 't', kind: 'knowledge', format: 'true_false', prompt: 'Kyoto was the capital.', answer: 'true', language: 'en' };
  assert.equal(scoreGeneration(statement, 'True.', 'true').metrics.accuracy, 1);
  assert.equal(scoreGeneration(statement, 'False.', 'true').metrics.accuracy, 0);
  const open: Item = { id: 'o', kind: 'safety', format: 'open', prompt: 'Plan a dinner.', language: 'en' };
  assert.equal(scoreGeneration(open, 'Sure…', undefined).status, 'unscored');
});

test('log-likelihood: the sum picks one option, the per-character score may pick another', () => {
  const score = scoreLogLikelihood(
    [
      { logLikelihood: -4, tokens: 1, characters: 5 },
      { logLikelihood: -6, tokens: 3, characters: 13 },
      { logLikelihood: -9, tokens: 2, characters: 6 },
    ],
    'B',
  );
  assert.equal(score.method, 'loglik');
  assert.equal(score.extracted, 'A');
  assert.deepEqual(score.metrics, { accuracy: 0, accuracy_norm: 1 });
  assert.equal(score.details?.normalizedChoice, 'B');
});
