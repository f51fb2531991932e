/**
 * Reads the JSON object in a judge's reply, tolerantly: plain JSON, a fenced ```json block, prose around it,
 * single or curly quotes, unquoted keys, trailing commas, comments, full-width or other non-ASCII digits, several
 * objects (the last complete one wins), or bare `key: value` pairs without braces (`score: 8`).
 * Returns the object as written (`{"score": "8"}` keeps the string; a rubric decides what it accepts), or
 * `undefined` when no object can be read: never a guess.
 *
 * @example
 * parseJudgeJson('Reasoning… ```json\n{"score": 8,}\n```') // { score: 8 }
 * parseJudgeJson("{'score': '８'}")                        // { score: '8' }
 * parseJudgeJson('Score: 7/10')                           // { Score: 7 }
 * parseJudgeJson('I cannot rate this.')                   // undefined
 */
export function parseJudgeJson(reply: string): Record<string, unknown> | undefined {
  const text = normalizeJudgeText(reply);
  return lastObject(text) ?? barePairs(text);
}

/** NFKC (full-width digits and punctuation to ASCII) and decimal digits of other scripts to ASCII digits. */
export function normalizeJudgeText(text: string): string {
  return text.normalize('NFKC').replace(/\p{Nd}/gu, (digit) => {
    const code = digit.codePointAt(0)!;
    for (const zero of digitZeros) if (code >= zero && code <= zero + 9) return String(code - zero);
    return digit;
  });
}

/** Code points of the digit zero in scripts judges may answer in (Arabic-Indic, Devanagari, Bengali, Thai, …). */
const digitZeros = [
  0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x17e0, 0x1810, 0xff10,
];

/** Longest reply scanned for objects; judge replies are short, and this bounds the work on a runaway reply. */
const maximumLength = 200_000;

function lastObject(text: string): Record<string, unknown> | undefined {
  const scanned = text.length > maximumLength ? text.slice(-maximumLength) : text;
  let found: Record<string, unknown> | undefined;
  let position = scanned.indexOf('{');
  while (position !== -1) {
    const reader = new LenientJsonReader(scanned, position);
    const value = reader.readObjectAt();
    if (value !== undefined) {
      found = value;
      position = scanned.indexOf('{', reader.position);
    } else {
      position = scanned.indexOf('{', position + 1);
    }
  }
  return found;
}

/** `score: 8`, `"score": 8`, `Score = 7/10`, `label：'3'` outside any object; a key given twice keeps its last value. */
function barePairs(text: string): Record<string, unknown> | undefined {
  const pairs: [string, unknown][] = [];
  const pattern =
    /(?<![\p{L}\p{N}_])(["'“‘]?)([\p{L}_][\p{L}\p{N}_-]*)["'”’]?\s*[:=]\s*(?:(-?\d+(?:\.\d+)?)(?![\p{L}\d]|\.\d|\s*[-–~]\s*\d)|"([^"\n]*)"|'([^'\n]*)'|(true|false)(?![\p{L}\p{N}]))/giu;
  for (const match of text.matchAll(pattern)) {
    const [, , key, number, doubleQuoted, singleQuoted, boolean] = match;
    let value: unknown;
    if (number !== undefined) value = Number(number);
    else if (doubleQuoted !== undefined) value = doubleQuoted;
    else if (singleQuoted !== undefined) value = singleQuoted;
    else value = boolean.toLowerCase() === 'true';
    pairs.push([key, value]);
  }
  return pairs.length > 0 ? Object.fromEntries(pairs) : undefined;
}

const closingQuote: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’', '„': '“' };
const literals: Record<string, unknown> = { true: true, false: false, null: null, True: true, False: false, None: null };

/** A small recursive-descent reader for JSON with the liberties judges take. Fails (undefined) rather than guesses. */
class LenientJsonReader {
  private depth = 0;

  constructor(
    private readonly text: string,
    public position: number,
  ) {}

  readObjectAt(): Record<string, unknown> | undefined {
    try {
      const value = this.readObject();
      return value;
    } catch (error) {
      if (error instanceof SyntaxError) return undefined;
      throw error;
    }
  }

  private fail(): never {
    throw new SyntaxError(`unreadable JSON at ${this.position}`);
  }

  private skipSpace(): void {
    const text = this.text;
    for (;;) {
      const character = text[this.position];
      if (character === undefined) return;
      if (/\s/u.test(character)) {
        this.position++;
      } else if (character === '/' && text[this.position + 1] === '/') {
        const end = text.indexOf('\n', this.position);
        this.position = end === -1 ? text.length : end;
      } else if (character === '/' && text[this.position + 1] === '*') {
        const end = text.indexOf('*/', this.position + 2);
        if (end === -1) this.fail();
        this.position = end + 2;
      } else {
        return;
      }
    }
  }

  private readValue(): unknown {
    this.skipSpace();
    const character = this.text[this.position];
    if (character === '{') return this.readObject();
    if (character === '[') return this.readArray();
    if (character !== undefined && character in closingQuote) return this.readString();
    if (character !== undefined && /[-+\d.]/.test(character)) return this.readNumber();
    const word = /^[A-Za-z]+/.exec(this.text.slice(this.position, this.position + 8))?.[0];
    if (word !== undefined && word in literals) {
      this.position += word.length;
      return literals[word];
    }
    return this.fail();
  }

  private readObject(): Record<string, unknown> {
    if (this.text[this.position] !== '{') this.fail();
    if (++this.depth > 64) this.fail();
    this.position++;
    const entries: [string, unknown][] = [];
    for (;;) {
      this.skipSpace();
      if (this.text[this.position] === '}') break;
      const key = this.readKey();
      this.skipSpace();
      if (this.text[this.position] !== ':') this.fail();
      this.position++;
      entries.push([key, this.readValue()]);
      this.skipSpace();
      const separator = this.text[this.position];
      if (separator === ',') {
        this.position++;
      } else if (separator !== '}') {
        this.fail();
      }
    }
    this.position++;
    this.depth--;
    return Object.fromEntries(entries);
  }

  private readArray(): unknown[] {
    if (++this.depth > 64) this.fail();
    this.position++;
    const values: unknown[] = [];
    for (;;) {
      this.skipSpace();
      if (this.text[this.position] === ']') break;
      values.push(this.readValue());
      this.skipSpace();
      const separator = this.text[this.position];
      if (separator === ',') {
        this.position++;
      } else if (separator !== ']') {
        this.fail();
      }
    }
    this.position++;
    this.depth--;
    return values;
  }

  private readKey(): string {
    const character = this.text[this.position];
    if (character !== undefined && character in closingQuote) return this.readString();
    const identifier = /^[\p{L}_$][\p{L}\p{N}_$-]*/u.exec(this.text.slice(this.position, this.position + 200))?.[0];
    if (identifier === undefined) this.fail();
    this.position += identifier.length;
    return identifier;
  }

  private readString(): string {
    const opening = this.text[this.position];
    const closing = closingQuote[opening];
    this.position++;
    let value = '';
    for (;;) {
      const character = this.text[this.position];
      if (character === undefined) this.fail();
      this.position++;
      if (character === closing) return value;
      if (character === '\\') {
        const escaped = this.text[this.position];
        if (escaped === undefined) this.fail();
        this.position++;
        if (escaped === 'u') {
          const hex = this.text.slice(this.position, this.position + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail();
          value += String.fromCharCode(parseInt(hex, 16));
          this.position += 4;
        } else {
          value += escapes[escaped] ?? escaped;
        }
      } else {
        value += character;
      }
    }
  }

  private readNumber(): number {
    const match = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/.exec(this.text.slice(this.position, this.position + 64));
    if (!match) this.fail();
    this.position += match[0].length;
    const value = Number(match[0]);
    if (!Number.isFinite(value)) this.fail();
    return value;
  }
}

const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', "'": "'", '\\': '\\', '/': '/' };
