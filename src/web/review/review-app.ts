import type { FieldDiff } from '../../review/review-record.js';
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { InputError } from '../../errors/culturekit-error.js';
import { lastDecision, recordDecision, withdrawLastDecision, type DecisionInput } from '../../review/record-decision.js';
import { annotatorQueue, countStatuses, deriveRecordStates, type RecordState } from '../../review/record-state.js';
import { reviewAgreement } from '../../review/review-agreement.js';
import { editableFields, type FieldValue, type ReviewRecord } from '../../review/review-record.js';
import type { ReviewIdentity, ReviewProject, ReviewStore } from '../../review/review-store.js';
import { BASE_SECURITY_HEADERS, securityMiddleware } from '../../server/security-middleware.js';
import { renderAdjudicationPage, renderAdminPage, renderMessagePage, renderReviewPage, renderSignInPage } from './review-pages.js';

export interface ReviewAppOptions {
  reviews: ReviewStore;
  /** Host names the app answers to (the `Host` header), against DNS rebinding; default `localhost`, `127.0.0.1`, `[::1]`; `*`: any. */
  allowedHosts?: readonly string[];
}

/** The session cookie: the token itself, HttpOnly and SameSite=Strict. */
export const REVIEW_COOKIE = 'culturekit_review';

/** Form posts and review JSON are small; a record edit stays far below this. */
const MAX_BODY_BYTES = 1024 * 1024;

/** How long a sign-in lasts (the cookie's Max-Age): a working day. */
export const SESSION_SECONDS = 12 * 60 * 60;

/** The session's CSRF token: derived from its secret token, so only a page the server rendered for that session has it. */
export function csrfToken(sessionToken: string): string {
  return createHash('sha256').update(`culturekit review csrf\0${sessionToken}`).digest('base64url');
}

function sameSecret(given: string, expected: string): boolean {
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Every POST form of a page, with the hidden CSRF field. */
function withCsrfFields(page: string, csrf: string): string {
  return page.replace(/<form\b[^>]*\bmethod="post"[^>]*>/gi, (form) => `${form}<input type="hidden" name="csrf" value="${csrf}">`);
}

type Env = { Variables: { nonce: string; identity: ReviewIdentity } };
type ReviewContext = Context<Env>;

function contentSecurityPolicy(nonce: string): string {
  return `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;
}

function bearerToken(c: ReviewContext): string | undefined {
  const header = c.req.header('authorization');
  const match = header && /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : undefined;
}

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

function formText(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}

/** Form fields `field_<name>` of a record's editable fields. */
function formFields(record: ReviewRecord | undefined, body: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!record) return fields;
  for (const field of editableFields[record.type]) {
    const value = formText(body, `field_${field}`);
    if (value !== undefined) fields[field] = value;
  }
  return fields;
}

/**
 * The review web app: annotators sign in with their token, work through a queue of records (accept, edit, reject with a
 * reason, keyboard shortcuts) and the admin sees agreement and adjudicates disagreements. Every page and API route
 * needs a valid token (the `culturekit_review` cookie set by `/sign-in`, or `Authorization: Bearer`), otherwise 401.
 * Pages carry a Content-Security-Policy that lets only their own nonce-tagged inline script run; dataset text is
 * escaped everywhere.
 *
 * @example
 * const app = createReviewApp({ reviews: openReviewStore('.culturekit/culturekit.db') });
 * const response = await app.request('/api/queue', { headers: { authorization: `Bearer ${token}` } });
 */
export function createReviewApp(options: ReviewAppOptions): Hono<Env> {
  const { reviews } = options;
  const app = new Hono<Env>();

  const states = (project: ReviewProject) => deriveRecordStates(reviews.records(project.id), reviews.events(project.id), project.reviewsPerRecord);
  const context = (project: ReviewProject, record: ReviewRecord) => {
    const description =
      record.type === 'item' && record.original.descriptionId ? reviews.getRecord(project.id, `description:${record.original.descriptionId}`) : undefined;
    const queries =
      record.type === 'description'
        ? reviews.records(project.id).filter((candidate) => candidate.type === 'item' && candidate.original.descriptionId === record.original.id)
        : [];
    return { description, queries };
  };

  app.use(
    '*',
    securityMiddleware<ReviewContext>({
      name: 'culturekit review',
      allowedHosts: options.allowedHosts,
      sameOrigin: true,
      // A browser's request (the cookie, or the sign-in form; not a bearer token) must say it comes from this app.
      requireOrigin: (c) => bearerToken(c) === undefined && (getCookie(c, REVIEW_COOKIE) !== undefined || c.req.path === '/sign-in'),
      maxBodyBytes: MAX_BODY_BYTES,
      // `same-origin`, not `no-referrer`: under `no-referrer` a browser sends `Origin: null` even on the app's own forms.
      headers: (c) => ({ 'Content-Security-Policy': contentSecurityPolicy(c.get('nonce')), ...BASE_SECURITY_HEADERS, 'Referrer-Policy': 'same-origin' }),
    }),
  );
  app.use('*', async (c, next) => {
    c.set('nonce', randomBytes(16).toString('base64'));
    await next();
  });

  app.get('/sign-in', (c) => c.html(renderSignInPage({ nonce: c.get('nonce') })));
  app.post('/sign-in', async (c) => {
    const body = await c.req.parseBody();
    const token = (formText(body, 'token') ?? '').trim();
    const identity = reviews.authenticate(token);
    if (!identity) return c.html(renderSignInPage({ nonce: c.get('nonce'), error: 'That token is not valid.' }), 401);
    setCookie(c, REVIEW_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: SESSION_SECONDS });
    return c.redirect(identity.role === 'admin' ? '/admin' : '/review', 303);
  });

  app.use('*', async (c, next) => {
    const token = bearerToken(c) ?? getCookie(c, REVIEW_COOKIE);
    const identity = token ? reviews.authenticate(token) : undefined;
    if (!identity || !token) {
      if (isApi(c.req.path)) return c.json({ error: 'a valid review token is required (Authorization: Bearer <token>)' }, 401);
      return c.html(renderSignInPage({ nonce: c.get('nonce'), error: token ? 'Your token is no longer valid: sign in again.' : undefined }), 401);
    }
    c.set('identity', identity);
    // A request that the cookie signed in (not a bearer token) and that changes state must carry the session's CSRF
    // token: the hidden `csrf` field every form gets below, or an `X-CSRF-Token` header.
    const fromCookie = bearerToken(c) === undefined;
    const csrf = csrfToken(token);
    if (fromCookie && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const type = c.req.header('content-type') ?? '';
      const given =
        c.req.header('x-csrf-token') ??
        (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')
          ? formText(await c.req.parseBody(), 'csrf')
          : undefined);
      if (!given || !sameSecret(given, csrf)) {
        const message = "this request lacks the page's CSRF token: reload the page and try again";
        return isApi(c.req.path) ? c.json({ error: message }, 403) : c.html(renderMessagePage({ nonce: c.get('nonce'), title: 'Refused', message }), 403);
      }
    }
    await next();
    if (fromCookie && c.res.headers.get('content-type')?.startsWith('text/html')) {
      const page = await c.res.text();
      c.res = new Response(withCsrfFields(page, csrf), { status: c.res.status, headers: c.res.headers });
    }
  });

  const requireRole = (role: ReviewIdentity['role']) => async (c: ReviewContext, next: () => Promise<void>) => {
    if (c.get('identity').role !== role) {
      const message = role === 'admin' ? 'this needs the admin token' : 'this is for annotators: the admin adjudicates at /admin';
      if (isApi(c.req.path)) return c.json({ error: message }, 403);
      return c.html(renderMessagePage({ nonce: c.get('nonce'), title: 'Not allowed', message }), 403);
    }
    await next();
  };
  for (const path of ['/review', '/review/*', '/api/queue', '/api/reviews', '/api/reviews/*']) app.use(path, requireRole('annotator'));
  for (const path of ['/admin', '/admin/*', '/api/admin/*']) app.use(path, requireRole('admin'));

  app.post('/sign-out', (c) => {
    deleteCookie(c, REVIEW_COOKIE, { path: '/' });
    return c.redirect('/sign-in', 303);
  });
  app.get('/', (c) => c.redirect(c.get('identity').role === 'admin' ? '/admin' : '/review', 303));

  const annotatorOf = (c: ReviewContext) => {
    const identity = c.get('identity');
    if (identity.role !== 'annotator') throw new Error('not an annotator');
    return identity;
  };

  function renderReview(c: ReviewContext, key: string | undefined, extra: { error?: string; values?: Record<string, FieldValue> } = {}) {
    const { project, annotator } = annotatorOf(c);
    const all = states(project);
    const work = annotatorQueue(all, annotator.name, project.reviewsPerRecord);
    const state: RecordState | undefined = key ? all.find((candidate) => candidate.record.key === key) : work.queue[0];
    if (key && !state)
      return c.html(renderMessagePage({ nonce: c.get('nonce'), title: 'Not found', message: `No record "${key}" in this project.`, who: annotator.name }), 404);
    const list = state && !work.all.includes(state) ? [...work.all, state].sort((left, right) => left.record.position - right.record.position) : work.all;
    const index = state ? list.indexOf(state) : -1;
    const linked = state ? context(project, state.record) : { description: undefined, queries: [] };
    // Skipping leaves the record in the queue: the next queued record after it (or the first, wrapping round).
    const others = work.queue.filter((candidate) => candidate !== state);
    const skip = state ? (others.find((candidate) => candidate.record.position > state.record.position) ?? others[0]) : undefined;
    const page = renderReviewPage({
      nonce: c.get('nonce'),
      project,
      annotator: annotator.name,
      progress: { done: work.done.length, total: work.done.length + work.queue.length },
      state,
      ...linked,
      previousKey: index > 0 ? list[index - 1].record.key : undefined,
      nextKey: index >= 0 && index < list.length - 1 ? list[index + 1].record.key : undefined,
      skipKey: skip?.record.key,
      lastDecision: lastDecision(reviews, c.get('identity')),
      guidelines: reviews.guidelines(project.id),
      ...extra,
    });
    return c.html(page, extra.error ? 400 : 200);
  }

  app.get('/review', (c) => renderReview(c, c.req.query('record') || undefined));
  app.post('/review', async (c) => {
    const identity = annotatorOf(c);
    const body = await c.req.parseBody();
    const key = formText(body, 'record') ?? '';
    const record = reviews.getRecord(identity.project.id, key);
    const fields = formFields(record, body);
    try {
      recordDecision(reviews, identity, { record: key, decision: formText(body, 'decision') ?? '', reason: formText(body, 'reason'), fields });
    } catch (error) {
      if (!(error instanceof InputError) || !record) throw error;
      return renderReview(c, key, { error: error.message, values: formText(body, 'decision') === 'edit' ? fields : undefined });
    }
    const work = annotatorQueue(states(identity.project), identity.annotator.name, identity.project.reviewsPerRecord);
    const next = work.queue.find((state) => state.record.position > record!.position) ?? work.queue[0];
    return c.redirect(next ? `/review?${new URLSearchParams({ record: next.record.key })}` : '/review', 303);
  });

  // Undo: the annotator's latest verdict is taken back (an appended `withdraw` event) and its record shown again.
  app.post('/review/undo', (c) => {
    try {
      const { record } = withdrawLastDecision(reviews, c.get('identity'));
      return c.redirect(`/review?${new URLSearchParams({ record })}`, 303);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return renderReview(c, undefined, { error: error.message });
    }
  });
  app.post('/api/reviews/undo', (c) => c.json(withdrawLastDecision(reviews, c.get('identity'))));

  const recordJson = (project: ReviewProject, record: ReviewRecord) => {
    const { description, queries } = context(project, record);
    return { key: record.key, type: record.type, original: record.original, description: description?.original, queries: queries.map((query) => query.key) };
  };

  app.get('/api/me', (c) => {
    const identity = c.get('identity');
    return c.json({ role: identity.role, project: identity.project, annotator: identity.role === 'annotator' ? identity.annotator.name : undefined });
  });

  app.get('/api/queue', (c) => {
    const { project, annotator } = annotatorOf(c);
    const work = annotatorQueue(states(project), annotator.name, project.reviewsPerRecord);
    const limit = Math.min(Math.max(Number(c.req.query('limit') ?? 20) || 20, 1), 1000);
    return c.json({
      progress: { done: work.done.length, total: work.done.length + work.queue.length },
      records: work.queue.slice(0, limit).map((state) => recordJson(project, state.record)),
    });
  });

  app.get('/api/record', (c) => {
    const identity = c.get('identity');
    const record = reviews.getRecord(identity.project.id, c.req.query('key') ?? '');
    if (!record) return c.json({ error: `no record "${c.req.query('key') ?? ''}" in this project` }, 404);
    const state = deriveRecordStates([record], reviews.events(identity.project.id), identity.project.reviewsPerRecord)[0];
    const visible = identity.role === 'admin' ? state.reviews : state.reviews.filter((review) => review.actor === identity.annotator.name);
    return c.json({ ...recordJson(identity.project, record), status: identity.role === 'admin' ? state.status : undefined, reviews: visible });
  });

  const decisionBody = async (c: ReviewContext): Promise<DecisionInput> => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new InputError('the body must be JSON: { "record", "decision", "fields"?, "reason"?, "clientEventId"? }');
    }
    if (!body || typeof body !== 'object') throw new InputError('the body must be a JSON object');
    const { record, decision, fields, reason, clientEventId } = body as Record<string, unknown>;
    return {
      record: String(record ?? ''),
      decision: String(decision ?? ''),
      fields: fields as Record<string, unknown> | undefined,
      reason: reason as string | undefined,
      clientEventId: clientEventId as string | undefined,
    };
  };

  app.post('/api/reviews', async (c) => {
    const { event, created } = recordDecision(reviews, c.get('identity'), await decisionBody(c));
    return c.json({ event, created }, created ? 201 : 200);
  });

  app.get('/admin', (c) => {
    const { project } = c.get('identity');
    const all = states(project);
    const annotators = reviews.listAnnotators(project.id).map((annotator) => {
      const work = annotatorQueue(all, annotator.name, project.reviewsPerRecord);
      return { name: annotator.name, reviewed: work.done.length, queue: work.queue.length };
    });
    return c.html(
      renderAdminPage({
        nonce: c.get('nonce'),
        project,
        counts: countStatuses(all),
        records: all.length,
        events: reviews.events(project.id).length,
        annotators,
        agreement: reviewAgreement(all),
      }),
    );
  });

  const disputes = (project: ReviewProject) =>
    states(project)
      .filter((state) => state.status === 'disputed')
      .map((state) => ({ state, ...context(project, state.record) }));

  const adjudicationPage = (c: ReviewContext, error?: string) => {
    const identity = c.get('identity');
    const { project } = identity;
    const page = renderAdjudicationPage({
      nonce: c.get('nonce'),
      project,
      disputes: disputes(project),
      error,
      guidelines: reviews.guidelines(project.id),
      lastDecision: lastDecision(reviews, identity),
    });
    return c.html(page, error ? 400 : 200);
  };

  app.get('/admin/adjudicate', (c) => adjudicationPage(c));
  app.post('/admin/undo', (c) => {
    try {
      withdrawLastDecision(reviews, c.get('identity'));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return adjudicationPage(c, error.message);
    }
    return c.redirect('/admin/adjudicate', 303);
  });

  app.post('/admin/adjudicate', async (c) => {
    const identity = c.get('identity');
    const body = await c.req.parseBody();
    const key = formText(body, 'record') ?? '';
    const record = reviews.getRecord(identity.project.id, key);
    const from = formText(body, 'from');
    try {
      let diff: FieldDiff | undefined;
      if (from) {
        const source = reviews.events(identity.project.id).find((event) => String(event.id) === from && event.recordKey === key && event.decision === 'edit');
        if (!source) throw new InputError(`no edit event ${from} on record ${key}`);
        diff = source.diff ?? undefined;
      }
      recordDecision(reviews, identity, {
        record: key,
        decision: formText(body, 'decision') ?? '',
        reason: formText(body, 'reason'),
        fields: formFields(record, body),
        diff,
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return adjudicationPage(c, error.message);
    }
    return c.redirect('/admin/adjudicate', 303);
  });

  app.get('/api/admin/status', (c) => {
    const { project } = c.get('identity');
    const all = states(project);
    return c.json({ project, records: all.length, counts: countStatuses(all), events: reviews.events(project.id).length });
  });
  app.get('/api/admin/agreement', (c) => c.json(reviewAgreement(states(c.get('identity').project))));
  app.get('/api/admin/disputes', (c) => {
    const { project } = c.get('identity');
    return c.json(disputes(project).map(({ state }) => ({ ...recordJson(project, state.record), reviews: state.reviews })));
  });
  app.get('/api/admin/events', (c) => c.json(reviews.events(c.get('identity').project.id)));
  app.post('/api/admin/adjudications', async (c) => {
    const { event, created } = recordDecision(reviews, c.get('identity'), await decisionBody(c));
    return c.json({ event, created }, created ? 201 : 200);
  });

  app.notFound((c) =>
    isApi(c.req.path)
      ? c.json({ error: `nothing at ${c.req.path}` }, 404)
      : c.html(renderMessagePage({ nonce: c.get('nonce') ?? '', title: 'Not found', message: `Nothing at ${c.req.path}.` }), 404),
  );
  app.onError((error, c) => {
    if (error instanceof InputError) return isApi(c.req.path) ? c.json({ error: error.message }, 400) : c.text(error.message, 400);
    process.stderr.write(`culturekit review: ${error.stack ?? error.message}\n`);
    return c.text('culturekit review: internal error (see the terminal)', 500);
  });
  return app;
}
