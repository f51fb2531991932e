import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import type { Llama, LlamaModel } from 'node-llama-cpp';
import { ModelCallError } from '../model-error.js';

let sharedLlama: Promise<Llama> | undefined;

const recentErrors: { sequence: number; message: string }[] = [];
let logSequence = 0;

/** A mark in llama.cpp's error log, to collect what it reported during an operation (see {@link llamaErrorsSince}). */
export function llamaLogMark(): number {
  return logSequence;
}

/** llama.cpp's error messages logged after `mark`, joined (e.g. `unknown model architecture: 'x'`), or '' when none. */
export function llamaErrorsSince(mark: number): string {
  return recentErrors
    .filter((entry) => entry.sequence > mark)
    .map((entry) => entry.message.replace(/^[\w:]+: /, ''))
    .filter((message, index, all) => all.indexOf(message) === index)
    .join('; ');
}

/** The one `Llama` instance of the process (CPU, prebuilt binary, never builds or downloads). Its errors are kept, not printed. */
export function getSharedLlama(): Promise<Llama> {
  sharedLlama ??= (async () => {
    process.env.NODE_LLAMA_CPP_SKIP_DOWNLOAD ??= 'true';
    const { getLlama, LlamaLogLevel } = await import('node-llama-cpp');
    return getLlama({
      gpu: false,
      build: 'never',
      skipDownload: true,
      progressLogs: false,
      logLevel: LlamaLogLevel.error,
      logger: (level, message) => {
        if (level !== LlamaLogLevel.error && level !== LlamaLogLevel.fatal) return;
        recentErrors.push({ sequence: ++logSequence, message: message.trim() });
        if (recentErrors.length > 50) recentErrors.shift();
      },
    });
  })().catch((error: unknown) => {
    sharedLlama = undefined;
    throw new ModelCallError(`llama.cpp could not start: ${error instanceof Error ? error.message : String(error)}`, {
      kind: 'unsupported',
      isRetryable: false,
      cause: error,
    });
  });
  return sharedLlama;
}

/**
 * Resolves a GGUF path and checks that it is a GGUF file; throws a non-retryable `ModelCallError` naming the path otherwise.
 * `role` names the file in messages (`model`, `LoRA adapter`).
 */
export async function resolveGgufFile(path: string, role: string): Promise<string> {
  let resolved: string;
  try {
    resolved = await realpath(path);
  } catch (error) {
    throw new ModelCallError(`${role} file not found: ${path}`, { kind: 'client', isRetryable: false, cause: error });
  }
  let magic: Buffer;
  try {
    const handle = await open(resolved, 'r');
    try {
      magic = Buffer.alloc(4);
      const { bytesRead } = await handle.read(magic, 0, 4, 0);
      magic = magic.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new ModelCallError(`${role} file cannot be read: ${path} (${(error as Error).message})`, {
      kind: 'client',
      isRetryable: false,
      cause: error,
    });
  }
  if (magic.toString('latin1') !== 'GGUF') {
    throw new ModelCallError(`${role} file is not a GGUF file: ${path}`, { kind: 'client', isRetryable: false });
  }
  return resolved;
}

const hashes = new Map<string, Promise<string>>();

/** SHA-256 (hex) of a file, computed once per process for each path, size and modification time. */
export async function sha256OfFile(path: string): Promise<string> {
  const info = await stat(path);
  const key = `${path}\0${info.size}\0${info.mtimeMs}`;
  let hash = hashes.get(key);
  if (!hash) {
    hash = new Promise<string>((resolve, reject) => {
      const digest = createHash('sha256');
      createReadStream(path)
        .on('data', (chunk) => digest.update(chunk))
        .on('error', reject)
        .on('end', () => resolve(digest.digest('hex')));
    });
    hashes.set(key, hash);
    hash.catch(() => hashes.delete(key));
  }
  return hash;
}

interface SharedModel {
  model: Promise<LlamaModel>;
  users: number;
}

const models = new Map<string, SharedModel>();

/** A loaded model shared by every user of the same file; `release` disposes it when its last user is done. */
export interface ModelLease {
  model: LlamaModel;
  release(): Promise<void>;
}

/** Loads (or reuses) the model at a resolved GGUF path. */
export async function leaseModel(resolvedPath: string, displayPath: string): Promise<ModelLease> {
  let shared = models.get(resolvedPath);
  if (!shared) {
    const model = getSharedLlama().then((llama) => {
      const mark = llamaLogMark();
      return llama.loadModel({ modelPath: resolvedPath, gpuLayers: 0 }).catch((error: unknown) => {
        const reason = llamaErrorsSince(mark) || (error instanceof Error ? error.message : String(error));
        throw new ModelCallError(`model file could not be loaded: ${displayPath} (${reason})`, {
          kind: 'client',
          isRetryable: false,
          cause: error,
        });
      });
    });
    shared = { model, users: 0 };
    models.set(resolvedPath, shared);
    model.catch(() => {
      if (models.get(resolvedPath) === shared) models.delete(resolvedPath);
    });
  }
  const entry = shared;
  entry.users++;
  let model: LlamaModel;
  try {
    model = await entry.model;
  } catch (error) {
    entry.users--;
    throw error;
  }
  let released = false;
  return {
    model,
    async release() {
      if (released) return;
      released = true;
      entry.users--;
      if (entry.users === 0 && models.get(resolvedPath) === entry) {
        models.delete(resolvedPath);
        await model.dispose();
      }
    },
  };
}
