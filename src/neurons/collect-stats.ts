import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CulturekitError, InputError } from '../errors/culturekit-error.js';
import { pythonScript, runPython } from '../python/python-env.js';
import { convertHfToGguf } from '../python/llama-cpp-source.js';
import { runTool } from '../python/python-env.js';
import { readNeuronStats, type NeuronStats } from './neuron-stats.js';
import type { PromptRecord } from './prompt-sets.js';

export const neuronBackends = ['hooks', 'imatrix'] as const;
export type NeuronBackend = (typeof neuronBackends)[number];

export interface CollectInput {
  python: string;
  /** A Hugging Face model folder or a `.gguf` file. */
  model: string;
  backend: NeuronBackend;
  records: readonly PromptRecord[];
  /** Folder for the prompts, the texts and the statistics files. */
  workDir: string;
  /** `active` counts tokens with act(gate) above this (hooks backend). */
  threshold: number;
  /** The imatrix backend: the `llama-imatrix` binary, the chunk length in tokens, CPU threads. */
  imatrix?: { binary: string; ctx: number; threads: number };
  onProgress?: (message: string) => void;
  onWarning?: (message: string) => void;
}

/** Whether a model reference is a GGUF file (else a Hugging Face folder); a missing path is an `InputError`. */
export function isGgufModel(model: string): boolean {
  if (!existsSync(model)) throw new InputError(`--model ${model}: no such file or folder`);
  if (statSync(model).isDirectory()) {
    if (!existsSync(join(model, 'config.json'))) throw new InputError(`--model ${model}: a folder without config.json is not a Hugging Face model`);
    return false;
  }
  if (!model.endsWith('.gguf')) throw new InputError(`--model ${model}: expected a Hugging Face model folder or a .gguf file`);
  return true;
}

/**
 * A GGUF of the model: the file itself, or the folder converted (f32) into `workDir` — once: a marker beside it names
 * the folder and its weights' sizes and times, so another model in the same folder is converted again.
 */
export async function ggufOf(python: string, model: string, workDir: string): Promise<string> {
  if (isGgufModel(model)) return model;
  const outFile = join(workDir, 'model-f32.gguf');
  const marker = `${outFile}.source`;
  const weights = readdirSync(model)
    .filter((name) => name.endsWith('.safetensors') || name.endsWith('.bin') || name === 'config.json')
    .sort()
    .map((name) => {
      const info = statSync(join(model, name));
      return `${name}:${info.size}:${info.mtimeMs}`;
    });
  const source = JSON.stringify({ model: resolve(model), weights });
  if (existsSync(outFile) && existsSync(marker) && readFileSync(marker, 'utf8') === source) return outFile;
  await convertHfToGguf({ python, hfDir: model, outFile });
  await writeFile(marker, source);
  return outFile;
}

/**
 * Runs the prompts through the model and returns the per-neuron statistics of each group:
 * - `hooks`: transformers forward hooks (`neurons_hooks.py`), every statistic, prompt by prompt;
 * - `imatrix`: llama.cpp's `llama-imatrix` on each group's prompts joined into one text (its chunks of `ctx` tokens,
 *   each starting with BOS; a remainder shorter than a chunk is dropped), energy (`sum2`) only. A group shorter than
 *   two chunks is left out with a warning.
 */
export async function collectNeuronStats(input: CollectInput): Promise<NeuronStats> {
  await mkdir(input.workDir, { recursive: true });
  const promptsFile = join(input.workDir, 'prompts.jsonl');
  await writeFile(promptsFile, `${input.records.map((record) => JSON.stringify(record)).join('\n')}\n`);
  const prefix = join(input.workDir, `stats-${input.backend}`);
  const onLine = (line: string) => {
    if (!line.startsWith('{"progress"')) return;
    const { progress, total } = JSON.parse(line) as { progress: number; total: number };
    input.onProgress?.(`neuron statistics: ${progress}/${total} prompts`);
  };
  if (input.backend === 'hooks') {
    await runPython(
      pythonScript('neurons_hooks.py'),
      ['--model', input.model, '--prompts', promptsFile, '--out', prefix, '--threshold', String(input.threshold)],
      {
        python: input.python,
        onLine,
      },
    );
    return readNeuronStats(prefix);
  }
  if (!input.imatrix) throw new InputError('the imatrix backend needs llama-imatrix: run `culturekit neurons setup-imatrix` first');
  const gguf = await ggufOf(input.python, input.model, input.workDir);
  const textDir = join(input.workDir, 'imatrix-texts');
  await runPython(pythonScript('neurons_hooks.py'), ['--model', input.model, '--prompts', promptsFile, '--render-dir', textDir], { python: input.python });
  const keys = JSON.parse(readFileSync(join(textDir, 'groups.json'), 'utf8')) as string[];
  const outputs: string[] = [];
  for (const [index, key] of keys.entries()) {
    input.onProgress?.(`llama-imatrix: group ${index + 1}/${keys.length} (${key})`);
    const out = join(textDir, `${index}.imatrix.gguf`);
    const ctx = String(input.imatrix.ctx);
    try {
      await runImatrix(input.imatrix.binary, [
        '-m',
        gguf,
        '-f',
        join(textDir, `${index}.txt`),
        '-c',
        ctx,
        '-b',
        ctx,
        '-ub',
        ctx,
        '-o',
        out,
        '--no-ppl',
        '-t',
        String(input.imatrix.threads),
      ]);
      outputs.push(`${key}=${out}`);
    } catch (error) {
      if (!/you need at least/.test((error as Error).message)) throw error;
      input.onWarning?.(`${key}: fewer than ${2 * input.imatrix.ctx} tokens for llama-imatrix chunks of ${ctx}; group left out`);
    }
  }
  if (outputs.length === 0) throw new InputError(`no group has enough tokens for llama-imatrix chunks of ${input.imatrix.ctx}; lower --ctx`);
  await runPython(pythonScript('neurons_gguf.py'), ['imatrix', '--out', prefix, ...outputs], { python: input.python });
  const stats = readNeuronStats(prefix);
  const prompts = new Map<string, number>();
  for (const record of input.records) prompts.set(record.group, (prompts.get(record.group) ?? 0) + 1);
  for (const group of stats.groups) group.prompts = prompts.get(group.key) ?? 0;
  return stats;
}

/** Runs `llama-imatrix` with the given arguments (quiet: its log is kept for the error). */
export async function runImatrix(binary: string, args: readonly string[]): Promise<void> {
  if (!existsSync(binary)) throw new InputError(`${binary}: no llama-imatrix; build it with \`culturekit neurons setup-imatrix\``);
  try {
    await runTool(binary, args);
  } catch (error) {
    throw new CulturekitError(`llama-imatrix failed: ${(error as Error).message}`, { cause: error });
  }
}
