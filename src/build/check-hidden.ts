import { codePointLabel, findHiddenCharacters } from '../text/hidden-characters.js';
import type { RejectionReason } from './check-item.js';

/**
 * The `hidden` check: text fields holding characters a reviewer cannot see (tag characters, bidi overrides, zero-width
 * spaces), each field named with what it holds, e.g. `prompt: 2 hidden characters (U+202E RIGHT-TO-LEFT OVERRIDE at 14, …)`.
 *
 * @example
 * hiddenCharacterReasons({ prompt: 'Is it rude?\u200B' }) // [{ check: 'hidden', message: 'prompt: 1 hidden character (U+200B ZERO WIDTH SPACE at 12)' }]
 */
export function hiddenCharacterReasons(fields: Record<string, string | readonly string[] | null | undefined>): RejectionReason[] {
  const reasons: RejectionReason[] = [];
  for (const [name, value] of Object.entries(fields)) {
    const texts = typeof value === 'string' ? [[name, value]] : (value ?? []).map((text, index) => [`${name}.${index}`, text]);
    for (const [field, text] of texts) {
      const hidden = findHiddenCharacters(text);
      if (hidden.length === 0) continue;
      const listed = hidden
        .slice(0, 3)
        .map((character) => `${codePointLabel(character.codePoint)} ${character.name} at ${character.index + 1}`)
        .join(', ');
      reasons.push({
        check: 'hidden',
        message: `${field}: ${hidden.length} hidden character${hidden.length === 1 ? '' : 's'} (${listed}${hidden.length > 3 ? ', …' : ''})`,
      });
    }
  }
  return reasons;
}
