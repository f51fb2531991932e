import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { startOpenAITestServer } from '../../test/fixtures/openai-test-server.js';
import { discoverLocalServers } from './discover-local-servers.js';

/** A port on 127.0.0.1 with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('finds an OpenAI-compatible server with its models and skips ports where nothing answers', async () => {
  const server = await startOpenAITestServer({ models: ['qwen-test', 'llama-test'] });
  try {
    const found = await discoverLocalServers({
      servers: [
        { name: 'nothing here', port: await closedPort() },
        { name: 'test server', port: server.port },
      ],
    });
    assert.deepEqual(found, [{ name: 'test server', baseUrl: `http://127.0.0.1:${server.port}/v1`, models: ['qwen-test', 'llama-test'] }]);
  } finally {
    await server.close();
  }
});
