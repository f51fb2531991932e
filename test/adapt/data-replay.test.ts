import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readReplayFile } from '../../src/adapt/data/read-replay.js';
import { teacherReplyProblem } from '../../src/adapt/data/safety-examples.js';
import { DatasetError } from '../../src/errors/culturekit-error.js';

const directory = mkdtempSync(join(tmpdir(), 'ck-adapt-replay-'));

function write(name: string, lines: string[]): string {
  const path = join(directory, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

test('replay files: every trainer shape becomes the same chat messages', () => {
  const path = write('shapes.jsonl', [
    JSON.stringify({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
      ],
    }),
    JSON.stringify({ prompt: 'Two plus two?', completion: 'Four.', language: 'en-GB' }),
    '',
    JSON.stringify({ instruction: 'Translate', input: 'chat', output: 'cat' }),
    JSON.stringify({
      conversations: [
        { from: 'human', value: 'Q' },
        { from: 'gpt', value: 'A' },
      ],
    }),
  ]);
  const replay = readReplayFile(path);
  assert.equal(replay.sha256.length, 64);
  assert.deepEqual(
    replay.examples.map((example) => [example.id, example.language, example.messages.map((message) => `${message.role}:${message.content}`)]),
    [
      ['replay:1', 'en', ['system:Be brief.', 'user:Hi', 'assistant:Hello']],
      ['replay:2', 'en-GB', ['user:Two plus two?', 'assistant:Four.']],
      ['replay:4', 'en', ['user:Translate\n\nchat', 'assistant:cat']],
      ['replay:5', 'en', ['user:Q', 'assistant:A']],
    ],
  );
});

test('replay files: each malformed line is named by file, line and field, all in one error', () => {
  const path = write('bad.jsonl', [
    JSON.stringify({ messages: [{ role: 'user', content: 'only a question' }] }),
    JSON.stringify({ instruction: '', output: 'x' }),
    JSON.stringify({ conversations: [{ from: 'human', value: '' }] }),
    JSON.stringify({ text: 'raw text' }),
    JSON.stringify([1, 2]),
    JSON.stringify({ prompt: 'p', completion: 'c', language: 7 }),
  ]);
  assert.throws(
    () => readReplayFile(path),
    (error: unknown) => {
      assert.ok(error instanceof DatasetError);
      assert.deepEqual(
        error.problems.map((problem) => `${problem.line}:${problem.field}`),
        ['1:messages', '2:instruction', '3:conversations.0.value', '4:', '5:', '6:language'],
      );
      assert.match(error.message, new RegExp(`${path}:1: messages: the last message must be the assistant’s`));
      return true;
    },
  );
  assert.throws(() => readReplayFile(join(directory, 'missing.jsonl')), /--replay: cannot read/);
});

test('teacher replies that cannot be training answers are named, the rest pass', () => {
  assert.equal(teacherReplyProblem('  \n', 'stop'), 'the teacher returned an empty reply');
  assert.match(teacherReplyProblem('…!!', 'stop')!, /no words/);
  assert.equal(teacherReplyProblem('{"answer": "x"}', 'stop'), 'the teacher returned JSON, not an answer');
  assert.equal(teacherReplyProblem('A long answer', 'length'), 'the teacher reply was cut at the token limit');
  assert.equal(teacherReplyProblem('Bring a small gift and greet the eldest first.', 'stop'), undefined);
});
