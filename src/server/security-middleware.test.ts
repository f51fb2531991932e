import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { BASE_SECURITY_HEADERS, securityMiddleware } from './security-middleware.js';
import { startLocalServer } from './start-local-server.js';

function app(options: Partial<Parameters<typeof securityMiddleware>[0]> = {}): Hono {
  const hono = new Hono();
  hono.use(
    '*',
    securityMiddleware({ name: 'test app', maxBodyBytes: 16, sameOrigin: true, headers: () => ({ ...BASE_SECURITY_HEADERS, 'X-Extra': 'yes' }), ...options }),
  );
  hono.get('/', (c) => c.text('page'));
  hono.post('/save', async (c) => c.text(`saved ${(await c.req.text()).length}`));
  return hono;
}

test('a foreign Host is refused (DNS rebinding); local names, the bound host and requests without Host pass', async () => {
  const guarded = app({ allowedHosts: ['192.168.1.5'] });
  const foreign = await guarded.request('/', { headers: { host: 'attacker.example:4173' } });
  assert.equal(foreign.status, 403);
  assert.equal(await foreign.text(), 'test app does not answer to host attacker.example:4173');
  for (const host of ['localhost:4173', '127.0.0.1', '[::1]:80', 'LOCALHOST', '192.168.1.5:4173']) {
    assert.equal((await guarded.request('/', { headers: { host } })).status, 200, host);
  }
  assert.equal((await guarded.request('/')).status, 200);
  assert.equal((await app({ allowedHosts: ['*'] }).request('/', { headers: { host: 'anything.example' } })).status, 200);
});

test('a state-changing request from another origin is refused; same origin, no Origin, and reads pass', async () => {
  const hono = app();
  const post = (origin?: string) => hono.request('/save', { method: 'POST', body: 'x', headers: { host: '127.0.0.1:4174', ...(origin ? { origin } : {}) } });
  assert.equal((await post('http://attacker.example')).status, 403);
  assert.equal((await post('not a url')).status, 403);
  assert.equal((await post('http://127.0.0.1:4174')).status, 200);
  assert.equal((await post()).status, 200);
  assert.equal((await hono.request('/', { headers: { host: '127.0.0.1:4174', origin: 'http://attacker.example' } })).status, 200);
  assert.equal(
    (await app({ sameOrigin: false }).request('/save', { method: 'POST', body: 'x', headers: { host: '127.0.0.1', origin: 'http://other.example' } })).status,
    200,
  );
});

test('every answer carries the security headers; a refusal can be shaped by the app', async () => {
  const response = await app().request('/');
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.equal(response.headers.get('x-extra'), 'yes');
  const shaped = await app({ refuse: (c, status, message) => c.json({ error: message }, status) }).request('/', { headers: { host: 'evil.example' } });
  assert.deepEqual([shaped.status, await shaped.json()], [403, { error: 'test app does not answer to host evil.example' }]);
});

test('an oversize body is refused with 413, declared or streamed; one at the limit passes', async () => {
  const hono = app();
  const declared = await hono.request('/save', { method: 'POST', body: 'x'.repeat(17) });
  assert.equal(declared.status, 413);
  assert.equal(await declared.text(), 'test app: the request body is larger than 16 bytes');
  assert.equal(declared.headers.get('connection'), 'close', 'the unread body is not taken for the next request');
  assert.equal(await (await hono.request('/save', { method: 'POST', body: 'x'.repeat(16) })).text(), 'saved 16');
  const server = await startLocalServer(hono.fetch, { host: '127.0.0.1', port: 0 });
  try {
    const stream = (size: number) =>
      new ReadableStream({
        start(controller) {
          for (let sent = 0; sent < size; sent += 8) controller.enqueue(new TextEncoder().encode('x'.repeat(Math.min(8, size - sent))));
          controller.close();
        },
      });
    const chunked = await fetch(new URL('/save', server.url), { method: 'POST', body: stream(40), duplex: 'half' } as RequestInit);
    assert.equal(chunked.status, 413);
    const small = await fetch(new URL('/save', server.url), { method: 'POST', body: stream(12), duplex: 'half' } as RequestInit);
    assert.equal(await small.text(), 'saved 12');
  } finally {
    await server.close();
  }
});
