import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { test } from 'node:test';
import { InputError } from '../errors/culturekit-error.js';
import { listenError } from './listen-error.js';
import { startLocalServer } from './start-local-server.js';

const hello = () => new Response('hello');

test('a port in use: startLocalServer rejects with an InputError that names the port and the way out', async () => {
  const busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  const port = (busy.address() as AddressInfo).port;
  try {
    await assert.rejects(startLocalServer(hello, { host: '127.0.0.1', port }), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.equal(error.message, `port ${port} on 127.0.0.1 is in use: pass another --port (or --port 0)`);
      assert.equal((error.cause as NodeJS.ErrnoException).code, 'EADDRINUSE');
      return true;
    });
  } finally {
    await new Promise((resolve) => busy.close(resolve));
  }
});

test('a host that is not an address of this machine is named', async () => {
  await assert.rejects(startLocalServer(hello, { host: '192.0.2.1', port: 0 }), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.match(error.message, /^cannot bind 192\.0\.2\.1 \(port 0\): it is not an address of this machine/);
    return true;
  });
});

test('EACCES asks for another port; unknown codes keep code and message; the cause is kept', () => {
  const denied = Object.assign(new Error('listen EACCES: permission denied 0.0.0.0:80'), { code: 'EACCES' });
  const mapped = listenError(denied, '0.0.0.0', 80);
  assert.ok(mapped instanceof InputError);
  assert.equal(mapped.message, 'no permission to listen on port 80 of 0.0.0.0 (ports below 1024 need privileges): pass another --port');
  assert.equal(mapped.cause, denied);
  const other = listenError(Object.assign(new Error('boom'), { code: 'EMFILE' }), '127.0.0.1', 9);
  assert.equal(other.message, 'cannot listen on 127.0.0.1:9 (EMFILE): boom');
});

test('a free port still starts and answers', async () => {
  const server = await startLocalServer(hello, { host: '127.0.0.1', port: 0 });
  try {
    assert.equal(await (await fetch(server.url)).text(), 'hello');
  } finally {
    await server.close();
  }
});
