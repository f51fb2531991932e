import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createProgressReporter } from './progress.js';

test('the progress line names a model or judge that has backed off, and only then', () => {
  const lines: string[] = [];
  const stream = { isTTY: false, write: (text: string) => lines.push(text) } as unknown as NodeJS.WriteStream;
  const progress = createProgressReporter(stream);
  const state = { done: 10, total: 10, skipped: 0, errors: 0, invalid: 0, cached: 0 };
  progress.update({ ...state, concurrency: [{ model: 'openai:qwen2.5-7b-instruct', limit: 8, max: 8 }] });
  assert.doesNotMatch(lines.at(-1)!, /backed off/);
  progress.update({
    ...state,
    concurrency: [
      { model: 'openai:qwen2.5-7b-instruct', limit: 3, max: 8 },
      { model: 'openai:judge', limit: 16, max: 16 },
    ],
  });
  assert.match(lines.at(-1)!, /backed off openai:qwen2\.5-7b-instruct 3\/8 in flight/);
  assert.doesNotMatch(lines.at(-1)!, /judge/);
});
