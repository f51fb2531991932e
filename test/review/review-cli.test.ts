import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, spawnCli } from '../eval/helpers.js';
import { temporaryDirectory, writeLinkedDataset } from './review-fixture.js';

const tokenIn = (text: string) => /(ckr_[A-Za-z0-9_-]{43})/.exec(text)?.[1];

test('culturekit review: create, add-annotator, serve (token required), export with its manifest', async () => {
  const { directory, dbPath } = temporaryDirectory();
  const datasetPath = writeLinkedDataset(directory);
  const created = await runCli(['review', 'create', '--name', 'shoes', '--dataset', datasetPath, '--reviews-per-record', '1', '--db', dbPath]);
  assert.equal(created.code, 0, created.stderr);
  assert.match(created.stdout, /1 descriptions and 3 items, 1 reviews per record/);
  const adminToken = tokenIn(created.stdout)!;
  assert.ok(adminToken);
  const again = await runCli(['review', 'create', '--name', 'shoes', '--dataset', datasetPath, '--db', dbPath]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /already exists/);

  const added = await runCli(['review', 'add-annotator', '--project', 'shoes', '--name', 'alice', '--db', dbPath]);
  assert.equal(added.code, 0, added.stderr);
  const aliceToken = tokenIn(added.stdout)!;
  assert.ok(aliceToken && aliceToken !== adminToken);
  assert.ok(!readFileSync(dbPath).includes(aliceToken), 'the token is not in the store file');
  const unknown = await runCli(['review', 'add-annotator', '--project', 'nope', '--name', 'bob', '--db', dbPath]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no review project "nope".*projects: shoes/);

  const child = spawnCli(['review', 'serve', '--port', '0', '--db', dbPath]);
  let stdout = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const match = /culturekit review: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
      if (match) resolve(match[1]);
    });
    child.on('close', (code) => reject(new Error(`serve exited with ${code}: ${stdout}`)));
  });
  try {
    assert.equal((await fetch(new URL('/api/queue', url))).status, 401);
    const queue = (await (await fetch(new URL('/api/queue', url), { headers: { authorization: `Bearer ${aliceToken}` } })).json()) as { progress: unknown };
    assert.deepEqual(queue.progress, { done: 0, total: 4 });
    for (const [record, decision, reason] of [
      ['description:d1', 'accept'],
      ['item:q1', 'accept'],
      ['item:q2', 'reject', 'gives the answer away'],
    ]) {
      const response = await fetch(new URL('/api/reviews', url), {
        method: 'POST',
        headers: { authorization: `Bearer ${aliceToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ record, decision, reason }),
      });
      assert.equal(response.status, 201);
    }
  } finally {
    const closed = new Promise((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    await closed;
  }
  assert.match(stdout, /stopped/);

  const out = join(directory, 'verified.jsonl');
  const exported = await runCli(['review', 'export', '--project', 'shoes', '--out', out, '--db', dbPath]);
  assert.equal(exported.code, 0, exported.stderr);
  assert.match(exported.stdout, /exported 2 of 4 records .*2 accepted, 0 edited, 1 rejected, 1 pending, 0 disputed/);
  const manifestPath = join(directory, 'verified.manifest.json');
  assert.ok(existsSync(manifestPath));
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  assert.equal(manifest.project, 'shoes');
  assert.deepEqual(manifest.annotators, [{ name: 'alice', reviews: 3 }]);
  assert.equal(readFileSync(out, 'utf8').trim().split('\n').length, 2);
});
