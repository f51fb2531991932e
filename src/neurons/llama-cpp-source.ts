import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CulturekitError } from '../errors/culturekit-error.js';
import { ensureLlamaCppSource, LLAMA_CPP_SOURCE_DIR } from '../python/llama-cpp-source.js';
import { runTool } from '../python/python-env.js';

/** `llama-imatrix`, built from the llama.cpp source node-llama-cpp ships (`python/llama-cpp-source.ts` clones it). */

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
