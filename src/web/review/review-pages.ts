import { html, raw, type SafeHtml } from '../../report/html.js';
import { PAGE_STYLE } from '../../report/page-style.js';
import type { RecordState, RecordStatus } from '../../review/record-state.js';
import type { MeasureAgreement, ReviewAgreement } from '../../review/review-agreement.js';
import type { ReviewEvent } from '../../review/review-event.js';
import { editableFields, editableValues, type FieldDiff, type FieldValue, type ReviewRecord } from '../../review/review-record.js';
import type { ReviewProject } from '../../review/review-store.js';
import { CHOICE_LETTERS } from '../../schema/fields.js';
import { hiddenWarning, showText } from '../show-text.js';
import { WEB_STYLE } from '../view-style.js';
import { renderWordDiff } from '../word-diff.js';

const REVIEW_STYLE = `
.columns { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 24px; align-items: start; }
@media (max-width: 900px) { .columns { grid-template-columns: 1fr; } }
aside.description { background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 4px 14px 10px; }
.actions { display: grid; gap: 12px; margin: 14px 0 30px; }
.actions form { padding: 10px; border: 1px solid var(--line); border-radius: 4px; background: var(--soft); }
.actions label { display: block; font-size: 0.85rem; color: var(--muted); margin: 6px 0 2px; }
.actions textarea, .actions input[type=text] { width: 100%; font: inherit; padding: 4px 6px; }
.actions textarea { min-height: 3.2em; }
button { font: inherit; padding: 4px 12px; cursor: pointer; }
kbd { border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 3px; padding: 0 4px; font-size: 0.8rem; background: var(--soft); color: var(--ink); }
.progress { font-variant-numeric: tabular-nums; }
.error { color: var(--bad); border: 1px solid var(--bad); border-radius: 4px; padding: 6px 10px; }
.decision-accept { color: var(--good); font-weight: 600; }
.decision-edit { color: var(--accent); font-weight: 600; }
.decision-reject { color: var(--bad); font-weight: 600; }
details.guidelines { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 4px; padding: 4px 12px; margin: 10px 0; }
details.guidelines .text-block { max-height: 16rem; }
.undo { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin: 8px 0; }
.undo form { display: inline; }
.dispute { border-top: 2px solid var(--ink); margin-top: 26px; }
nav.record-nav { display: flex; gap: 16px; margin: 10px 0; align-items: center; }
header.page form { display: inline; }
`;

/** What every page needs: its title, the signed-in party, and the CSP nonce that lets its one inline script run. */
export interface PageFrame {
  title: string;
  nonce: string;
  who?: string;
  script?: string;
}

function page(frame: PageFrame, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${frame.title} — culturekit review</title>
<style>${raw(PAGE_STYLE + WEB_STYLE + REVIEW_STYLE)}</style>
</head>
<body>
<header class="page">
<p>culturekit review${frame.who ? html` · signed in as <strong data-field="who">${frame.who}</strong> · <form method="post" action="/sign-out"><button type="submit">sign out</button></form>` : ''}</p>
<h1 dir="auto">${frame.title}</h1>
</header>
<main id="main">
${body}
</main>
${frame.script ? html`<script nonce="${frame.nonce}">${raw(frame.script)}</script>` : ''}
</body>
</html>
`.value;
}

/** The sign-in form; also the body of every 401 page. */
export function renderSignInPage(input: { nonce: string; error?: string; next?: string }): string {
  return page(
    { title: 'Sign in', nonce: input.nonce },
    html`${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
<form method="post" action="/sign-in" class="actions">
<label for="token">Your review token (from <span class="mono">culturekit review add-annotator</span>, or the admin token)</label>
<input type="password" id="token" name="token" autocomplete="off" required autofocus>
${input.next ? html`<input type="hidden" name="next" value="${input.next}">` : ''}
<p><button type="submit">Sign in</button></p>
</form>`,
  );
}

export function renderMessagePage(input: { nonce: string; title: string; message: string; who?: string }): string {
  return page({ title: input.title, nonce: input.nonce, who: input.who }, html`<p>${input.message}</p>`);
}

function showValue(value: FieldValue, field: string): SafeHtml {
  if (value === null) return html`<span class="empty">none</span>`;
  if (Array.isArray(value))
    return html`<ol class="choices" type="A" data-field="${field}">${value.map((choice) => html`<li dir="auto">${showText(choice)}</li>`)}</ol>`;
  return html`<div tabindex="0" class="text-block" dir="auto" data-field="${field}">${showText(value)}</div>`;
}

function recordFacts(record: ReviewRecord): SafeHtml {
  if (record.type === 'description') {
    const description = record.original;
    return html`<dl class="facts">
<dt>description</dt><dd class="mono">${description.id}</dd>
<dt>country</dt><dd>${description.country}</dd><dt>topic</dt><dd dir="auto">${description.topic}</dd><dt>language</dt><dd>${description.language}</dd>
${description.source ? html`<dt>source</dt><dd dir="auto">${description.source}</dd>` : ''}
</dl>
${hiddenWarning([description.text, description.topic, description.source])}
<h4>text</h4>${showValue(description.text, 'text')}`;
  }
  const item = record.original;
  return html`<dl class="facts">
<dt>item</dt><dd class="mono">${item.id}</dd>
<dt>kind</dt><dd>${item.kind}</dd><dt>format</dt><dd>${item.format}</dd><dt>language</dt><dd>${item.language}</dd>
${item.country ? html`<dt>country</dt><dd>${item.country}</dd>` : ''}${item.category ? html`<dt>category</dt><dd dir="auto">${item.category}</dd>` : ''}
${item.answer !== undefined ? html`<dt>answer</dt><dd data-field="answer">${item.answer}</dd>` : ''}
</dl>
${hiddenWarning([item.prompt, ...(item.choices ?? []), typeof item.reference === 'string' ? item.reference : undefined])}
<h4>prompt</h4>${showValue(item.prompt, 'prompt')}
${item.choices ? html`<h4>choices</h4>${showValue(item.choices, 'choices')}` : ''}
${item.reference ? html`<h4>reference</h4>${showValue(item.reference, 'reference')}` : ''}`;
}

/** The description an item belongs to, or a description's queries: shown beside the record under review. */
function contextPanel(record: ReviewRecord, description: ReviewRecord | undefined, queries: readonly ReviewRecord[]): SafeHtml {
  if (record.type === 'item') {
    if (description?.type !== 'description') {
      return html`<aside class="description" data-panel="description"><h3>Description</h3><p class="empty">${record.original.descriptionId ? `description "${record.original.descriptionId}" is not in this project` : 'this item names no description'}</p></aside>`;
    }
    return html`<aside class="description" data-panel="description"><h3>Description <span class="mono">${description.original.id}</span></h3>
<p class="note">${description.original.country} · ${description.original.topic}</p>
<div tabindex="0" class="text-block" dir="auto" data-field="description-text">${showText(description.original.text)}</div></aside>`;
  }
  return html`<aside class="description" data-panel="queries"><h3>Its queries (${queries.length})</h3>
${queries.length ? html`<ol>${queries.map((query) => html`<li><span class="mono">${query.type === 'item' ? `${query.original.kind} · ` : ''}${query.original.id}</span><div tabindex="0" class="text-block" dir="auto" data-field="query">${query.type === 'item' ? showText(query.original.prompt) : ''}</div></li>`)}</ol>` : html`<p class="empty">no item links to this description</p>`}</aside>`;
}

function describeValue(value: FieldValue): string {
  if (value === null) return '(none)';
  return Array.isArray(value) ? value.map((choice, index) => `${CHOICE_LETTERS[index]}. ${choice}`).join('\n') : value;
}

/** An edit's changes, word by word (a choice list line by line), and each field's value after the edit. */
function diffTable(diff: FieldDiff | null): SafeHtml {
  const entries = Object.entries(diff ?? {});
  if (!entries.length) return html``;
  return html`<div class="table-scroll"><table data-table="diff" class="cards"><thead><tr><th scope="col">field</th><th scope="col">changes, word by word</th><th scope="col">after the edit</th></tr></thead><tbody>${entries.map(
    ([field, change]) =>
      html`<tr><td data-label="field">${field}</td><td data-label="changes"><div tabindex="0" class="text-block" dir="auto" data-field="diff-${field}">${renderWordDiff(describeValue(change.from), describeValue(change.to))}</div></td><td data-label="after the edit"><div tabindex="0" class="text-block" dir="auto" data-field="edited-${field}">${describeValue(change.to)}</div></td></tr>`,
  )}</tbody></table></div>`;
}

/** A project's guidelines (plain text, shown as text), folded away once the annotator has started. */
export function guidelinesPanel(guidelines: string | undefined, open: boolean): SafeHtml | '' {
  if (!guidelines) return '';
  return html`<details class="guidelines" id="guidelines" data-panel="guidelines"${open ? raw(' open') : ''}><summary>Guidelines for this project (<kbd>g</kbd>)</summary><div tabindex="0" class="text-block" dir="auto" data-field="guidelines">${showText(guidelines)}</div></details>`;
}

/** The verdict an undo would take back, with its button (`action`: where the form posts). */
export function undoPanel(last: ReviewEvent | undefined, action: string): SafeHtml | '' {
  if (!last) return '';
  return html`<div class="undo" data-panel="undo"><span class="note">Last: <span class="decision-${last.decision}">${last.decision}</span> of <span class="mono">${last.recordKey}</span></span><form id="undo-form" method="post" action="${action}"><button type="submit" data-action="undo">Undo it (<kbd>u</kbd>)</button></form></div>`;
}

function reviewSummary(event: ReviewEvent): SafeHtml {
  return html`<div class="review" data-actor="${event.actor}" data-decision="${event.decision}"><p><strong>${event.actor}</strong>: <span class="decision-${event.decision}">${event.decision}</span> <span class="note">${event.createdAt}</span></p>
${event.reason ? html`<p class="text-block" dir="auto" data-field="reason">${event.reason}</p>` : ''}${diffTable(event.diff)}</div>`;
}

function editInputs(record: ReviewRecord, values: Record<string, FieldValue>, prefix = 'field_'): SafeHtml {
  return html`${(editableFields[record.type] as readonly string[]).map((field) => {
    const value = values[field];
    const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('\n') : value;
    const id = `${prefix}${field}`;
    const long = field === 'prompt' || field === 'text' || field === 'reference' || field === 'choices';
    return html`<label for="${id}">${field}${field === 'choices' ? ' (one per line)' : ''}</label>${
      long
        ? html`<textarea id="${id}" name="${id}" dir="auto" rows="${field === 'choices' ? 4 : 3}">${text}</textarea>`
        : html`<input type="text" id="${id}" name="${id}" dir="auto" value="${text}">`
    }`;
  })}`;
}

export interface ReviewPageInput {
  nonce: string;
  project: ReviewProject;
  annotator: string;
  progress: { done: number; total: number };
  state?: RecordState;
  description?: ReviewRecord;
  queries: readonly ReviewRecord[];
  previousKey?: string;
  nextKey?: string;
  /** The next record of the queue after this one, to skip to (it stays in the queue). */
  skipKey?: string;
  /** The annotator's latest verdict, which `u` undoes. */
  lastDecision?: ReviewEvent;
  guidelines?: string;
  error?: string;
  /** Field values to put back in the edit form after a refused edit. */
  values?: Record<string, FieldValue>;
}

const reviewHref = (key: string) => `/review?${new URLSearchParams({ record: key })}`;

/** The annotator's page: one record beside its description, accept / edit / reject forms, and keyboard shortcuts. */
export function renderReviewPage(input: ReviewPageInput): string {
  const progress = html`<p class="progress">Progress: <strong data-field="progress">${input.progress.done} / ${input.progress.total}</strong> records reviewed · project <span class="mono">${input.project.name}</span></p>`;
  const frame = { title: 'Review', nonce: input.nonce, who: input.annotator, script: KEYBOARD_SCRIPT };
  if (!input.state) {
    return page(
      frame,
      html`${progress}${undoPanel(input.lastDecision, '/review/undo')}${guidelinesPanel(input.guidelines, false)}<p data-field="queue-empty">Nothing left in your queue. Thank you!</p>`,
    );
  }
  const { record } = input.state;
  const mine = input.state.reviews.find((review) => review.actor === input.annotator);
  const values =
    input.values ??
    (mine?.decision === 'edit' && mine.diff
      ? { ...editableValues(record), ...Object.fromEntries(Object.entries(mine.diff).map(([field, change]) => [field, change.to])) }
      : editableValues(record));
  const body = html`${progress}
<nav class="record-nav">
${input.previousKey ? html`<a id="previous-link" href="${reviewHref(input.previousKey)}">← previous (<kbd>k</kbd>)</a>` : html`<span class="note">← previous</span>`}
${input.nextKey ? html`<a id="next-link" href="${reviewHref(input.nextKey)}">next (<kbd>j</kbd>) →</a>` : html`<span class="note">next →</span>`}
${input.skipKey ? html`<a id="skip-link" data-action="skip" href="${reviewHref(input.skipKey)}">skip for now (<kbd>s</kbd>)</a>` : ''}
<span class="note">keys: <kbd>a</kbd> accept · <kbd>e</kbd> edit · <kbd>r</kbd> reject · <kbd>s</kbd> skip · <kbd>u</kbd> undo · <kbd>g</kbd> guidelines · <kbd>j</kbd>/<kbd>k</kbd> next/previous · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> submit · <kbd>Esc</kbd> leave a field</span>
</nav>
${undoPanel(input.lastDecision, '/review/undo')}
${guidelinesPanel(input.guidelines, input.progress.done === 0)}
${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
${mine ? html`<p class="note" data-field="my-review">Your review: <span class="decision-${mine.decision}">${mine.decision}</span> (submitting again replaces it).</p>` : ''}
<div class="columns">
${contextPanel(record, input.description, input.queries)}
<section data-record="${record.key}"><h3>${record.type === 'item' ? 'Query' : 'Description'} under review</h3>
${recordFacts(record)}
<div class="actions">
<form id="accept-form" method="post" action="/review"><input type="hidden" name="record" value="${record.key}"><input type="hidden" name="decision" value="accept"><button type="submit">Accept (<kbd>a</kbd>)</button></form>
<details id="edit-panel"${input.values ? raw(' open') : ''}><summary>Edit (<kbd>e</kbd>)</summary>
<form id="edit-form" method="post" action="/review"><input type="hidden" name="record" value="${record.key}"><input type="hidden" name="decision" value="edit">
${editInputs(record, values)}
<label for="edit-reason">note (optional)</label><input type="text" id="edit-reason" name="reason">
<p><button type="submit">Save edit</button></p></form></details>
<form id="reject-form" method="post" action="/review"><input type="hidden" name="record" value="${record.key}"><input type="hidden" name="decision" value="reject">
<label for="reason">Reject (<kbd>r</kbd>): the reason</label><input type="text" id="reason" name="reason" required>
<p><button type="submit">Reject</button></p></form>
</div>
</section>
</div>`;
  return page(frame, body);
}

const formatNumber = (value: number | null) => (value === null ? '—' : value.toFixed(3));

function agreementTables(agreement: ReviewAgreement): SafeHtml {
  const pairNames = agreement.decision.pairs.map((pair) => pair.annotators.join(' · '));
  const pairCell = (measure: MeasureAgreement, name: string) => {
    const pair = measure.pairs.find((candidate) => candidate.annotators.join(' · ') === name);
    return html`<td class="number">${pair ? formatNumber(pair.kappa) : '—'}</td>`;
  };
  const rows = [['decision', agreement.decision] as const, ...Object.entries(agreement.fields).map(([field, measure]) => [field, measure] as const)];
  return html`<div class="table-scroll"><table data-table="agreement">
<thead><tr><th>on</th><th class="number">units</th><th class="number">Krippendorff's α</th>${pairNames.map((name) => html`<th class="number">κ ${name}</th>`)}</tr></thead>
<tbody>${rows.map(([name, measure]) => html`<tr data-measure="${name}"><td>${name}</td><td class="number">${measure.units}</td><td class="number" data-field="alpha">${formatNumber(measure.alpha)}</td>${pairNames.map((pairName) => pairCell(measure, pairName))}</tr>`)}</tbody></table></div>
<p class="note">Decision: accept / edit / reject. Fields: changed / unchanged, over reviews that did not reject the record. κ: Cohen's, per annotator pair; α: nominal, all annotators; — where undefined.</p>`;
}

/** The admin's overview: status counts, each annotator's reviews, agreement tables. */
export function renderAdminPage(input: {
  nonce: string;
  project: ReviewProject;
  counts: Record<RecordStatus, number>;
  records: number;
  events: number;
  annotators: { name: string; reviewed: number; queue: number }[];
  agreement: ReviewAgreement;
}): string {
  const body = html`<dl class="facts"><dt>project</dt><dd class="mono">${input.project.name}</dd><dt>dataset</dt><dd class="mono">${input.project.datasetRef} (${input.project.datasetHash.slice(0, 12)})</dd>
<dt>reviews per record</dt><dd>${input.project.reviewsPerRecord}</dd><dt>records</dt><dd>${input.records}</dd><dt>events</dt><dd data-field="events">${input.events}</dd></dl>
<table data-table="status"><thead><tr>${Object.keys(input.counts).map((status) => html`<th>${status}</th>`)}</tr></thead><tbody><tr>${Object.entries(input.counts).map(([status, count]) => html`<td class="number" data-status="${status}">${count}</td>`)}</tr></tbody></table>
<p><a href="/admin/adjudicate">Adjudicate disagreements (${input.counts.disputed})</a></p>
<h2>Annotators</h2>
<table data-table="annotators"><thead><tr><th>annotator</th><th class="number">reviewed</th><th class="number">in queue</th></tr></thead>
<tbody>${input.annotators.map((annotator) => html`<tr><td>${annotator.name}</td><td class="number">${annotator.reviewed}</td><td class="number">${annotator.queue}</td></tr>`)}</tbody></table>
<h2>Agreement</h2>${agreementTables(input.agreement)}`;
  return page({ title: `Project ${input.project.name}`, nonce: input.nonce, who: 'admin' }, body);
}

/** Disputed records: every annotator's latest review side by side, and forms to record the final decision. */
export function renderAdjudicationPage(input: {
  nonce: string;
  project: ReviewProject;
  disputes: readonly { state: RecordState; description?: ReviewRecord; queries: readonly ReviewRecord[] }[];
  error?: string;
  guidelines?: string;
  lastDecision?: ReviewEvent;
}): string {
  const body = html`<p><a href="/admin">← project overview</a> · <span data-field="disputes">${input.disputes.length}</span> record(s) to adjudicate</p>
${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
${undoPanel(input.lastDecision, '/admin/undo')}
${guidelinesPanel(input.guidelines, false)}
${input.disputes.length === 0 ? html`<p class="empty">No disagreements to adjudicate.</p>` : ''}
${input.disputes.map(({ state, description, queries }) => {
  const { record } = state;
  const edits = state.reviews.filter((review) => review.decision === 'edit');
  const hidden = html`<input type="hidden" name="record" value="${record.key}">`;
  return html`<section class="dispute" data-record="${record.key}"><h3 class="mono">${record.key}</h3>
<div class="columns">${contextPanel(record, description, queries)}<div>${recordFacts(record)}
<h4>Reviews (${state.reviews.length}; ${state.history.length} events)</h4>${state.reviews.map(reviewSummary)}
<div class="actions">
<form method="post" action="/admin/adjudicate">${hidden}<input type="hidden" name="decision" value="accept"><button type="submit" data-action="accept">Accept the original</button></form>
${edits.map((edit) => html`<form method="post" action="/admin/adjudicate">${hidden}<input type="hidden" name="decision" value="edit"><input type="hidden" name="from" value="${edit.id}"><button type="submit" data-action="use-edit" data-actor="${edit.actor}">Use ${edit.actor}'s edit</button></form>`)}
<form method="post" action="/admin/adjudicate">${hidden}<input type="hidden" name="decision" value="reject"><label>Reject: the reason<input type="text" name="reason" required></label><p><button type="submit" data-action="reject">Reject</button></p></form>
<details><summary>Another edit</summary><form method="post" action="/admin/adjudicate">${hidden}<input type="hidden" name="decision" value="edit">${editInputs(record, editableValues(record), `field_`)}<p><button type="submit" data-action="custom-edit">Save this edit</button></p></form></details>
</div></div></div></section>`;
})}`;
  return page({ title: `Adjudication: ${input.project.name}`, nonce: input.nonce, who: 'admin' }, body);
}

/** The one inline script: keyboard shortcuts for the review page. */
export const KEYBOARD_SCRIPT = `
document.addEventListener('keydown', function (event) {
  var target = event.target;
  if (target && target.closest && target.closest('input, textarea, select')) {
    if (event.key === 'Escape') target.blur();
    else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && target.form) { event.preventDefault(); target.form.requestSubmit(); }
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  var go = function (id) { var link = document.getElementById(id); if (link) window.location.href = link.href; };
  if (event.key === 'a') { var accept = document.getElementById('accept-form'); if (accept) accept.requestSubmit(); }
  else if (event.key === 'e') { var panel = document.getElementById('edit-panel'); if (panel) { panel.open = true; var first = panel.querySelector('textarea, input[type=text]'); if (first) first.focus(); } }
  else if (event.key === 'r') { var reason = document.getElementById('reason'); if (reason) reason.focus(); }
  else if (event.key === 's') go('skip-link');
  else if (event.key === 'u') { var undo = document.getElementById('undo-form'); if (undo) undo.requestSubmit(); }
  else if (event.key === 'g') { var guide = document.getElementById('guidelines'); if (guide) guide.open = !guide.open; }
  else if (event.key === 'j') go('next-link');
  else if (event.key === 'k') go('previous-link');
  else return;
  event.preventDefault();
});
`;
