/** Where a JSON value starts: character offset and 1-based line. */
export interface JsonPosition {
  offset: number;
  line: number;
  column: number;
}

/**
 * Where the records of a JSON document start: for a top-level array, its elements under the key `""`;
 * for a top-level object, the elements of each array-valued key.
 */
export type JsonElementStarts = Map<string, JsonPosition[]>;

export type JsonScan = { ok: true; elements: JsonElementStarts } | { ok: false; error: JsonPosition };

const LITERAL = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)$/;

const enum Expect {
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
  starts?: JsonPosition[];
}

/**
 * A structural scan of JSON text (no values are built): the start of every record, or where the text
 * stops being JSON. Values themselves are parsed by `JSON.parse`.
 *
 * @example
 * const scan = scanJson('[\n {"id": 1},\n {"id": 2}\n]');
 * // scan.ok && scan.elements.get('')  →  [{ offset: 3, line: 2, column: 2 }, { offset: 16, line: 3, column: 2 }]
 */
export function scanJson(text: string): JsonScan {
  const length = text.length;
  const elements: JsonElementStarts = new Map();
  const stack: Frame[] = [];
  let index = 0;
  let line = 1;
  let lineStart = 0;
  let expect = Expect.Value;
  let rootKey = '';
  const here = (offset = index): JsonPosition => ({ offset, line, column: offset - lineStart + 1 });
  const fail = (offset = index): JsonScan => ({ ok: false, error: here(offset) });
  const afterValue = (): Expect => (stack.length === 0 ? Expect.End : Expect.CommaOrClose);
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
    if (index >= length) return expect === Expect.End ? { ok: true, elements } : fail();
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
        stack.at(-1)?.starts?.push(here());
        if (char === '{') {
          stack.push({ isArray: false });
          expect = Expect.KeyOrClose;
          index++;
        } else if (char === '[') {
          let starts: JsonPosition[] | undefined;
          if (stack.length === 0) starts = [];
          else if (stack.length === 1 && !stack[0].isArray) starts = [];
          if (starts) elements.set(stack.length === 0 ? '' : rootKey, starts);
          stack.push({ isArray: true, starts });
          expect = Expect.ValueOrClose;
          index++;
        } else if (char === '"') {
          const start = index;
          const end = skipString();
          if (end < 0) return fail(index === start ? start : index);
          index = end;
          expect = afterValue();
        } else {
          let end = index;
          while (end < length && /[A-Za-z0-9+\-.]/.test(text[end])) end++;
          if (end === index || !LITERAL.test(text.slice(index, end))) return fail();
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
        if (stack.length === 1) rootKey = JSON.parse(text.slice(start, end)) as string;
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
    const offset = Math.min(Number(reported[1]), text.length);
    let line = 1;
    let lineStart = 0;
    for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
      line++;
      lineStart = index + 1;
    }
    return { line, column: offset - lineStart + 1, message };
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
