import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AdaptiveLimit } from './adaptive-limit.js';

test('AIMD: a 429 halves the limit, signals from calls sent under the old limit are ignored, successes add one slot per round', () => {
  const limit = new AdaptiveLimit({ max: 8 });
  assert.equal(limit.current, 8);
  limit.onOverload();
  assert.equal(limit.current, 4);
  // The other 7 calls of the first round were sent under 8: their 429s say nothing new.
  for (let i = 0; i < 7; i++) limit.onOverload();
  assert.equal(limit.current, 4);
  limit.onOverload();
  assert.equal(limit.current, 2);
  assert.deepEqual(limit.backoffs, { overload: 2, latency: 0 });
  // 2 → 8: each success adds 1/limit, so about ∫₂⁸ v dv = 30 successes (one slot per round), and never past the ceiling.
  let successes = 0;
  while (limit.current < 8) {
    limit.onSuccess(10);
    successes++;
  }
  assert.ok(successes >= 25 && successes <= 30, String(successes));
  for (let i = 0; i < 100; i++) limit.onSuccess(10);
  assert.equal(limit.current, 8);
  for (let i = 0; i < 20; i++) limit.onOverload();
  assert.equal(limit.current, 1, 'a long burst reaches 1 and stays there');
});

test('AIMD: latency well above the baseline backs off; jitter on fast calls does not', () => {
  const jitter = new AdaptiveLimit({ max: 8 });
  for (let i = 0; i < 200; i++) jitter.onSuccess(i % 2 === 0 ? 2 : 30);
  assert.equal(jitter.current, 8);
  assert.equal(jitter.backoffs.latency, 0);

  const slowing = new AdaptiveLimit({ max: 8 });
  for (let i = 0; i < 20; i++) slowing.onSuccess(100);
  for (let i = 0; i < 10; i++) slowing.onSuccess(600);
  assert.ok(slowing.current < 8, `limit ${slowing.current}`);
  assert.ok(slowing.backoffs.latency >= 1);
  // The server settles at the new latency: the baseline follows and the limit climbs back.
  for (let i = 0; i < 2000; i++) slowing.onSuccess(600);
  assert.equal(slowing.current, 8);
});
