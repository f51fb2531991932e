import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { deriveRecordStates } from '../../src/review/record-state.js';
import { openReviewStore, type ReviewStore } from '../../src/review/review-store.js';
import { startReviewServer, type ReviewServer } from '../../src/web/review/start-review-server.js';
import { runCli } from '../eval/helpers.js';
import { temporaryDirectory, writeLinkedDataset } from './review-fixture.js';

let directory: string;
let dbPath: string;
let adminToken: string;
let aliceToken: string;

const tokenIn = (text: string) => /(ckr_[A-Za-z0-9_-]{43})/.exec(text)?.[1];

before(async () => {
  ({ directory, dbPath } = temporaryDirectory());
  const guidelines = join(directory, 'guidelines.md');
  writeFileSync(guidelines, '# Shoes\nReject questions that give the answer away.\n');
  const missing = await runCli([
    'review',
    'create',
    '--name',
    'shoes',
    '--dataset',
    writeLinkedDataset(directory),
    '--guidelines',
    join(directory, 'nope.md'),
    '--db',
    dbPath,
  ]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--guidelines .*nope\.md: no such file/);
  const created = await runCli(['review', 'create', '--name', 'shoes', '--dataset', writeLinkedDataset(directory), '--guidelines', guidelines, '--db', dbPath]);
  assert.equal(created.code, 0, created.stderr);
  adminToken = tokenIn(created.stdout)!;
  aliceToken = tokenIn((await runCli(['review', 'add-annotator', '--project', 'shoes', '--name', 'alice', '--db', dbPath])).stdout)!;
});

function withServer(work: (server: ReviewServer, reviews: ReviewStore) => Promise<void>): () => Promise<void> {
  return async () => {
    const reviews = openReviewStore(dbPath);
    const server = await startReviewServer({ reviews, port: 0 });
    try {
      await work(server, reviews);
    } finally {
      await server.close();
      reviews.close();
    }
  };
}

async function post(server: ReviewServer, path: string, token: string, body: unknown = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(new URL(path, server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

test('guidelines are set at creation and replaced with culturekit review guidelines; the review page shows them as text', async () => {
  let reviews = openReviewStore(dbPath);
  assert.equal(reviews.guidelines(reviews.requireProject('shoes').id), '# Shoes\nReject questions that give the answer away.\n');
  reviews.close();
  const file = join(directory, 'v2.txt');
  writeFileSync(file, 'Version 2: <b>check the description</b>.');
  const replaced = await runCli(['review', 'guidelines', '--project', 'shoes', '--file', file, '--db', dbPath]);
  assert.equal(replaced.code, 0, replaced.stderr);
  assert.match(replaced.stdout, /set the guidelines of shoes/);
  reviews = openReviewStore(dbPath);
  assert.equal(reviews.guidelines(reviews.requireProject('shoes').id), 'Version 2: <b>check the description</b>.');
  reviews.close();
  await withServer(async (server) => {
    const page = await (await fetch(new URL('/review', server.url), { headers: { authorization: `Bearer ${aliceToken}` } })).text();
    assert.ok(page.includes('data-field="guidelines">Version 2: &lt;b&gt;check the description&lt;/b&gt;.</div>'));
  })();
});

test(
  'undo takes back the latest verdict (the one before it counts again); nothing left is a clear error; forms without the CSRF token are refused',
  withServer(async (server, reviews) => {
    const project = reviews.requireProject('shoes');
    const aliceReview = (key: string) =>
      deriveRecordStates(reviews.records(project.id), reviews.events(project.id), project.reviewsPerRecord)
        .find((state) => state.record.key === key)!
        .reviews.find((review) => review.actor === 'alice')?.decision;
    assert.equal((await post(server, '/api/reviews', aliceToken, { record: 'item:q1', decision: 'accept' })).status, 201);
    assert.equal((await post(server, '/api/reviews', aliceToken, { record: 'item:q1', decision: 'reject', reason: 'too easy' })).status, 201);
    assert.equal((await post(server, '/api/reviews', aliceToken, { record: 'item:q2', decision: 'accept' })).status, 201);
    const undone = await post(server, '/api/reviews/undo', aliceToken);
    assert.equal(undone.status, 200);
    assert.equal(undone.json.record, 'item:q2');
    assert.equal(aliceReview('item:q2'), undefined);
    assert.equal((await post(server, '/api/reviews/undo', aliceToken)).json.record, 'item:q1');
    assert.equal(aliceReview('item:q1'), 'accept', 'the earlier verdict counts again');
    assert.equal((await post(server, '/api/reviews/undo', aliceToken)).json.record, 'item:q1');
    assert.equal(aliceReview('item:q1'), undefined);
    const nothing = await post(server, '/api/reviews/undo', aliceToken);
    assert.equal(nothing.status, 400);
    assert.match(String(nothing.json.error), /nothing to undo/);
    assert.equal((await post(server, '/api/reviews/undo', adminToken)).status, 403, 'the admin undoes adjudications at /admin/undo');
    assert.equal(reviews.events(project.id).filter((event) => event.action === 'withdraw').length, 3, 'undo appends; nothing is deleted');

    const signIn = await fetch(new URL('/sign-in', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url.replace(/\/$/, '') },
      body: new URLSearchParams({ token: aliceToken }),
      redirect: 'manual',
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    const origin = server.url.replace(/\/$/, '');
    const noToken = await fetch(new URL('/review/undo', server.url), {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    assert.equal(noToken.status, 403);
    const elsewhere = await fetch(new URL('/review/undo', server.url), {
      method: 'POST',
      headers: { cookie, origin: 'https://attacker.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    assert.equal(elsewhere.status, 403);
  }),
);
