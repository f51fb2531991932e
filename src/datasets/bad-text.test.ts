import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parquetWriteFile } from 'hyparquet-writer';
import { DatasetError } from '../errors/culturekit-error.js';
import { loadGenericDataset } from './load-dataset.js';

const directory = mkdtempSync(join(tmpdir(), 'ck-bad-text-'));

async function problemsOf(path: string): Promise<string[]> {
  try {
    await loadGenericDataset(path);
  } catch (error) {
    assert.ok(error instanceof DatasetError, String(error));
    return error.message.split('\n').slice(1);
  }
  assert.fail(`${path} was accepted`);
}

describe('control characters and text that is not UTF-8 are rejected with file, line and field', () => {
  it('a NUL in a CSV cell', async () => {
    const path = join(directory, 'nul.csv');
    writeFileSync(path, 'id,prompt,answer,language\nq1,Fine prompt,yes,en\nq2,"Bad\u0000prompt",no,en\n');
    assert.deepEqual(await problemsOf(path), [
      `${path}:3: prompt: control character U+0000 (NUL) at character 4: remove it (only tab, line feed and carriage return are allowed in text)`,
    ]);
  });

  it('an ESC from a JSON escape, in a nested field', async () => {
    const path = join(directory, 'escape.jsonl');
    writeFileSync(path, '{"id":"q1","prompt":"ok","choices":["a","b\\u001b[31m"],"answer":"A","language":"en"}\n');
    assert.deepEqual(await problemsOf(path), [
      `${path}:1: choices.1: control character U+001B (ESC) at character 2: remove it (only tab, line feed and carriage return are allowed in text)`,
    ]);
  });

  it('tabs and line breaks are fine', async () => {
    const path = join(directory, 'fine.jsonl');
    writeFileSync(path, '{"id":"q1","prompt":"line one\\n\\tline two\\r\\n","answer":"x","language":"en"}\n');
    assert.equal((await loadGenericDataset(path)).items.length, 1);
  });

  it('a Parquet row with a control character, and one with bytes that are not UTF-8 (not decoded to U+FFFD)', async () => {
    const path = join(directory, 'bad.parquet');
    parquetWriteFile({
      filename: path,
      columnData: [
        { name: 'id', data: ['q1', 'q2', 'q3'], type: 'STRING' },
        {
          name: 'prompt',
          data: [new TextEncoder().encode('fine'), new TextEncoder().encode('bell\u0007'), Uint8Array.from([0x63, 0x61, 0x66, 0xe9])],
          type: 'BYTE_ARRAY',
        },
        { name: 'answer', data: ['a', 'b', 'c'], type: 'STRING' },
        { name: 'language', data: ['en', 'en', 'en'], type: 'STRING' },
      ],
    });
    assert.deepEqual(await problemsOf(path), [
      `${path}:2: prompt: control character U+0007 (BEL) at character 5: remove it (only tab, line feed and carriage return are allowed in text)`,
      `${path}:3: prompt: not valid UTF-8 text (byte 0xE9 at byte 4 of the value): re-encode the text as UTF-8`,
    ]);
  });
});

describe('CSV structure errors are reported once, where they start', () => {
  it('an unclosed quote is reported at the line where it opened, not where parsing gave up', async () => {
    const path = join(directory, 'unclosed.csv');
    writeFileSync(path, 'id,prompt,answer\nq1,"Unclosed prompt,yes\nq2,Second,no\nq3,Third,no\nq4,"Quoted" answer,yes\n');
    const [problem] = await problemsOf(path);
    assert.match(
      problem,
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: quoted field opened here is never properly closed \\(the next quote, on line 5`),
    );
  });

  it('a missing required column is named once, at the header, with the columns the file has', async () => {
    const path = join(directory, 'no-prompt.csv');
    const rows = Array.from({ length: 50 }, (_, index) => `q${index},Some question ${index},yes`);
    writeFileSync(path, `id,question_text,answer\n${rows.join('\n')}\n`);
    assert.deepEqual(await problemsOf(path), [
      `${path}:1: no "prompt" (or "question") column for items and no "text" column for descriptions; the file's columns are "id", "question_text", "answer"`,
    ]);
  });
});
