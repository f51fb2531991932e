import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parquetWriteFile } from 'hyparquet-writer';
import { DatasetError, InputError } from '../errors/culturekit-error.js';
import type { CulturalDescription } from '../schema/description.js';
import type { Item } from '../schema/item.js';
import { loadGenericDataset as loadDataset } from './load-dataset.js';

const descriptionText = 'In Japan, people bow when they greet each other.\nA deeper bow shows more respect.';
const prompts = {
  q1: 'How do people in Japan usually greet each other?',
  q2: 'I am visiting a Japanese colleague, how should I greet them?',
  q3: 'In Japan, "tipping" at restaurants is customary.',
  q4: 'What do people say before eating in Japan?',
};
const choices = ['Hug', 'Bow', 'Kiss on both cheeks', 'High five'];

const expectedDescriptions: CulturalDescription[] = [{ id: 'd1', country: 'JP', topic: 'etiquette', language: 'en', text: descriptionText, source: 'sample' }];
const expectedItems: Item[] = [
  {
    id: 'q1',
    kind: 'knowledge',
    format: 'mcq',
    prompt: prompts.q1,
    choices,
    answer: 'B',
    language: 'en',
    country: 'JP',
    category: 'etiquette',
    descriptionId: 'd1',
    metadata: { note: 'from the sample' },
  },
  { id: 'q2', kind: 'safety', format: 'open', prompt: prompts.q2, language: 'en', country: 'JP', descriptionId: 'd1' },
  { id: 'q3', kind: 'knowledge', format: 'true_false', prompt: prompts.q3, answer: 'false', language: 'en', country: 'JP' },
  { id: 'q4', kind: 'knowledge', format: 'open', prompt: prompts.q4, reference: 'Itadakimasu', language: 'en', country: 'JP', topic: 'food' },
];

function csvCell(value: string | undefined): string {
  if (value === undefined) return '';
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

let directory: string;
before(async () => {
  directory = await mkdtemp(join(tmpdir(), 'culturekit-load-'));
});
after(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, content);
  return path;
}

function jsonl(records: unknown[]): string {
  return `${records.map((record) => JSON.stringify(record)).join('\n')}\n`;
}

/** The DatasetError that loading `path` gives; its message must contain every expected line. */
async function rejected(path: string, ...expectedLines: string[]): Promise<DatasetError> {
  try {
    await loadDataset(path);
  } catch (error) {
    assert.ok(error instanceof DatasetError, `expected a DatasetError, got ${String(error)}`);
    for (const line of expectedLines) assert.ok(error.message.split('\n').includes(line), `missing line:\n${line}\nin:\n${error.message}`);
    return error;
  }
  assert.fail(`expected ${path} to be rejected`);
}

describe('loadDataset: the four formats', () => {
  it('gives the same descriptions, items and hash from JSONL, JSON, CSV and Parquet', async () => {
    const jsonlFile = await file(
      'good.jsonl',
      jsonl([
        { type: 'description', id: 'd1', country: 'JP', topic: 'etiquette', language: 'en', text: descriptionText, source: 'sample' },
        {
          id: 'q1',
          question: prompts.q1,
          options: { A: choices[0], B: choices[1], C: choices[2], D: choices[3] },
          label: 1,
          language: 'en',
          country: 'JP',
          category: 'etiquette',
          description_id: 'd1',
          note: 'from the sample',
        },
        { id: 'q2', kind: 'safety', prompt: prompts.q2, language: 'en', country: 'JP', descriptionId: 'd1' },
        { id: 'q3', prompt: prompts.q3, answer: false, language: 'en', country: 'JP' },
        { id: 'q4', prompt: prompts.q4, answer: 'Itadakimasu', language: 'en', country: 'JP', topic: 'food' },
      ]),
    );
    const jsonFile = await file('good.json', JSON.stringify({ descriptions: expectedDescriptions, items: expectedItems }, null, 2));

    const columns = [
      'id',
      'type',
      'kind',
      'format',
      'prompt',
      'A',
      'B',
      'C',
      'D',
      'answer',
      'language',
      'country',
      'category',
      'topic',
      'description_id',
      'text',
      'source',
      'note',
    ];
    const rows: Record<string, string>[] = [
      { id: 'd1', type: 'description', country: 'JP', topic: 'etiquette', language: 'en', text: descriptionText, source: 'sample' },
      {
        id: 'q1',
        prompt: prompts.q1,
        A: choices[0],
        B: choices[1],
        C: choices[2],
        D: choices[3],
        answer: 'B',
        language: 'en',
        country: 'JP',
        category: 'etiquette',
        description_id: 'd1',
        note: 'from the sample',
      },
      { id: 'q2', kind: 'safety', prompt: prompts.q2, language: 'en', country: 'JP', description_id: 'd1' },
      { id: 'q3', format: 'true_false', prompt: prompts.q3, answer: 'FALSE', language: 'en', country: ' JP ' },
      { id: 'q4', prompt: prompts.q4, answer: 'Itadakimasu', language: 'en', country: 'JP', topic: 'food' },
    ];
    const csv = [columns, ...rows.map((row) => columns.map((column) => row[column]))].map((cells) => cells.map(csvCell).join(',')).join('\r\n');
    const csvFile = await file('good.csv', `\uFEFF${csv}\r\n`);

    const parquetFile = join(directory, 'good.parquet');
    const records = [{ ...expectedDescriptions[0], type: 'description' }, ...expectedItems] as Record<string, unknown>[];
    const column = (name: string, from = name) => ({
      name,
      data: records.map((record) => (record[from] as string | undefined) ?? null),
      type: 'STRING' as const,
    });
    parquetWriteFile({
      filename: parquetFile,
      columnData: [
        column('type'),
        column('id'),
        column('kind'),
        column('format'),
        column('prompt'),
        { name: 'choices', data: records.map((record) => (record.choices as string[] | undefined) ?? null) },
        {
          name: 'answer',
          data: records.map((record) => (record.id === 'q1' ? 'Bow' : (((record.answer ?? record.reference) as string | undefined) ?? null))),
          type: 'STRING',
        },
        column('language'),
        column('country'),
        column('category'),
        column('topic'),
        column('description_id', 'descriptionId'),
        column('text'),
        column('source'),
        { name: 'note', data: records.map((record) => (record.id === 'q1' ? 'from the sample' : null)), type: 'STRING' },
      ],
    });

    const hashes = new Set<string>();
    for (const path of [jsonlFile, jsonFile, csvFile, parquetFile]) {
      const dataset = await loadDataset(path);
      assert.equal(dataset.ref, path);
      assert.deepEqual(dataset.descriptions, expectedDescriptions, path);
      assert.deepEqual(dataset.items, expectedItems, path);
      assert.equal(dataset.skippedInvalid, 0);
      assert.match(dataset.hash, /^[0-9a-f]{64}$/);
      hashes.add(dataset.hash);
    }
    assert.equal(hashes.size, 1);
  });

  it('hashes content, not key order', async () => {
    const first = await file('order-1.jsonl', jsonl([{ id: 'q1', prompt: 'x', language: 'en', metadata: { a: 1, b: 2 } }]));
    const second = await file('order-2.jsonl', jsonl([{ metadata: { b: 2, a: 1 }, language: 'en', prompt: 'x', id: 'q1' }]));
    const third = await file('order-3.jsonl', jsonl([{ id: 'q1', prompt: 'y', language: 'en', metadata: { a: 1, b: 2 } }]));
    const [one, two, three] = await Promise.all([first, second, third].map((path) => loadDataset(path)));
    assert.equal(one.hash, two.hash);
    assert.notEqual(one.hash, three.hash);
  });

  it('accepts an item whose description is not in the file', async () => {
    const dataset = await loadDataset(await file('elsewhere.jsonl', jsonl([{ id: 'q1', prompt: 'x', language: 'en', description_id: 'd9' }])));
    assert.equal(dataset.items[0].descriptionId, 'd9');
    assert.deepEqual(dataset.descriptions, []);
  });
});

describe('loadDataset: bad datasets', () => {
  it('lists every malformed JSON line', async () => {
    const path = await file(
      'malformed.jsonl',
      '{"id": "q1", "prompt": "x", "language": "en"}\n{"id": "q2", "prompt": \n{"id": "q3", "prompt": "x", "language": "en"}\n{id: q4}\n',
    );
    const error = await rejected(path);
    assert.deepEqual(
      error.problems.map((problem) => problem.line),
      [2, 4],
    );
    for (const problem of error.problems) assert.ok(error.message.includes(`${path}:${problem.line}: invalid JSON: `), error.message);
    assert.match(error.message, /^dataset .* rejected: 2 problems in 2 records\n/);
  });

  it('names missing fields, an unknown country and a bad answer letter', async () => {
    const path = await file(
      'fields.jsonl',
      jsonl([
        { id: 'q1', prompt: 'x', country: 'JP' },
        { id: 'q2', prompt: 'x', language: 'en', country: 'XX' },
        { id: 'q3', prompt: 'x', language: 'en', country: 'jp' },
        { id: 'q4', prompt: 'x', language: 'en', choices, answer: 'E' },
        { id: 'q5', language: 'en' },
        { id: 'q6', prompt: 'fine', language: 'en' },
      ]),
    );
    await rejected(
      path,
      `${path}:1: language: required field is missing`,
      `${path}:2: country: unknown country code "XX" (expected ISO 3166-1 alpha-2 such as "JP", or a region such as "IN-AS")`,
      `${path}:3: country: country codes are upper case: write "JP"`,
      `${path}:4: answer: expected one of A, B, C, D, got "E"`,
      `${path}:5: record is neither an item (it has no "prompt" or "question") nor a description (it has no "text")`,
    );
  });

  it('rejects duplicate ids, naming both lines', async () => {
    const path = await file(
      'duplicates.jsonl',
      jsonl([
        { id: 'q1', prompt: 'x', language: 'en' },
        { id: 'q2', prompt: 'x', language: 'en' },
        { id: 'q1', prompt: 'y', language: 'en' },
      ]),
    );
    await rejected(path, `${path}:3: id: duplicate item id "q1" (first on line 1)`);
    const csv = await file('duplicates.csv', 'id,prompt,language\nq1,"multi\nline",en\nq1,x,en\n');
    await rejected(csv, `${csv}:4: id: duplicate item id "q1" (first on line 2)`);
  });

  it('rejects empty files in every format', async () => {
    for (const [name, content] of [
      ['empty.jsonl', ''],
      ['blank.jsonl', '\n  \n'],
      ['empty.json', '[]'],
      ['empty.csv', ''],
      ['empty.parquet', ''],
    ] as const) {
      const path = await file(name, content);
      await rejected(path, `${path}:1: file is empty: no records`);
    }
  });

  it('rejects a CSV with a broken quote at the line where the quote opens', async () => {
    const path = await file('broken-quote.csv', 'id,prompt,language\nq1,"fine, quoted",en\nq2,"never closed,en\nq3,x,en\n');
    await rejected(path, `${path}:3: unterminated quoted field starting here`);
  });

  it('rejects a CSV row with the wrong number of fields', async () => {
    const path = await file('short-row.csv', 'id,prompt,language\nq1,x,en\nq2,x\n');
    await rejected(path, `${path}:3: expected 3 fields (as in the header), found 2`);
  });

  it('rejects a file that is not UTF-8, naming the line, column and byte', async () => {
    const latin1 = Buffer.concat([Buffer.from('id,prompt,language\nq1,caf'), Buffer.from([0xe9]), Buffer.from(' au lait,fr\n')]);
    const path = await file('latin1.csv', latin1);
    await rejected(path, `${path}:2: not valid UTF-8 (byte 0xE9 at column 7)`);
    const jsonlPath = await file(
      'latin1.jsonl',
      Buffer.concat([Buffer.from('{"id": "q1", "prompt": "日本", "note": "'), Buffer.from([0xff]), Buffer.from('"}\n')]),
    );
    await rejected(jsonlPath, `${jsonlPath}:1: not valid UTF-8 (byte 0xFF at column 39)`);
  });

  it('rejects a missing file and an unknown extension with the path in the message', async () => {
    const missing = join(directory, 'absent.csv');
    await assert.rejects(loadDataset(missing), (error: unknown) => error instanceof DatasetError && error.message === `dataset file not found: ${missing}`);
    const text = await file('data.txt', 'hello');
    await assert.rejects(loadDataset(text), (error: unknown) => error instanceof DatasetError && error.message.startsWith(`unsupported dataset file ${text}`));
  });
});

describe('loadDataset: skipInvalid', () => {
  it('drops invalid records, counts them, warns, and keeps the rest whole', async () => {
    const path = await file(
      'mixed.jsonl',
      [
        JSON.stringify({ id: 'q1', prompt: 'x', language: 'en' }),
        '{"id": "q2", oops}',
        JSON.stringify({ id: 'q3', prompt: 'x', language: 'en', country: 'XX' }),
        JSON.stringify({ id: 'q1', prompt: 'again', language: 'en' }),
        JSON.stringify({ id: 'q5', prompt: 'x', language: 'en', choices, answer: 2 }),
      ].join('\n'),
    );
    await rejected(path);
    const warnings: string[] = [];
    const dataset = await loadDataset(path, { skipInvalid: true, onWarning: (message) => warnings.push(message) });
    assert.deepEqual(
      dataset.items.map((item) => item.id),
      ['q1', 'q5'],
    );
    assert.equal(dataset.items[1].answer, 'C');
    assert.equal(dataset.skippedInvalid, 3);
    assert.equal(warnings.length, 4);
    assert.ok(warnings[0].startsWith(`skipped invalid record: ${path}:2: invalid JSON: `), warnings[0]);
    assert.equal(
      warnings[1],
      `skipped invalid record: ${path}:3: country: unknown country code "XX" (expected ISO 3166-1 alpha-2 such as "JP", or a region such as "IN-AS")`,
    );
    assert.equal(warnings[2], `skipped invalid record: ${path}:4: id: duplicate item id "q1" (first on line 1)`);
    assert.equal(warnings[3], `${path}: skipped 3 invalid records, loaded 2 items and 0 descriptions`);

    const clean = await loadDataset(
      await file(
        'clean.jsonl',
        jsonl([
          { id: 'q1', prompt: 'x', language: 'en' },
          { id: 'q5', prompt: 'x', language: 'en', choices, answer: 'C' },
        ]),
      ),
    );
    assert.equal(dataset.hash, clean.hash);
  });

  it('still rejects a dataset with no valid record, and a file that cannot be read', async () => {
    const path = await file('all-bad.jsonl', jsonl([{ id: 'q1', prompt: 'x' }]));
    await assert.rejects(loadDataset(path, { skipInvalid: true }), (error: unknown) => {
      assert.ok(error instanceof DatasetError);
      assert.match(error.message, /no valid records/);
      assert.ok(error.message.includes(`${path}:1: language: required field is missing`));
      return true;
    });
    const broken = await file('broken-quote-skip.csv', 'id,prompt,language\nq1,"x,en\n');
    await assert.rejects(loadDataset(broken, { skipInvalid: true }), DatasetError);
  });
});

describe('loadDataset: built-in datasets', () => {
  it('rejects an unknown built-in name, listing the known ones', async () => {
    await assert.rejects(loadDataset('builtin:nope'), (error: unknown) => {
      assert.ok(error instanceof InputError && !(error instanceof DatasetError));
      assert.equal(error.message, 'unknown built-in dataset "builtin:nope"; built-in datasets: builtin:sample');
      return true;
    });
  });

  const builtinModule = fileURLToPath(new URL('./builtin/builtin-sample.ts', import.meta.url));
  it('loads builtin:sample', { skip: existsSync(builtinModule) ? false : 'src/datasets/builtin/builtin-sample.ts does not exist yet' }, async () => {
    const dataset = await loadDataset('builtin:sample');
    assert.equal(dataset.ref, 'builtin:sample');
    assert.ok(dataset.items.length > 0);
    assert.equal(dataset.skippedInvalid, 0);
    assert.equal(dataset.hash, (await loadDataset('builtin:sample')).hash);
  });
});
