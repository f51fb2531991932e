import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors/culturekit-error.js';
import { issueLines } from '../schema/issue-lines.js';
import { runManifestSchema, type RunManifest } from '../schema/manifest.js';
import { writeFileAtomic } from '../util/write-file-atomic.js';

/** The manifest file of a run folder. */
export const MANIFEST_FILE = 'manifest.json';

/**
 * Checks a run manifest read from outside (a `manifest.json`, the store) against the schema; a wrong field is an
 * `InputError` naming `where: field: problem`.
 *
 * @example
 * const manifest = parseRunManifest(JSON.parse(text), 'runs/demo/manifest.json');
 */
export function parseRunManifest(value: unknown, where: string): RunManifest {
  const parsed = runManifestSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new InputError(issueLines(parsed.error, where).join('\n'));
}

/**
 * Reads and validates a run's `manifest.json`; problems name the file and the field.
 *
 * @example
 * const manifest = readManifestFile('runs/demo/manifest.json');
 */
export function readManifestFile(path: string): RunManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(`${path}: not a readable run manifest: ${(error as Error).message}`);
  }
  return parseRunManifest(raw, path);
}

/**
 * Writes a run's `manifest.json` into its folder, atomically.
 *
 * @example
 * writeManifestFile('runs/demo', manifest);
 */
export function writeManifestFile(outDir: string, manifest: RunManifest): void {
  writeFileAtomic(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}
