import { createWriteStream, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';

/** Writes a file whole or not at all: a temporary file beside it, then a rename. */
export function writeFileAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

/** Streams lines into a file whole or not at all. */
export async function writeLinesAtomic(path: string, lines: Iterable<string>): Promise<number> {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const stream = createWriteStream(temporary);
  let count = 0;
  let buffer = '';
  for (const line of lines) {
    buffer += line + '\n';
    count++;
    if (buffer.length > 1 << 16) {
      if (!stream.write(buffer)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
      buffer = '';
    }
  }
  stream.end(buffer);
  await finished(stream);
  renameSync(temporary, path);
  return count;
}
