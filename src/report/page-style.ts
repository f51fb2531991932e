import { FONT_STACK } from './chart-specs.js';

/** The Content-Security-Policy of every page culturekit writes or serves: no scripts, no network, inline styles only. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'";

/** The header form adds what a `<meta>` policy cannot carry. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** The stylesheet shared by the HTML report and the viewer (inlined: pages need no network). */
export const PAGE_STYLE = `
:root { color-scheme: light; --ink: #1d1f23; --muted: #5f6670; --line: #d9dde3; --soft: #f4f6f8; --accent: #2f5d8a; --bad: #b03a2e; --good: #1e7a46; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${FONT_STACK}; color: var(--ink); background: #fff; line-height: 1.45; font-size: 15px; }
header.page, main { max-width: 1180px; margin: 0 auto; padding: 0 20px; }
header.page { padding-top: 18px; border-bottom: 1px solid var(--line); padding-bottom: 8px; }
header.page h1 { margin: 0 0 4px; font-size: 1.45rem; }
header.page p { margin: 2px 0; color: var(--muted); }
nav.toc { font-size: 0.9rem; margin: 8px 0; }
nav.toc a { margin-right: 12px; }
a { color: var(--accent); }
h2 { margin-top: 34px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; font-size: 1.25rem; }
h3 { margin-top: 26px; font-size: 1.08rem; }
h4 { margin: 18px 0 6px; font-size: 0.98rem; color: var(--muted); }
section { margin-bottom: 10px; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.88rem; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.table-scroll { overflow-x: auto; max-width: 100%; }
figure.chart { margin: 12px 0 20px; overflow-x: auto; }
figure.chart svg { max-width: none; height: auto; }
figure.chart figcaption { font-size: 0.85rem; color: var(--muted); }
.note { color: var(--muted); font-size: 0.9rem; }
.empty { color: var(--muted); font-style: italic; }
.status-scored { color: var(--good); }
.status-invalid, .status-error { color: var(--bad); }
.status-unscored { color: var(--muted); }
.outcome-correct { color: var(--good); font-weight: 600; }
.outcome-incorrect { color: var(--bad); font-weight: 600; }
.text-block { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 8px 10px; margin: 4px 0 12px; font-family: ${FONT_STACK}; }
.mono { font-family: ui-monospace, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace; font-size: 0.85rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 14px; margin: 8px 0 16px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
form.filters { display: flex; flex-wrap: wrap; gap: 10px; align-items: end; margin: 10px 0; padding: 10px; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; }
form.filters label { display: flex; flex-direction: column; font-size: 0.82rem; color: var(--muted); }
form.filters select, form.filters button { font: inherit; font-size: 0.9rem; padding: 3px 6px; }
.pager { margin: 10px 0; display: flex; gap: 14px; align-items: center; }
td.preview { max-width: 520px; overflow-wrap: anywhere; }
td.item-id { white-space: nowrap; }
ul.choices { list-style: none; padding-left: 4px; }
.maps { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(560px, 100%), 1fr)); gap: 4px 16px; }
.maps figure.chart { margin: 6px 0 10px; }
.banner { background: #fdecea; border: 2px solid var(--bad); color: #7a1f16; border-radius: 6px; padding: 10px 14px; margin: 10px 0; font-size: 1.02rem; }
.banner p { margin: 2px 0; color: #7a1f16; }
section.summary h3.summary-run { border-bottom: 1px solid var(--line); padding-bottom: 2px; }
td.small { color: #54595f; background: #eeeeee; font-style: italic; }
.headline-value { font-size: 1.1rem; font-weight: 600; }
.ci, .n { color: var(--muted); font-size: 0.82rem; }
ol.worst-list > li { margin: 6px 0 12px; }
table.examples td.preview { max-width: 360px; }
details.safety-series { margin: 8px 0 14px; }
details.safety-series > summary { cursor: pointer; font-weight: 600; }
.country-examples h5 { margin: 12px 0 4px; font-size: 0.95rem; }
article.example { border: 1px solid var(--line); border-radius: 4px; padding: 8px 10px; margin: 6px 0 10px; }
article.example h6 { margin: 4px 0 2px; font-size: 0.8rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
.example-texts { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 8px; }
.example-texts .text-block { max-height: 16em; overflow: auto; margin: 0; }
.scores .score { margin-right: 12px; }
table.verdicts td[data-field="reasoning"] { max-width: 560px; overflow-wrap: anywhere; }
ul.choices li { margin: 2px 0; }
`;
