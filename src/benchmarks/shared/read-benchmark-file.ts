import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetError } from '../../errors/culturekit-error.js';
import { locateJsonError } from '../../datasets/scan-json.js';
import { fileError, readDatasetText } from '../../datasets/read-text-file.js';

/** A parsed JSON file and the line where each object in it starts. */
export interface JsonDocument {
  file: string;
  text: string;
  value: unknown;
  /** Line of an object of `value` (found by identity); 1 for objects it cannot place. */
  lineOf(object: object): number;
}

/**
 * Reads a JSON benchmark file and locates every object in it, so that problems in nested records can be reported
 * as `file:line`. Invalid JSON is a `DatasetError` naming the line.
 *
 * @example
 * const document = await readJsonDocument('mcq.json');
 * const first = (document.value as { infos: object[] }[])[0].infos[0];
 * document.lineOf(first); // 4
 */
export async function readJsonDocument(file: string): Promise<JsonDocument> {
  const text = await readDatasetText(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const where = locateJsonError(error, text);
    throw fileError(file, where.line, `invalid JSON: ${where.message} (column ${where.column})`);
  }
  const lines = objectLines(text, value);
  return { file, text, value, lineOf: (object) => lines.get(object) ?? 1 };
}

/**
 * Maps each object of a parsed JSON value to the line where it starts in the text: objects appear in the text in the
 * order a depth-first walk visits them (keys in insertion order). When the counts disagree (integer-like keys, which
 * JavaScript reorders, or duplicate keys), objects are left unplaced rather than misplaced.
 */
function objectLines(text: string, value: unknown): Map<object, number> {
  const starts: number[] = [];
  let line = 1;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) line++;
    else if (code === 123) starts.push(line);
    else if (code === 34) {
      for (index++; index < text.length; index++) {
        const inner = text.charCodeAt(index);
        if (inner === 92) index++;
        else if (inner === 34) break;
        else if (inner === 10) line++;
      }
    }
  }
  const objects: object[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      objects.push(node);
      Object.values(node).forEach(walk);
    }
  };
  walk(value);
  const lines = new Map<object, number>();
  if (objects.length !== starts.length || hasIntegerKeys(value)) return lines;
  objects.forEach((object, index) => lines.set(object, starts[index]));
  return lines;
}

function hasIntegerKeys(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasIntegerKeys);
  if (node === null || typeof node !== 'object') return false;
  return Object.entries(node).some(([key, inner]) => (/^(?:0|[1-9]\d*)$/.test(key) && inner !== null && typeof inner === 'object') || hasIntegerKeys(inner));
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
  if (!found) return 1;
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < found.index; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Whether a path is a directory (false when it does not exist). */
export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Whether a path exists. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The files of a directory whose names pass `accept`, sorted, as full paths; a missing directory is a `DatasetError`. */
export async function listFiles(directory: string, accept: (name: string) => boolean): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatasetError([], code === 'ENOENT' ? `benchmark folder not found: ${directory}` : `cannot read ${directory}: ${(error as Error).message}`);
  }
  return names.filter(accept).sort().map((name) => join(directory, name));
}
