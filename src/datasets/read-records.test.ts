import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parquetWriteFile } from 'hyparquet-writer';
import { DatasetError, formatRecordProblem } from '../errors/culturekit-error.js';
import { readDatasetFile, readRecords } from './read-records.js';
import { firstInvalidUtf8Byte } from './read-text-file.js';

let directory: string;
before(async () => {
  directory = await mkdtemp(join(tmpdir(), 'culturekit-read-'));
});
after(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, content);
  return path;
}

async function rejection(promise: Promise<unknown>): Promise<DatasetError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DatasetError, `expected a DatasetError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a rejection');
}

describe('readRecords', () => {
  it('reads JSON Lines with their line numbers, skipping blank lines and a BOM', async () => {
    const path = await file('a.ndjson', '\uFEFF{"id": "q1"}\r\n\n  \n{"id": "q2"}\n');
    assert.deepEqual(await readRecords(path), [
      { line: 1, value: { id: 'q1' } },
      { line: 4, value: { id: 'q2' } },
    ]);
  });

  it('reports every JSON Lines line that is not a JSON object, not only the first', async () => {
    const path = await file('bad.jsonl', '{"id": "q1"}\n{"id": \n{"id": "q3"}\n[1, 2]\n{"id": "q5"} trailing\n');
    const { records, problems } = await readDatasetFile(path);
    assert.deepEqual(
      records.map((record) => record.line),
      [1, 3],
    );
    assert.deepEqual(
      problems.map((problem) => problem.line),
      [2, 4, 5],
    );
    assert.match(formatRecordProblem(problems[0]), new RegExp(`^${escapeCsvField(path)}:2: invalid JSON: .+ \\(column \\d+\\)$`));
    assert.equal(formatRecordProblem(problems[1]), `${path}:4: expected a JSON object, got an array`);
    const error = await rejection(readRecords(path));
    assert.equal(error.problems.length, 3);
  });

  it('reads a JSON array and a JSON object with items and descriptions, giving the line where each record starts', async () => {
    const array = await file('a.json', '[\n  {"id": "q1"},\n  {\n    "id": "q2"\n  }\n]\n');
    assert.deepEqual(await readRecords(array), [
      { line: 2, value: { id: 'q1' } },
      { line: 3, value: { id: 'q2' } },
    ]);
    const sections = await file('b.json', '{\n"items": [\n{"id": "q1"}\n],\n"descriptions": [\n{"id": "d1"}\n]\n}');
    assert.deepEqual(await readRecords(sections), [
      { line: 3, value: { id: 'q1' }, recordType: 'item' },
      { line: 6, value: { id: 'd1' }, recordType: 'description' },
    ]);
  });

  it('rejects broken JSON at its line, and JSON of the wrong shape', async () => {
    const broken = await rejection(readRecords(await file('broken.json', '[\n{"id": "q1"},\n{"id": "q2",,}\n]')));
    assert.equal(broken.problems[0].line, 3);
    assert.match(broken.problems[0].problem, /^invalid JSON: /);
    const shape = await rejection(readRecords(await file('shape.json', '{"q1": {"prompt": "x"}}')));
    assert.equal(shape.problems[0].problem, 'expected an array of records, or an object with "items" and/or "descriptions" arrays');
  });

  it('reads Parquet rows as plain values numbered from 1', async () => {
    const path = join(directory, 'rows.parquet');
    parquetWriteFile({
      filename: path,
      columnData: [
        { name: 'id', data: ['q1', 'q2'], type: 'STRING' },
        { name: 'choices', data: [['Hug', 'Bow'], null] },
        { name: 'count', data: [3n, 9007199254740993n], type: 'INT64' },
      ],
    });
    assert.deepEqual(await readRecords(path), [
      { line: 1, value: { id: 'q1', choices: ['Hug', 'Bow'], count: 3 } },
      { line: 2, value: { id: 'q2', choices: null, count: '9007199254740993' } },
    ]);
    const notParquet = await rejection(readRecords(await file('fake.parquet', 'id,prompt\n1,2\n')));
    assert.match(notParquet.message, /is not a readable Parquet file/);
  });

  it('names a missing file, a directory and an unknown extension', async () => {
    assert.match((await rejection(readRecords(join(directory, 'absent.jsonl')))).message, /^dataset file not found: .*absent\.jsonl$/);
    assert.match((await rejection(readRecords(`${directory}/sub.json`))).message, /not found/);
    assert.equal(
      (await rejection(readRecords(await file('notes.txt', 'x')))).message,
      `unsupported dataset file ${join(directory, 'notes.txt')}: expected one of .jsonl, .ndjson, .json, .csv, .parquet, got ".txt"`,
    );
  });
});

describe('firstInvalidUtf8Byte', () => {
  it('finds the first byte of an invalid sequence', () => {
    const valid = Buffer.from('abc é 中 😀');
    assert.equal(firstInvalidUtf8Byte(valid), valid.length);
    assert.equal(firstInvalidUtf8Byte(Uint8Array.from([0x61, 0xe9, 0x62])), 1);
    assert.equal(firstInvalidUtf8Byte(Uint8Array.from([0x61, 0x80])), 1);
    assert.equal(firstInvalidUtf8Byte(Uint8Array.from([0xc0, 0xaf])), 0);
    assert.equal(firstInvalidUtf8Byte(Uint8Array.from([0xed, 0xa0, 0x80])), 0);
    assert.equal(firstInvalidUtf8Byte(Uint8Array.from([0x61, 0xf0, 0x9f, 0x98])), 1);
  });
});

function escapeCsvField(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
