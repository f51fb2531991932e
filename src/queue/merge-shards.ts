import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RunSummary } from '../analysis/summarize.js';
import { InputError } from '../errors/culturekit-error.js';
import { writeRunOutputs } from '../eval/write-outputs.js';
import type { RunManifest } from '../schema/manifest.js';
import type { ResultRow } from '../schema/result.js';
import { MANIFEST_FILE, readManifestFile } from '../store/manifest-file.js';
import { openStore } from '../store/open-store.js';
import { iterateResultsFile } from '../store/read-result-rows.js';
import { resultKey } from '../store/result-key.js';
import { acquireRunLocks } from '../store/run-lock.js';

export interface MergeShardsInput {
  /** The run folders of the shares (`eval --shard i/N --out <dir>`), in any order. */
  dirs: string[];
  outDir: string;
  dbPath: string;
  /** The merged run's id. Default `run-merged-<plan hash>`: merging the same shares again gives the same run. */
  runId?: string;
}

export interface MergeShardsOutput {
  manifest: RunManifest;
  summary: RunSummary;
  results: number;
  /** Results the plan has (items × models × conditions): more than `results` when a share was interrupted. */
  planned: number;
}

/**
 * Joins the shares of one plan (`culturekit eval --shard i/N`, run anywhere) into one run: the same manifest as the
 * whole plan's run, every share's results (checked against the result schema, each key once), stored and written with
 * the engine's own output writer, so results.jsonl and summary.json are those of the unsharded run.
 *
 * @example
 * await mergeShards({ dirs: ['runs/s0', 'runs/s1'], outDir: 'runs/merged', dbPath: '.culturekit/culturekit.db' });
 */
export async function mergeShards(input: MergeShardsInput): Promise<MergeShardsOutput> {
  if (input.dirs.length === 0) throw new InputError('merge: name the run folders of the shares (e.g. culturekit merge runs/s0 runs/s1 --out runs/all)');
  const shares = input.dirs.map((dir) => {
    const path = join(dir, MANIFEST_FILE);
    if (!existsSync(path)) throw new InputError(`merge: ${dir} holds no ${MANIFEST_FILE}: name the --out folder of an \`eval --shard\` run`);
    const manifest = readManifestFile(path);
    if (!manifest.shard) throw new InputError(`merge: ${path} is a whole run, not a share (it was not made with --shard i/N)`);
    return { dir, manifest, shard: manifest.shard };
  });
  const [first] = shares;
  const count = first.shard.count;
  const seen = new Map<number, string>();
  for (const { dir, manifest, shard } of shares) {
    if (manifest.planHash !== first.manifest.planHash) {
      throw new InputError(
        `merge: ${dir} (run ${manifest.id}) has another plan than ${first.dir} (run ${first.manifest.id}): other dataset, models or options`,
      );
    }
    if (shard.count !== count) throw new InputError(`merge: ${dir} is share ${shard.index}/${shard.count}, but ${first.dir} is one of ${count}`);
    const other = seen.get(shard.index);
    if (other !== undefined) throw new InputError(`merge: ${dir} and ${other} are both share ${shard.index}/${count}`);
    seen.set(shard.index, dir);
  }
  const missing = Array.from({ length: count }, (_, index) => index).filter((index) => !seen.has(index));
  if (missing.length > 0)
    throw new InputError(`merge: share${missing.length > 1 ? 's' : ''} ${missing.map((index) => `${index}/${count}`).join(', ')} missing`);

  const { shard: _shard, ...whole } = first.manifest;
  const createdAt = shares.map(({ manifest }) => manifest.createdAt).sort()[0];
  const manifest: RunManifest = { ...whole, id: input.runId ?? `run-merged-${first.manifest.planHash.slice(0, 12)}`, createdAt };
  const planned = manifest.dataset.items * manifest.models.length * manifest.options.conditions.length;
  const store = openStore(input.dbPath);
  const lock = acquireRunLocks(input.dbPath, [`run ${manifest.id}`, `output folder ${resolve(input.outDir)}`]);
  try {
    store.saveRun(manifest, input.outDir, 'running');
    const keys = new Set<string>();
    let batch: { row: ResultRow }[] = [];
    for (const { dir } of shares) {
      for (const row of iterateResultsFile(join(dir, 'results.jsonl'))) {
        const key = resultKey(row.model, row.condition, row.itemId);
        if (keys.has(key)) throw new InputError(`merge: ${dir}/results.jsonl: item ${row.itemId} of ${row.model} (${row.condition}) is in two shares`);
        keys.add(key);
        batch.push({ row: { ...row, runId: manifest.id } });
        if (batch.length >= 1_000) {
          store.saveResults(batch);
          batch = [];
        }
      }
    }
    store.saveResults(batch);
    store.setRunStatus(manifest.id, keys.size < planned ? 'interrupted' : 'finished');
    const summary = await writeRunOutputs(input.outDir, store, manifest, { prices: manifest.prices });
    return { manifest, summary, results: keys.size, planned };
  } finally {
    lock.release();
    store.close();
  }
}
