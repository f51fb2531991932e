import { html, raw, type SafeHtml } from './html.js';
import { CONTENT_SECURITY_POLICY, PAGE_STYLE } from './page-style.js';

/**
 * A whole HTML page around a body: inline CSS, a strict Content-Security-Policy, no scripts and no network.
 *
 * @example
 * const page = htmlPage({ title: 'culturekit report', body: html`<main>…</main>` });
 */
export function htmlPage(input: { title: string; body: SafeHtml; lang?: string }): string {
  return html`<!doctype html>
<html lang="${input.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<title>${input.title}</title>
<style>${raw(PAGE_STYLE)}</style>
</head>
<body>
${input.body}
</body>
</html>
`.value;
}
