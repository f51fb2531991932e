import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pythonSkip, testPython } from '../../test/fixtures/python-skip.js';
import { findPython, requirePython, runPython } from './python-env.js';
import { createTinyHfModel } from './tiny-hf-model.js';

describe('python environment lookup', () => {
  it('a --python that does not exist is an input error naming it', () => {
    assert.throws(() => findPython({ python: '/nonexistent/python3' }), /--python \/nonexistent\/python3: no such file/);
  });
  it('no environment under an empty folder: requirePython says how to create one', () => {
    const saved = process.env.CULTUREKIT_PYTHON;
    delete process.env.CULTUREKIT_PYTHON;
    try {
      assert.equal(findPython({ cwd: tmpdir() }), undefined);
      assert.throws(() => requirePython({ cwd: tmpdir() }), /culturekit adapt setup/);
    } finally {
      if (saved !== undefined) process.env.CULTUREKIT_PYTHON = saved;
    }
  });
});

describe('python scripts', { skip: pythonSkip() }, () => {
  it('a failing script rejects with the end of its stderr', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ck-py-'));
    try {
      const script = join(dir, 'fail.py');
      await import('node:fs/promises').then((fs) => fs.writeFile(script, 'import sys\nprint("partial")\nsys.exit("boom: bad field")\n'));
      await assert.rejects(runPython(script, [], { python: testPython() }), /exit code 1[\s\S]*boom: bad field/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  it('creates a tiny random Llama with its own tokenizer and chat template', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ck-tiny-'));
    try {
      const text = Array.from({ length: 200 }, (_, i) => `In country ${i % 7} people greet with a bow number ${i}. 日本 ไทย مرحبا`).join('\n');
      const model = await createTinyHfModel({ python: testPython(), dir, text, seed: 1 });
      assert.ok(model.parameters > 50_000 && model.parameters < 500_000, `parameters ${model.parameters}`);
      const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
      assert.equal(config.num_hidden_layers, 2);
      assert.equal(config.vocab_size, model.vocabSize);
      const tokenizerConfig = JSON.parse(await readFile(join(dir, 'tokenizer_config.json'), 'utf8'));
      const template = tokenizerConfig.chat_template ?? (await readFile(join(dir, 'chat_template.jinja'), 'utf8'));
      assert.match(String(template), /<\|assistant\|>/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
