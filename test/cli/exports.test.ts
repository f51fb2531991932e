import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parquetReadObjects } from 'hyparquet';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';
import { runCli, writeMcqDataset } from '../eval/helpers.js';

let server: OpenAITestServer;
let collector: http.Server;
let collectorUrl: string;
const received: {
  path: string;
  body: {
    resourceSpans: {
      scopeSpans: {
        spans: { name: string; parentSpanId?: string; kind: number; attributes: { key: string; value: Record<string, unknown> }[]; status: { code: number } }[];
      }[];
    }[];
  };
}[] = [];

before(async () => {
  server = await startOpenAITestServer({ logRequests: false });
  collector = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', body: JSON.parse(body) });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
});
after(async () => {
  await server.close();
  await new Promise((resolve) => collector.close(resolve));
});

const readParquet = async (path: string) => {
  const file = readFileSync(path);
  return parquetReadObjects({ file: file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer });
};

test('an OTLP endpoint gets one GenAI span per model call under a root span; without one nothing is sent; export writes Parquet', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'ck-exports-'));
  writeMcqDataset(join(directory, 'items.jsonl'), 12);
  const base = ['eval', '--dataset', 'items.jsonl', '--model', 'openai:test-model', '--base-url', server.url, '--quiet', '--no-cache'];

  const quiet = await runCli([...base, '--out', 'runs/plain'], { cwd: directory });
  assert.equal(quiet.code, 0, quiet.stderr);
  assert.equal(received.length, 0, 'nothing leaves the machine without an endpoint');

  writeFileSync(join(directory, 'culturekit.config.yaml'), `otlpEndpoint: ${collectorUrl}\n`);
  server.requests.clear();
  const traced = await runCli([...base, '--out', 'runs/traced'], { cwd: directory });
  assert.equal(traced.code, 0, traced.stderr);
  assert.ok(received.length >= 1);
  assert.ok(received.every((request) => request.path === '/v1/traces'));
  const spans = received.flatMap((request) => request.body.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans)));
  const calls = spans.filter((span) => span.kind === 3);
  const root = spans.filter((span) => span.kind === 1);
  assert.equal(root.length, 1);
  assert.equal(calls.length, server.requests.byPath['/v1/chat/completions']);
  const value = (span: (typeof calls)[number], key: string) => span.attributes.find((entry) => entry.key === key)?.value;
  const rows = readFileSync(join(directory, 'runs', 'traced', 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(
    calls.reduce((sum, span) => sum + Number(value(span, 'gen_ai.usage.input_tokens')?.intValue), 0),
    rows.reduce((sum, row) => sum + row.usage.inputTokens, 0),
  );
  for (const span of calls) {
    assert.equal(span.name, 'chat test-model');
    assert.deepEqual(value(span, 'gen_ai.operation.name'), { stringValue: 'chat' });
    assert.deepEqual(value(span, 'gen_ai.provider.name'), { stringValue: 'openai' });
    assert.deepEqual(value(span, 'gen_ai.request.model'), { stringValue: 'test-model' });
    assert.equal(span.parentSpanId !== undefined, true);
    assert.equal(span.status.code, 1);
  }

  const exported = await runCli(['export', 'runs/traced', '--out', 'exports'], { cwd: directory });
  assert.equal(exported.code, 0, exported.stderr);
  const results = await readParquet(join(directory, 'exports', 'results.parquet'));
  assert.equal(results.length, 12);
  const byId = new Map(rows.map((row) => [row.itemId, row]));
  for (const record of results) {
    const row = byId.get(record.item_id as string);
    assert.equal(record.response, row.response);
    assert.equal(record.metric_accuracy, row.metrics.accuracy ?? null);
    assert.equal(record.country, row.country);
    assert.equal(record.input_tokens, row.usage.inputTokens);
  }
  const summary = await readParquet(join(directory, 'exports', 'summary.parquet'));
  const overall = summary.find((record) => record.metric === 'accuracy' && record.group_by === 'overall');
  const json = JSON.parse(readFileSync(join(directory, 'runs', 'traced', 'summary.json'), 'utf8'));
  assert.equal(overall?.mean, json.groups[0].metrics.accuracy.overall.mean);
  assert.equal(summary.filter((record) => record.metric === 'accuracy' && record.group_by === 'country').length, 6);
});
