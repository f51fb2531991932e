import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CulturekitError, InputError } from '../errors/culturekit-error.js';
import { runPython } from '../python/python-env.js';

/**
 * The llama.cpp source that node-llama-cpp ships (`node_modules/node-llama-cpp/llama/gitRelease.bundle`, a git bundle
 * of the exact llama.cpp its binaries were built from): cloned offline into `.culturekit/llama.cpp-src`, for its
 * converter (`convert_hf_to_gguf.py`) and its `llama-imatrix` tool. No llama.cpp code enters culturekit.
 *
 * NOTE for the merge: the adaptation work (src/adapt/gguf/) converts models with the same bundled converter; this is
 * the minimal copy neurons needs, to be folded into one owner.
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

/** Runs a command to completion; its output lines go to `onLine`; failure is an error with the end of its output. */
export function runTool(command: string, args: readonly string[], options: { cwd?: string; onLine?: (line: string) => void } = {}): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let pending = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output = (output + text).slice(-200_000);
      if (!options.onLine) return;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onLine(line);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (error) => reject(new CulturekitError(`could not start ${command}: ${error.message}`, { cause: error })));
    child.on('close', (code) => {
      if (code === 0) resolvePromise(output);
      else reject(new CulturekitError(`${command} ${args.join(' ')} failed (exit code ${code}):\n${output.trim().split('\n').slice(-15).join('\n')}`));
    });
  });
}

/** Clones the bundled llama.cpp source into `dir` unless it is already there (1.7 s measured). Returns `dir`. */
export async function ensureLlamaCppSource(dir: string = resolve(LLAMA_CPP_SOURCE_DIR)): Promise<string> {
  if (existsSync(join(dir, 'convert_hf_to_gguf.py'))) return dir;
  if (existsSync(dir)) throw new InputError(`${dir} exists but holds no llama.cpp source (no convert_hf_to_gguf.py); remove it`);
  await mkdir(dirname(dir), { recursive: true });
  // Cloned beside and renamed, so a concurrent clone (another test file, another command) never sees half a tree.
  const temporary = `${dir}.${process.pid}.tmp`;
  await rm(temporary, { recursive: true, force: true });
  await runTool('git', ['clone', '-q', llamaCppBundle(), temporary]);
  try {
    await rename(temporary, dir);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    if (!existsSync(join(dir, 'convert_hf_to_gguf.py'))) throw error;
  }
  return dir;
}

/**
 * Converts a Hugging Face model folder to one GGUF file with the bundled `convert_hf_to_gguf.py` (offline; the
 * converter matches the inference engine). `outType` f32 keeps the weights exact.
 */
export async function convertHfToGguf(options: {
  python: string;
  hfDir: string;
  outFile: string;
  outType?: 'f32' | 'f16';
  sourceDir?: string;
}): Promise<string> {
  const source = await ensureLlamaCppSource(options.sourceDir);
  await mkdir(dirname(options.outFile), { recursive: true });
  await runPython(join(source, 'convert_hf_to_gguf.py'), [options.hfDir, '--outfile', options.outFile, '--outtype', options.outType ?? 'f32'], {
    python: options.python,
    env: { PYTHONPATH: join(source, 'gguf-py') },
  });
  return options.outFile;
}

/** Where `culturekit neurons setup-imatrix` puts the `llama-imatrix` binary. */
export function imatrixBinaryPath(sourceDir: string = resolve(LLAMA_CPP_SOURCE_DIR)): string {
  return join(sourceDir, 'build', 'bin', 'llama-imatrix');
}

/**
 * Builds only the `llama-imatrix` target of the bundled source (CPU, static, no server, no tests, no network): the
 * clone, a CMake configure and `cmake --build --target llama-imatrix -j<jobs>`. Skips what is already built.
 * Returns the binary and the seconds spent.
 */
export async function setupImatrix(options: {
  sourceDir?: string;
  jobs: number;
  onLine?: (line: string) => void;
}): Promise<{ binary: string; seconds: number }> {
  const started = performance.now();
  const source = await ensureLlamaCppSource(options.sourceDir);
  const binary = imatrixBinaryPath(source);
  if (!existsSync(binary)) {
    const build = join(source, 'build');
    await runTool(
      'cmake',
      [
        '-S',
        source,
        '-B',
        build,
        '-DCMAKE_BUILD_TYPE=Release',
        '-DLLAMA_BUILD_SERVER=OFF',
        '-DLLAMA_BUILD_TESTS=OFF',
        '-DLLAMA_OPENSSL=OFF',
        '-DBUILD_SHARED_LIBS=OFF',
      ],
      { onLine: options.onLine },
    );
    await runTool('cmake', ['--build', build, '-j', String(options.jobs), '--target', 'llama-imatrix'], { onLine: options.onLine });
    if (!existsSync(binary)) throw new CulturekitError(`the build finished but ${binary} is missing`);
  }
  return { binary, seconds: (performance.now() - started) / 1000 };
}
