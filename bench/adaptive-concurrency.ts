/**
 * Adaptive concurrency (AIMD) against a burst of 429s: throughput before, during and after the burst, with the limit
 * over time, for adaptive and fixed concurrency. Run: node --import tsx bench/adaptive-concurrency.ts
 */
import { ModelCaller, type CallCache } from '../src/models/model-caller.js';
import { parseModelSpec } from '../src/models/model-spec.js';
import { createOpenAICompatibleModel } from '../src/models/openai/openai-compatible-model.js';
import { startOpenAITestServer } from '../test/fixtures/openai-test-server.js';

const CALLS = 600;
const CONCURRENCY = 8;
const LATENCY_MS = 25;
const BURST_AT = 150;
const BURST = 40;
const noCache: CallCache = { getCached: () => undefined, putCache: () => {} };

async function run(adaptive: boolean): Promise<void> {
  const server = await startOpenAITestServer({ latencyMs: LATENCY_MS, logRequests: false });
  const model = createOpenAICompatibleModel(parseModelSpec('openai:test-model'), { baseUrl: server.url, maxSockets: CONCURRENCY });
  const caller = new ModelCaller(model, { concurrency: CONCURRENCY, maxRetries: 30, adaptiveConcurrency: adaptive }, noCache, false, true);
  const finished: number[] = [];
  const limits: string[] = [];
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < CALLS) {
      const index = next++;
      if (index === BURST_AT) server.injectFaults(...Array.from({ length: BURST }, () => ({ type: '429' as const, retryAfterSeconds: 0 })));
      await caller.call({ type: 'generate', messages: [{ role: 'user', content: `q${index}` }], maxTokens: 8, temperature: 0 }, []);
      finished.push(performance.now() - started);
      if (finished.length % 50 === 0) limits.push(`${finished.length}:${caller.concurrencyLimit}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const rate = (from: number, to: number) => ((to - from) / ((finished[to - 1] - finished[from - 1]) / 1000)).toFixed(1);
  const ideal = ((CONCURRENCY * 1000) / LATENCY_MS).toFixed(0);
  console.log(
    `${adaptive ? 'adaptive' : 'fixed   '}: calls/s first 100 ${rate(1, 100)}, calls 150–300 ${rate(150, 300)}, last 150 ${rate(CALLS - 150, CALLS)} (ideal ≈ ${ideal}); 429s served ${server.requests.faults['429'] ?? 0}, requests ${server.requests.total}; backoffs ${JSON.stringify(caller.adaptive?.backoffs ?? {})}; limit after n calls ${limits.join(' ')}`,
  );
  await model.close();
  await server.close();
}

await run(true);
await run(false);
