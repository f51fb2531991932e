import { fileError, readDatasetText } from './read-text-file.js';
import { locateJsonError, positionAt, scanJson, type JsonOutline } from './scan-json.js';

/** A parsed JSON file and the line where each of its values starts. */
export interface JsonDocument {
  file: string;
  text: string;
  value: unknown;
  /** Line where an object or array of `value` starts (found by identity); 1 for one it cannot place. */
  lineOf(node: object): number;
  /** Lines where the elements of an array of `value` start (found by identity); empty for one it cannot place. */
  elementLines(array: readonly unknown[]): number[];
}

/**
 * Parses JSON text and locates every value in it, so that problems in nested records can be reported as `file:line`.
 * Invalid JSON is a `DatasetError` naming the line and column. Duplicate keys and integer-like keys (which JavaScript
 * reorders) are placed by name, as `JSON.parse` reads them.
 *
 * @example
 * const document = parseJsonDocument('mcq.json', '[\n  {"id": "a"},\n  {"id": "b"}\n]');
 * document.elementLines(document.value as unknown[]) // [2, 3]
 */
export function parseJsonDocument(file: string, text: string): JsonDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const where = locateJsonError(error, text);
    throw fileError(file, where.line, `invalid JSON: ${where.message} (column ${where.column})`);
  }
  let placed: Placed | undefined;
  const place = (): Placed => (placed ??= placeValues(text, value));
  return {
    file,
    text,
    value,
    lineOf: (node) => place().lines.get(node) ?? 1,
    elementLines: (array) => place().elements.get(array) ?? [],
  };
}

/**
 * Reads a JSON file (UTF-8, checked) and locates every value in it (see `parseJsonDocument`).
 *
 * @example
 * const document = await readJsonDocument('mcq.json');
 * const first = (document.value as { infos: object[] }[])[0].infos[0];
 * document.lineOf(first); // 4
 */
export async function readJsonDocument(file: string): Promise<JsonDocument> {
  return parseJsonDocument(file, await readDatasetText(file));
}

/**
 * The line of the first occurrence of a JSON object key (`"key":`) at or after `from`, or 1.
 *
 * @example
 * lineOfKey('{\n "a": 1,\n "b": 2\n}', 'b') // 3
 */
export function lineOfKey(text: string, key: string, from = 0): number {
  const match = new RegExp(`${escapeRegExp(JSON.stringify(key))}\\s*:`, 'g');
  match.lastIndex = from;
  const found = match.exec(text);
  return found ? positionAt(text, found.index).line : 1;
}

interface Placed {
  lines: Map<object, number>;
  elements: Map<readonly unknown[], number[]>;
}

/** Pairs the parsed value with the scanned outline, walking both in document order. */
function placeValues(text: string, value: unknown): Placed {
  const placed: Placed = { lines: new Map(), elements: new Map() };
  const scan = scanJson(text);
  if (!scan.ok) return placed;
  const outline: JsonOutline = scan.outline;
  let slot = 0;
  let keyIndex = 0;
  /** Consumes the outline of one value; `node` is the parsed value there (undefined, or another shape, places nothing). */
  const walk = (node: unknown): void => {
    const kind = outline.kinds[slot];
    const line = outline.lines[slot];
    const size = outline.sizes[slot++];
    if (kind === 'array') {
      const array = Array.isArray(node) ? node : undefined;
      const lines: number[] = [];
      for (let index = 0; index < size; index++) {
        lines.push(outline.lines[slot]);
        walk(array?.[index]);
      }
      if (array) {
        placed.lines.set(array, line);
        placed.elements.set(array, lines);
      }
    } else if (kind === 'object') {
      const object = node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
      if (object) placed.lines.set(object, line);
      // Member keys come in document order, each before its value's subtree. An earlier duplicate key walks the value
      // that the last one holds; the last one, later in the text, then sets every line right.
      for (let member = 0; member < size; member++) walk(object?.[outline.keys[keyIndex++]]);
    }
  };
  walk(value);
  return placed;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
