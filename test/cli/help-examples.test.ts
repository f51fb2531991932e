import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from '../eval/helpers.js';

const COMMANDS = [
  ['eval'],
  ['demo'],
  ['score'],
  ['build'],
  ['serve'],
  ['report'],
  ['view'],
  ['review'],
  ['review', 'create'],
  ['review', 'add-annotator'],
  ['review', 'serve'],
  ['review', 'export'],
  ['gate'],
  ['init'],
  ['validate'],
  ['neurons'],
  ['neurons', 'setup-imatrix'],
];

test('every command’s --help ends with an example of itself', async () => {
  const results = await Promise.all(COMMANDS.map((command) => runCli([...command, '--help'])));
  results.forEach((result, index) => {
    const command = COMMANDS[index].join(' ');
    assert.equal(result.code, 0, `${command}: ${result.stderr}`);
    assert.match(result.stdout, new RegExp(`Examples?:\\n {2}culturekit ${command}`), command);
  });
});
