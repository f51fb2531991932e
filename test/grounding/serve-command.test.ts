import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';

const main = new URL('../../src/cli/main.ts', import.meta.url).pathname;

function spawnCli(args: string[]) {
  return spawn(process.execPath, ['--import', import.meta.resolve('tsx'), main, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_LLAMA_CPP_SKIP_DOWNLOAD: 'true', CULTUREKIT_GATEWAY_API_KEY: '', CULTUREKIT_UPSTREAM_API_KEY: '' },
  });
}

describe('culturekit serve', () => {
  let directory: string;
  let upstream: OpenAITestServer;
  before(async () => {
    directory = mkdtempSync(join(tmpdir(), 'culturekit-serve-'));
    upstream = await startOpenAITestServer();
  });
  after(async () => {
    await upstream.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('serves a grounding gateway until it is stopped', async () => {
    const child = spawnCli(['serve', '--upstream', upstream.url, '--kb', 'builtin:sample', '--port', '0', '--k', '2', '--db', join(directory, 'store.db')]);
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk) => {
        stdout += chunk;
        const match = /listening (http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(stdout);
        if (match) resolve(match[1]);
      });
      child.on('close', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    const response = await fetch(`${url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'test-model', messages: [{ role: 'user', content: 'What is Obon in Japan? [cli1]' }] }),
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-culturekit-grounding-ids')?.split(',')[0], 'jp-festivals-1');
    assert.equal(response.headers.get('x-culturekit-grounding-ids')?.split(',').length, 2);
    const seen = upstream.requests.log.at(-1)!.body as { messages: { content: string }[] };
    assert.ok(seen.messages[0].content.startsWith('Cultural knowledge:\n1. Obon'));
    const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
    assert.match(stderr, /culturekit gateway: 144 descriptions from builtin:sample, grounding retrieved with k=2/);
  });

  it('rejects a bad template and a knowledge base without descriptions (exit 2)', async () => {
    const itemsOnly = join(directory, 'items.jsonl');
    writeFileSync(itemsOnly, `${JSON.stringify({ id: 'q1', kind: 'safety', format: 'open', prompt: 'Hi', language: 'en' })}\n`);
    for (const [args, message] of [
      [['--kb', 'builtin:sample', '--template', 'grounding-retreived@1'], /neither a built-in id/],
      [['--kb', itemsOnly], /has no cultural descriptions/],
    ] as const) {
      const child = spawnCli(['serve', '--upstream', upstream.url, '--port', '0', '--db', join(directory, 'store.db'), ...args]);
      let stderr = '';
      child.stderr!.on('data', (chunk) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(code, 2, stderr);
      assert.match(stderr, message);
    }
  });
});
