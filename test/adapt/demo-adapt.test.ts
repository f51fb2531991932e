import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../eval/helpers.js';
import { pythonSkip, testPython } from '../fixtures/python-skip.js';

describe('adapt demo', { skip: pythonSkip() }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ck-adapt-demo-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the whole loop offline on the built-in sample and says its scores are meaningless', async () => {
    const result = await runCli(['adapt', 'demo', '--python', testPython()], { cwd: dir });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /SCORES ARE MEANINGLESS/);
    assert.match(result.stdout, /meaningless/);
    const out = join(dir, 'runs', 'adapt-demo');
    const manifest = JSON.parse(readFileSync(join(out, 'train', 'train-manifest.json'), 'utf8'));
    assert.deepEqual(
      manifest.stages.map((stage: { name: string; status: string }) => [stage.name, stage.status]),
      [
        ['stage1', 'succeeded'],
        ['stage2', 'succeeded'],
      ],
    );
    assert.ok(manifest.stages.every((stage: { gguf?: string; log: unknown[] }) => stage.gguf && existsSync(stage.gguf) && stage.log.length > 0));
    const summary = JSON.parse(readFileSync(join(out, 'eval', 'adaptation.json'), 'utf8'));
    assert.deepEqual(
      summary.stages.map((stage: { name: string }) => stage.name),
      ['stage1', 'stage2'],
    );
    assert.ok(summary.cells.some((cell: { set: string; stage: string }) => cell.set === 'knowledge' && cell.stage === 'stage2'));
  });
});
