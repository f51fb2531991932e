import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadDataset } from '../../src/benchmarks/load-dataset.js';
import { openReviewStore, type ReviewStore } from '../../src/review/review-store.js';
import { startReviewServer, type ReviewServer } from '../../src/web/review/start-review-server.js';
import { runCli } from '../eval/helpers.js';
import { temporaryDirectory, writeLinkedDataset } from './review-fixture.js';

let dbPath: string;
let reviews: ReviewStore;
let server: ReviewServer;
let aliceToken: string;

before(async () => {
  let directory: string;
  ({ directory, dbPath } = temporaryDirectory());
  reviews = openReviewStore(dbPath);
  reviews.createProject({ name: 'shoes', dataset: await loadDataset(writeLinkedDataset(directory)), reviewsPerRecord: 2 });
  aliceToken = reviews.addAnnotator('shoes', 'alice').token;
  server = await startReviewServer({ reviews, port: 0 });
});
after(async () => {
  await server?.close();
  reviews?.close();
});

async function post(path: string, token: string, body: unknown): Promise<{ status: number; json: { error?: string; created?: boolean } }> {
  const response = await fetch(new URL(path, server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as { error?: string } };
}

test('an edit field longer than the limit is refused, not stored', async () => {
  const huge = 'x'.repeat(100_000);
  const result = await post('/api/reviews', aliceToken, { record: 'item:q3', decision: 'edit', fields: { prompt: huge } });
  assert.equal(result.status, 400);
  assert.match(result.json.error ?? '', /field prompt: 100000 characters is more than the 20000 allowed/);
  const long = await post('/api/reviews', aliceToken, { record: 'item:q3', decision: 'accept', clientEventId: 'c'.repeat(300) });
  assert.equal(long.status, 400);
  assert.equal(reviews.events(reviews.getProject('shoes')!.id).length, 0);
});

test('a client event id reused on another record is an error, not a silent drop; a true retry is answered with the first event', async () => {
  const first = await post('/api/reviews', aliceToken, { record: 'item:q1', decision: 'accept', clientEventId: 'evt-1' });
  assert.equal(first.status, 201);
  const retry = await post('/api/reviews', aliceToken, { record: 'item:q1', decision: 'accept', clientEventId: 'evt-1' });
  assert.equal(retry.status, 200);
  assert.equal(retry.json.created, false);
  const reused = await post('/api/reviews', aliceToken, { record: 'item:q2', decision: 'accept', clientEventId: 'evt-1' });
  assert.equal(reused.status, 400);
  assert.match(reused.json.error ?? '', /client event id "evt-1" was already used for a accept of item:q1/);
});

test('names that imitate "admin" or another annotator are refused', () => {
  for (const name of ['ADMIN', '\u0430dmin', 'adm1n', '\uff41\uff44\uff4d\uff49\uff4e', 'ad.min']) {
    assert.throws(() => reviews.addAnnotator('shoes', name), /looks like "admin"/, name);
  }
  assert.throws(() => reviews.addAnnotator('shoes', '\u0430lice'), /looks like the annotator "alice"/);
  assert.throws(() => reviews.addAnnotator('shoes', 'ali\u200bce'), /use letters, digits/);
  assert.doesNotThrow(() => reviews.addAnnotator('shoes', 'administrator'));
});

test('culturekit review token --rotate and --revoke: the old token stops working at once', async () => {
  const bob = reviews.addAnnotator('shoes', 'bob').token;
  const me = (token: string) => fetch(new URL('/api/me', server.url), { headers: { authorization: `Bearer ${token}` } }).then((response) => response.status);
  assert.equal(await me(bob), 200);
  const rotated = await runCli(['review', 'token', '--project', 'shoes', '--name', 'bob', '--rotate', '--db', dbPath]);
  assert.equal(rotated.code, 0, rotated.stderr);
  const newToken = /(ckr_\S+)/.exec(rotated.stdout)![1];
  assert.equal(await me(bob), 401);
  assert.equal(await me(newToken), 200);
  const revoked = await runCli(['review', 'token', '--project', 'shoes', '--name', 'bob', '--revoke', '--db', dbPath]);
  assert.equal(revoked.code, 0, revoked.stderr);
  assert.equal(await me(newToken), 401);
  const unknown = await runCli(['review', 'token', '--project', 'shoes', '--name', 'nobody', '--rotate', '--db', dbPath]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /no annotator "nobody"/);
});
