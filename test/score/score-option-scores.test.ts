import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../eval/helpers.js';
import { fixtures } from '../fixtures/benchmark-test-support.js';

test('score reads per-option probabilities (Python dicts) and scores multi-gold GeoMLaMA items as published', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'ck-option-scores-'));
  const dataset = `geomlama:${join(fixtures, 'geomlama-csv', 'en.csv')}?protocol=paper&noCountry=false`;
  const rows = [
    ['geomlama-en-1-us', "{'inch': 0.5, 'feet': 0.3, 'meter': 0.1, 'centimeter': 0.1}"], // 2 golds in the top 2: 2 hits
    ['geomlama-en-1-cn', "{'feet': 0.4, 'meter': 0.4, 'inch': 0.1, 'centimeter': 0.1}"], // tie: the recorded order decides, a miss
    ['geomlama-en-1-in', "{'meter': 0.6, 'feet': 0.2, 'inch': 0.1, 'centimeter': 0.1}"], // golds feet, metr (no option): 1 hit of 2
    ['geomlama-en-1-ir', "{'meter': 0.9, 'feet': 0.1, 'inch': 0.0, 'centimeter': 0.0}"],
    ['geomlama-en-1-ke', "{'inch': 0.9, 'feet': 0.1, 'meter': 0.0, 'centimeter': 0.0}"], // golds meter, feet: 1 hit of 2
    ['geomlama-en-1-gr', "{'meter': 0.9, 'feet': 0.1, 'inch': 0.0, 'centimeter': 0.0}"],
    ['geomlama-en-9-xx', "{'meter': 1.0}"], // matches no item: a warning
  ];
  const csv = join(directory, 'published.csv');
  writeFileSync(csv, `id,probabilities\n${rows.map(([id, cell]) => `${id},"${cell}"`).join('\n')}\n`);
  const scored = await runCli([
    'score',
    '--responses',
    csv,
    '--dataset',
    dataset,
    '--scores-column',
    'probabilities',
    '--scores-kind',
    'prob',
    '--mcq-method',
    'loglik',
    '--db',
    join(directory, 'score.db'),
    '--out',
    join(directory, 'out'),
    '--quiet',
  ]);
  assert.equal(scored.code, 0, scored.stderr);
  assert.match(scored.stderr, /warning: 1 of \d+ responses in .*published\.csv match no item of the dataset \(they are not scored\): geomlama-en-9-xx/);
  const results = readFileSync(join(directory, 'out', 'results.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const hits = Object.fromEntries(results.map((row) => [row.itemId.split('-').at(-1), `${row.metrics.hits}/${row.metrics.golds}`]));
  assert.deepEqual(hits, { us: '2/2', cn: '0/1', in: '1/2', ir: '1/1', ke: '1/2', gr: '1/1' });

  const text = await runCli([
    'score',
    '--responses',
    csv,
    '--dataset',
    dataset,
    '--scores-column',
    'probabilities',
    '--db',
    join(directory, 'score.db'),
    '--quiet',
  ]);
  assert.notEqual(text.code, 0);
  assert.match(text.stderr, /per-option scores: score them with --mcq-method loglik/);
});
