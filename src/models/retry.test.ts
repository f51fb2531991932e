import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ModelCallError } from './model-error.js';
import { attemptsOf, retryDelayMs, withRetries } from './retry.js';

function failure(kind: string, isRetryable: boolean, retryAfterMs?: number): ModelCallError {
  return new ModelCallError(`${kind} failure`, { kind, isRetryable, retryAfterMs });
}

function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

describe('withRetries', () => {
  test('retries retryable errors, then returns the result', async () => {
    const { delays, sleep } = recordingSleep();
    const seen: number[] = [];
    const result = await withRetries(
      async (attempt) => {
        seen.push(attempt);
        if (attempt < 3) throw failure('server', true);
        return 'ok';
      },
      { maxRetries: 5, sleep, random: () => 0.5, baseDelayMs: 100 },
    );
    assert.equal(result, 'ok');
    assert.deepEqual(seen, [1, 2, 3]);
    assert.deepEqual(delays, [50, 100]);
  });

  test('exponential ceiling with full jitter, capped at maxDelayMs', () => {
    const policy = { baseDelayMs: 500, maxDelayMs: 3000, random: () => 0.999999 };
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((retry) => retryDelayMs(retry, {}, policy)),
      [499, 999, 1999, 2999, 2999],
    );
    assert.equal(retryDelayMs(3, {}, { ...policy, random: () => 0 }), 0);
  });

  test("never waits less than the server's retryAfterMs, even above the cap", () => {
    assert.equal(retryDelayMs(1, { retryAfterMs: 2000 }, { random: () => 0.1 }), 2000);
    assert.equal(retryDelayMs(1, { retryAfterMs: 60_000 }, { maxDelayMs: 1000, random: () => 1 }), 60_000);
    assert.equal(retryDelayMs(1, { retryAfterMs: 1.2 }, { random: () => 0 }), 2);
  });

  test('does not retry a non-retryable error and reports one attempt', async () => {
    const { delays, sleep } = recordingSleep();
    let calls = 0;
    const error = await withRetries(
      async () => {
        calls++;
        throw failure('client', false);
      },
      { maxRetries: 3, sleep },
    ).catch((caught: unknown) => caught);
    assert.equal(calls, 1);
    assert.equal((error as ModelCallError).kind, 'client');
    assert.equal(attemptsOf(error), 1);
    assert.deepEqual(delays, []);
  });

  test('does not retry errors that are not ModelCallError', async () => {
    let calls = 0;
    await assert.rejects(
      withRetries(
        async () => {
          calls++;
          throw new TypeError('bug');
        },
        { maxRetries: 3, sleep: async () => {} },
      ),
      TypeError,
    );
    assert.equal(calls, 1);
  });

  test('gives up after maxRetries and rethrows the last error with the attempt count', async () => {
    const { delays, sleep } = recordingSleep();
    const infos: { attempt: number; delayMs: number; kind: string }[] = [];
    let calls = 0;
    const error = await withRetries(
      async () => {
        calls++;
        throw failure(calls === 3 ? 'timeout' : 'server', true);
      },
      { maxRetries: 2, sleep, random: () => 0, onRetry: ({ attempt, delayMs, error }) => infos.push({ attempt, delayMs, kind: error.kind }) },
    ).catch((caught: unknown) => caught);
    assert.equal(calls, 3);
    assert.equal((error as ModelCallError).kind, 'timeout');
    assert.equal(attemptsOf(error), 3);
    assert.deepEqual(infos, [
      { attempt: 1, delayMs: 0, kind: 'server' },
      { attempt: 2, delayMs: 0, kind: 'server' },
    ]);
    assert.deepEqual(delays, [0, 0]);
  });

  test('honours retryAfterMs from rate limits', async () => {
    const { delays, sleep } = recordingSleep();
    let calls = 0;
    await withRetries(
      async () => {
        if (++calls === 1) throw failure('rate-limit', true, 7000);
        return calls;
      },
      { maxRetries: 1, sleep, random: () => 0.5 },
    );
    assert.deepEqual(delays, [7000]);
  });

  test('an abort while waiting ends with an aborted error', async () => {
    const controller = new AbortController();
    const error = await withRetries(
      async () => {
        throw failure('server', true);
      },
      { maxRetries: 5, baseDelayMs: 60_000, random: () => 1, signal: controller.signal, onRetry: () => controller.abort() },
    ).catch((caught: unknown) => caught);
    assert.equal((error as ModelCallError).kind, 'aborted');
    assert.equal((error as ModelCallError).isRetryable, false);
    assert.equal(attemptsOf(error), 1);
  });

  test('an already aborted signal makes no attempt', async () => {
    let calls = 0;
    const error = await withRetries(
      async () => {
        calls++;
      },
      { maxRetries: 1, signal: AbortSignal.abort() },
    ).catch((caught: unknown) => caught);
    assert.equal(calls, 0);
    assert.equal((error as ModelCallError).kind, 'aborted');
    assert.equal(attemptsOf(error), 0);
  });
});
