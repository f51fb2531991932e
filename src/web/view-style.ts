import { raw, type SafeHtml } from '../report/html.js';

/**
 * What the web apps (viewer and review) add to the report's stylesheet: dark colours when the system asks for them,
 * a focus ring that cannot be missed, long values wrapped and bounded (no page wider than the screen), tables that
 * turn into cards on a phone, sortable headers, word diffs, and the review app's layout. Inline (pages need no network).
 */
export const WEB_STYLE = `
:root { --focus: #1a56db; --ins-bg: #d5f5df; --ins-ink: #0b4d26; --del-bg: #fde2e0; --del-ink: #8a1c12; --bar: #2f5d8a; }
@media (prefers-color-scheme: dark) {
  :root { color-scheme: dark; --ink: #e7e9ec; --muted: #b4bcc6; --line: #454c55; --soft: #1e2227; --accent: #9cc3ff; --bad: #ff9b8f; --good: #7fe0a6;
    --focus: #ffd166; --ins-bg: #17462b; --ins-ink: #c9f7d9; --del-bg: #5a1d18; --del-ink: #ffd6d1; --bar: #9cc3ff; }
  body { background: #131619; color: var(--ink); }
  th { background: #262b31; }
  figure.chart svg { background: #fff; border-radius: 4px; }
  mark.hidden-char, p.hidden-warning { filter: brightness(0.95); }
}
body { overflow-wrap: break-word; }
td.clip, td.preview, dd, .text-block, .compare-grid article { overflow-wrap: anywhere; }
th { white-space: nowrap; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
a.skip { position: absolute; left: -9999px; top: 0; }
a.skip:focus { left: 8px; top: 8px; background: var(--soft); padding: 6px 10px; z-index: 10; }
main { padding-bottom: 40px; }
td, th { max-width: 28rem; }
td.clip { max-width: 14rem; }
td.clip span.clip { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
th a.sort { color: inherit; text-decoration: none; display: inline-block; }
th a.sort:hover, th a.sort:focus-visible { text-decoration: underline; }
th[aria-sort] a.sort::after { content: " ▲"; font-size: 0.75em; }
th[aria-sort="descending"] a.sort::after { content: " ▼"; }
form.filters input { font: inherit; font-size: 0.9rem; padding: 3px 6px; max-width: 12rem; }
form.filters input[type="search"] { min-width: 14rem; }
form.filters select { max-width: 14rem; }
.actions { display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: center; margin: 8px 0; }
nav.item-nav { display: flex; flex-wrap: wrap; gap: 8px 18px; margin: 10px 0; }
.score { font-variant-numeric: tabular-nums; white-space: nowrap; }
.score-bar { display: inline-block; height: 0.55em; background: var(--bar); vertical-align: middle; margin-left: 6px; border-radius: 2px; }
.text-block { max-height: 28rem; overflow: auto; }
figure.chart { overflow-x: visible; }
figure.chart svg { max-width: 100%; height: auto; }
ins { background: var(--ins-bg); color: var(--ins-ink); text-decoration: underline; text-decoration-thickness: 1px; }
del { background: var(--del-bg); color: var(--del-ink); text-decoration: line-through; }
.compare-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 12px; margin: 12px 0; }
.compare-grid article { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; min-width: 0; }
.compare-grid article h3 { margin-top: 4px; font-size: 1rem; }
.banner { border: 1px solid var(--line); background: var(--soft); border-left: 4px solid var(--accent); padding: 8px 12px; margin: 10px 0; border-radius: 4px; }
progress { width: min(28rem, 100%); height: 1rem; vertical-align: middle; }
@media (max-width: 640px) {
  header.page, main { padding: 0 10px; }
  body { font-size: 16px; }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; max-width: none; }
  table.cards thead { position: absolute; left: -9999px; }
  table.cards tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 10px; padding: 4px 0; }
  table.cards td { border: none; padding: 2px 10px; }
  table.cards td::before { content: attr(data-label) ": "; color: var(--muted); font-size: 0.85em; }
  form.filters { flex-direction: column; align-items: stretch; }
  form.filters input, form.filters select, form.filters input[type="search"] { max-width: none; min-width: 0; width: 100%; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 6px; }
}
`;

/** The stylesheet as a `<style>` element for the top of a page's body (the report's `<head>` style stays first). */
export function webStyle(): SafeHtml {
  return raw(`<style>${WEB_STYLE}</style>`);
}
