import { join } from 'node:path';
import { InputError } from '../../errors/culturekit-error.js';
import { writeFileAtomic } from '../../util/write-file-atomic.js';
import { TRAIN_MANIFEST_FILE } from '../train-manifest.js';
import { readTrainManifestRecord } from '../train/run-training.js';
import { type ExportGgufResult, exportGguf, type GgufAdapter, type GgufOutType } from './export-gguf.js';

/**
 * Converts every trained stage of an `adapt train` run folder (its base, each adapter on the model it was trained on,
 * and the merged stage-1 model where stage 2 was trained on it) and records each GGUF in `train-manifest.json`.
 *
 * @example
 * const { modelSpecs } = await exportTrainRun({ train: 'runs/adapt/trl', out: 'runs/adapt/gguf', outType: 'f16', python });
 */
export async function exportTrainRun(options: {
  train: string;
  out: string;
  outType: GgufOutType;
  python: string;
  base?: string;
  cwd?: string;
  onNotice?(line: string): void;
}): Promise<ExportGgufResult> {
  const manifest = readTrainManifestRecord(options.train);
  if (!manifest) throw new InputError(`--train ${options.train}: no ${TRAIN_MANIFEST_FILE}`);
  const trained = manifest.stages.filter((stage) => stage.status === 'succeeded' && stage.adapterDir);
  if (trained.length === 0) throw new InputError(`--train ${options.train}: no stage has finished training`);
  const adapters: GgufAdapter[] = trained.map((stage) => {
    const mergedFrom = manifest.stages.find((other) => other.mergedDir !== undefined && other.mergedDir === stage.baseModel);
    return {
      name: stage.name.replace(/\//g, '-'),
      dir: stage.adapterDir as string,
      base: stage.baseModel,
      baseName: mergedFrom ? `${mergedFrom.name.replace(/\//g, '-')}-merged` : undefined,
    };
  });
  const result = await exportGguf({
    base: options.base ?? manifest.baseModel,
    adapters,
    out: options.out,
    outType: options.outType,
    python: options.python,
    cwd: options.cwd,
    onNotice: options.onNotice,
  });
  for (const [index, stage] of trained.entries()) stage.gguf = result.adapters[index]?.gguf;
  writeFileAtomic(join(options.train, TRAIN_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return result;
}
