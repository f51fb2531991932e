import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startOpenAITestServer, type OpenAITestServer, type RecordedRequest } from '../../../test/fixtures/openai-test-server.js';
import type { GenerateRequest, LanguageModel } from '../language-model.js';
import { ModelCallError } from '../model-error.js';
import { parseModelSpec } from '../model-spec.js';
import { attemptsOf, withRetries } from '../retry.js';
import { createOpenAICompatibleModel, type OpenAICompatibleModelOptions } from './openai-compatible-model.js';

const spec = parseModelSpec('openai:test-model');
const hello: GenerateRequest = { messages: [{ role: 'user', content: 'Say hello' }], maxTokens: 16, temperature: 0 };

let server: OpenAITestServer;
const models: LanguageModel[] = [];

function model(options: Partial<OpenAICompatibleModelOptions> = {}, url = server.url): LanguageModel {
  const created = createOpenAICompatibleModel(spec, { baseUrl: url, ...options });
  models.push(created);
  return created;
}

function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

function lastRequest(): RecordedRequest {
  return server.requests.log.at(-1)!;
}

async function failure(promise: Promise<unknown>): Promise<ModelCallError> {
  const error = await promise.then(
    () => assert.fail('expected the call to fail'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof ModelCallError, `expected a ModelCallError, got ${String(error)}`);
  return error;
}

before(async () => {
  server = await startOpenAITestServer();
});

after(async () => {
  await Promise.all(models.map((created) => created.close()));
  await server.close();
});

describe('generate', () => {
  test('sends an OpenAI chat request and reads the answer and usage', async () => {
    const chat = model();
    const result = await chat.generate({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Which city?\nA. Paris\nB. Rome\nC. Oslo [[answer:C]]' },
      ],
      maxTokens: 8,
      temperature: 0.2,
      topP: 0.9,
      seed: 7,
      stop: ['\n\n'],
    });
    assert.deepEqual(result, { text: 'Answer: C', finishReason: 'stop', usage: { inputTokens: 11, outputTokens: 2 } });
    const request = lastRequest();
    assert.equal(request.path, '/v1/chat/completions');
    assert.deepEqual(request.body, {
      model: 'test-model',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Which city?\nA. Paris\nB. Rome\nC. Oslo [[answer:C]]' },
      ],
      max_tokens: 8,
      temperature: 0.2,
      top_p: 0.9,
      seed: 7,
      stop: ['\n\n'],
    });
    assert.equal(request.headers.authorization, undefined);
  });

  test('streams the same text with usage when stream is set', async () => {
    const plain = await model().generate(hello);
    const streamed = await model({ stream: true }).generate(hello);
    assert.deepEqual(streamed, plain);
    assert.match(streamed.text, /^Test reply [0-9a-f]{8}\.$/);
    assert.equal(streamed.usage.outputTokens, 3);
    const body = lastRequest().body as Record<string, unknown>;
    assert.equal(body.stream, true);
    assert.deepEqual(body.stream_options, { include_usage: true });
  });

  test('sends the API key as a bearer token, and a wrong key is a client error', async () => {
    const guarded = await startOpenAITestServer({ apiKey: 'secret' });
    try {
      const result = await model({ apiKey: 'secret' }, guarded.url).generate(hello);
      assert.match(result.text, /^Test reply/);
      assert.equal(guarded.requests.log[0].headers.authorization, 'Bearer secret');
      const error = await failure(model({ apiKey: 'wrong' }, guarded.url).generate(hello));
      assert.equal(error.kind, 'client');
      assert.equal(error.statusCode, 401);
      assert.equal(error.isRetryable, false);
    } finally {
      await guarded.close();
    }
  });

  test('asks for structured output with response_format json_schema when a responseFormat is given', async () => {
    const schema = { type: 'object', properties: { score: { type: 'integer' } }, required: ['score'], additionalProperties: false };
    await model().generate({ ...hello, responseFormat: { name: 'judge_score', schema } });
    const body = lastRequest().body as Record<string, unknown>;
    assert.deepEqual(body.response_format, { type: 'json_schema', json_schema: { name: 'judge_score', schema, strict: true } });
    await model({ stream: true }).generate({ ...hello, responseFormat: { name: 'judge_score', schema } });
    assert.deepEqual((lastRequest().body as Record<string, unknown>).response_format, {
      type: 'json_schema',
      json_schema: { name: 'judge_score', schema, strict: true },
    });
    await model().generate(hello);
    assert.equal('response_format' in (lastRequest().body as Record<string, unknown>), false);
  });

  test('describes the model', () => {
    const described = model();
    assert.equal(described.spec, 'openai:test-model');
    assert.equal(described.provider, 'openai');
    assert.equal(described.modelId, 'test-model');
    assert.deepEqual(described.capabilities, { generate: true, logLikelihood: true, embed: true });
    assert.deepEqual(described.cacheIdentity, { provider: 'openai', baseUrl: server.url, model: 'test-model' });
  });
});

describe('scoreContinuations', () => {
  // Test server: tokens are /\s*\S+/ runs; log-probability -0.5 * max(1, trimmed length), -0.1 for the
  // token named by [[answer:X]]; greedy exactly when the log-probability is at least -0.5.
  test('sums the log-probabilities of the continuation tokens', async () => {
    const scorer = model();
    const before = server.requests.total;
    const result = await scorer.scoreContinuations!({
      prompt: 'Capital of France:',
      continuations: [' Paris', ' Paris city', ' X'],
    });
    assert.deepEqual(result.scores, [
      { logLikelihood: -2.5, tokens: 1, characters: 6, isGreedy: false },
      { logLikelihood: -4.5, tokens: 2, characters: 11, isGreedy: false },
      { logLikelihood: -0.5, tokens: 1, characters: 2, isGreedy: true },
    ]);
    // prompt tokens: 4, 5 and 4; one generated token each
    assert.deepEqual(result.usage, { inputTokens: 13, outputTokens: 3 });
    assert.equal(server.requests.total - before, 3);
    const bodies = server.requests.log.slice(-3).map((request) => request.body as Record<string, unknown>);
    assert.deepEqual(bodies.map((body) => body.prompt).sort(), ['Capital of France: Paris', 'Capital of France: Paris city', 'Capital of France: X']);
    for (const body of bodies) {
      assert.equal(body.echo, true);
      assert.equal(body.logprobs, 1);
      assert.equal(body.max_tokens, 1);
      assert.equal(body.temperature, 0);
    }
  });

  test('the preferred answer wins, and a token straddling the prompt end counts with the continuation', async () => {
    const result = await model().scoreContinuations!({
      prompt: 'Pick [[answer:B]]\nAnswer: ',
      continuations: ['A', 'B', 'Cee'],
    });
    assert.deepEqual(
      result.scores.map((score) => [score.logLikelihood, score.tokens, score.isGreedy]),
      [
        [-0.5, 1, true],
        [-0.1, 1, true],
        [-1.5, 1, false],
      ],
    );
  });

  test('a server that rejects or ignores echo is unsupported, and not retried', async () => {
    for (const echo of ['rejected', 'ignored'] as const) {
      const limited = await startOpenAITestServer({ echo });
      try {
        const error = await failure(model({}, limited.url).scoreContinuations!({ prompt: 'Q:', continuations: [' a'] }));
        assert.equal(error.kind, 'unsupported', echo);
        assert.equal(error.isRetryable, false);
        assert.match(error.message, /echo/);
        assert.match(error.message, /vLLM/);
      } finally {
        await limited.close();
      }
    }
    server.injectFaults({ type: 'http', status: 501, message: 'Not Implemented' });
    const error = await failure(model().scoreContinuations!({ prompt: 'Q:', continuations: [' a'] }));
    assert.equal(error.kind, 'unsupported');
    assert.equal(error.statusCode, 501);
  });
});

describe('embed', () => {
  test('returns one normalised vector per text, in order', async () => {
    const vectors = await model().embed!(['red apple', 'blue sky', 'red apple']);
    assert.equal(vectors.length, 3);
    assert.equal(vectors[0].length, 32);
    assert.deepEqual(vectors[0], vectors[2]);
    assert.notDeepEqual(vectors[0], vectors[1]);
    assert.ok(Math.abs(Math.hypot(...vectors[1]) - 1) < 1e-9);
    assert.deepEqual(lastRequest().body, { model: 'test-model', input: ['red apple', 'blue sky', 'red apple'], encoding_format: 'float' });
  });
});

describe('errors and retries', () => {
  test('429 is retried after at least the retry-after seconds', async () => {
    const { delays, sleep } = recordingSleep();
    server.injectFaults({ type: '429', retryAfterSeconds: 3 });
    const chat = model();
    const kinds: string[] = [];
    const result = await withRetries(() => chat.generate(hello), {
      maxRetries: 2,
      sleep,
      random: () => 0.99,
      onRetry: ({ error }) => kinds.push(`${error.kind}:${error.statusCode}:${error.retryAfterMs}`),
    });
    assert.match(result.text, /^Test reply/);
    assert.deepEqual(kinds, ['rate-limit:429:3000']);
    assert.equal(delays.length, 1);
    assert.ok(delays[0] >= 3000, `waited ${delays[0]} ms`);
  });

  test('retry-after as an HTTP-date, and retry-after-ms', async () => {
    const { delays, sleep } = recordingSleep();
    const sentAt = Date.now();
    server.injectFaults({ type: '429', retryAfter: new Date(sentAt + 10_000).toUTCString() }, { type: '429', retryAfterMs: 1234 });
    const chat = model();
    const asked: number[] = [];
    await withRetries(() => chat.generate(hello), { maxRetries: 2, sleep, random: () => 0, onRetry: ({ error }) => asked.push(error.retryAfterMs!) });
    // an HTTP-date has whole seconds, and some time passes before the answer is read
    assert.ok(asked[0] > 8000 && asked[0] <= 10_000, `retryAfterMs ${asked[0]}`);
    assert.equal(asked[1], 1234);
    assert.deepEqual(delays, [Math.ceil(asked[0]), 1234]);
  });

  test('500 is retried, then the call succeeds', async () => {
    const { delays, sleep } = recordingSleep();
    server.injectFaults({ type: '500' }, { type: '500' });
    const chat = model();
    let attempts = 0;
    const result = await withRetries(
      (attempt) => {
        attempts = attempt;
        return chat.generate(hello);
      },
      { maxRetries: 3, sleep, random: () => 0.5, baseDelayMs: 100 },
    );
    assert.match(result.text, /^Test reply/);
    assert.equal(attempts, 3);
    assert.deepEqual(delays, [50, 100]);
  });

  test('400 is a client error with the server message, and not retried', async () => {
    server.injectFaults({ type: '400', message: "'messages' must not be empty" });
    const chat = model();
    const before = server.requests.total;
    const error = await failure(withRetries(() => chat.generate(hello), { maxRetries: 3, sleep: async () => {} }));
    assert.equal(error.kind, 'client');
    assert.equal(error.statusCode, 400);
    assert.equal(error.isRetryable, false);
    assert.match(error.message, /'messages' must not be empty/);
    assert.match(error.message, /\/v1\/chat\/completions/);
    assert.equal(attemptsOf(error), 1);
    assert.equal(server.requests.total - before, 1);
  });

  test('a server that never answers times out, and the connection is dropped', async () => {
    server.injectFaults({ type: 'hang' });
    const chat = model({ timeoutMs: 150 });
    const error = await failure(chat.generate(hello));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.isRetryable, true);
    assert.match((await chat.generate(hello)).text, /^Test reply/);
  });

  test('a body that is not JSON, or has no choices, is malformed and retryable', async () => {
    server.injectFaults({ type: 'malformed-json' });
    const first = await failure(model().generate(hello));
    assert.equal(first.kind, 'malformed');
    assert.equal(first.isRetryable, true);
    server.injectFaults({ type: 'http', status: 200, message: 'no choices here' });
    const second = await failure(model().generate(hello));
    assert.equal(second.kind, 'malformed');
    assert.match(second.message, /no choices here/);
  });

  test('a cut stream is a retryable stream-cut', async () => {
    server.injectFaults({ type: 'stream-cut' });
    const error = await failure(model({ stream: true }).generate(hello));
    assert.equal(error.kind, 'stream-cut');
    assert.equal(error.isRetryable, true);
  });

  test('a reset or refused connection is a retryable network error', async () => {
    server.injectFaults({ type: 'reset' });
    const reset = await failure(model().generate(hello));
    assert.equal(reset.kind, 'network');
    assert.equal(reset.isRetryable, true);

    const closed = await startOpenAITestServer();
    const url = closed.url;
    await closed.close();
    const refused = await failure(model({}, url).generate(hello));
    assert.equal(refused.kind, 'network');
    assert.match(refused.message, /ECONNREFUSED/);
  });

  test('a reset on a reused keep-alive connection is sent once more, transparently', async () => {
    const chat = model();
    await chat.generate(hello);
    server.injectFaults({ type: 'reset' });
    const before = server.requests.log.length;
    assert.match((await chat.generate(hello)).text, /^Test reply/);
    assert.deepEqual(
      server.requests.log.slice(before).map((request) => request.fault),
      ['reset', undefined],
    );
    server.injectFaults({ type: 'reset' }, { type: 'reset' });
    assert.equal((await failure(chat.generate(hello))).kind, 'network');
  });

  test('an abort ends the call with a non-retryable aborted error', async () => {
    server.injectFaults({ type: 'hang' });
    const controller = new AbortController();
    const before = server.requests.total;
    const call = model().generate(hello, { signal: controller.signal });
    while (server.requests.total === before) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    const error = await failure(call);
    assert.equal(error.kind, 'aborted');
    assert.equal(error.isRetryable, false);
    const already = await failure(model().generate(hello, { signal: AbortSignal.abort() }));
    assert.equal(already.kind, 'aborted');
  });

  test('fault markers in the prompt fail the first requests that carry it', async () => {
    const { delays, sleep } = recordingSleep();
    const chat = model();
    const request: GenerateRequest = { ...hello, messages: [{ role: 'user', content: 'Fail twice [[fault:500:2]]' }] };
    const before = server.requests.faults['500'] ?? 0;
    const result = await withRetries(() => chat.generate(request), { maxRetries: 3, sleep, random: () => 0 });
    assert.match(result.text, /^Test reply/);
    assert.equal(delays.length, 2);
    assert.equal((server.requests.faults['500'] ?? 0) - before, 2);
    assert.match((await chat.generate(request)).text, /^Test reply/);

    const limited = await failure(chat.generate({ ...hello, messages: [{ role: 'user', content: 'Slow down [[fault:429:1:4]]' }] }));
    assert.equal(limited.kind, 'rate-limit');
    assert.equal(limited.retryAfterMs, 4000);
    const cut = await failure(model({ stream: true }).generate({ ...hello, messages: [{ role: 'user', content: 'Cut [[fault:stream-cut]]' }] }));
    assert.equal(cut.kind, 'stream-cut');
  });
});
