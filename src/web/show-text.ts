import { html, type SafeHtml } from '../report/html.js';
import { codePointLabel, findHiddenCharacters, splitHidden } from '../text/hidden-characters.js';

/** How a hidden character looks on a page: a boxed label that cannot be missed (and that no longer reorders the text). */
const MARK_STYLE = 'background:#ffe08a;color:#5a3b00;border:1px solid #b8860b;border-radius:3px;padding:0 3px;font:0.75em ui-monospace,monospace;';

/**
 * Dataset or model text for a page, escaped, with each hidden character (tag characters, bidi overrides, zero-width
 * spaces) shown as a visible label such as `⟨U+202E RIGHT-TO-LEFT OVERRIDE⟩` instead of acting unseen.
 *
 * @example
 * showText('pay\u200Bpal') // pay<mark …>⟨U+200B ZERO WIDTH SPACE⟩</mark>pal
 */
export function showText(text: string): SafeHtml | string {
  const parts = splitHidden(text);
  if (parts.length === 1 && typeof parts[0] === 'string') return text;
  return html`${parts.map((part) =>
    typeof part === 'string'
      ? part
      : html`<mark class="hidden-char" data-hidden="${codePointLabel(part.codePoint)}" title="a hidden character: ${part.name}" style="${MARK_STYLE}">⟨${codePointLabel(part.codePoint)} ${part.name}⟩</mark>`,
  )}`;
}

/** A warning for a record whose text holds hidden characters (how many), or nothing. */
export function hiddenWarning(texts: readonly (string | null | undefined)[]): SafeHtml | '' {
  const count = texts.reduce((sum, text) => sum + (text ? findHiddenCharacters(text).length : 0), 0);
  if (count === 0) return '';
  return html`<p class="hidden-warning" data-field="hidden-warning" role="alert" style="${MARK_STYLE}display:block;padding:6px 10px;font-size:0.95em;">This text holds ${count} hidden character${count === 1 ? '' : 's'} (shown boxed): check that they belong there.</p>`;
}
