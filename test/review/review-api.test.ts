import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { loadDataset } from '../../src/benchmarks/load-dataset.js';
import { exportVerified } from '../../src/review/export-verified.js';
import { openReviewStore, type ReviewStore } from '../../src/review/review-store.js';
import { startReviewServer, type ReviewServer } from '../../src/web/review/start-review-server.js';
import { temporaryDirectory, writeItemsDataset, writeLinkedDataset } from './review-fixture.js';

let directory: string;
let dbPath: string;
let reviews: ReviewStore;
let server: ReviewServer;

before(async () => {
  ({ directory, dbPath } = temporaryDirectory());
  reviews = openReviewStore(dbPath);
  server = await startReviewServer({ reviews, port: 0 });
});
after(async () => {
  await server?.close();
  reviews?.close();
});

const close = (actual: number | null | undefined, expected: number) =>
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

async function call(path: string, token: string | undefined, body?: unknown): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(new URL(path, server.url), {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    /* a page */
  }
  return { status: response.status, json };
}

/** fetch cannot set Host; node:http can. */
function statusWithHost(path: string, token: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(path, server.url), { headers: { host, authorization: `Bearer ${token}` } }, (response) => {
      response.resume();
      resolve(response.statusCode!);
    });
    request.on('error', reject);
    request.end();
  });
}

test('no page or API answers without a valid token; roles are kept apart; tokens are stored only as hashes', async () => {
  const dataset = await loadDataset(writeLinkedDataset(directory));
  const { adminToken } = reviews.createProject({ name: 'locked', dataset, reviewsPerRecord: 2 });
  const { token } = reviews.addAnnotator('locked', 'alice');
  const pages = [
    '/',
    '/review',
    '/review?record=item:q1',
    '/admin',
    '/admin/adjudicate',
    '/api/me',
    '/api/queue',
    '/api/record?key=item:q1',
    '/api/admin/status',
    '/api/admin/agreement',
    '/api/admin/disputes',
    '/api/admin/events',
    '/nowhere',
  ];
  for (const path of pages) {
    for (const credential of [undefined, 'ckr_not-a-real-token', `${token}x`]) {
      const response = await call(path, credential);
      assert.equal(response.status, 401, `${path} with ${credential}`);
    }
  }
  for (const path of ['/review', '/api/reviews', '/admin/adjudicate', '/api/admin/adjudications', '/sign-out']) {
    assert.equal((await call(path, undefined, { record: 'item:q1', decision: 'accept' })).status, 401, `POST ${path}`);
  }
  const cookieOnly = await fetch(new URL('/api/me', server.url), { headers: { cookie: 'culturekit_review=forged' } });
  assert.equal(cookieOnly.status, 401);
  const unauthorizedPage = await fetch(new URL('/review', server.url));
  assert.match(unauthorizedPage.headers.get('content-security-policy')!, /^default-src 'none'; script-src 'nonce-[A-Za-z0-9+/=]+'; style-src 'unsafe-inline'/);
  assert.ok((await unauthorizedPage.text()).includes('name="token"'), 'a 401 page offers the sign-in form');

  assert.equal((await call('/api/me', token)).json.annotator, 'alice');
  assert.equal((await call('/api/admin/agreement', token)).status, 403, 'an annotator is not the admin');
  assert.equal((await call('/api/queue', adminToken)).status, 403, 'the admin adjudicates; it does not review');
  assert.equal((await call('/api/me', adminToken)).json.role, 'admin');
  const crossSite = await fetch(new URL('/api/reviews', server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin: 'http://attacker.example' },
    body: JSON.stringify({ record: 'item:q1', decision: 'accept' }),
  });
  assert.equal(crossSite.status, 403);
  assert.equal(await statusWithHost('/api/me', token, 'attacker.example'), 403, 'DNS rebinding: a foreign Host is refused');
  const oversize = await fetch(new URL('/api/reviews', server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ record: 'item:q1', decision: 'accept', reason: 'x'.repeat(2 * 1024 * 1024) }),
  });
  assert.equal(oversize.status, 413, 'a body over 1 MiB is refused');
  const page = await fetch(new URL('/review', server.url), { headers: { authorization: `Bearer ${token}` } });
  const nonce = /script-src 'nonce-([^']+)'/.exec(page.headers.get('content-security-policy') ?? '')?.[1];
  assert.ok(nonce && (await page.text()).includes(`<script nonce="${nonce}">`), 'the page script carries the nonce its CSP allows');
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');

  const raw = new Database(dbPath, { readonly: true });
  const dump = JSON.stringify([raw.prepare('SELECT * FROM review_annotators').all(), raw.prepare('SELECT * FROM review_projects').all()]);
  raw.close();
  assert.ok(!dump.includes(token) && !dump.includes(adminToken), 'no token is stored in clear');
});

test('bad verdicts are refused with 400: unknown record or decision, a rejection without reason, an edit that changes nothing or breaks the item', async () => {
  const { token } = reviews.addAnnotator('locked', 'bob');
  const refusals = [
    { record: 'item:none', decision: 'accept' },
    { record: 'item:q1', decision: 'maybe' },
    { record: 'item:q1', decision: 'reject' },
    { record: 'item:q1', decision: 'reject', reason: '   ' },
    { record: 'item:q1', decision: 'edit', fields: { prompt: 'Where do shoes come off in a Japanese home?' } },
    { record: 'item:q1', decision: 'edit', fields: { answer: 'Z' } },
    { record: 'item:q1', decision: 'edit', fields: { prompt: '' } },
  ];
  for (const body of refusals) assert.equal((await call('/api/reviews', token, body)).status, 400, JSON.stringify(body));
  const broken = await fetch(new URL('/api/reviews', server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{not json',
  });
  assert.equal(broken.status, 400);
  const locked = reviews.requireProject('locked');
  assert.equal(reviews.events(locked.id).length, 0);
});

test('20 annotators review concurrently over HTTP: every event counted once, retries not duplicated, κ and α as computed by hand', async () => {
  const dataset = await loadDataset(writeItemsDataset(directory, 10, 'crowd.jsonl'));
  const project = reviews.createProject({ name: 'crowd', dataset, reviewsPerRecord: 20 }).project;
  const annotators = Array.from({ length: 20 }, (_, index) => reviews.addAnnotator('crowd', `a${String(index).padStart(2, '0')}`));
  // Annotator i rejects record r when (i + r) mod 5 = 0 and accepts it otherwise; record 0 is sent twice (a retry).
  const requests: Promise<{ status: number; json: any }>[] = [];
  annotators.forEach(({ token }, annotator) => {
    for (let record = 0; record < 10; record++) {
      const reject = (annotator + record) % 5 === 0;
      const body = {
        record: `item:r${record}`,
        decision: reject ? 'reject' : 'accept',
        reason: reject ? `pattern ${annotator}/${record}` : undefined,
        clientEventId: `${annotator}-${record}`,
      };
      requests.push(call('/api/reviews', token, body));
      if (record === 0) requests.push(call('/api/reviews', token, body));
    }
  });
  const responses = await Promise.all(requests);
  assert.equal(responses.length, 220);
  assert.ok(
    responses.every((response) => response.status === 201 || response.status === 200),
    JSON.stringify(responses.find((response) => response.status >= 300)),
  );
  assert.equal(responses.filter((response) => response.status === 201).length, 200);
  assert.equal(responses.filter((response) => response.status === 200 && response.json.created === false).length, 20);

  const events = reviews.events(project.id);
  assert.equal(events.length, 200, 'no event lost, none duplicated');
  assert.equal(new Set(events.map((event) => `${event.actor}|${event.recordKey}`)).size, 200);
  assert.equal(new Set(events.map((event) => event.id)).size, 200);
  assert.equal(events.filter((event) => event.decision === 'reject').length, 40);

  const queue = await call('/api/queue', annotators[7].token);
  assert.deepEqual(queue.json.progress, { done: 10, total: 10 });
  assert.deepEqual(queue.json.records, []);

  const adminToken = reviews.createProject({ name: 'crowd-admin-probe', dataset, reviewsPerRecord: 1 }).adminToken;
  assert.equal((await call('/api/admin/agreement', adminToken)).json.decision.units, 0, "another project's admin sees only its own project");

  const manifest = exportVerified(reviews, { project: 'crowd', out: join(directory, 'crowd.jsonl.out.jsonl') }).manifest;
  // Per record: 16 accepts, 4 rejects among 20 values; n = 200 (160 accept, 40 reject).
  // Disagreement Σ = 10 units · (2·16·4)/19 = 1280/19; expected pairs = 2·160·40 = 12800; α = 1 − 199·(1280/19)/12800 = −9/190.
  close(manifest.agreement.decision.alpha, -9 / 190);
  const pair = (left: string, right: string) =>
    manifest.agreement.decision.pairs.find((candidate) => candidate.annotators[0] === left && candidate.annotators[1] === right)!;
  // a00 rejects r0, r5; a01 rejects r4, r9: po = 6/10, pe = 0.8² + 0.2² = 0.68, κ = (0.6 − 0.68)/0.32 = −0.25.
  close(pair('a00', 'a01').kappa, -0.25);
  close(pair('a00', 'a01').observedAgreement, 0.6);
  // a00 and a05 reject the same records: κ = 1.
  close(pair('a00', 'a05').kappa, 1);
  assert.equal(manifest.agreement.decision.pairs.length, 190);
  assert.equal(manifest.counts.disputed, 10);
  assert.equal(manifest.events, 200);
});

test('a designed pattern of 3 annotators: κ and α per decision and per field, both edits of one record kept, adjudication and export', async () => {
  const dataset = await loadDataset(writeItemsDataset(directory, 4, 'pattern.jsonl'));
  const { project, adminToken } = reviews.createProject({ name: 'pattern', dataset, reviewsPerRecord: 3 });
  const [a, b, c] = ['ann', 'ben', 'cat'].map((name) => reviews.addAnnotator('pattern', name).token);
  const fixed = { prompt: 'Question 1, reworded?' };
  const verdicts: [string, string, object][] = [
    [a, 'item:r0', { decision: 'accept' }],
    [b, 'item:r0', { decision: 'accept' }],
    [c, 'item:r0', { decision: 'edit', fields: { prompt: 'Question 0, clearer?' } }],
    [a, 'item:r1', { decision: 'edit', fields: fixed }],
    [b, 'item:r1', { decision: 'edit', fields: fixed }],
    [c, 'item:r1', { decision: 'edit', fields: { ...fixed, answer: 'B' } }],
    [a, 'item:r2', { decision: 'reject', reason: 'ambiguous' }],
    [b, 'item:r2', { decision: 'accept' }],
    [c, 'item:r2', { decision: 'accept' }],
    [a, 'item:r3', { decision: 'accept' }],
    [b, 'item:r3', { decision: 'reject', reason: 'wrong country' }],
    [c, 'item:r3', { decision: 'reject', reason: 'off topic' }],
  ];
  const results = await Promise.all(verdicts.map(([token, record, verdict]) => call('/api/reviews', token, { record, ...verdict })));
  assert.ok(results.every((result) => result.status === 201));

  const agreement = (await call('/api/admin/agreement', adminToken)).json;
  const kappa = (measure: any, left: string, right: string) => measure.pairs.find((pair: any) => pair.annotators.join() === `${left},${right}`)?.kappa;
  // Decisions: r0 [A,A,E] r1 [E,E,E] r2 [R,A,A] r3 [A,R,R]; n = 12 (5 A, 4 E, 3 R); D = 2+0+2+2 = 6; expected pairs = 132 − 20 − 12 − 6 = 94; α = 1 − 11·6/94.
  close(agreement.decision.alpha, 1 - 66 / 94);
  close(kappa(agreement.decision, 'ann', 'ben'), 0.2); // po 1/2, pe 3/8
  close(kappa(agreement.decision, 'ben', 'cat'), 7 / 11); // po 3/4, pe 5/16
  close(kappa(agreement.decision, 'ann', 'cat'), -1 / 11); // po 1/4, pe 5/16
  // prompt changed/unchanged without rejections: r0 [u,u,c] r1 [c,c,c] r2 [u,u] r3 [u]: n = 8 (4 u, 4 c), D = 2, expected 56 − 24 = 32, α = 1 − 7·2/32.
  close(agreement.fields.prompt.alpha, 1 - 14 / 32);
  assert.equal(agreement.fields.prompt.units, 3);
  close(kappa(agreement.fields.prompt, 'ann', 'ben'), 1);
  close(kappa(agreement.fields.prompt, 'ben', 'cat'), 0.4); // po 2/3, pe 4/9
  // answer: only cat changed it, on r1: n = 8 (7 u, 1 c), D = 2, expected 56 − 42 = 14, α = 0.
  close(agreement.fields.answer.alpha, 0);
  close(kappa(agreement.fields.answer, 'ben', 'cat'), 0);
  assert.equal(kappa(agreement.fields.answer, 'ann', 'ben'), null, 'undefined when both never change the field');

  const disputes = (await call('/api/admin/disputes', adminToken)).json;
  assert.deepEqual(
    disputes.map((dispute: any) => dispute.key),
    ['item:r0', 'item:r1', 'item:r2', 'item:r3'],
  );
  const r1 = disputes[1];
  assert.deepEqual(
    r1.reviews.map((review: any) => [review.actor, review.diff]),
    [
      ['ann', { prompt: { from: 'Question 1?', to: 'Question 1, reworded?' } }],
      ['ben', { prompt: { from: 'Question 1?', to: 'Question 1, reworded?' } }],
      ['cat', { prompt: { from: 'Question 1?', to: 'Question 1, reworded?' }, answer: { from: 'A', to: 'B' } }],
    ],
  );
  assert.equal((await call('/api/admin/adjudications', adminToken, { record: 'item:r0', decision: 'accept' })).status, 201);
  assert.equal(
    (await call('/api/admin/adjudications', adminToken, { record: 'item:r1', decision: 'edit', fields: { prompt: 'Question 1, reworded?', answer: 'C' } }))
      .status,
    201,
  );
  assert.equal((await call('/api/admin/adjudications', adminToken, { record: 'item:r2', decision: 'reject', reason: 'ambiguous after all' })).status, 201);
  assert.equal((await call('/api/reviews', adminToken, { record: 'item:r3', decision: 'accept' })).status, 403, 'the admin cannot pose as an annotator');

  const out = join(directory, 'pattern-verified.jsonl');
  const { manifest, manifestPath } = exportVerified(reviews, { project: 'pattern', out });
  assert.equal(manifestPath, join(directory, 'pattern-verified.manifest.json'));
  assert.deepEqual(JSON.parse(readFileSync(manifestPath, 'utf8')).counts, manifest.counts);
  assert.deepEqual(manifest.counts, { records: 4, pending: 0, disputed: 1, accepted: 1, edited: 1, rejected: 1, exported: 2 });
  assert.equal(manifest.adjudicated, 3);
  assert.equal(manifest.project, 'pattern');
  assert.equal(manifest.dataset.hash, dataset.hash);
  assert.deepEqual(manifest.annotators, [
    { name: 'ann', reviews: 4 },
    { name: 'ben', reviews: 4 },
    { name: 'cat', reviews: 4 },
  ]);
  const verified = await loadDataset(out);
  assert.deepEqual(
    verified.items.map((item) => [item.id, item.prompt, item.answer]),
    [
      ['r0', 'Question 0?', 'A'],
      ['r1', 'Question 1, reworded?', 'C'],
    ],
  );
  assert.equal(reviews.events(project.id).length, 15);
});

test("an undone review is not counted: the export counts each annotator's standing reviews", async () => {
  const dataset = await loadDataset(writeItemsDataset(directory, 3, 'undo.jsonl'));
  reviews.createProject({ name: 'undo', dataset, reviewsPerRecord: 1 });
  const token = reviews.addAnnotator('undo', 'dan').token;
  assert.equal((await call('/api/reviews', token, { record: 'item:r0', decision: 'accept' })).status, 201);
  assert.equal((await call('/api/reviews', token, { record: 'item:r1', decision: 'reject', reason: 'unclear' })).status, 201);
  assert.equal((await call('/api/reviews/undo', token, {})).status, 200);
  const { manifest } = exportVerified(reviews, { project: 'undo', out: join(directory, 'undo-verified.jsonl') });
  assert.deepEqual(manifest.annotators, [{ name: 'dan', reviews: 1 }]);
  assert.deepEqual(manifest.counts, { records: 3, pending: 2, disputed: 0, accepted: 1, edited: 0, rejected: 0, exported: 1 });
  assert.equal(manifest.events, 3, 'the log keeps the undone verdict and its withdrawal');
});

test('the event log is append-only: SQLite refuses updates and deletes', () => {
  const raw = new Database(dbPath);
  assert.throws(() => raw.prepare("UPDATE review_events SET decision = 'accept'").run(), /append-only/);
  assert.throws(() => raw.prepare('DELETE FROM review_events').run(), /append-only/);
  raw.close();
});
