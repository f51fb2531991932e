import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { sharedData } from '../fixtures/benchmark-test-support.js';

// A checkout of iamshnoo/culture-llm (its outputs/ folder holds the published per-item outputs and tables).
const source = process.env.CULTURE_LLM_DIR;
const skip = !source
  ? 'set CULTURE_LLM_DIR to a checkout of iamshnoo/culture-llm to re-score its published outputs'
  : !existsSync(join(source, 'outputs', 'geomlama', 'evals', 'all_results.csv'))
    ? `no outputs/geomlama/evals/all_results.csv under CULTURE_LLM_DIR=${source}`
    : false;

test('bench/reproduce-global-gallery.ts: every published GeoMLaMA and CAMeL-style cell equal at the published precision', {
  skip,
  timeout: 300_000,
}, async () => {
  const data = existsSync(join(sharedData, 'culture-llm')) ? join(sharedData, 'culture-llm') : join(source!, 'data');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'bench/reproduce-global-gallery.ts', '--source', source!, '--data', data, '--quiet'],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const summaries = [...stdout.matchAll(/(\d+) of (\d+) cells equal at the published precision/g)];
  assert.ok(summaries.length > 0, stdout);
  for (const [, equal, cells] of summaries) assert.equal(equal, cells, stdout);
});
