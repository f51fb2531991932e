import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startOpenAITestServer, type OpenAITestServer } from '../../test/fixtures/openai-test-server.js';
import type { CallCache } from './model-caller.js';
import { ModelCaller } from './model-caller.js';
import { parseModelSpec } from './model-spec.js';
import { createOpenAICompatibleModel } from './openai/openai-compatible-model.js';

let server: OpenAITestServer;
before(async () => {
  server = await startOpenAITestServer({ latencyMs: 15, logRequests: false });
});
after(async () => server.close());

const noCache: CallCache = { getCached: () => undefined, putCache: () => {} };
const request = (index: number) => ({
  type: 'generate' as const,
  messages: [{ role: 'user' as const, content: `question ${index}` }],
  maxTokens: 8,
  temperature: 0,
});

test('adaptive concurrency backs off on a burst of 429s and recovers the full limit; every call succeeds', async () => {
  const model = createOpenAICompatibleModel(parseModelSpec('openai:test-model'), { baseUrl: server.url, maxSockets: 8 });
  const caller = new ModelCaller(model, { concurrency: 8, maxRetries: 20, adaptiveConcurrency: true }, noCache, false, true);
  server.requests.clear();
  let lowest = caller.concurrencyLimit;
  let next = 0;
  const worker = async () => {
    while (next < 160) {
      const index = next++;
      // A burst of 429s once the run is going.
      if (index === 30) server.injectFaults(...Array.from({ length: 12 }, () => ({ type: '429' as const, retryAfterSeconds: 0 })));
      await caller.call(request(index), []);
      lowest = Math.min(lowest, caller.concurrencyLimit);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  assert.equal(server.requests.faults['429'], 12);
  assert.ok(lowest <= 2, `backed off to ${lowest}`);
  assert.ok(caller.adaptive!.backoffs.overload >= 2);
  assert.equal(caller.concurrencyLimit, 8, 'recovered the full limit');
  assert.ok(server.requests.maxInFlight <= 8);
  await model.close();
});

test('a fixed concurrency stays fixed through 429s', async () => {
  const model = createOpenAICompatibleModel(parseModelSpec('openai:test-model'), { baseUrl: server.url, maxSockets: 4 });
  const caller = new ModelCaller(model, { concurrency: 4, maxRetries: 20 }, noCache, false, true);
  server.injectFaults(...Array.from({ length: 6 }, () => ({ type: '429' as const, retryAfterSeconds: 0 })));
  await Promise.all(Array.from({ length: 12 }, (_, index) => caller.call(request(1000 + index), [])));
  assert.equal(caller.concurrencyLimit, 4);
  assert.equal(caller.adaptive, undefined);
  await model.close();
});
