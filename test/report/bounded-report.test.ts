import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RunManifest } from '../../src/schema/manifest.js';
import type { ResultRow } from '../../src/schema/result.js';
import { wilsonInterval } from '../../src/statistics/intervals.js';
import { openStore } from '../../src/store/open-store.js';

const MODELS = 4;
const ITEMS = 50_000;
/**
 * Old-space limit of the report process: the code, vega and the world maps fit; the briefs of 200,000 results do not
 * (held whole, as reports did before, they took about 160 MiB; a report of 100,000 mixed results died at this limit).
 */
const HEAP_MIB = 96;
const COUNTRIES = ['JP', 'CN', 'IN', 'EG', 'BR', 'DE', 'TH', 'NG'];

test(`culturekit report of ${MODELS * ITEMS} stored results runs in a heap of ${HEAP_MIB} MiB, too small to hold their briefs`, {
  timeout: 600_000,
}, async () => {
  const directory = mkdtempSync(join(tmpdir(), 'ck-bounded-report-'));
  try {
    const dbPath = join(directory, 'store.db');
    const runId = 'run-bounded-report';
    const models = Array.from({ length: MODELS }, (_, index) => `openai:m${index}`);
    const manifest: RunManifest = {
      id: runId,
      createdAt: '2026-12-07T00:00:00.000Z',
      toolVersion: 'test',
      dataset: { ref: join(directory, 'gone.jsonl'), hash: 'h', items: ITEMS, skippedInvalid: 0 },
      models: models.map((spec) => ({ spec })),
      options: { conditions: ['plain'], kinds: ['knowledge'], mcqMethod: 'letter', shuffleSeed: null, temperature: 0, maxTokens: 8, limit: null },
      planHash: 'p',
    };
    const store = openStore(dbPath);
    store.saveRun(manifest, null, 'finished');
    for (const [modelIndex, model] of models.entries()) {
      let batch: { row: ResultRow }[] = [];
      for (let index = 0; index < ITEMS; index++) {
        const country = COUNTRIES[index % COUNTRIES.length];
        // Model m<k> answers wrongly every (k + 2)-th item, and every item of Egypt for m0.
        const right = index % (modelIndex + 2) !== 0 && !(modelIndex === 0 && country === 'EG');
        batch.push({
          row: {
            runId,
            model,
            condition: 'plain',
            itemId: `q${String(index).padStart(6, '0')}`,
            kind: 'knowledge',
            format: 'mcq',
            language: 'en',
            country,
            category: index % 2 === 0 ? 'etiquette' : 'food',
            template: 'mcq-letter@1',
            prompt: [{ role: 'user', content: `Question ${index} about ${country}?\nA. one\nB. two\nC. three\nD. four` }],
            choices: ['one', 'two', 'three', 'four'],
            answer: 'B',
            response: right ? 'B' : 'C',
            extracted: right ? 'B' : 'C',
            status: 'scored',
            method: 'letter',
            metrics: { accuracy: right ? 1 : 0, invalid: 0 },
            details: { rule: 'single-letter' },
            latencyMs: 10 + (index % 50),
            usage: { inputTokens: 30, outputTokens: 1 },
            cached: false,
            attempts: 1,
            completedAt: '2026-12-07T00:00:01.000Z',
          },
        });
        if (batch.length === 10_000) {
          store.saveResults(batch);
          batch = [];
        }
      }
      if (batch.length) store.saveResults(batch);
    }
    store.close();

    const out = join(directory, 'report.html');
    const child = spawn(
      process.execPath,
      [
        `--max-old-space-size=${HEAP_MIB}`,
        '--import',
        import.meta.resolve('tsx'),
        new URL('../../src/cli/main.ts', import.meta.url).pathname,
        'report',
        runId,
        '--db',
        dbPath,
        '--out',
        out,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, stderr.slice(-2000));

    const page = readFileSync(out, 'utf8');
    // Each model's accuracy and its Wilson interval as computed here from the rows written above.
    for (const [modelIndex, model] of models.entries()) {
      let right = 0;
      for (let index = 0; index < ITEMS; index++) {
        if (index % (modelIndex + 2) !== 0 && !(modelIndex === 0 && COUNTRIES[index % COUNTRIES.length] === 'EG')) right++;
      }
      const [low, high] = wilsonInterval(right, ITEMS).map((value) => value.toFixed(3));
      const cell = `${model} · plain</td><td class="number"><span class="headline-value">${(right / ITEMS).toFixed(3)}</span> <span class="ci">[${low}, ${high}]`;
      assert.ok(page.includes(cell), `${model}: ${cell}`);
    }
    assert.match(page, /Egypt \(EG\)/);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});
