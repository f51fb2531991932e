import { seriesLabel } from '../report/build-run-report.js';
import { formatCount, formatDuration, formatValue } from '../report/format-values.js';
import { htmlPage } from '../report/html-page.js';
import { html, type HtmlValue, type SafeHtml } from '../report/html.js';
import type { StoredRun } from '../store/open-store.js';
import type { ResultGroupScore, ResultSortKey, ResultViewRow } from '../store/result-view-index.js';
import type { ResultDetails } from '../schema/result-details.js';
import type { ResultRow } from '../schema/result.js';
import { TOOL_VERSION } from '../version.js';
import { itemOutcome, itemOutcomes } from './item-outcome.js';
import { listQueryString, type ListState } from './list-state.js';
import { hiddenWarning, showText } from './show-text.js';
import { webStyle } from './view-style.js';
import type { RunView } from './run-view-cache.js';
import { renderWordDiff } from './word-diff.js';

export function runHref(runId: string): string {
  return `/runs/${encodeURIComponent(runId)}`;
}

export function itemsHref(runId: string, state: ListState = {}): string {
  const text = listQueryString(state);
  return `${runHref(runId)}/items${text ? `?${text}` : ''}`;
}

/** A result's page; `list` is the list it was opened from (its previous / next links walk that list). */
export function itemHref(runId: string, item: Pick<ResultViewRow, 'model' | 'condition' | 'itemId'>, list?: ListState): string {
  const query = new URLSearchParams({ model: item.model, condition: item.condition, item: item.itemId });
  const listText = list ? listQueryString({ ...list, page: undefined }) : '';
  if (listText) query.set('list', listText);
  return `${runHref(runId)}/item?${query}`;
}

/** Every result of an item side by side (this run's models and conditions, and the runs in `withRuns`). */
export function compareHref(runId: string, itemId: string, withRuns: readonly string[] = [], base?: number): string {
  const query = new URLSearchParams({ item: itemId });
  for (const other of withRuns) query.append('with', other);
  if (base) query.set('base', String(base));
  return `${runHref(runId)}/compare?${query}`;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** `Japan (JP)` for an ISO country code; the code alone when it names no region. */
export function countryLabel(code: string): string {
  try {
    const name = /^[A-Z]{2}$/.test(code) ? regionNames.of(code) : undefined;
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

function page(title: string, breadcrumbs: readonly { href?: string; label: string }[], body: SafeHtml): string {
  return htmlPage({
    title: `${title} — culturekit view`,
    body: html`${webStyle()}<a class="skip" href="#main">Skip to content</a>
<header class="page">
<nav aria-label="breadcrumbs"><p><a href="/">culturekit view</a>${breadcrumbs.map((crumb) => html` › ${crumb.href ? html`<a href="${crumb.href}">${crumb.label}</a>` : crumb.label}`)}</p></nav>
<h1 dir="auto">${title}</h1>
</header>
<main id="main" tabindex="-1">
${body}
</main>`,
  });
}

/** Results a run is planned to give (items × models × conditions; a run limited to some kinds may give fewer). */
export function plannedResults(run: StoredRun): number {
  return run.manifest.dataset.items * run.manifest.models.length * run.manifest.options.conditions.length;
}

function progress(run: StoredRun, results: number): SafeHtml {
  const planned = plannedResults(run);
  const label = `${formatCount(results)} of ${formatCount(planned)} results`;
  return html`<progress data-field="progress" value="${Math.min(results, planned)}" max="${Math.max(planned, 1)}" aria-label="${label}">${label}</progress> <span data-field="progress-text">${label}</span>`;
}

/** A banner for runs whose scores mean nothing (the demo's toy model). */
function demoBanner(run: StoredRun): SafeHtml | '' {
  if (!run.manifest.models.some((model) => model.spec.includes('culturekit-demo-tiny'))) return '';
  return html`<p class="banner" role="note" data-field="demo-banner"><strong>Demo run: these scores are meaningless.</strong> The model is a toy GGUF file that only shows the pipeline works; evaluate a real model for real figures.</p>`;
}

/** The list of runs in the store, newest first. */
export function renderRunsPage(runs: readonly { run: StoredRun; results: number }[], storePath: string): string {
  const body = runs.length
    ? html`<div class="table-scroll"><table data-table="runs" class="cards">
<caption class="note">Runs in this store, newest first</caption>
<thead><tr><th scope="col">run</th><th scope="col">created</th><th scope="col">status</th><th scope="col">dataset</th><th scope="col" class="number">items</th><th scope="col">models</th><th scope="col">conditions</th><th scope="col" class="number">results</th></tr></thead>
<tbody>${runs.map(
        ({ run, results }) =>
          html`<tr><td data-label="run" class="mono"><a href="${runHref(run.id)}">${run.id}</a></td><td data-label="created">${run.createdAt}</td><td data-label="status">${run.status}${run.status === 'running' ? html`<br>${progress(run, results)}` : ''}</td><td data-label="dataset" class="mono">${run.manifest.dataset.ref}</td><td data-label="items" class="number">${formatCount(run.manifest.dataset.items)}</td><td data-label="models" class="mono">${run.manifest.models.map((model, index) => html`${index ? html`<br>` : ''}${model.spec}`)}</td><td data-label="conditions">${run.manifest.options.conditions.join(', ')}</td><td data-label="results" class="number">${formatCount(results)}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="empty">No runs in this store yet. Run <code>culturekit eval</code> (or <code>culturekit demo</code>) with <code>--db ${storePath}</code>.</p>`;
  return page('Runs', [], html`<p class="note">Store <span class="mono">${storePath}</span> · culturekit ${TOOL_VERSION}</p>${body}`);
}

function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return Number.isInteger(value) ? String(value) : formatValue(value);
}

/** Per kind, the countries where each model scores lowest, each with a link to its worst-scored responses. */
function renderWhereItFails(view: RunView): SafeHtml | '' {
  const { run, countryScores } = view;
  const kinds = [...new Set(countryScores.flatMap((entry) => entry.scores.map((score) => score.kind)))].sort();
  if (!kinds.length) return '';
  const tables = kinds.map((kind) => {
    const byCountry = new Map<string, Map<string, ResultGroupScore>>();
    for (const { model, scores } of countryScores)
      for (const score of scores) if (score.kind === kind) byCountry.set(score.group, (byCountry.get(score.group) ?? new Map()).set(model, score));
    const mean = (country: string) => {
      const values = [...byCountry.get(country)!.values()];
      return values.reduce((sum, score) => sum + score.mean, 0) / values.length;
    };
    const countries = [...byCountry.keys()].sort((a, b) => mean(a) - mean(b) || a.localeCompare(b));
    return html`<h3>${kind}: countries by mean score, lowest first</h3>
<div class="table-scroll"><table data-table="where-it-fails" data-kind="${kind}" class="cards">
<thead><tr><th scope="col">country</th>${countryScores.map(({ model }) => html`<th scope="col" class="mono">${model}</th>`)}</tr></thead>
<tbody>${countries.map(
      (country) =>
        html`<tr data-country="${country}"><th scope="row">${countryLabel(country)}</th>${countryScores.map(({ model }) => {
          const score = byCountry.get(country)?.get(model);
          return html`<td data-label="${model}">${
            score
              ? html`<span class="score">${formatScore(score.mean)}</span> <span class="note">(n = ${formatCount(score.n)}, lowest ${formatScore(score.min)})</span> · <a data-link="worst" href="${itemsHref(run.id, { model, kind, country, status: 'scored', sort: 'score', dir: 'asc' })}">worst responses</a>`
              : ''
          }</td>`;
        })}</tr>`,
    )}</tbody></table></div>`;
  });
  return html`<section id="where-it-fails"><h2>Where it fails</h2><p class="note">Mean score of each model's scored results per country (the metric, or a judge's score for open answers). Each link lists that country's responses worst first.</p>${tables}</section>`;
}

/** A run's summary: progress while it runs, where each model fails, then the report's sections and charts. */
export function renderRunPage(view: RunView, sections: SafeHtml, live: { results: number; statusCounts: Record<string, number> }): string {
  const { run } = view;
  const running = run.status === 'running';
  const counts = Object.entries(live.statusCounts)
    .sort(([a], [b]) => (itemOutcomes as readonly string[]).indexOf(a) - (itemOutcomes as readonly string[]).indexOf(b))
    .map(
      ([outcome, n]) =>
        html`<a href="${itemsHref(run.id, { status: outcome as ListState['status'] })}" class="outcome-${outcome}">${formatCount(n)} ${outcome}</a>`,
    );
  return page(
    `Run ${run.id}`,
    [{ label: run.id }],
    html`${demoBanner(run)}
<section class="banner" aria-live="polite" data-field="live"><p>Status <strong data-field="status">${run.status}</strong> · ${progress(run, live.results)} · updated ${run.updatedAt}${running ? html` · <span class="note">this page refreshes itself while the run is running${view.results !== live.results ? html`; the charts below show the first ${formatCount(view.results)} results` : ''}</span>` : ''}</p>
<p class="actions" data-field="status-counts">${counts.map((link, index) => html`${index ? ' · ' : ''}${link}`)}</p></section>
<p class="actions"><a href="${itemsHref(run.id)}" accesskey="l">Browse the ${formatCount(live.results)} results</a> <a href="${itemsHref(run.id, { across: 'flipped' })}">items that flip between models</a> <a href="${itemsHref(run.id, { across: 'all-wrong' })}">items every model gets wrong</a> <a href="${itemsHref(run.id, { across: 'judges-disagree' })}">judges disagree</a></p>
${renderWhereItFails(view)}
${sections}`,
  );
}

function select(
  name: string,
  label: string,
  values: readonly string[],
  selected: string | undefined,
  describe: (value: string) => string = (value) => value,
): SafeHtml {
  return html`<label>${label}<select name="${name}"><option value="">any</option>${values.map((value) => html`<option value="${value}"${value === selected ? html` selected` : ''}>${describe(value)}</option>`)}</select></label>`;
}

/** The menus of the items page: each filter's values in this run. */
export interface ItemMenus {
  model: string[];
  condition: string[];
  kind: string[];
  country: string[];
  category: string[];
  language: string[];
  /** Other runs of the store (for comparing against one). */
  runs: string[];
}

const COLUMNS: { key: ResultSortKey; label: string; className?: string }[] = [
  { key: 'item', label: 'item' },
  { key: 'series', label: 'model · condition' },
  { key: 'kind', label: 'kind' },
  { key: 'country', label: 'country' },
  { key: 'category', label: 'category' },
  { key: 'language', label: 'language' },
  { key: 'prompt', label: 'prompt' },
  { key: 'answer', label: 'right' },
  { key: 'extracted', label: 'answer' },
  { key: 'score', label: 'score', className: 'number' },
  { key: 'status', label: 'status' },
  { key: 'spread', label: 'judges', className: 'number' },
];

function sortHeader(runId: string, state: ListState, column: (typeof COLUMNS)[number]): SafeHtml {
  const active = (state.sort ?? 'series') === column.key;
  const descending = active && state.dir !== 'desc';
  const href = itemsHref(runId, { ...state, sort: column.key, dir: descending ? 'desc' : undefined, page: undefined });
  const sort = active ? (state.dir === 'desc' ? 'descending' : 'ascending') : undefined;
  return html`<th scope="col"${column.className ? html` class="${column.className}"` : ''}${sort ? html` aria-sort="${sort}"` : ''}><a class="sort" href="${href}" data-sort="${column.key}" title="sort by ${column.label}${descending ? ', descending' : ''}">${column.label}</a></th>`;
}

function scoreCell(row: ResultViewRow, best: number): SafeHtml {
  if (row.score === null) return html`<td data-label="score" class="number score"></td>`;
  const width = best > 0 ? Math.max(0, Math.min(1, row.score / best)) : 0;
  return html`<td data-label="score" class="number score" data-score="${row.score}" title="${row.scoreMetric ?? ''}">${formatScore(row.score)}<span class="score-bar" style="width:${(width * 3).toFixed(2)}em" aria-hidden="true"></span></td>`;
}

/** The items of a run: filters, search, sortable columns, cross-result filters, export and pages, all from the store's index. */
export function renderItemsPage(
  run: StoredRun,
  state: ListState,
  result: { rows: ResultViewRow[]; total: number; all: number },
  options: { menus: ItemMenus; pageSize: number; live: boolean },
): string {
  const { menus, pageSize } = options;
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  const current = Math.min(Math.max(1, state.page ?? 1), pages);
  const severalSeries = menus.model.length * Math.max(1, menus.condition.length) > 1;
  const best = Math.max(1, ...result.rows.map((row) => row.score ?? 0));
  const form = html`<form class="filters" method="get" action="${runHref(run.id)}/items" role="search" aria-label="filter the results">
<label>search<input type="search" name="q" value="${state.q ?? ''}" placeholder="words in prompt or response" accesskey="s"></label>
${select('model', 'model', menus.model, state.model)}
${select('condition', 'condition', menus.condition, state.condition)}
${select('kind', 'kind', menus.kind, state.kind)}
${select('country', 'country', menus.country, state.country, countryLabel)}
${select('category', 'category', menus.category, state.category)}
${select('language', 'language', menus.language, state.language)}
${select('status', 'status', itemOutcomes, state.status)}
<label>score from<input type="number" step="any" name="min" value="${state.min ?? ''}" inputmode="decimal"></label>
<label>score to<input type="number" step="any" name="max" value="${state.max ?? ''}" inputmode="decimal"></label>
${select('across', 'across models', ['flipped', 'all-wrong', 'judges-disagree'], state.across)}
${menus.runs.length ? select('against', 'compare with run', menus.runs, state.against) : ''}
${state.sort ? html`<input type="hidden" name="sort" value="${state.sort}">` : ''}${state.dir ? html`<input type="hidden" name="dir" value="${state.dir}">` : ''}
<button type="submit">Filter</button> <a href="${itemsHref(run.id)}">clear</a>
</form>`;
  const exportQuery = listQueryString({ ...state, page: undefined });
  const actions = html`<p class="actions"><span>Export these ${formatCount(result.total)} results:</span> <a data-link="export-csv" href="${runHref(run.id)}/export.csv${exportQuery ? `?${exportQuery}` : ''}" download>CSV</a> <a data-link="export-jsonl" href="${runHref(run.id)}/export.jsonl${exportQuery ? `?${exportQuery}` : ''}" download>JSONL</a>${options.live ? html` <span class="note" aria-live="polite">The run is still running: this list refreshes itself.</span>` : ''}</p>`;
  const pager = (where: string) =>
    html`<nav class="pager" aria-label="pages ${where}">${current > 1 ? html`<a rel="prev" href="${itemsHref(run.id, { ...state, page: current - 1 })}"${where === 'top' ? html` accesskey="p"` : ''}>← previous</a>` : ''}<span data-field="page-summary">page ${current} of ${pages} · ${formatCount(result.total)} of ${formatCount(result.all)} results</span>${current < pages ? html`<a rel="next" href="${itemsHref(run.id, { ...state, page: current + 1 })}"${where === 'top' ? html` accesskey="n"` : ''}>next →</a>` : ''}</nav>`;
  const columns = COLUMNS.filter((column) => column.key !== 'series' || severalSeries);
  const table = result.rows.length
    ? html`<div class="table-scroll"><table data-table="items" class="cards">
<caption class="note">Results ${formatCount((current - 1) * pageSize + 1)}–${formatCount((current - 1) * pageSize + result.rows.length)}; select a column's name to sort by it</caption>
<thead><tr>${columns.map((column) => sortHeader(run.id, state, column))}</tr></thead>
<tbody>${result.rows.map(
        (row) =>
          html`<tr data-country="${row.country ?? ''}" data-outcome="${row.outcome}"><td data-label="item" class="mono item-id"><a href="${itemHref(run.id, row, state)}">${row.itemId}</a></td>${severalSeries ? html`<td data-label="model · condition" class="mono">${seriesLabel(row.model, row.condition)}</td>` : ''}<td data-label="kind">${row.kind}</td><td data-label="country" data-field="country">${row.country ?? ''}</td><td data-label="category" class="clip" dir="auto"><span class="clip">${row.category ?? ''}</span></td><td data-label="language">${row.language}</td><td data-label="prompt" class="preview" dir="auto" lang="${row.language}">${row.preview}</td><td data-label="right">${row.answer ?? ''}</td><td data-label="answer" dir="auto">${row.extracted ?? ''}</td>${scoreCell(row, best)}<td data-label="status" class="outcome-${row.outcome} status-${row.outcome}">${row.outcome}</td><td data-label="judges" class="number"${row.judgeSpread !== null ? html` title="largest difference between two judges"` : ''}>${row.judgeSpread !== null ? html`±${formatScore(row.judgeSpread)}` : ''}${row.judgeLabels > 1 ? ' labels differ' : ''}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="empty">No result matches these filters.</p>`;
  return page(
    `Results of ${run.id}`,
    [{ href: runHref(run.id), label: run.id }, { label: 'results' }],
    html`${demoBanner(run)}${form}${actions}${pager('top')}${table}${result.rows.length ? pager('bottom') : ''}`,
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
  label?: string;
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
      label: verdict.label,
      reasoning: verdict.reasoning,
      reason: verdict.reason,
    })),
  );
}

/** Each judge's scores and reasoning (the reasoning is absent in runs judged before judges gave it). */
function renderJudges(row: ResultRow): SafeHtml | '' {
  const verdicts = judgeVerdicts(row.details);
  if (!verdicts.length) {
    const reasoning = judgeReasoning(row.details);
    return reasoning.length
      ? html`<h3>Judge reasoning</h3>${reasoning.map((entry) => html`<h4 class="mono">${entry.path}</h4><div tabindex="0" class="text-block" data-field="reasoning" dir="auto">${entry.text}</div>`)}`
      : '';
  }
  return html`<h3>Judges</h3><div class="table-scroll"><table data-table="judges" class="cards"><thead><tr><th scope="col">rubric</th><th scope="col">judge</th><th scope="col">verdict</th><th scope="col">scores</th><th scope="col">reasoning</th></tr></thead>
<tbody>${verdicts.map((verdict) => html`<tr><td data-label="rubric" class="mono">${verdict.rubric}</td><td data-label="judge" class="mono">${verdict.judge}</td><td data-label="verdict" class="status-${verdict.status}">${verdict.status}${verdict.label ? html` · ${verdict.label}` : ''}</td><td data-label="scores" data-field="judge-score">${verdict.metrics}</td><td data-label="reasoning" data-field="reasoning" dir="auto">${verdict.reasoning ?? verdict.reason ?? html`<span class="empty">none recorded</span>`}</td></tr>`)}</tbody></table></div>`;
}

function fact(label: string, value: HtmlValue): SafeHtml {
  return html`<dt>${label}</dt><dd>${value}</dd>`;
}

/** What an item page links to around its result. */
export interface ItemPageContext {
  list: ListState;
  previous?: ResultViewRow;
  next?: ResultViewRow;
  /** Texts of the item's description (and of the descriptions a grounded condition gave), by id; a string when they could not be read. */
  descriptions: ReadonlyMap<string, string> | string;
  /** How many results this item has in the run (all models and conditions). */
  siblings: number;
}

function renderDescription(row: ResultRow, descriptions: ItemPageContext['descriptions']): SafeHtml | '' {
  const ids = [...new Set([row.descriptionId, ...(row.details?.grounding ?? [])].filter((id): id is string => Boolean(id)))];
  if (!ids.length) return '';
  return html`<section class="description"><h3>Cultural description${ids.length > 1 ? 's' : ''}</h3>${ids.map((id) => {
    const text = typeof descriptions === 'string' ? undefined : descriptions.get(id);
    const role = id === row.descriptionId ? 'the item’s own description' : 'given to the model';
    return html`<h4><span class="mono">${id}</span> · ${role}</h4>${
      text !== undefined
        ? html`<div tabindex="0" class="text-block" data-field="description" dir="auto" lang="${row.language}">${showText(text)}</div>`
        : html`<p class="empty" data-field="description-missing">Text not available${typeof descriptions === 'string' ? html`: ${descriptions}` : ' in the dataset this run was read from'}.</p>`
    }`;
  })}</section>`;
}

/** One result: the description, prompt (every message), choices, response, scores, each judge's reasoning, timing, tokens, error. All as text. */
export function renderItemPage(run: StoredRun, row: ResultRow, context: ItemPageContext): string {
  const outcome = itemOutcome(row);
  const lang = row.language;
  const messages = typeof row.prompt === 'string' ? [{ role: 'context (log-likelihood)', content: row.prompt }] : row.prompt;
  const nav = (where: 'top' | 'bottom') => {
    const key = (letter: string) => (where === 'top' ? html` accesskey="${letter}"` : '');
    return html`<nav class="item-nav" aria-label="results in this list (${where})">${
      context.previous
        ? html`<a rel="prev"${key('p')} data-link="previous" href="${itemHref(run.id, context.previous, context.list)}">← previous: ${context.previous.itemId}</a>`
        : html`<span class="note">first in the list</span>`
    }<a${key('u')} data-link="list" href="${itemsHref(run.id, context.list)}">back to the list</a>${context.siblings > 1 ? html`<a data-link="compare"${key('c')} href="${compareHref(run.id, row.itemId)}">compare the ${context.siblings} results of this item</a>` : ''}${
      context.next
        ? html`<a rel="next"${key('n')} data-link="next" href="${itemHref(run.id, context.next, context.list)}">next: ${context.next.itemId} →</a>`
        : html`<span class="note">last in the list</span>`
    }</nav>`;
  };
  const body = html`${demoBanner(run)}${nav('top')}<dl class="facts">
${fact('model', html`<span class="mono">${row.model}</span>`)}
${fact('condition', row.condition)}
${fact('kind · format', `${row.kind} · ${row.format}`)}
${fact('language', row.language)}
${row.country ? fact('country', countryLabel(row.country)) : ''}
${row.category ? fact('category', html`<span dir="auto">${row.category}</span>`) : ''}
${row.topic ? fact('topic', html`<span dir="auto">${row.topic}</span>`) : ''}
${fact('template', html`<span class="mono">${row.template}</span>`)}
${fact('status', html`<span class="status-${row.status} outcome-${outcome}" data-field="outcome">${outcome}</span>${outcome !== row.status ? ` (${row.status})` : ''}`)}
${fact('method', row.method)}
${row.answer !== undefined ? fact('right answer', html`<span data-field="answer">${row.answer}</span>`) : ''}
${fact('extracted answer', row.extracted !== undefined ? html`<span dir="auto" data-field="extracted">${row.extracted}</span>` : html`<span class="empty">none</span>`)}
${fact('metrics', Object.keys(row.metrics).length ? html`<span data-field="metrics">${Object.entries(row.metrics).map(([metric, value], index) => html`${index ? ', ' : ''}${metric} = ${formatScore(value)}`)}</span>` : html`<span class="empty">none</span>`)}
${fact('latency', `${formatDuration(row.latencyMs)}${row.cached ? ' (answered from the cache)' : ''}`)}
${fact('tokens', `${formatCount(row.usage.inputTokens)} in, ${formatCount(row.usage.outputTokens)} out`)}
${fact('attempts', String(row.attempts))}
${fact('completed', row.completedAt)}
</dl>
${row.error ? html`<h3>Error</h3><div tabindex="0" class="text-block status-error" data-field="error" dir="auto">${row.error}</div>` : ''}
${renderDescription(row, context.descriptions)}
<h3>Prompt</h3>
${hiddenWarning([...messages.map((message) => message.content), ...(row.choices ?? []), row.response])}
${messages.map((message) => html`<h4>${message.role}</h4><div tabindex="0" class="text-block" data-field="prompt" dir="auto" lang="${lang}">${showText(message.content)}</div>`)}
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
${row.response !== undefined ? html`<div tabindex="0" class="text-block" data-field="response" dir="auto" lang="${lang}">${showText(row.response)}</div>` : html`<p class="empty">No response.</p>`}
${renderJudges(row)}
${row.details ? html`<details><summary>Scoring details (JSON)</summary><div tabindex="0" class="text-block mono" data-field="details">${JSON.stringify(row.details, null, 2)}</div></details>` : ''}
${nav('bottom')}`;
  return page(
    `${row.itemId}`,
    [{ href: runHref(run.id), label: run.id }, { href: itemsHref(run.id, context.list), label: 'results' }, { label: row.itemId }],
    body,
  );
}

/** One result of an item on the comparison page, from this run or another. */
export interface CompareEntry {
  runId: string;
  row: ResultRow;
}

function scoreSummary(row: ResultRow): string {
  return Object.entries(row.metrics)
    .map(([metric, value]) => `${metric} = ${formatScore(value)}`)
    .join(', ');
}

/** Every result of one item side by side (models, conditions, runs), each response diffed word by word against the base one. */
export function renderComparePage(
  run: StoredRun,
  itemId: string,
  entries: readonly CompareEntry[],
  options: { base: number; withRuns: readonly string[]; otherRuns: readonly string[] },
): string {
  const base = entries[Math.min(options.base, entries.length - 1)];
  const first = entries[0].row;
  const lang = first.language;
  const several = new Set(entries.map((entry) => entry.runId)).size > 1;
  const label = (entry: CompareEntry) => `${several ? `${entry.runId} · ` : ''}${seriesLabel(entry.row.model, entry.row.condition)}`;
  const messages = typeof first.prompt === 'string' ? first.prompt : (first.prompt.findLast((message) => message.role === 'user')?.content ?? '');
  const addRun = html`<form class="filters" method="get" action="${runHref(run.id)}/compare" aria-label="add a run to the comparison"><input type="hidden" name="item" value="${itemId}">${options.withRuns.map((other) => html`<input type="hidden" name="with" value="${other}">`)}${select('with', 'add a run', options.otherRuns, undefined)}<button type="submit">Compare</button></form>`;
  const body = html`${demoBanner(run)}<dl class="facts">${fact('item', html`<span class="mono">${itemId}</span>`)}${first.country ? fact('country', countryLabel(first.country)) : ''}${first.category ? fact('category', html`<span dir="auto">${first.category}</span>`) : ''}${first.answer !== undefined ? fact('right answer', first.answer) : ''}</dl>
<h3>Prompt</h3><div tabindex="0" class="text-block" data-field="prompt" dir="auto" lang="${lang}">${showText(messages)}</div>
${options.otherRuns.length ? addRun : ''}
<p class="note">Each response is compared word by word with the base (<span class="mono">${label(base)}</span>): <del>removed</del> words are the base's, <ins>added</ins> ones this response's.</p>
<div class="compare-grid" data-field="compare">${entries.map((entry, index) => {
    const { row } = entry;
    const outcome = itemOutcome(row);
    const verdicts = judgeVerdicts(row.details);
    return html`<article data-series="${label(entry)}" data-outcome="${outcome}" aria-label="${label(entry)}"><h3 class="mono">${label(entry)}</h3>
<p><span class="outcome-${outcome} status-${outcome}" data-field="outcome">${outcome}</span> · <span class="score" data-field="score">${scoreSummary(row)}</span>${row.extracted !== undefined ? html` · answer <span dir="auto">${row.extracted}</span>` : ''}</p>
<div tabindex="0" class="text-block" data-field="response" dir="auto" lang="${lang}">${
      row.response === undefined
        ? html`<span class="empty">No response.</span>`
        : entry === base || base.row.response === undefined
          ? showText(row.response)
          : renderWordDiff(base.row.response, row.response, { removed: `only in ${label(base)}`, added: `only in ${label(entry)}` })
    }</div>
${verdicts.length ? html`<ul class="judges">${verdicts.map((verdict) => html`<li><span class="mono">${verdict.judge}</span>: <span data-field="judge-score">${verdict.metrics}</span>${verdict.reasoning ? html` — <span dir="auto" data-field="reasoning">${verdict.reasoning}</span>` : ''}</li>`)}</ul>` : ''}
<p class="actions"><a href="${itemHref(entry.runId, row)}">full result</a>${entry === base ? html`<span class="note">base of the diffs</span>` : html`<a href="${compareHref(run.id, itemId, options.withRuns, index)}">diff against this one</a>`}</p></article>`;
  })}</div>`;
  return page(`Compare ${itemId}`, [{ href: runHref(run.id), label: run.id }, { href: itemsHref(run.id), label: 'results' }, { label: itemId }], body);
}

/** A page for an unknown run or item. */
export function renderNotFoundPage(message: string): string {
  return page('Not found', [], html`<p>${message}</p><p><a href="/">All runs</a></p>`);
}
