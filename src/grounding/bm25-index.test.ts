import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Bm25Index, topScores } from './bm25-index.js';
import { DenseIndex } from './dense-index.js';
import { reciprocalRankFusion } from './reciprocal-rank-fusion.js';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-6, `${actual} ≠ ${expected}`);

describe('Bm25Index', () => {
  const index = new Bm25Index([['a', 'b'], ['a', 'a', 'c'], ['d']]);

  it('scores by Okapi BM25 (k1 1.2, b 0.75)', () => {
    const idf = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5));
    const hits = index.search(['a'], 3);
    assert.deepEqual(
      hits.map((hit) => hit.document),
      [1, 0],
    );
    close(hits[0].score, (idf * 2 * 2.2) / (2 + 1.2 * (0.25 + 0.75 * 1.5)));
    close(hits[1].score, idf);
    assert.equal(index.documentFrequency('a'), 2);
  });

  it('adds up query terms, counts repeated ones again, and returns only matching documents', () => {
    const single = index.search(['d'], 5);
    const twice = index.search(['d', 'd'], 5);
    assert.equal(single.length, 1);
    close(twice[0].score, 2 * single[0].score);
    assert.deepEqual(index.search(['zzz'], 5), []);
    assert.deepEqual(index.search([], 5), []);
    assert.deepEqual(index.search(['a'], 0), []);
  });

  it('filters documents and breaks ties by position', () => {
    assert.deepEqual(
      index.search(['a'], 3, (document) => document !== 1).map((hit) => hit.document),
      [0],
    );
    const tied = new Bm25Index([['x'], ['x'], ['x']]);
    assert.deepEqual(
      tied.search(['x'], 2).map((hit) => hit.document),
      [0, 1],
    );
  });
});

describe('topScores', () => {
  it('keeps the best few, best first', () => {
    const scores = [0.5, 0.9, 0.1, 0.9, 0.7];
    assert.deepEqual(
      topScores([0, 1, 2, 3, 4], (document) => scores[document], 3),
      [
        { document: 1, score: 0.9 },
        { document: 3, score: 0.9 },
        { document: 4, score: 0.7 },
      ],
    );
  });
});

describe('DenseIndex', () => {
  it('ranks by cosine similarity, positive only', () => {
    const index = new DenseIndex([
      [1, 0],
      [0, 2],
      [-1, 0],
      [1, 1],
    ]);
    const hits = index.search([2, 0.2], 4);
    assert.deepEqual(
      hits.map((hit) => hit.document),
      [0, 3, 1],
    );
    close(hits[0].score, 2 / Math.hypot(2, 0.2));
    assert.deepEqual(
      index.search([1, 0], 4, (document) => document !== 0).map((hit) => hit.document),
      [3],
    );
    assert.throws(() => index.search([1, 0, 0], 1), RangeError);
  });
});

describe('reciprocalRankFusion', () => {
  it('sums 1 / (60 + rank) over the lists', () => {
    const fused = reciprocalRankFusion(
      [
        [
          { document: 3, score: 9 },
          { document: 1, score: 2 },
        ],
        [
          { document: 1, score: 0.8 },
          { document: 7, score: 0.5 },
        ],
      ],
      3,
    );
    assert.deepEqual(
      fused.map((hit) => hit.document),
      [1, 3, 7],
    );
    close(fused[0].score, 1 / 62 + 1 / 61);
    close(fused[1].score, 1 / 61);
  });
});
