/**
 * The parts of a text a translation must leave untouched: fenced and inline code, URLs, placeholders (`{name}`,
 * `{{x}}`, `%s`, `%(name)s`, `%1$s`, `${x}`, `$1`), markup tags and entities, and option letters at line starts
 * (`A.`, `B)`). A translation keeps them when it holds the same spans, each as often (in any order).
 */

export type ProtectedKind = 'code-block' | 'inline-code' | 'url' | 'placeholder' | 'markup' | 'option-letter';

const PATTERNS: [ProtectedKind, RegExp][] = [
  ['code-block', /```[\s\S]*?```/g],
  ['inline-code', /`[^`\n]+`/g],
  ['url', /\b(?:https?|ftp):\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]}。、，]/g],
  ['placeholder', /\{\{\s*[\w.]+\s*\}\}|\$\{[\w.]+\}|\{[A-Za-z_][\w.]*\}|\{\d+\}|%\(\w+\)[sdif]|%\d+\$[sdif]|%[sdif]|\$\d+/g],
  ['markup', /<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi],
];

const OPTION_LETTER = /^[ \t]*([A-Z])[.)](?=[ \t])/gm;

export interface ProtectedSpan {
  kind: ProtectedKind;
  text: string;
}

/**
 * The protected spans of a text, code first (a placeholder inside code is part of the code), then URLs, then the rest.
 *
 * @example
 * protectedSpans('Hi {name}, see https://example.org and `x = 1`.') // [{kind: 'inline-code', text: '`x = 1`'}, {kind: 'url', …}, {kind: 'placeholder', text: '{name}'}]
 */
export function protectedSpans(text: string): ProtectedSpan[] {
  const spans: ProtectedSpan[] = [];
  let rest = text;
  for (const [kind, pattern] of PATTERNS) {
    rest = rest.replace(pattern, (match) => {
      spans.push({ kind, text: match });
      return ' ';
    });
  }
  for (const match of rest.matchAll(OPTION_LETTER)) spans.push({ kind: 'option-letter', text: `${match[1]}.` });
  return spans;
}

/** The text without its protected spans (for language identification and length ratios of the prose alone). */
export function withoutProtectedSpans(text: string): string {
  let rest = text;
  for (const [, pattern] of PATTERNS) rest = rest.replace(pattern, ' ');
  return rest.replace(OPTION_LETTER, ' ');
}

export interface SpanViolation {
  kind: ProtectedKind;
  text: string;
  /** In the source this many times, in the translation that many. */
  source: number;
  translation: number;
}

function counted(spans: readonly ProtectedSpan[]): Map<string, { kind: ProtectedKind; count: number }> {
  const counts = new Map<string, { kind: ProtectedKind; count: number }>();
  for (const span of spans) {
    const key = `${span.kind}\u0000${span.text}`;
    const entry = counts.get(key) ?? { kind: span.kind, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return counts;
}

/**
 * The protected spans the translation lost, changed or added (empty: all kept).
 *
 * @example
 * checkProtectedSpans('Hello {name}!', 'Bonjour {nom} !') // [{kind: 'placeholder', text: '{name}', source: 1, translation: 0}, {… text: '{nom}', source: 0, translation: 1}]
 */
export function checkProtectedSpans(source: string, translation: string): SpanViolation[] {
  const expected = counted(protectedSpans(source));
  const found = counted(protectedSpans(translation));
  const violations: SpanViolation[] = [];
  for (const [key, { kind, count }] of expected) {
    const got = found.get(key)?.count ?? 0;
    if (got !== count) violations.push({ kind, text: key.split('\u0000')[1], source: count, translation: got });
  }
  for (const [key, { kind, count }] of found) {
    if (!expected.has(key)) violations.push({ kind, text: key.split('\u0000')[1], source: 0, translation: count });
  }
  return violations;
}
