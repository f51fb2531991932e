import { seriesLabel } from '../report/build-run-report.js';
import { formatCount, formatDuration, formatValue } from '../report/format-values.js';
import { htmlPage } from '../report/html-page.js';
import { html, type HtmlValue, type SafeHtml } from '../report/html.js';
import type { StoredRun } from '../store/open-store.js';
import type { ResultDetails } from '../schema/result-details.js';
import type { ResultRow } from '../schema/result.js';
import { TOOL_VERSION } from '../version.js';
import { itemOutcome, itemOutcomes, outcomeMatches, type ItemOutcome } from './item-outcome.js';
import { hiddenWarning, showText } from './show-text.js';
import type { IndexedItem, RunView } from './run-view-cache.js';

/** The filters of the items table (all optional; `page` is 1-based). */
export interface ItemFilters {
  model?: string;
  condition?: string;
  kind?: string;
  country?: string;
  category?: string;
  status?: ItemOutcome;
  page?: number;
}

const FILTER_FIELDS = ['model', 'condition', 'kind', 'country', 'category'] as const;

export function runHref(runId: string): string {
  return `/runs/${encodeURIComponent(runId)}`;
}

export function itemsHref(runId: string, filters: ItemFilters = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) query.set(key, String(value));
  const text = query.toString();
  return `${runHref(runId)}/items${text ? `?${text}` : ''}`;
}

export function itemHref(runId: string, item: Pick<IndexedItem, 'model' | 'condition' | 'itemId'>): string {
  return `${runHref(runId)}/item?${new URLSearchParams({ model: item.model, condition: item.condition, item: item.itemId })}`;
}

function page(title: string, breadcrumbs: readonly { href?: string; label: string }[], body: SafeHtml): string {
  return htmlPage({
    title: `${title} — culturekit view`,
    body: html`<header class="page">
<p><a href="/">culturekit view</a>${breadcrumbs.map((crumb) => html` › ${crumb.href ? html`<a href="${crumb.href}">${crumb.label}</a>` : crumb.label}`)}</p>
<h1 dir="auto">${title}</h1>
</header>
<main>
${body}
</main>`,
  });
}

/** The list of runs in the store, newest first. */
export function renderRunsPage(runs: readonly { run: StoredRun; results: number }[], storePath: string): string {
  const body = runs.length
    ? html`<div class="table-scroll"><table data-table="runs">
<thead><tr><th>run</th><th>created</th><th>status</th><th>dataset</th><th class="number">items</th><th>models</th><th>conditions</th><th class="number">results</th></tr></thead>
<tbody>${runs.map(
        ({ run, results }) =>
          html`<tr><td class="mono"><a href="${runHref(run.id)}">${run.id}</a></td><td>${run.createdAt}</td><td>${run.status}</td><td class="mono">${run.manifest.dataset.ref}</td><td class="number">${formatCount(run.manifest.dataset.items)}</td><td class="mono">${run.manifest.models.map((model, index) => html`${index ? html`<br>` : ''}${model.spec}`)}</td><td>${run.manifest.options.conditions.join(', ')}</td><td class="number">${formatCount(results)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="empty">No runs in this store yet. Run <code>culturekit eval</code> (or <code>culturekit demo</code>) with <code>--db ${storePath}</code>.</p>`;
  return page('Runs', [], html`<p class="note">Store <span class="mono">${storePath}</span> · culturekit ${TOOL_VERSION}</p>${body}`);
}

/** A run's summary: the same sections and charts as the HTML report, with links to its items. */
export function renderRunPage(view: RunView, sections: SafeHtml): string {
  const { run } = view;
  return page(
    `Run ${run.id}`,
    [{ label: run.id }],
    html`<p><a href="${itemsHref(run.id)}">Browse the ${formatCount(view.results)} results</a> · status ${run.status} · updated ${run.updatedAt}</p>
${sections}`,
  );
}

function distinct(items: readonly IndexedItem[], field: (typeof FILTER_FIELDS)[number]): string[] {
  const values = new Set<string>();
  for (const item of items) {
    const value = item[field];
    if (value !== undefined) values.add(value);
  }
  return [...values].sort();
}

function select(name: string, label: string, values: readonly string[], selected: string | undefined): SafeHtml {
  return html`<label>${label}<select name="${name}"><option value="">any</option>${values.map((value) => html`<option value="${value}"${value === selected ? html` selected` : ''}>${value}</option>`)}</select></label>`;
}

/** Applies the filters of the items table. */
export function filterItems(items: readonly IndexedItem[], filters: ItemFilters): IndexedItem[] {
  return items.filter(
    (item) =>
      FILTER_FIELDS.every((field) => !filters[field] || item[field] === filters[field]) && (!filters.status || outcomeMatches(item.outcome, filters.status)),
  );
}

/** The items of a run, filterable by model, condition, kind, country, category and status, a page at a time. */
export function renderItemsPage(view: RunView, filters: ItemFilters, pageSize: number): string {
  const { run } = view;
  const matching = filterItems(view.items, filters);
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const current = Math.min(Math.max(1, filters.page ?? 1), pages);
  const shown = matching.slice((current - 1) * pageSize, current * pageSize);
  const severalSeries = new Set(view.items.map((item) => seriesLabel(item.model, item.condition))).size > 1;
  const form = html`<form class="filters" method="get" action="${runHref(run.id)}/items">
${select('model', 'model', distinct(view.items, 'model'), filters.model)}
${select('condition', 'condition', distinct(view.items, 'condition'), filters.condition)}
${select('kind', 'kind', distinct(view.items, 'kind'), filters.kind)}
${select('country', 'country', distinct(view.items, 'country'), filters.country)}
${select('category', 'category', distinct(view.items, 'category'), filters.category)}
${select('status', 'status', itemOutcomes, filters.status)}
<button type="submit">Filter</button> <a href="${itemsHref(run.id)}">clear</a>
</form>`;
  const pager = html`<div class="pager">${current > 1 ? html`<a rel="prev" href="${itemsHref(run.id, { ...filters, page: current - 1 })}">← previous</a>` : ''}<span>page ${current} of ${pages} · ${formatCount(matching.length)} of ${formatCount(view.items.length)} results</span>${current < pages ? html`<a rel="next" href="${itemsHref(run.id, { ...filters, page: current + 1 })}">next →</a>` : ''}</div>`;
  const table = shown.length
    ? html`<div class="table-scroll"><table data-table="items">
<thead><tr><th>item</th>${severalSeries ? html`<th>model · condition</th>` : ''}<th>kind</th><th>country</th><th>category</th><th>language</th><th>prompt</th><th>right</th><th>answer</th><th>status</th></tr></thead>
<tbody>${shown.map(
        (item) =>
          html`<tr data-country="${item.country ?? ''}" data-outcome="${item.outcome}"><td class="mono item-id"><a href="${itemHref(run.id, item)}">${item.itemId}</a></td>${severalSeries ? html`<td class="mono">${seriesLabel(item.model, item.condition)}</td>` : ''}<td>${item.kind}</td><td data-field="country">${item.country ?? ''}</td><td dir="auto">${item.category ?? ''}</td><td>${item.language}</td><td class="preview" dir="auto" lang="${item.language}">${item.preview}</td><td>${item.answer ?? ''}</td><td dir="auto">${item.extracted ?? ''}</td><td class="outcome-${item.outcome} status-${item.outcome}">${item.outcome}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="empty">No result matches these filters.</p>`;
  return page(
    `Results of ${run.id}`,
    [{ href: runHref(run.id), label: run.id }, { label: 'results' }],
    html`${form}${pager}${table}${shown.length ? pager : ''}`,
  );
}

/** Every string under a `reasoning` key in a result's details (judge verdicts), with where it was found. */
export function judgeReasoning(details: unknown, path = 'details'): { path: string; text: string }[] {
  if (!details || typeof details !== 'object') return [];
  const found: { path: string; text: string }[] = [];
  for (const [key, value] of Object.entries(details as Record<string, unknown>)) {
    const here = Array.isArray(details) ? `${path}[${key}]` : `${path}.${key}`;
    if (key === 'reasoning' && typeof value === 'string' && value.trim()) found.push({ path: here, text: value });
    else if (value && typeof value === 'object') found.push(...judgeReasoning(value, here));
  }
  return found;
}

/** A judge's verdict on one response, as the engine records it in `details.judges[].verdicts[]`. */
export interface JudgeVerdictView {
  rubric: string;
  judge: string;
  status: string;
  metrics: string;
  reasoning?: string;
  reason?: string;
}

/** The judges' verdicts recorded in a result's details (`details.judges`: one entry per rubric with its verdicts). */
export function judgeVerdicts(details: ResultDetails | undefined): JudgeVerdictView[] {
  return (details?.judges ?? []).flatMap(({ rubric, verdicts }) =>
    verdicts.map((verdict) => ({
      rubric,
      judge: verdict.judge,
      status: verdict.status,
      metrics: Object.entries(verdict.metrics ?? {})
        .map(([name, value]) => `${name} = ${String(value)}`)
        .join(', '),
      reasoning: verdict.reasoning,
      reason: verdict.reason,
    })),
  );
}

function fact(label: string, value: HtmlValue): SafeHtml {
  return html`<dt>${label}</dt><dd>${value}</dd>`;
}

/** One result: the prompt (every message), choices, response, extracted answer, scores, judge reasoning, timing, tokens, error. All as text. */
export function renderItemPage(run: StoredRun, row: ResultRow): string {
  const outcome = itemOutcome(row);
  const lang = row.language;
  const messages = typeof row.prompt === 'string' ? [{ role: 'context (log-likelihood)', content: row.prompt }] : row.prompt;
  const verdicts = judgeVerdicts(row.details);
  const reasoning = verdicts.length ? [] : judgeReasoning(row.details);
  const body = html`<dl class="facts">
${fact('model', html`<span class="mono">${row.model}</span>`)}
${fact('condition', row.condition)}
${fact('kind · format', `${row.kind} · ${row.format}`)}
${fact('language', row.language)}
${row.country ? fact('country', row.country) : ''}
${row.category ? fact('category', html`<span dir="auto">${row.category}</span>`) : ''}
${row.topic ? fact('topic', html`<span dir="auto">${row.topic}</span>`) : ''}
${row.descriptionId ? fact('description', html`<span class="mono">${row.descriptionId}</span>`) : ''}
${fact('template', html`<span class="mono">${row.template}</span>`)}
${fact('status', html`<span class="status-${row.status} outcome-${outcome}" data-field="outcome">${outcome}</span>${outcome !== row.status ? ` (${row.status})` : ''}`)}
${fact('method', row.method)}
${row.answer !== undefined ? fact('right answer', html`<span data-field="answer">${row.answer}</span>`) : ''}
${fact('extracted answer', row.extracted !== undefined ? html`<span dir="auto" data-field="extracted">${row.extracted}</span>` : html`<span class="empty">none</span>`)}
${fact('metrics', Object.keys(row.metrics).length ? Object.entries(row.metrics).map(([metric, value], index) => html`${index ? ', ' : ''}${metric} = ${Number.isInteger(value) ? String(value) : formatValue(value)}`) : html`<span class="empty">none</span>`)}
${fact('latency', `${formatDuration(row.latencyMs)}${row.cached ? ' (answered from the cache)' : ''}`)}
${fact('tokens', `${formatCount(row.usage.inputTokens)} in, ${formatCount(row.usage.outputTokens)} out`)}
${fact('attempts', String(row.attempts))}
${fact('completed', row.completedAt)}
</dl>
${row.error ? html`<h3>Error</h3><div class="text-block status-error" data-field="error" dir="auto">${row.error}</div>` : ''}
<h3>Prompt</h3>
${hiddenWarning([...messages.map((message) => message.content), ...(row.choices ?? []), row.response])}
${messages.map((message) => html`<h4>${message.role}</h4><div class="text-block" data-field="prompt" dir="auto" lang="${lang}">${showText(message.content)}</div>`)}
${
  row.choices?.length
    ? html`<h3>Choices as shown</h3><ul class="choices">${row.choices.map((choice, index) => {
        const letter = String.fromCharCode(65 + index);
        const marks = [letter === row.answer ? 'right answer' : '', letter === row.extracted ? 'chosen' : ''].filter(Boolean).join(', ');
        return html`<li><span class="mono">${letter}.</span> <span data-field="choice" dir="auto" lang="${lang}">${showText(choice)}</span>${marks ? html` <strong>(${marks})</strong>` : ''}</li>`;
      })}</ul>`
    : ''
}
<h3>Response</h3>
${row.response !== undefined ? html`<div class="text-block" data-field="response" dir="auto" lang="${lang}">${showText(row.response)}</div>` : html`<p class="empty">No response.</p>`}
${
  verdicts.length
    ? html`<h3>Judges</h3><div class="table-scroll"><table data-table="judges"><thead><tr><th>rubric</th><th>judge</th><th>verdict</th><th>scores</th><th>reasoning</th></tr></thead>
<tbody>${verdicts.map((verdict) => html`<tr><td class="mono">${verdict.rubric}</td><td class="mono">${verdict.judge}</td><td class="status-${verdict.status}">${verdict.status}</td><td>${verdict.metrics}</td><td data-field="reasoning" dir="auto">${verdict.reasoning ?? verdict.reason ?? ''}</td></tr>`)}</tbody></table></div>`
    : ''
}
${reasoning.length ? html`<h3>Judge reasoning</h3>${reasoning.map((entry) => html`<h4 class="mono">${entry.path}</h4><div class="text-block" data-field="reasoning" dir="auto">${entry.text}</div>`)}` : ''}
${row.details ? html`<h3>Scoring details</h3><div class="text-block mono" data-field="details">${JSON.stringify(row.details, null, 2)}</div>` : ''}`;
  return page(`${row.itemId}`, [{ href: runHref(run.id), label: run.id }, { href: itemsHref(run.id), label: 'results' }, { label: row.itemId }], body);
}

/** A page for an unknown run or item. */
export function renderNotFoundPage(message: string): string {
  return page('Not found', [], html`<p>${message}</p><p><a href="/">All runs</a></p>`);
}
