import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DatasetError, formatRecordProblem } from '../errors/culturekit-error.js';
import { CsvSyntaxError, parseCsv, readCsvRecords } from './read-csv.js';

describe('parseCsv', () => {
  it('splits plain rows and records the line each starts on', () => {
    assert.deepEqual(parseCsv('a,b,c\n1,2,3\n'), [
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
  });

  it('reads quoted fields with commas, line breaks and doubled quotes', () => {
    const rows = parseCsv('id,text\n1,"one, two"\n2,"first line\nsecond line"\n3,"say ""hi"""\n4,""\n');
    assert.deepEqual(rows, [
      { line: 1, fields: ['id', 'text'] },
      { line: 2, fields: ['1', 'one, two'] },
      { line: 3, fields: ['2', 'first line\nsecond line'] },
      { line: 5, fields: ['3', 'say "hi"'] },
      { line: 6, fields: ['4', ''] },
    ]);
  });

  it('accepts CRLF line ends, keeps empty fields, skips blank lines and a missing final newline', () => {
    assert.deepEqual(parseCsv('a,b\r\n\r\n1,\r\n,2\r\n"x\r\ny",3'), [
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['1', ''] },
      { line: 4, fields: ['', '2'] },
      { line: 5, fields: ['x\r\ny', '3'] },
    ]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    assert.deepEqual(parseCsv('a\n5" screen\n')[1].fields, ['5" screen']);
  });

  it('names the line where an unterminated quoted field starts', () => {
    assert.throws(
      () => parseCsv('id,text\n1,ok\n2,"never closed\nmore text\n3,x\n'),
      (error: unknown) => error instanceof CsvSyntaxError && error.line === 3 && error.message === 'unterminated quoted field starting here',
    );
  });

  it('rejects text after a closing quote', () => {
    assert.throws(
      () => parseCsv('a,b\n"x"y,2\n'),
      (error: unknown) => error instanceof CsvSyntaxError && error.line === 2,
    );
  });
});

describe('readCsvRecords', () => {
  let directory: string;
  before(async () => {
    directory = await mkdtemp(join(tmpdir(), 'culturekit-csv-'));
  });
  after(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('strips the byte order mark, leaves empty cells out and ignores an unnamed index column', async () => {
    const file = join(directory, 'bom.csv');
    await writeFile(file, '\uFEFF,id,prompt,country\n0,q1,"Hello, world",\n1,q2,Bye,JP\n');
    const { records, problems } = await readCsvRecords(file);
    assert.deepEqual(problems, []);
    assert.deepEqual(records, [
      { line: 2, value: { id: 'q1', prompt: 'Hello, world' } },
      { line: 3, value: { id: 'q2', prompt: 'Bye', country: 'JP' } },
    ]);
  });

  it('reports every row with the wrong number of fields and keeps the others', async () => {
    const file = join(directory, 'fields.csv');
    await writeFile(file, 'id,prompt,language\nq1,Hi,en\nq2,Hi\nq3,Hi,en,extra\nq4,Hi,en\n');
    const { records, problems } = await readCsvRecords(file);
    assert.deepEqual(
      records.map((record) => record.line),
      [2, 5],
    );
    assert.deepEqual(problems.map(formatRecordProblem), [
      `${file}:3: expected 3 fields (as in the header), found 2`,
      `${file}:4: expected 3 fields (as in the header), found 4`,
    ]);
  });

  it('rejects a duplicate column name and a header without rows', async () => {
    const duplicate = join(directory, 'duplicate.csv');
    await writeFile(duplicate, 'id,prompt,id\n1,2,3\n');
    await assert.rejects(readCsvRecords(duplicate), (error: unknown) => {
      assert.ok(error instanceof DatasetError);
      assert.match(error.message, new RegExp(`${escapeCsvField(duplicate)}:1: id: duplicate column \\(columns 1 and 3\\)`));
      return true;
    });
    const headerOnly = join(directory, 'header-only.csv');
    await writeFile(headerOnly, 'id,prompt\n');
    await assert.rejects(readCsvRecords(headerOnly), (error: unknown) => {
      assert.ok(error instanceof DatasetError);
      assert.ok(error.message.includes(`${headerOnly}:1: file is empty: no records after the header row`));
      return true;
    });
  });
});

function escapeCsvField(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
