import { html, type SafeHtml } from '../report/html.js';

/** One run of a word diff: text both sides share, or text only the old (`removed`) or the new (`added`) side has. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Beyond this many token pairs the middle of a diff is shown as one removal and one addition (memory stays bounded). */
const MAX_CELLS = 4_000_000;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Words, spaces and punctuation, in order; word boundaries from ICU, so Chinese, Japanese and Thai split into words too. */
export function diffTokens(text: string): string[] {
  return Array.from(segmenter.segment(text), (segment) => segment.segment);
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (!text) return;
  const last = parts.at(-1);
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/**
 * A word-level diff of two texts (longest common subsequence of ICU word segments): the shared text once, and each
 * changed word marked as removed or added, so one changed word in a long answer shows as one change.
 *
 * @example
 * wordDiff('the cat sat', 'the dog sat') // [same 'the ', removed 'cat', added 'dog', same ' sat']
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = diffTokens(before);
  const b = diffTokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS) {
    push(parts, 'removed', a.slice(start, endA).join(''));
    push(parts, 'added', b.slice(start, endB).join(''));
  } else if (n > 0 || m > 0) {
    // lengths[i * (m + 1) + j]: the longest common subsequence of a[start + i..] and b[start + j..].
    const lengths = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lengths[i * (m + 1) + j] =
          a[start + i] === b[start + j] ? lengths[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        push(parts, 'same', a[start + i]);
        i++;
        j++;
      } else if (i < n && (j === m || lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1])) {
        push(parts, 'removed', a[start + i]);
        i++;
      } else {
        push(parts, 'added', b[start + j]);
        j++;
      }
    }
  }
  push(parts, 'same', a.slice(endA).join(''));
  return parts;
}

/**
 * A word diff as markup: removed words in `<del>`, added ones in `<ins>` (both escaped text), with a count of the
 * changes for screen readers. `before` and `after` are untrusted text.
 */
export function renderWordDiff(before: string, after: string, labels: { removed: string; added: string } = { removed: 'removed', added: 'added' }): SafeHtml {
  const parts = wordDiff(before, after);
  const changes = parts.filter((part) => part.kind !== 'same').length;
  return html`<span class="word-diff" data-changes="${changes}">${parts.map((part) =>
    part.kind === 'same'
      ? part.text
      : part.kind === 'added'
        ? html`<ins data-diff="added" title="${labels.added}">${part.text}</ins>`
        : html`<del data-diff="removed" title="${labels.removed}">${part.text}</del>`,
  )}</span>`;
}
