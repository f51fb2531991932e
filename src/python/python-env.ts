import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CulturekitError, InputError } from '../errors/culturekit-error.js';

/**
 * The Python trainer environment culturekit creates and drives (torch, transformers, peft, trl, sacrebleu, gguf).
 * culturekit is TypeScript; Python runs only here, as child processes, offline.
 */

/** Where `culturekit adapt setup` creates the environment, relative to the working directory. */
export const DEFAULT_VENV_DIR = '.culturekit/venv';

/**
 * The folder holding culturekit's own Python scripts (shipped in the package under `src/python/scripts`; the compiled
 * `dist/python/` has no copy, so it points back there).
 */
export const PYTHON_SCRIPTS_DIR = existsSync(fileURLToPath(new URL('./scripts/', import.meta.url)))
  ? fileURLToPath(new URL('./scripts/', import.meta.url))
  : fileURLToPath(new URL('../../src/python/scripts/', import.meta.url));

export function pythonScript(name: string): string {
  return join(PYTHON_SCRIPTS_DIR, name);
}

export interface PythonLocation {
  /** Path of the interpreter. */
  python: string;
  /** Where it came from, for messages: `--python`, `CULTUREKIT_PYTHON` or the default venv. */
  source: 'flag' | 'environment' | 'default-venv';
}

/**
 * The interpreter to use: `--python` flag > `CULTUREKIT_PYTHON` > `<cwd>/.culturekit/venv/bin/python`.
 * `undefined` when none exists (callers say how to create it: `culturekit adapt setup`).
 */
export function findPython(options: { python?: string; cwd?: string } = {}): PythonLocation | undefined {
  if (options.python) {
    if (!existsSync(options.python)) throw new InputError(`--python ${options.python}: no such file`);
    return { python: options.python, source: 'flag' };
  }
  const fromEnvironment = process.env.CULTUREKIT_PYTHON;
  if (fromEnvironment) {
    if (!existsSync(fromEnvironment)) throw new InputError(`CULTUREKIT_PYTHON=${fromEnvironment}: no such file`);
    return { python: fromEnvironment, source: 'environment' };
  }
  const venvPython = resolve(options.cwd ?? process.cwd(), DEFAULT_VENV_DIR, process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');
  return existsSync(venvPython) ? { python: venvPython, source: 'default-venv' } : undefined;
}

/** Like `findPython`, but a missing environment is an error that says how to create it. */
export function requirePython(options: { python?: string; cwd?: string } = {}): PythonLocation {
  const found = findPython(options);
  if (!found) {
    throw new InputError(
      `no Python trainer environment: create it with \`culturekit adapt setup\` (writes ${DEFAULT_VENV_DIR}), or name one with --python or CULTUREKIT_PYTHON`,
    );
  }
  return found;
}

/** Environment for every Python child: offline hubs, unbuffered output, no telemetry. */
export function pythonEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HF_HUB_OFFLINE: '1',
    HF_DATASETS_OFFLINE: '1',
    TRANSFORMERS_OFFLINE: '1',
    HF_HUB_DISABLE_TELEMETRY: '1',
    PYTHONUNBUFFERED: '1',
    PYTHONIOENCODING: 'utf-8',
    TOKENIZERS_PARALLELISM: 'false',
    ...extra,
  };
}

export interface RunPythonOptions {
  python: string;
  cwd?: string;
  env?: Record<string, string>;
  /** Called with each complete stdout line as it arrives. */
  onLine?: (line: string) => void;
  /** Called with each stderr chunk as it arrives (pip's progress). */
  onStderr?: (chunk: string) => void;
  signal?: AbortSignal;
}

export interface PythonRunResult {
  stdout: string;
  stderr: string;
}

/** Runs a Python script to completion; a non-zero exit is a `CulturekitError` carrying the end of stderr. */
export function runPython(script: string, args: string[], options: RunPythonOptions): Promise<PythonRunResult> {
  return runInterpreter([script, ...args], script, options);
}

/**
 * Runs `python -m <module> <args>` (pip, venv) to completion, like `runPython`.
 *
 * @example
 * await runPythonModule('pip', ['install', '--no-index', 'sacrebleu'], { python: '.culturekit/venv/bin/python' });
 */
export function runPythonModule(module: string, args: string[], options: RunPythonOptions): Promise<PythonRunResult> {
  return runInterpreter(['-m', module, ...args], `python -m ${module}`, options);
}

function runInterpreter(argv: string[], label: string, options: RunPythonOptions): Promise<PythonRunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(options.python, argv, {
      cwd: options.cwd,
      env: pythonEnvironment(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: options.signal,
    });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (!options.onLine) return;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) options.onLine(line);
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.length > 1_000_000) stderr = stderr.slice(-200_000);
      options.onStderr?.(chunk);
    });
    child.on('error', (error) => reject(new CulturekitError(`could not start ${options.python}: ${error.message}`, { cause: error })));
    child.on('close', (code, signal) => {
      if (pending && options.onLine) options.onLine(pending);
      if (code === 0) resolvePromise({ stdout, stderr });
      else {
        const tail = stderr.trim().split('\n').slice(-15).join('\n');
        reject(new CulturekitError(`${label} failed (${signal ? `signal ${signal}` : `exit code ${code}`}):\n${tail}`));
      }
    });
  });
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
