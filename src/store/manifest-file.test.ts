import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { InputError } from '../errors/culturekit-error.js';
import type { RunManifest } from '../schema/manifest.js';
import { MANIFEST_FILE, readManifestFile, writeManifestFile } from './manifest-file.js';
import { openStore } from './open-store.js';

const manifest: RunManifest = {
  id: 'run-m',
  createdAt: '2026-01-01T00:00:00.000Z',
  toolVersion: '0.0.0',
  dataset: { ref: 'builtin:sample', hash: 'abc', items: 2, skippedInvalid: 0 },
  models: [{ spec: 'openai:m' }],
  judges: [{ spec: 'openai:judge' }],
  options: { conditions: ['plain'], kinds: ['knowledge'], mcqMethod: 'letter', shuffleSeed: null, temperature: 0, maxTokens: 16, limit: null },
  planHash: 'def',
};

test('a manifest written to a run folder reads back equal', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ck-manifest-'));
  writeManifestFile(folder, manifest);
  assert.deepEqual(readManifestFile(join(folder, MANIFEST_FILE)), manifest);
  assert.ok(readFileSync(join(folder, MANIFEST_FILE), 'utf8').endsWith('}\n'));
});

test('a wrong field or unreadable JSON names the file (and the field)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ck-manifest-'));
  const path = join(folder, MANIFEST_FILE);
  writeFileSync(path, JSON.stringify({ ...manifest, options: { ...manifest.options, temperature: -1 } }));
  assert.throws(
    () => readManifestFile(path),
    (error: unknown) => error instanceof InputError && error.message.startsWith(`${path}: options.temperature: `),
  );
  writeFileSync(path, '{ not json');
  assert.throws(
    () => readManifestFile(path),
    (error: unknown) => error instanceof InputError && error.message.startsWith(`${path}: not a readable run manifest: `),
  );
});

test('the store checks what it reads back: a corrupted stored row names the store, the run and the field', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'ck-store-')), 'store.db');
  const store = openStore(path);
  store.saveRun(manifest, null, 'finished');
  assert.deepEqual(store.getRun(manifest.id)?.manifest, manifest);
  const row = {
    runId: manifest.id,
    model: 'openai:m',
    condition: 'plain',
    itemId: 'a',
    kind: 'knowledge',
    format: 'mcq',
    language: 'en',
    template: 't',
    prompt: 'p',
    status: 'scored',
    method: 'letter',
    metrics: { accuracy: 1 },
    latencyMs: 1,
    usage: { inputTokens: 1, outputTokens: 1 },
    cached: false,
    attempts: 1,
    completedAt: 'now',
  } as const;
  store.saveResult({ ...row, attempts: -1 });
  assert.throws(
    () => [...store.iterateResults(manifest.id)],
    (error: unknown) => error instanceof InputError && error.message.startsWith(`${path}: run ${manifest.id}: attempts: `),
  );
  store.close();
});
