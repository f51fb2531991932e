import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCamel } from './camel-adapter.js';
import { detectBenchmark } from '../detect-benchmark.js';
import { writeXlsx } from '../../../test/fixtures/write-xlsx.js';

/** A CAMeL folder as the authors publish it: every list and prompt file an .xlsx workbook. */
function publishedCamel(): string {
  const root = mkdtempSync(join(tmpdir(), 'ck-camel-xlsx-'));
  mkdirSync(join(root, 'entities'));
  mkdirSync(join(root, 'prompts', 'camel-co'), { recursive: true });
  writeXlsx(join(root, 'entities', 'food.xlsx'), [
    ['Entity', 'Culture'],
    ['مقلوبة', 'Arab'],
    ['كبسة', 'Arab'],
    ['بيتزا', 'Western'],
    ['تاكو', ''],
    ['لازانيا', 'Western'],
  ]);
  writeXlsx(join(root, 'prompts', 'camel-co', 'camelco-prompts-masked-lm.xlsx'), [
    ['Entity Type', 'Prompt', 'Sentiment'],
    ['Food', 'بعد صلاة الجمعة أكلنا [MASK] مع العائلة', 'positive'],
  ]);
  return root;
}

describe('CAMeL from the published .xlsx files', () => {
  it('reads entity lists and prompts from .xlsx, naming the sheet row of a bad record', async () => {
    const root = publishedCamel();
    assert.equal(await detectBenchmark(root), 'camel');
    const dataset = await loadCamel(root, { pairs: 3 });
    assert.equal(dataset.items.length, 3);
    for (const item of dataset.items) {
      assert.equal(item.category, 'food');
      assert.ok(item.prompt.includes('بعد صلاة الجمعة أكلنا ____'));
    }
    assert.deepEqual(
      dataset.problems.map(({ file, line, field }) => ({ file: file.split('/').pop(), line, field })),
      [{ file: 'food.xlsx', line: 5, field: 'Culture' }],
    );
  });

  it('says which prompt files it looked for, in both formats', async () => {
    const root = publishedCamel();
    await assert.rejects(loadCamel(root, { prompts: 'ag' }), (error: Error) => {
      assert.match(
        String((error as { problems?: { problem: string }[] }).problems?.map((entry) => entry.problem)),
        /looked for prompts\/camel-ag\/\{camelag-prompts-causal-lms,.*\}\.\{xlsx,csv\}/,
      );
      return true;
    });
  });
});
