import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOptionScores, recordedContinuationScores } from './recorded-option-scores.js';
import { rankContinuations } from './chosen-option.js';

describe('parseOptionScores', () => {
  it('reads Python dict literals as published, in key order', () => {
    assert.deepEqual(parseOptionScores("{'middle': 0.95, 'anywhere': 0.05, \"kid's\": 0.0, 'right': 1e-3}", 'prob'), {
      kind: 'prob',
      values: [
        ['middle', 0.95],
        ['anywhere', 0.05],
        ["kid's", 0],
        ['right', 0.001],
      ],
    });
  });
  it('reads JSON objects and arrays (best first), and -inf log-probabilities', () => {
    assert.deepEqual(parseOptionScores({ A: -1.5, B: -0.2 }, 'logprob'), {
      kind: 'logprob',
      values: [
        ['A', -1.5],
        ['B', -0.2],
      ],
    });
    assert.deepEqual(parseOptionScores('["Kyoto", "Tokyo"]', 'order'), {
      kind: 'order',
      values: [
        ['Kyoto', 1],
        ['Tokyo', 2],
      ],
    });
    assert.deepEqual(parseOptionScores("{'a': -inf, 'b': -2}", 'logprob'), {
      kind: 'logprob',
      values: [
        ['a', -Infinity],
        ['b', -2],
      ],
    });
  });
  it('says what is wrong with a cell it cannot read', () => {
    assert.match(String(parseOptionScores("{'a': high}", 'prob')), /cannot read the option scores at character 2/);
    assert.match(String(parseOptionScores('', 'prob')), /no option scores/);
    assert.match(String(parseOptionScores({ a: 'x' }, 'prob')), /not a number/);
  });
});

describe('recordedContinuationScores', () => {
  const rank = (choices: string[], cell: string, kind: 'logprob' | 'prob' | 'rank' | 'order') => {
    const scores = recordedContinuationScores(choices, parseOptionScores(cell, kind) as never);
    return typeof scores === 'string' ? scores : rankContinuations(scores, 'mean').map((index) => choices[index]);
  };
  it('ranks by each kind, the recorded order breaking ties of rounded values', () => {
    const choices = ['right', 'left', 'middle', 'anywhere'];
    assert.deepEqual(rank(choices, "{'middle': 0.95, 'anywhere': 0.05, 'left': 0.0, 'right': 0.0}", 'prob'), ['middle', 'anywhere', 'left', 'right']);
    assert.deepEqual(rank(choices, '{"right": -0.1, "left": -3, "middle": -2, "anywhere": -9}', 'logprob'), ['right', 'middle', 'left', 'anywhere']);
    assert.deepEqual(rank(choices, '{"right": 4, "left": 1, "middle": 2, "anywhere": 3}', 'rank'), ['left', 'middle', 'anywhere', 'right']);
    assert.deepEqual(rank(choices, '["anywhere", "right", "left", "middle"]', 'order'), ['anywhere', 'right', 'left', 'middle']);
  });
  it('matches options by folded text, and names an option without a score', () => {
    assert.deepEqual(rank(['Δεξιά', 'οπουδήποτε.'], "{'οπουδήποτε': 0.6, 'δεξια': 0.4}", 'prob'), ['οπουδήποτε.', 'Δεξιά']);
    assert.match(String(rank(['right', 'left'], "{'right': 0.6}", 'prob')), /no recorded score for the option "left"/);
  });
});
