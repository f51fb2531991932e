import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, streamText } from 'ai';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import OpenAI from 'openai';
import { loadBuiltinSample } from '../../src/datasets/builtin/builtin-sample.js';
import { startGateway, type GatewayOptions, type RunningGateway } from '../../src/grounding/gateway/gateway.js';
import { buildKnowledgeBase, type KnowledgeBase } from '../../src/grounding/knowledge-base.js';
import { parseModelSpec } from '../../src/models/model-spec.js';
import { createOpenAICompatibleModel } from '../../src/models/openai/openai-compatible-model.js';
import { defaultReply, startOpenAITestServer, type OpenAITestServer, type TestServerMessage } from '../fixtures/openai-test-server.js';

const { descriptions, items } = loadBuiltinSample();
const byId = new Map(descriptions.map((description) => [description.id, description]));
const japanQuestion = 'How should I greet my Japanese business partners when they arrive? Should I bow?';

let kb: KnowledgeBase;
let upstream: OpenAITestServer;
const gateways: RunningGateway[] = [];

async function gateway(options: Partial<GatewayOptions> = {}): Promise<RunningGateway> {
  const started = await startGateway({ upstream: upstream.url, knowledgeBase: kb, port: 0, ...options });
  gateways.push(started);
  return started;
}

function client(gatewayUrl: string, apiKey = 'test-key'): OpenAI {
  return new OpenAI({ baseURL: gatewayUrl, apiKey, maxRetries: 0 });
}

/** The upstream's record of the request whose last user message contains `marker`. */
function upstreamRequest(marker: string): { messages: TestServerMessage[]; headers: http.IncomingHttpHeaders; body: Record<string, unknown> } {
  const found = upstream.requests.log.filter((request) => {
    const messages = (request.body as { messages?: { content?: unknown }[] } | undefined)?.messages ?? [];
    return JSON.stringify(messages.at(-1)?.content ?? '').includes(marker);
  });
  assert.equal(found.length, 1, `one upstream request carries ${marker}`);
  const body = found[0].body as Record<string, unknown>;
  return { messages: body.messages as TestServerMessage[], headers: found[0].headers, body };
}

function idsOf(header: string | null): string[] {
  return header ? header.split(',').map(decodeURIComponent) : [];
}

before(async () => {
  kb = await buildKnowledgeBase(descriptions);
  upstream = await startOpenAITestServer();
});

after(async () => {
  await Promise.all(gateways.map((running) => running.close()));
  await upstream.close();
});

describe('gateway with the openai client', () => {
  it('grounds a chat request before the upstream sees it, and relays the answer unchanged', async () => {
    const running = await gateway();
    const { data, response } = await client(running.url)
      .chat.completions.create({
        model: 'test-model',
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: `${japanQuestion} [a1]` },
        ],
      })
      .withResponse();
    const ids = idsOf(response.headers.get('x-culturekit-grounding-ids'));
    assert.ok(ids.includes('jp-greetings-1'), ids.join());
    assert.ok(
      ids.every((id) => byId.get(id)?.country === 'JP'),
      ids.join(),
    );
    assert.equal(response.headers.get('x-culturekit-grounding'), 'retrieved');
    assert.equal(response.headers.get('x-culturekit-grounding-template'), 'grounding-retrieved@1');

    const seen = upstreamRequest('[a1]');
    assert.deepEqual(seen.messages[0], { role: 'system', content: 'Be brief.' });
    const grounded = seen.messages[1].content;
    assert.ok(grounded.startsWith('Cultural knowledge:\n1. '), grounded);
    assert.ok(grounded.endsWith(`\n\n${japanQuestion} [a1]`));
    for (const id of ids) assert.ok(grounded.includes(byId.get(id)!.text), `${id} is in the grounded prompt`);
    assert.equal(data.choices[0].message.content, defaultReply({ model: 'test-model', messages: seen.messages }), 'the answer to the grounded prompt');
    assert.equal(data.model, 'test-model');
  });

  it('streams the upstream’s server-sent events through', async () => {
    const running = await gateway();
    const stream = await client(running.url).chat.completions.create({
      model: 'test-model',
      stream: true,
      messages: [{ role: 'user', content: `${japanQuestion} [s1]` }],
    });
    let text = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    const seen = upstreamRequest('[s1]');
    assert.ok(seen.messages[0].content.startsWith('Cultural knowledge:'));
    assert.equal(seen.body.stream, true);
    assert.equal(text, defaultReply({ model: 'test-model', messages: seen.messages }));
    assert.equal(finish, 'stop');
  });

  it('passes a request through untouched with x-culturekit-grounding: off, or when the gateway is off', async () => {
    const running = await gateway();
    const body = { model: 'test-model', temperature: 0.3, messages: [{ role: 'user' as const, content: `${japanQuestion} [off1]` }] };
    const { response } = await client(running.url)
      .chat.completions.create(body, { headers: { 'x-culturekit-grounding': 'off' } })
      .withResponse();
    assert.equal(response.headers.get('x-culturekit-grounding'), 'off');
    assert.equal(response.headers.get('x-culturekit-grounding-ids'), null);
    assert.deepEqual(upstreamRequest('[off1]').body, body);

    const off = await gateway({ mode: 'off' });
    await client(off.url).chat.completions.create({ ...body, messages: [{ role: 'user', content: `${japanQuestion} [off2]` }] });
    assert.equal(upstreamRequest('[off2]').messages[0].content, `${japanQuestion} [off2]`);
    const on = await client(off.url)
      .chat.completions.create(
        { ...body, messages: [{ role: 'user', content: `${japanQuestion} [on2]` }] },
        { headers: { 'x-culturekit-grounding': 'retrieved' } },
      )
      .withResponse();
    assert.ok(idsOf(on.response.headers.get('x-culturekit-grounding-ids')).length > 0);
    assert.ok(upstreamRequest('[on2]').messages[0].content.startsWith('Cultural knowledge:'));
  });

  it('writes the instruction in the request’s language, and keeps content parts as parts', async () => {
    const running = await gateway({ k: 2 });
    await client(running.url).chat.completions.create({
      model: 'test-model',
      messages: [{ role: 'user', content: '日本で箸をご飯に突き立ててはいけないのはなぜですか。[ja1]' }],
    });
    const japanese = upstreamRequest('[ja1]').messages[0].content;
    assert.ok(japanese.startsWith('文化に関する知識：\n1. 日本では、ご飯'), japanese);

    const partsUpstream = await startOpenAITestServer({ respond: () => 'Parts seen.' });
    try {
      const partsGateway = await gateway({ upstream: partsUpstream.url });
      const answer = await client(partsGateway.url).chat.completions.create({
        model: 'test-model',
        messages: [{ role: 'user', content: [{ type: 'text', text: `${japanQuestion} [parts1]` }] }],
      });
      assert.equal(answer.choices[0].message.content, 'Parts seen.');
      const parts = (partsUpstream.requests.log[0].body as { messages: { content: { type: string; text: string }[] }[] }).messages[0].content;
      assert.equal(parts.length, 2);
      assert.ok(parts[0].text.startsWith('Cultural knowledge:'));
      assert.deepEqual(parts[1], { type: 'text', text: `${japanQuestion} [parts1]` });
    } finally {
      await partsUpstream.close();
    }
  });

  it('gives each of many concurrent requests only its own country’s grounding', async () => {
    const slowUpstream = await startOpenAITestServer({ latencyMs: 20 });
    try {
      const running = await startGateway({ upstream: slowUpstream.url, knowledgeBase: kb, port: 0, k: 3 });
      gateways.push(running);
      const countries = ['JP', 'MX', 'SA', 'CN', 'IN', 'BR', 'EG', 'DE'];
      const questions = countries.flatMap((country) =>
        items
          .filter((item) => item.country === country && item.kind === 'knowledge' && item.language === 'en')
          .slice(0, 3)
          .map((item, index) => ({ country, prompt: `${item.prompt} [c-${country}-${index}]` })),
      );
      const openai = client(running.url);
      const answers = await Promise.all(
        questions.map((question) =>
          openai.chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: question.prompt }] }).withResponse(),
        ),
      );
      answers.forEach(({ data, response }, index) => {
        const { country, prompt } = questions[index];
        const ids = idsOf(response.headers.get('x-culturekit-grounding-ids'));
        assert.ok(ids.length > 0, prompt);
        assert.ok(
          ids.every((id) => byId.get(id)!.country === country),
          `${prompt}: ${ids.join()}`,
        );
        const seen = slowUpstream.requests.log.find((request) => JSON.stringify(request.body).includes(prompt.slice(-12)))!;
        const content = (seen.body as { messages: TestServerMessage[] }).messages[0].content;
        for (const description of descriptions) {
          assert.equal(content.includes(description.text), ids.includes(description.id), `${prompt}: ${description.id}`);
        }
        assert.equal(data.choices[0].message.content, defaultReply({ model: 'test-model', messages: [{ role: 'user', content }] }));
      });
    } finally {
      await slowUpstream.close();
    }
  });

  it('lists the upstream’s models and answers /health', async () => {
    const running = await gateway();
    const models = await client(running.url).models.list();
    assert.deepEqual(
      models.data.map((model) => model.id),
      ['test-model'],
    );
    const health = await fetch(running.url.replace(/\/v1$/, '/health'));
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), {
      status: 'ok',
      mode: 'retrieved',
      knowledgeBase: { descriptions: kb.size, hash: kb.hash, embeddings: false },
    });
    const embeddings = await client(running.url).embeddings.create({ model: 'test-model', input: ['passed through'] });
    assert.equal(embeddings.data.length, 1);
    const missing = await fetch(running.url.replace(/\/v1$/, '/nowhere'));
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'not_found');
  });
});

describe('gateway errors', () => {
  async function failure(promise: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof OpenAI.APIError, String(error));
      return error;
    }
    assert.fail('expected an error');
  }

  it('turns an upstream 500 into a 502 OpenAI error, and passes 4xx through', async () => {
    const running = await gateway();
    const openai = client(running.url);
    const bad = await failure(openai.chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: `${japanQuestion} [[fault:500]]` }] }));
    assert.equal(bad.status, 502);
    assert.equal(bad.type, 'upstream_error');
    assert.equal(bad.code, 'bad_gateway');
    assert.match(bad.message, /answered HTTP 500: The server had an error/);

    const streaming = await failure(
      openai.chat.completions.create({ model: 'test-model', stream: true, messages: [{ role: 'user', content: `${japanQuestion} [[fault:500]] s` }] }),
    );
    assert.equal(streaming.status, 502);

    const invalid = await failure(
      openai.chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: `${japanQuestion} [[fault:400]]` }] }),
    );
    assert.equal(invalid.status, 400);
    assert.equal(invalid.message, '400 Invalid request');

    const limited = await failure(
      openai.chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: `${japanQuestion} [[fault:429:1:7]]` }] }),
    );
    assert.equal(limited.status, 429);
    assert.equal(limited.headers?.get('retry-after'), '7');
  });

  it('turns an upstream that does not answer into a 504, and one that cannot be reached into a 502', async () => {
    const running = await gateway({ timeoutMs: 300 });
    const hung = await failure(
      client(running.url).chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: `${japanQuestion} [[fault:hang]]` }] }),
    );
    assert.equal(hung.status, 504);
    assert.equal(hung.code, 'gateway_timeout');
    assert.match(hung.message, /did not answer within 300 ms/);

    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const nowhere = await gateway({ upstream: `http://127.0.0.1:${port}/v1` });
    const unreachable = await failure(
      client(nowhere.url).chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: japanQuestion }] }),
    );
    assert.equal(unreachable.status, 502);
    assert.equal(unreachable.code, 'upstream_unreachable');
    assert.match(unreachable.message, /ECONNREFUSED/);
  });

  it('cuts the client’s stream when the upstream’s stream is cut', async () => {
    const running = await gateway();
    const stream = await client(running.url).chat.completions.create({
      model: 'test-model',
      stream: true,
      messages: [{ role: 'user', content: `${japanQuestion} [[fault:stream-cut]]` }],
    });
    await assert.rejects(async () => {
      for await (const chunk of stream) void chunk;
    });
  });

  it('rejects a bad grounding header and a body that is not JSON', async () => {
    const running = await gateway();
    const headerError = await failure(
      client(running.url).chat.completions.create(
        { model: 'test-model', messages: [{ role: 'user', content: 'hi' }] },
        { headers: { 'x-culturekit-grounding': 'maybe' } },
      ),
    );
    assert.equal(headerError.status, 400);
    assert.equal(headerError.code, 'invalid_grounding_mode');
    const response = await fetch(`${running.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"messages": [',
    });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { error: { message: 'the request body is not valid JSON', type: 'invalid_request_error', code: 'invalid_json' } });
  });

  it('refuses a foreign Host (DNS rebinding) and an oversize body as OpenAI errors, before the upstream sees them', async () => {
    const running = await gateway({ maxBodyBytes: 1024 });
    const before = upstream.requests.log.length;
    const rebound = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(`${running.url}/models`, { headers: { host: `attacker.example:${running.port}` } }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.end();
    });
    assert.equal(rebound.status, 403);
    assert.equal(JSON.parse(rebound.body).error.code, 'host_not_allowed');
    const oversize = await fetch(`${running.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: 'x'.repeat(2000) }] }),
    });
    assert.equal(oversize.status, 413);
    assert.deepEqual(await oversize.json(), {
      error: { message: 'the culturekit gateway: the request body is larger than 1024 bytes', type: 'invalid_request_error', code: 'request_too_large' },
    });
    assert.equal(upstream.requests.log.length, before);
    assert.equal((await fetch(`${running.url}/models`)).status, 200);
  });
});

describe('gateway authentication', () => {
  it('requires its own key when it has one, and never sends it upstream', async () => {
    const guarded = await startOpenAITestServer({ apiKey: 'upstream-key' });
    try {
      const running = await startGateway({ upstream: guarded.url, knowledgeBase: kb, port: 0, apiKey: 'gateway-key', upstreamApiKey: 'upstream-key' });
      gateways.push(running);
      const answer = await client(running.url, 'gateway-key').chat.completions.create({
        model: 'test-model',
        messages: [{ role: 'user', content: 'hello [auth1]' }],
      });
      assert.ok(answer.choices[0].message.content);
      assert.equal(guarded.requests.log.at(-1)?.headers.authorization, 'Bearer upstream-key');
      for (const key of ['wrong-key', 'gateway-key2']) {
        await assert.rejects(
          client(running.url, key).chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: 'hello' }] }),
          (error: unknown) => {
            assert.ok(error instanceof OpenAI.AuthenticationError);
            assert.equal(error.code, 'invalid_api_key');
            return true;
          },
        );
      }
      const noHeader = await fetch(`${running.url}/models`);
      assert.equal(noHeader.status, 401);
      assert.equal((await fetch(running.url.replace(/\/v1$/, '/health'))).status, 200);

      const withoutKey = await startGateway({ upstream: guarded.url, knowledgeBase: kb, port: 0, apiKey: 'gateway-key' });
      gateways.push(withoutKey);
      await assert.rejects(client(withoutKey.url, 'gateway-key').models.list(), (error: unknown) => error instanceof OpenAI.AuthenticationError);
      assert.equal(guarded.requests.log.at(-1)?.headers.authorization, undefined, 'the gateway key stays at the gateway');
    } finally {
      await guarded.close();
    }
  });

  it('passes the client’s Authorization through when it has no key of its own', async () => {
    const guarded = await startOpenAITestServer({ apiKey: 'client-key' });
    try {
      const running = await startGateway({ upstream: guarded.url, knowledgeBase: kb, port: 0 });
      gateways.push(running);
      await client(running.url, 'client-key').chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: 'hello' }] });
      await assert.rejects(
        client(running.url, 'other').chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: 'hello' }] }),
        (error: unknown) => {
          assert.ok(error instanceof OpenAI.AuthenticationError);
          assert.equal(error.message, '401 Incorrect API key provided');
          return true;
        },
      );
    } finally {
      await guarded.close();
    }
  });
});

describe('gateway with embeddings', () => {
  it('fuses dense retrieval in, and falls back to lexical retrieval when the embedding server fails', async () => {
    const embeddingServer = await startOpenAITestServer({ dimensions: 64 });
    const embeddings = createOpenAICompatibleModel(parseModelSpec('openai:embedder'), { baseUrl: embeddingServer.url });
    const warnings: string[] = [];
    try {
      const hybrid = await buildKnowledgeBase(descriptions, { embeddings });
      const running = await gateway({ knowledgeBase: hybrid, onWarning: (message) => warnings.push(message) });
      embeddingServer.requests.clear();
      const { response } = await client(running.url)
        .chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: `${japanQuestion} [e1]` }] })
        .withResponse();
      assert.equal(embeddingServer.requests.byPath['/v1/embeddings'], 1, 'the query was embedded');
      assert.ok(idsOf(response.headers.get('x-culturekit-grounding-ids')).includes('jp-greetings-1'));
      assert.ok(upstreamRequest('[e1]').messages[0].content.startsWith('Cultural knowledge:'));

      await embeddingServer.close();
      const fallback = await client(running.url)
        .chat.completions.create({ model: 'test-model', messages: [{ role: 'user', content: `${japanQuestion} [e2]` }] })
        .withResponse();
      assert.ok(idsOf(fallback.response.headers.get('x-culturekit-grounding-ids')).includes('jp-greetings-1'));
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /dense retrieval failed, using lexical retrieval/);
    } finally {
      await embeddings.close();
      await embeddingServer.close();
    }
  });
});

describe('gateway with the AI SDK', () => {
  it('works with generateText and streamText', async () => {
    const running = await gateway();
    const provider = createOpenAICompatible({ name: 'culturekit', baseURL: running.url, apiKey: 'test-key' });
    const generated = await generateText({ model: provider('test-model'), prompt: `${japanQuestion} [ai1]`, maxRetries: 0 });
    const seen = upstreamRequest('[ai1]');
    assert.ok(seen.messages.at(-1)!.content.startsWith('Cultural knowledge:'));
    assert.equal(generated.text, defaultReply({ model: 'test-model', messages: seen.messages }));
    assert.ok(generated.response.headers?.['x-culturekit-grounding-ids']?.includes('jp-greetings-1'));

    const streamed = streamText({ model: provider('test-model'), prompt: `${japanQuestion} [ai2]`, maxRetries: 0 });
    let text = '';
    for await (const delta of streamed.textStream) text += delta;
    const streamedSeen = upstreamRequest('[ai2]');
    assert.equal(text, defaultReply({ model: 'test-model', messages: streamedSeen.messages }));
    assert.equal(await streamed.finishReason, 'stop');
  });
});

describe('gateway relays bytes', () => {
  it('returns the upstream’s body and headers byte for byte, streaming or not', async () => {
    const json = '{ "id":"x",  "choices":[{"index":0,"message":{"role":"assistant","content":"héllo\\u00e9 日本"},"finish_reason":"stop"}] }\n';
    const events = ': keep-alive comment\r\n\r\nevent: message\ndata: {"choices":[{"index":0,"delta":{"content":"a"}}]}\n\ndata: [DONE]\n\n';
    const fixed = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        const streaming = request.headers.accept?.includes('text/event-stream');
        response.writeHead(200, { 'content-type': streaming ? 'text/event-stream' : 'application/json', 'x-request-id': 'req-123' });
        if (streaming) {
          response.write(events.slice(0, 7));
          setImmediate(() => response.end(events.slice(7)));
        } else {
          response.end(json);
        }
      });
    });
    await new Promise<void>((resolve) => fixed.listen(0, '127.0.0.1', resolve));
    try {
      const running = await gateway({ upstream: `http://127.0.0.1:${(fixed.address() as AddressInfo).port}/v1` });
      const body = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: japanQuestion }] });
      const plain = await fetch(`${running.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      assert.equal(plain.headers.get('x-request-id'), 'req-123');
      assert.equal(Buffer.from(await plain.arrayBuffer()).toString('utf8'), json);
      const streamed = await fetch(`${running.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body,
      });
      assert.equal(streamed.headers.get('content-type'), 'text/event-stream');
      assert.equal(await streamed.text(), events);
    } finally {
      await new Promise<void>((resolve) => fixed.close(() => resolve()));
    }
  });
});
