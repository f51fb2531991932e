import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { DatasetError } from '../errors/culturekit-error.js';
import { LineSplitter } from '../util/line-splitter.js';

/** Size in bytes of a dataset file; a missing file, a directory or an empty file is a `DatasetError` naming it. */
export async function checkDatasetFile(file: string): Promise<number> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new DatasetError([], `dataset ${file} is a directory, not a file`);
    size = info.size;
  } catch (error) {
    throw readError(file, error);
  }
  if (size === 0) throw emptyFileError(file);
  return size;
}

/** Bytes of a dataset file, with the errors of `checkDatasetFile`. */
export async function readDatasetBytes(file: string): Promise<Uint8Array> {
  await checkDatasetFile(file);
  try {
    return await readFile(file);
  } catch (error) {
    throw readError(file, error);
  }
}

function readError(file: string, error: unknown): DatasetError {
  if (error instanceof DatasetError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new DatasetError([], `dataset file not found: ${file}`);
  return new DatasetError([], `cannot read dataset ${file}: ${(error as Error).message}`);
}

/**
 * Text of a dataset file: UTF-8, byte order mark removed. Bytes that are not UTF-8 are a `DatasetError`
 * naming the line and column of the first bad byte.
 *
 * @example
 * const text = await readDatasetText('data/items.csv');
 */
export async function readDatasetText(file: string): Promise<string> {
  const bytes = await readDatasetBytes(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notUtf8Error(file, bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw emptyFileError(file);
  return text;
}

/**
 * Lines of a dataset file read as a stream (the file is never held whole): UTF-8, byte order mark removed, each line
 * with its 1-based number, without its `\n`, and with its place in the file (byte offset and length). Bytes that are not UTF-8 are the `DatasetError` of `readDatasetText`.
 *
 * @example
 * for await (const { line, text } of readDatasetLines('data/items.jsonl')) …
 */
export async function* readDatasetLines(file: string): AsyncGenerator<DatasetLine> {
  await checkDatasetFile(file);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lines = new LineSplitter();
  let first = true;
  let offset = 0;
  // Where each line's bytes are in the file (a run reads its items back from there).
  function* located(entries: Iterable<{ line: number; text: string }>): Generator<DatasetLine> {
    for (const { line, text } of entries) {
      const length = Buffer.byteLength(text);
      yield { line, text, offset, length };
      offset += length + 1;
    }
  }
  // 64 KiB chunks: their text is young garbage that a scavenge frees, where 1 MiB strings would wait for a full collection.
  const stream = createReadStream(file, { highWaterMark: 1 << 16 });
  try {
    for await (const chunk of stream) {
      let text: string;
      try {
        text = decoder.decode(chunk as Buffer, { stream: true });
      } catch {
        throw notUtf8Error(file, await readFile(file));
      }
      if (first) {
        // The decoder drops a leading byte order mark itself: its 3 bytes still come before the first line.
        const bytes = chunk as Buffer;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) offset = 3;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      yield* located(lines.push(text));
    }
    try {
      yield* located(lines.push(decoder.decode()));
    } catch {
      throw notUtf8Error(file, await readFile(file));
    }
  } catch (error) {
    throw readError(file, error);
  } finally {
    stream.destroy();
  }
  yield* located([lines.end()]);
}

/** A line of a dataset file: its 1-based number, its text (without the `\n`), and where its bytes are in the file. */
export interface DatasetLine {
  line: number;
  text: string;
  /** Byte offset of the line's first byte. */
  offset: number;
  /** Bytes of the line's text (UTF-8, without the `\n`). */
  length: number;
}

/** A problem that rejects a whole file, at one place in it. */
export function fileError(file: string, line: number, problem: string, field = ''): DatasetError {
  return new DatasetError([{ file, line, field, problem }], `dataset ${file} rejected`);
}

export function emptyFileError(file: string): DatasetError {
  return fileError(file, 1, 'file is empty: no records');
}

function notUtf8Error(file: string, bytes: Uint8Array): DatasetError {
  const offset = firstInvalidUtf8Byte(bytes);
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a) {
      line++;
      lineStart = index + 1;
    }
  }
  const column = [...Buffer.from(bytes.subarray(lineStart, offset)).toString('utf8')].length + 1;
  const byte = bytes[offset].toString(16).toUpperCase().padStart(2, '0');
  return fileError(file, line, `not valid UTF-8 (byte 0x${byte} at column ${column})`);
}

/** Offset of the first byte that starts an invalid UTF-8 sequence (bytes.length when all is valid). */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const length = bytes.length;
  const continuation = (at: number, low = 0x80, high = 0xbf) => at < length && bytes[at] >= low && bytes[at] <= high;
  let index = 0;
  while (index < length) {
    const byte = bytes[index];
    let size: number;
    if (byte < 0x80) size = 1;
    else if (byte >= 0xc2 && byte <= 0xdf) size = continuation(index + 1) ? 2 : 0;
    else if (byte === 0xe0) size = continuation(index + 1, 0xa0) && continuation(index + 2) ? 3 : 0;
    else if (byte === 0xed) size = continuation(index + 1, 0x80, 0x9f) && continuation(index + 2) ? 3 : 0;
    else if (byte >= 0xe1 && byte <= 0xef) size = continuation(index + 1) && continuation(index + 2) ? 3 : 0;
    else if (byte === 0xf0) size = continuation(index + 1, 0x90) && continuation(index + 2) && continuation(index + 3) ? 4 : 0;
    else if (byte >= 0xf1 && byte <= 0xf3) size = continuation(index + 1) && continuation(index + 2) && continuation(index + 3) ? 4 : 0;
    else if (byte === 0xf4) size = continuation(index + 1, 0x80, 0x8f) && continuation(index + 2) && continuation(index + 3) ? 4 : 0;
    else size = 0;
    if (size === 0) return index;
    index += size;
  }
  return length;
}
