import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startOpenAITestServer, type OpenAITestServer } from '../fixtures/openai-test-server.js';
import { runCli, writeMcqDataset } from '../eval/helpers.js';

let server: OpenAITestServer;
let directory: string;
const ORDINALS: Record<string, string> = { first: 'A', second: 'B', third: 'C', fourth: 'D' };

before(async () => {
  // The extractor model: reads "the <ordinal> one" as that option, anything else as NONE.
  server = await startOpenAITestServer({
    respond: ({ messages }) => {
      const reply = /Reply:\n"""\n([\s\S]*)\n"""/.exec(messages.at(-1)?.content ?? '')?.[1] ?? '';
      const ordinal = /\bthe (first|second|third|fourth) one\b/.exec(reply)?.[1];
      return ordinal ? ORDINALS[ordinal] : 'NONE';
    },
  });
  directory = mkdtempSync(join(tmpdir(), 'ck-extractor-'));
});
after(async () => server.close());

test('--extractor reads only what the rules cannot, records it per item, and the run counts each method', async () => {
  const dataset = join(directory, 'items.jsonl');
  writeMcqDataset(dataset, 12);
  const replies = [
    'Answer: A',
    'I would go with C.',
    'My gut says the third one.',
    'Honestly, the second one feels right.',
    'No idea, sorry.',
    'Answer: D',
    'It is the fourth one, I am fairly sure.',
    'B',
    'A or B, hard to say.',
    'Jibu ni C.',
    'Ich würde B wählen.',
    'the first one',
  ];
  const csv = join(directory, 'responses.csv');
  writeFileSync(csv, `${['id,response', ...replies.map((reply, index) => `q${String(index).padStart(4, '0')},"${reply}"`)].join('\n')}\n`);
  const scored = await runCli([
    'score',
    '--responses',
    csv,
    '--dataset',
    dataset,
    '--extractor',
    'openai:extractor-model',
    '--judge-base-url',
    server.url,
    '--db',
    join(directory, 'score.db'),
    '--out',
    join(directory, 'score'),
    '--quiet',
  ]);
  assert.equal(scored.code, 0, scored.stderr);
  const rows = readFileSync(join(directory, 'score', 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const byId = new Map(rows.map((row) => [row.itemId, row]));
  // The rules read 6 replies; the model is asked about the other 6 and reads 4 ("No idea" and the hedge stay unread).
  const asked = server.requests.log.filter((request) => request.method === 'POST');
  assert.equal(asked.length, 6);
  assert.equal(byId.get('q0002').extracted, 'C');
  assert.equal(byId.get('q0002').details.extractedBy, 'openai:extractor-model');
  assert.equal(byId.get('q0002').details.rule, 'model');
  assert.equal(byId.get('q0002').response, 'My gut says the third one.', 'the original reply is kept');
  assert.equal(byId.get('q0001').details.extractedBy, undefined, 'the rules read it');
  assert.equal(byId.get('q0004').status, 'invalid');
  assert.equal(byId.get('q0004').details.extractorReply, 'NONE');
  assert.equal(byId.get('q0008').status, 'invalid', 'a hedge is never given a letter');
  const manifest = JSON.parse(readFileSync(join(directory, 'score', 'manifest.json'), 'utf8'));
  assert.equal(manifest.extractor.spec, 'openai:extractor-model');
  assert.match(scored.stdout, /answers read: 6 by the rules, 4 by openai:extractor-model, 2 by neither/);
});
