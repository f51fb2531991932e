import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CulturekitError, InputError } from '../errors/culturekit-error.js';
import { runPython, runTool } from './python-env.js';

/**
 * The llama.cpp source that node-llama-cpp ships (`node_modules/node-llama-cpp/llama/gitRelease.bundle`, a git bundle
 * of the exact llama.cpp its binaries were built from), cloned offline into `.culturekit/llama.cpp-src` once: its
 * converters (`convert_hf_to_gguf.py`, `convert_lora_to_gguf.py`, `gguf-py/`) for `adapt export-gguf` and `neurons`,
 * and its `llama-imatrix` tool. No llama.cpp code enters culturekit. The one owner of finding and cloning it.
 */
export const LLAMA_CPP_SOURCE_DIR = '.culturekit/llama.cpp-src';

/** `node_modules/node-llama-cpp/llama/gitRelease.bundle`, found from where node-llama-cpp resolves. */
export function llamaCppBundle(): string {
  let folder = dirname(fileURLToPath(import.meta.resolve('node-llama-cpp')));
  while (!existsSync(join(folder, 'llama', 'gitRelease.bundle'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new CulturekitError('node-llama-cpp ships no llama/gitRelease.bundle (its llama.cpp source); reinstall node-llama-cpp');
    folder = parent;
  }
  return join(folder, 'llama', 'gitRelease.bundle');
}

/** Clones the bundled llama.cpp source into `dir` unless it is already there (1.7 s measured). Returns `dir`. */
export async function ensureLlamaCppSource(dir: string = resolve(LLAMA_CPP_SOURCE_DIR)): Promise<string> {
  if (existsSync(join(dir, 'convert_lora_to_gguf.py'))) return dir;
  if (existsSync(dir)) throw new InputError(`${dir} exists but holds no llama.cpp source (no convert_lora_to_gguf.py); remove it`);
  await mkdir(dirname(dir), { recursive: true });
  // Cloned beside and renamed, so a concurrent clone (another test file, another command) never sees half a tree.
  const temporary = `${dir}.${process.pid}.tmp`;
  await rm(temporary, { recursive: true, force: true });
  try {
    await runTool('git', ['clone', '-q', llamaCppBundle(), temporary]);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw new CulturekitError(`could not clone llama.cpp's source (is git installed?): ${(error as Error).message}`, { cause: error });
  }
  try {
    await rename(temporary, dir);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    if (!existsSync(join(dir, 'convert_lora_to_gguf.py'))) throw error;
  }
  return dir;
}

/** Environment for the bundled converters: its own `gguf-py`, not an installed `gguf` of another version. */
export function converterEnvironment(source: string): Record<string, string> {
  return { PYTHONPATH: join(source, 'gguf-py'), NO_LOCAL_GGUF: '' };
}

/**
 * Converts a Hugging Face model folder to one GGUF file with the bundled `convert_hf_to_gguf.py` (offline; the
 * converter matches the inference engine), written beside and renamed so a cut-short conversion leaves no file.
 * `outType` f32 keeps the weights exact.
 */
export async function convertHfToGguf(options: {
  python: string;
  hfDir: string;
  outFile: string;
  outType?: 'f32' | 'f16' | 'bf16' | 'q8_0';
  sourceDir?: string;
}): Promise<string> {
  const source = await ensureLlamaCppSource(options.sourceDir);
  await mkdir(dirname(options.outFile), { recursive: true });
  const partial = `${options.outFile}.tmp`;
  await runPython(join(source, 'convert_hf_to_gguf.py'), [options.hfDir, '--outfile', partial, '--outtype', options.outType ?? 'f32'], {
    python: options.python,
    env: converterEnvironment(source),
  });
  await rename(partial, options.outFile);
  return options.outFile;
}
