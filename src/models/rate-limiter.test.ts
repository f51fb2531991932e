import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ModelCallError } from './model-error.js';
import { createRateLimiter } from './rate-limiter.js';

function fakeClock() {
  const clock = { time: 1_000, sleeps: [] as number[] };
  return {
    clock,
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.time += ms;
    },
  };
}

describe('createRateLimiter', () => {
  test('unlimited rates never wait', async () => {
    for (const requestsPerMinute of [0, -1, Number.POSITIVE_INFINITY]) {
      const limiter = createRateLimiter({ requestsPerMinute });
      await Promise.all(Array.from({ length: 100 }, () => limiter.acquire()));
    }
  });

  test('spaces requests evenly: 60 per minute is one per second, the first at once', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = createRateLimiter({ requestsPerMinute: 60, now, sleep });
    await limiter.acquire();
    assert.deepEqual(clock.sleeps, []);
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    assert.deepEqual(clock.sleeps, [1000, 1000, 1000]);
    assert.equal(clock.time, 4000);
  });

  test('a partly refilled bucket waits only for the rest of the token', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = createRateLimiter({ requestsPerMinute: 60, now, sleep });
    await limiter.acquire();
    clock.time += 400;
    await limiter.acquire();
    assert.deepEqual(clock.sleeps, [600]);
  });

  test('serves waiters first come, first served', async () => {
    const { now, sleep } = fakeClock();
    const limiter = createRateLimiter({ requestsPerMinute: 600, now, sleep });
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3, 4].map((index) => limiter.acquire().then(() => order.push(index))));
    assert.deepEqual(order, [0, 1, 2, 3, 4]);
  });

  test('after a quiet spell at most `burst` requests start back to back', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = createRateLimiter({ requestsPerMinute: 60, burst: 2, now, sleep });
    await limiter.acquire();
    await limiter.acquire();
    assert.deepEqual(clock.sleeps, []);
    clock.time += 3_600_000;
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    assert.deepEqual(clock.sleeps, [1000]);
  });

  test('an aborted waiter leaves the queue without taking a slot', async () => {
    const { clock, now, sleep } = fakeClock();
    const limiter = createRateLimiter({ requestsPerMinute: 60, now, sleep });
    await limiter.acquire();
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(limiter.acquire(aborted.signal), (error: unknown) => error instanceof ModelCallError && error.kind === 'aborted');
    await limiter.acquire();
    assert.equal(clock.time, 2000);
  });
});
