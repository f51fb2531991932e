import { CHOICE_LETTERS } from '../../schema/fields.js';

/** A question whose options were written inside its text, split into the stem and the option texts. */
export interface InlineOptions {
  stem: string;
  options: string[];
}

/** `A. 是`, `A .是`, `A、是`, `(A) 是`, `A）是`, and `C青少年…` (a label glued to non-Latin text). */
const OPTION_LINE = /^[(（]?([A-Z])(?:\s*[.．、:：)）]\s*|\s+|(?=[^A-Za-z0-9\s]))(.*)$/;

/**
 * Splits a question that carries its options as its last lines (`…？\nA. 是\nB. 否`) into the stem and the options.
 * Non-breaking and full-width spaces count as spaces and full-width letters (`Ａ`) as letters; the text is otherwise
 * kept as written. The options are the longest run of final lines labelled A, B, C… in order; a stem line that happens to start with
 * a letter (`A公司…`) stays in the stem. When that finds nothing, labels written inside a line after a space
 * (`A、甲 B、乙`) are split onto lines of their own and the text is read again. Returns undefined when the text does not
 * end with at least two labelled options.
 *
 * @example
 * parseInlineOptions('这种说法正确吗？\nA. 是\nB. 否') // { stem: '这种说法正确吗？', options: ['是', '否'] }
 */
export function parseInlineOptions(question: string): InlineOptions | undefined {
  return parseOptionLines(question) ?? parseOptionLines(question.replace(INLINE_LABEL, '\n'));
}

/** A label written inside a line after some space (`…职位。   A. 是`, `A、甲 B、乙`): tried when the lines alone do not parse. */
const INLINE_LABEL = /[ \t\u00a0\u3000]+(?=[(（]?[A-H]\s*[.．、:：)）])/g;

function parseOptionLines(question: string): InlineOptions | undefined {
  const lines = question
    .replace(/[\u00a0\u2000-\u200b\u3000]/g, ' ')
    .replace(/[\uff21-\uff3a]/g, (letter) => String.fromCharCode(letter.charCodeAt(0) - 0xff21 + 65))
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const labelled: { letter: string; text: string }[] = [];
  let index = lines.length - 1;
  for (; index >= 0; index--) {
    const match = OPTION_LINE.exec(lines[index]);
    if (!match) break;
    const letter = match[1];
    const expected = labelled.length === 0 ? undefined : CHOICE_LETTERS[CHOICE_LETTERS.indexOf(labelled[0].letter) - 1];
    if (expected !== undefined && letter !== expected) break;
    labelled.unshift({ letter, text: match[2].trim() });
    if (letter === 'A') {
      index--;
      break;
    }
  }
  if (labelled.length < 2 || labelled[0].letter !== 'A' || labelled.some((option) => option.text === '')) return undefined;
  const stem = lines
    .slice(0, index + 1)
    .join('\n')
    .trim();
  if (stem === '') return undefined;
  return { stem, options: labelled.map((option) => option.text) };
}
