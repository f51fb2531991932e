import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, writeMcqDataset } from '../eval/helpers.js';

test('score warns with the count and the ids of responses that match no item', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'ck-unmatched-'));
  const dataset = join(directory, 'items.jsonl');
  writeMcqDataset(dataset, 4);
  const responses = join(directory, 'responses.jsonl');
  const rows = [
    ...['q0000', 'q0001', 'q0002', 'q0003'].map((id) => ({ id, response: 'Answer: A' })),
    { id: 'Q0001', response: 'Answer: B' },
    { id: 'q9999', response: 'Answer: C' },
  ];
  writeFileSync(responses, `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`);
  const result = await runCli([
    'score',
    '--responses',
    responses,
    '--dataset',
    dataset,
    '--db',
    join(directory, 'score.db'),
    '--out',
    join(directory, 'out'),
    '--quiet',
  ]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stderr,
    new RegExp(
      `warning: 2 of 6 responses in ${responses.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} match no item of the dataset \\(they are not scored\\): Q0001, q9999\\n`,
    ),
  );
  assert.match(result.stdout, /4 done now/);
});
