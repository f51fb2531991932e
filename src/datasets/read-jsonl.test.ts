import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DatasetError } from '../errors/culturekit-error.js';
import { readJsonLines } from './read-jsonl.js';

const directory = mkdtempSync(join(tmpdir(), 'ck-jsonl-'));

test('a JSONL file larger than the read chunk is read line by line, multi-byte characters cut between chunks intact', async () => {
  const lines: string[] = [];
  // ~3 MiB of three-byte characters: chunk boundaries (1 MiB) fall inside characters.
  for (let index = 0; index < 3000; index++) lines.push(JSON.stringify({ id: `q${index}`, prompt: '日本の'.repeat(110 + (index % 7)) }));
  const path = join(directory, 'large.jsonl');
  writeFileSync(path, `\uFEFF${lines.join('\r\n')}\n\n`);
  const { records, problems } = await readJsonLines(path);
  assert.deepEqual(problems, []);
  assert.equal(records.length, 3000);
  assert.equal(records[0].value.id, 'q0');
  assert.equal(records[2999].line, 3000);
  for (const [index, record] of records.entries()) assert.equal(record.value.prompt, '日本の'.repeat(110 + (index % 7)));
});

test('a byte that is not UTF-8 past the first chunk is named by its line', async () => {
  const path = join(directory, 'bad.jsonl');
  const good = `${JSON.stringify({ id: 'q', prompt: 'x'.repeat(1000) })}\n`.repeat(2000);
  writeFileSync(path, Buffer.concat([Buffer.from(good), Buffer.from('{"id":"bad","prompt":"'), Buffer.from([0xff]), Buffer.from('"}\n')]));
  await assert.rejects(readJsonLines(path), (error: DatasetError) => {
    assert.ok(error instanceof DatasetError);
    assert.match(error.message, /:2001: not valid UTF-8 \(byte 0xFF at column 23\)/);
    return true;
  });
});
