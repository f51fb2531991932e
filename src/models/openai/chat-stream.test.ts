import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChatStreamReader } from './chat-stream.js';

const events =
  'data: {"choices":[{"delta":{"role":"assistant","content":""}}]}\r\n\r\n' +
  ': keep-alive comment\n\n' +
  'data: {"choices":[{"delta":{"content":"Héllo"}}]}\n\n' +
  'data:{"choices":[{"delta":{"content":" wörld"},"finish_reason":null}]}\n\n' +
  'data: {"choices":[{"delta":{},"finish_reason":"stop"}]}\n\n' +
  'data: {"choices":[],"usage":{"prompt_tokens":5,"completion_tokens":2}}\n\n' +
  'data: [DONE]\n\n';

test('ChatStreamReader reads events split at any point', () => {
  for (let cut = 0; cut <= events.length; cut += 7) {
    const reader = new ChatStreamReader();
    reader.write(events.slice(0, cut));
    reader.write(events.slice(cut));
    reader.end();
    assert.equal(reader.text, 'Héllo wörld');
    assert.equal(reader.finishReason, 'stop');
    assert.deepEqual([reader.inputTokens, reader.outputTokens], [5, 2]);
    assert.equal(reader.done, true);
    assert.equal(reader.error, undefined);
  }
});

test('ChatStreamReader reports a stream without an end, bad JSON and error events', () => {
  const cut = new ChatStreamReader();
  cut.write('data: {"choices":[{"delta":{"content":"Hal"}}]}\n\n');
  cut.end();
  assert.equal(cut.finished, false);

  const broken = new ChatStreamReader();
  broken.write('data: {"choices":[\n\n');
  assert.equal(broken.error?.kind, 'malformed');

  const failed = new ChatStreamReader();
  failed.write('data: {"error":{"message":"out of memory"}}\n\n');
  assert.equal(failed.error?.kind, 'server');
  assert.match(failed.error?.message ?? '', /out of memory/);
});
