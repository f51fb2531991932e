import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { loadBuiltinSample } from '../../src/datasets/builtin/builtin-sample.js';
import { startGateway, type RunningGateway } from '../../src/grounding/gateway/gateway.js';
import { buildKnowledgeBase, type KnowledgeBase } from '../../src/grounding/knowledge-base.js';
import { browserSkip, launchChromium } from '../fixtures/launch-chromium.js';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';

const UPSTREAM_KEY = 'sk-upstream-secret-0123456789';
let kb: KnowledgeBase;
let upstream: OpenAITestServer;
const gateways: RunningGateway[] = [];

before(async () => {
  kb = await buildKnowledgeBase(loadBuiltinSample().descriptions);
  upstream = await startOpenAITestServer({ apiKey: UPSTREAM_KEY });
});
after(async () => {
  for (const gateway of gateways) await gateway.close();
  await upstream.close();
});

async function gateway(options: { cors?: string[]; upstream?: string } = {}): Promise<RunningGateway> {
  const running = await startGateway({
    upstream: options.upstream ?? upstream.url,
    knowledgeBase: kb,
    port: 0,
    upstreamApiKey: UPSTREAM_KEY,
    cors: options.cors,
  });
  gateways.push(running);
  return running;
}

const chatBody = JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: 'What is Obon in Japan?' }] });

describe('the gateway and other web origins', () => {
  it('refuses requests from other origins (Origin null included) before they reach the upstream; preflights are not forwarded', async () => {
    const running = await gateway();
    const before = upstream.requests.total;
    for (const origin of ['http://127.0.0.1:9999', 'null', 'https://evil.example']) {
      const response = await fetch(`${running.url}/chat/completions`, { method: 'POST', headers: { origin, 'content-type': 'text/plain' }, body: chatBody });
      assert.equal(response.status, 403, origin);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'origin_not_allowed');
    }
    const preflight = await fetch(`${running.url}/chat/completions`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:9999', 'access-control-request-method': 'POST' },
    });
    assert.equal(preflight.status, 403);
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    assert.equal(upstream.requests.total, before, 'nothing reached the upstream');
    // A client without Origin (the openai library, curl) goes through.
    const plain = await fetch(`${running.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody });
    assert.equal(plain.status, 200);
  });

  it("--cors <origin> lets that origin in, with CORS headers the gateway writes itself (the upstream's are dropped)", async () => {
    const permissive: Server = createServer((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'access-control-allow-credentials': 'true' });
      response.end(JSON.stringify({ object: 'list', data: [] }));
    });
    await new Promise<void>((resolve) => permissive.listen(0, '127.0.0.1', resolve));
    try {
      const running = await gateway({ cors: ['https://app.example.com'], upstream: `http://127.0.0.1:${(permissive.address() as { port: number }).port}/v1` });
      const allowed = await fetch(`${running.url}/models`, { headers: { origin: 'https://app.example.com' } });
      assert.equal(allowed.status, 200);
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://app.example.com');
      assert.equal(allowed.headers.get('access-control-allow-credentials'), null);
      const preflight = await fetch(`${running.url}/chat/completions`, {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://app.example.com');
      const direct = await fetch(`${running.url}/models`);
      assert.equal(direct.headers.get('access-control-allow-origin'), null, "the upstream's * is not passed on");
    } finally {
      await new Promise((resolve) => permissive.close(resolve));
    }
  });

  it('/health and error bodies name neither the upstream address nor its key', async () => {
    const dead = await startOpenAITestServer();
    const deadUrl = dead.url;
    await dead.close();
    const running = await gateway({ upstream: deadUrl });
    const health = await (await fetch(running.url.replace(/\/v1$/, '/health'))).text();
    const failed = await fetch(`${running.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody });
    assert.equal(failed.status, 502);
    const error = await failed.text();
    const port = new URL(deadUrl).port;
    for (const text of [health, error]) {
      assert.ok(!text.includes(port) && !text.includes(deadUrl) && !text.includes(UPSTREAM_KEY), text);
    }
    assert.match(error, /the upstream could not be reached \(ECONNREFUSED\)/);
  });
});

describe('a web page of another origin cannot spend the upstream key, in Chromium', { skip: browserSkip() }, () => {
  let browser: Browser;
  let attacker: Server;
  let attackerUrl: string;
  let page = '';
  before(async () => {
    browser = await launchChromium();
    attacker = createServer((request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(page));
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as { port: number }).port}/`;
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker?.close(resolve));
  });

  it('no-cors and CORS fetches from another local port reach nothing upstream', async () => {
    const running = await gateway();
    const target = `${running.url}/chat/completions`;
    page = `<!doctype html><script>
      window.results = [];
      fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(chatBody)} })
        .then(() => results.push('no-cors sent'), (error) => results.push('no-cors failed'));
      fetch(${JSON.stringify(target)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: ${JSON.stringify(chatBody)} })
        .then((response) => response.text().then((text) => results.push('cors read ' + text)), () => results.push('cors failed'));
      fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', referrerPolicy: 'no-referrer', headers: { 'content-type': 'text/plain' }, body: ${JSON.stringify(chatBody)} })
        .then(() => results.push('null sent'), () => results.push('null failed'));
    </script>`;
    const before = upstream.requests.byPath['/v1/chat/completions'] ?? 0;
    const tab = await browser.newPage();
    await tab.goto(attackerUrl);
    await tab.waitForFunction('window.results.length === 3', undefined, { timeout: 10_000 });
    const results = (await tab.evaluate('window.results')) as string[];
    assert.ok(results.includes('cors failed'), results.join(' | '));
    assert.equal(upstream.requests.byPath['/v1/chat/completions'] ?? 0, before, 'no request reached the upstream');
    await tab.close();
  });
});

describe('culturekit serve --api-key-file', () => {
  it('reads the key from a file, and warns that --api-key on the command line shows in ps', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ck-serve-key-'));
    const open = await startOpenAITestServer();
    const keyFile = join(directory, 'key');
    writeFileSync(keyFile, 'from-a-file\n');
    const main = new URL('../../src/cli/main.ts', import.meta.url).pathname;
    const child = spawn(
      process.execPath,
      [
        '--import',
        import.meta.resolve('tsx'),
        main,
        'serve',
        '--upstream',
        open.url,
        '--kb',
        'builtin:sample',
        '--port',
        '0',
        '--api-key-file',
        keyFile,
        '--db',
        join(directory, 'db'),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CULTUREKIT_GATEWAY_API_KEY: '', CULTUREKIT_UPSTREAM_API_KEY: '' } },
    );
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk) => {
        stdout += chunk;
        const match = /listening (http:\S+\/v1)/.exec(stdout);
        if (match) resolve(match[1]);
      });
      child.on('close', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    try {
      assert.equal((await fetch(`${url}/models`)).status, 401);
      const withKey = await fetch(`${url}/chat/completions`, {
        method: 'POST',
        headers: { authorization: 'Bearer from-a-file', 'content-type': 'application/json' },
        body: chatBody,
      });
      assert.equal(withKey.status, 200);
      assert.doesNotMatch(stderr, /visible to other users/);
    } finally {
      await open.close();
      const exit = new Promise((resolve) => child.on('close', resolve));
      child.kill('SIGTERM');
      await exit;
    }
  });
});
