import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CulturekitError, InputError } from '../../errors/culturekit-error.js';
import { DEFAULT_VENV_DIR, pythonScript, runPython, runPythonModule } from '../../python/python-env.js';

/**
 * The Python packages of the trainer environment, at the versions culturekit is tested with (ADAPTATION.md §1).
 * `torch==2.13.0` also matches a local build such as `2.13.0+cpu`.
 */
export const TRAINER_PACKAGES: readonly { name: string; spec: string }[] = [
  { name: 'torch', spec: 'torch==2.13.0' },
  { name: 'transformers', spec: 'transformers==5.17.0' },
  { name: 'peft', spec: 'peft==0.21.0' },
  { name: 'trl', spec: 'trl==1.13.0' },
  { name: 'accelerate', spec: 'accelerate' },
  { name: 'datasets', spec: 'datasets' },
  { name: 'safetensors', spec: 'safetensors' },
  { name: 'sentencepiece', spec: 'sentencepiece' },
  { name: 'protobuf', spec: 'protobuf' },
  { name: 'gguf', spec: 'gguf' },
  { name: 'sacrebleu', spec: 'sacrebleu' },
];

/** Where pip finds wheels without the network, as `pip config` names them. */
export interface PipMirror {
  findLinks: string[];
}

/**
 * Turns pip's own configuration into `--no-index --find-links …` arguments: `global.find-links` as is, and each
 * `file://…/simple` of `global.extra-index-url` as its sibling `files/` folder (where that mirror keeps its wheels).
 * `undefined` when pip names no local mirror: then a normal `pip install` is used.
 *
 * @example
 * pipMirrorFromConfig({ 'global.find-links': '/opt/wheels', 'global.extra-index-url': 'file:///opt/pypi/simple' })
 * // { findLinks: ['/opt/wheels', '/opt/pypi/files'] }
 */
export function pipMirrorFromConfig(config: Record<string, string | undefined>): PipMirror | undefined {
  const findLinks: string[] = [];
  for (const entry of (config['global.find-links'] ?? '').split(/\s+/)) if (entry) findLinks.push(entry);
  for (const url of (config['global.extra-index-url'] ?? '').split(/\s+/)) {
    if (!url.startsWith('file://')) continue;
    findLinks.push(`${url.slice('file://'.length).replace(/\/simple\/?$/, '')}/files`);
  }
  return findLinks.length > 0 ? { findLinks } : undefined;
}

/** The `pip install` arguments for the given packages, offline where a mirror is configured. */
export function pipInstallArguments(specs: readonly string[], mirror: PipMirror | undefined): string[] {
  const offline = mirror ? ['--no-index', ...mirror.findLinks.flatMap((folder) => ['--find-links', folder])] : [];
  return ['install', '--disable-pip-version-check', ...offline, ...specs];
}

async function readPipConfig(python: string): Promise<Record<string, string | undefined>> {
  const config: Record<string, string | undefined> = {};
  for (const key of ['global.find-links', 'global.extra-index-url']) {
    try {
      const { stdout } = await runPythonModule('pip', ['config', 'get', key], { python });
      config[key] = stdout.trim().replace(/^'|'$/g, '') || undefined;
    } catch {
      config[key] = undefined;
    }
  }
  return config;
}

export interface PackageVersions {
  python: string;
  executable: string;
  versions: Record<string, string | null>;
}

/** The installed version of each trainer package in an interpreter (null where absent). */
export async function trainerPackageVersions(python: string): Promise<PackageVersions> {
  const { stdout } = await runPython(
    pythonScript('package_versions.py'),
    TRAINER_PACKAGES.map((entry) => entry.name),
    { python },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as PackageVersions;
}

/** The packages whose installed version does not satisfy the tested spec (absent, or another pinned version). */
export function missingPackages(versions: Record<string, string | null>): string[] {
  return TRAINER_PACKAGES.filter((entry) => {
    const installed = versions[entry.name];
    if (!installed) return true;
    const pinned = /==(.+)$/.exec(entry.spec)?.[1];
    return pinned !== undefined && installed.split('+')[0] !== pinned;
  }).map((entry) => entry.spec);
}

export interface SetupOptions {
  /** Folder of the venv to create (default `.culturekit/venv`); ignored with `python`. */
  venv?: string;
  /** An existing interpreter to use (and complete) instead of creating a venv. */
  python?: string;
  /** The interpreter that creates the venv (default `python3` on PATH). */
  basePython?: string;
  cwd?: string;
  /** pip's output lines, for a progress display. */
  onOutput?: (line: string) => void;
}

export interface SetupResult {
  python: string;
  created: boolean;
  /** The specs pip installed (empty when everything was there). */
  installed: string[];
  offline: boolean;
  versions: PackageVersions;
  seconds: number;
}

/**
 * Creates (or completes) the Python trainer environment: a venv with torch, transformers, peft, trl, accelerate,
 * datasets, safetensors, sentencepiece, protobuf, gguf and sacrebleu. pip installs them with `--no-index` from the
 * folders `pip config` names when a local mirror is configured, else from its index. A second run finds everything
 * installed and returns at once.
 *
 * @example
 * const result = await setupTrainerEnvironment({ venv: '.culturekit/venv' });
 * console.log(result.versions.versions.trl); // '1.13.0'
 */
export async function setupTrainerEnvironment(options: SetupOptions = {}): Promise<SetupResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  let python: string;
  let created = false;
  if (options.python) {
    if (!existsSync(options.python)) throw new InputError(`--python ${options.python}: no such file`);
    python = options.python;
  } else {
    const venv = resolve(cwd, options.venv ?? DEFAULT_VENV_DIR);
    python = resolve(venv, process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');
    if (!existsSync(python)) {
      const base = options.basePython ?? 'python3';
      options.onOutput?.(`creating the venv ${venv} with ${base}`);
      try {
        await runPythonModule('venv', [venv], { python: base });
      } catch (error) {
        throw new CulturekitError(
          `could not create the venv ${venv} with ${base} (install Python 3.10+ with its venv module, or pass --python): ${(error as Error).message}`,
          { cause: error },
        );
      }
      created = true;
    }
  }
  let versions = await trainerPackageVersions(python);
  const missing = missingPackages(versions.versions);
  let offline = false;
  if (missing.length > 0) {
    const mirror = pipMirrorFromConfig(await readPipConfig(python));
    offline = mirror !== undefined;
    options.onOutput?.(`installing ${missing.join(' ')}${mirror ? ` offline from ${mirror.findLinks.join(', ')}` : ''}`);
    await runPythonModule('pip', pipInstallArguments(missing, mirror), { python, onLine: options.onOutput });
    versions = await trainerPackageVersions(python);
    const still = missingPackages(versions.versions);
    if (still.length > 0) throw new CulturekitError(`pip finished but these are still missing or at another version: ${still.join(', ')}`);
  }
  return { python, created, installed: missing, offline, versions, seconds: (performance.now() - started) / 1000 };
}
