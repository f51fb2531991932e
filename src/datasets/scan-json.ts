/** A place in JSON text: character offset, 1-based line and column. */
export interface JsonPosition {
  offset: number;
  line: number;
  column: number;
}

/**
 * The shape of a JSON document without its values, in document order (pre-order): every value's kind, start line and
 * size (the element or member count of an array or object, 0 otherwise), and the member keys of every object, object
 * after object.
 */
export interface JsonOutline {
  kinds: ('array' | 'object' | 'scalar')[];
  lines: number[];
  sizes: number[];
  keys: string[];
}

export type JsonScan = { ok: true; outline: JsonOutline } | { ok: false; error: JsonPosition };

const LITERAL = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)$/;

enum Expect {
  Value,
  ValueOrClose,
  Key,
  KeyOrClose,
  Colon,
  CommaOrClose,
  End,
}

interface Frame {
  isArray: boolean;
  /** Index of the container in `outline.sizes`, counted up as its members come. */
  slot: number;
}

/**
 * A structural scan of JSON text (no values are built): where every value starts and the keys of every object, or
 * where the text stops being JSON. Values themselves are parsed by `JSON.parse`; `parseJsonDocument` pairs the two.
 *
 * @example
 * const scan = scanJson('[\n {"id": 1},\n {"id": 2}\n]');
 * // scan.ok && scan.outline.lines  →  [1, 2, 2, 3, 3] (the array, then each object and its value); keys: ['id', 'id']
 */
export function scanJson(text: string): JsonScan {
  const length = text.length;
  const outline: JsonOutline = { kinds: [], lines: [], sizes: [], keys: [] };
  const stack: Frame[] = [];
  let index = 0;
  let line = 1;
  let lineStart = 0;
  let expect = Expect.Value;
  const fail = (offset = index): JsonScan => ({ ok: false, error: { offset, line, column: offset - lineStart + 1 } });
  const afterValue = (): Expect => (stack.length === 0 ? Expect.End : Expect.CommaOrClose);
  const open = (isArray: boolean): void => {
    stack.push({ isArray, slot: outline.sizes.length });
    outline.kinds.push(isArray ? 'array' : 'object');
    outline.lines.push(line);
    outline.sizes.push(0);
  };
  const scalar = (): void => {
    outline.kinds.push('scalar');
    outline.lines.push(line);
    outline.sizes.push(0);
  };
  /** Index just past the closing quote, or -1 with `index` left on the offending character. */
  const skipString = (): number => {
    let cursor = index + 1;
    while (cursor < length) {
      const code = text.charCodeAt(cursor);
      if (code === 34) return cursor + 1;
      if (code === 92) cursor += 2;
      else if (code < 0x20) {
        index = cursor;
        return -1;
      } else cursor++;
    }
    return -1;
  };

  for (;;) {
    while (index < length) {
      const code = text.charCodeAt(index);
      if (code === 10) {
        line++;
        lineStart = index + 1;
      } else if (code !== 32 && code !== 9 && code !== 13) break;
      index++;
    }
    if (index >= length) return expect === Expect.End ? { ok: true, outline } : fail();
    const char = text[index];
    switch (expect) {
      case Expect.End:
        return fail();
      case Expect.Value:
      case Expect.ValueOrClose: {
        if (char === ']' && expect === Expect.ValueOrClose) {
          index++;
          stack.pop();
          expect = afterValue();
          break;
        }
        const parent = stack.at(-1);
        if (parent?.isArray) outline.sizes[parent.slot]++;
        if (char === '{') {
          open(false);
          expect = Expect.KeyOrClose;
          index++;
        } else if (char === '[') {
          open(true);
          expect = Expect.ValueOrClose;
          index++;
        } else if (char === '"') {
          const start = index;
          const end = skipString();
          if (end < 0) return fail(index === start ? start : index);
          scalar();
          index = end;
          expect = afterValue();
        } else {
          let end = index;
          while (end < length && isLiteralCharacter(text.charCodeAt(end))) end++;
          if (end === index || !LITERAL.test(text.slice(index, end))) return fail();
          scalar();
          index = end;
          expect = afterValue();
        }
        break;
      }
      case Expect.Key:
      case Expect.KeyOrClose: {
        if (char === '}' && expect === Expect.KeyOrClose) {
          index++;
          stack.pop();
          expect = afterValue();
          break;
        }
        if (char !== '"') return fail();
        const start = index;
        const end = skipString();
        if (end < 0) return fail(index === start ? start : index);
        const raw = text.slice(start + 1, end - 1);
        outline.keys.push(raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw);
        outline.sizes[stack[stack.length - 1].slot]++;
        index = end;
        expect = Expect.Colon;
        break;
      }
      case Expect.Colon:
        if (char !== ':') return fail();
        index++;
        expect = Expect.Value;
        break;
      case Expect.CommaOrClose: {
        const top = stack[stack.length - 1];
        if (char === ',') {
          index++;
          expect = top.isArray ? Expect.Value : Expect.Key;
        } else if (char === (top.isArray ? ']' : '}')) {
          index++;
          stack.pop();
          expect = afterValue();
        } else return fail();
        break;
      }
    }
  }
}

/** A–Z, a–z, 0–9, `+`, `-`, `.`: the characters of numbers and of true / false / null. */
function isLiteralCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 43 || code === 45 || code === 46;
}

/**
 * The 1-based line and column of a character offset in `text`.
 *
 * @example
 * positionAt('{\n  "a": 1\n}', 4) // { offset: 4, line: 2, column: 3 }
 */
export function positionAt(text: string, offset: number): JsonPosition {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/**
 * Where `JSON.parse` failed on `text`, and its message without the echoed text:
 * `{ line: 3, column: 7, message: "Unexpected token ','" }`.
 */
export function locateJsonError(error: unknown, text: string): { line: number; column: number; message: string } {
  const raw = error instanceof Error ? error.message : String(error);
  const message =
    raw
      .replace(/,? ?".*" is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/ \(line \d+ column \d+\)$/, '')
      .trim() || 'syntax error';
  const reported = /at position (\d+)/.exec(raw);
  if (reported) {
    const { line, column } = positionAt(text, Math.min(Number(reported[1]), text.length));
    return { line, column, message };
  }
  const scan = scanJson(text);
  if (scan.ok === false) return { line: scan.error.line, column: scan.error.column, message };
  return { line: 1, column: 1, message };
}

/** `"array"`, `"null"`, `"string"`… for messages about a value that should have been an object. */
export function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
