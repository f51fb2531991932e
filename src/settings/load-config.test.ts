import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { InputError } from '../errors/culturekit-error.js';
import { loadConfig } from './load-config.js';

const directory = mkdtempSync(join(tmpdir(), 'ck-config-'));

test('reads models, dataset and options', () => {
  const file = join(directory, 'good.yaml');
  writeFileSync(
    file,
    [
      'dataset: builtin:sample',
      'models:',
      '  - openai:qwen',
      '  - spec: llama:./m.gguf',
      '    concurrency: 2',
      'options:',
      '  kinds: [knowledge]',
      '  shuffleSeed: 7',
      '',
    ].join('\n'),
  );
  const config = loadConfig(file);
  assert.equal(config?.dataset, 'builtin:sample');
  assert.deepEqual(config?.models, ['openai:qwen', { spec: 'llama:./m.gguf', concurrency: 2 }]);
  assert.deepEqual(config?.options, { kinds: ['knowledge'], shuffleSeed: 7 });
});

test('a bad field is reported with file, line and field', () => {
  const file = join(directory, 'bad.yaml');
  writeFileSync(file, ['dataset: builtin:sample', 'models:', '  - spec: openai:x', '    concurrency: -3', ''].join('\n'));
  assert.throws(
    () => loadConfig(file),
    (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.match(error.message, /bad\.yaml:4: models\.0\.concurrency: /);
      return true;
    },
  );
});

test('an unknown key and broken YAML are errors; a missing default file is not', () => {
  const unknown = join(directory, 'unknown.yaml');
  writeFileSync(unknown, 'dataset: x\nmodle: openai:y\n');
  assert.throws(() => loadConfig(unknown), /unknown\.yaml:2: \(top level\): Unrecognized key: "modle"/);
  const broken = join(directory, 'broken.yaml');
  writeFileSync(broken, 'models: [openai:x\n');
  assert.throws(() => loadConfig(broken), /broken\.yaml:\d+: /);
  assert.equal(loadConfig(undefined), undefined);
  assert.throws(() => loadConfig(join(directory, 'absent.yaml')), /does not exist/);
});
