import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../../errors/culturekit-error.js';
import { converterEnvironment, ensureLlamaCppSource, LLAMA_CPP_SOURCE_DIR } from '../../python/llama-cpp-source.js';
import { runPython } from '../../python/python-env.js';

export const GGUF_OUT_TYPES = ['f32', 'f16', 'bf16', 'q8_0'] as const;
export type GgufOutType = (typeof GGUF_OUT_TYPES)[number];

export interface GgufAdapter {
  /** File stem of the GGUF (`stage1` → `stage1.gguf`). */
  name: string;
  dir: string;
  /** The model folder the adapter was trained on (default: the export's base), and the stem of its GGUF. */
  base?: string;
  baseName?: string;
}

export interface ExportGgufOptions {
  /** Hugging Face model folder (config, weights, tokenizer). */
  base: string;
  adapters: GgufAdapter[];
  out: string;
  outType: GgufOutType;
  python: string;
  /** Skip the base model (only adapters). */
  adaptersOnly?: boolean;
  cwd?: string;
  onNotice?(line: string): void;
}

export interface ExportGgufResult {
  /** GGUF of each base converted, by its folder. */
  bases: Record<string, string>;
  adapters: { name: string; gguf: string; base: string; baseGguf?: string }[];
  /** `--model` specs ready for culturekit eval. */
  modelSpecs: string[];
}

function checkModelFolder(dir: string, what: string): void {
  if (!existsSync(join(dir, 'config.json'))) throw new InputError(`${what} ${dir}: not a Hugging Face model folder (no config.json)`);
}

function checkAdapterFolder(dir: string): void {
  const config = join(dir, 'adapter_config.json');
  if (!existsSync(config)) throw new InputError(`--adapter ${dir}: not a PEFT adapter folder (no adapter_config.json)`);
  const parsed = JSON.parse(readFileSync(config, 'utf8')) as { target_modules?: string[] | string; modules_to_save?: string[] | null };
  const targets = Array.isArray(parsed.target_modules) ? parsed.target_modules : [String(parsed.target_modules ?? '')];
  const unconvertible = [...targets, ...(parsed.modules_to_save ?? [])].filter((name) => /lm_head|embed_tokens|wte|embed/.test(name));
  if (unconvertible.length > 0) {
    throw new InputError(
      `${config}: the adapter trains ${unconvertible.join(', ')}, which llama.cpp's LoRA converter cannot convert (ggml-org/llama.cpp#11554)`,
    );
  }
}

/**
 * Converts a base model and LoRA adapters to GGUF with llama.cpp's own converters (the source bundled in node-llama-cpp,
 * cloned once, offline), always with a local `--base` so nothing is fetched. The result loads with
 * `--model "llama:<base>.gguf?lora=<adapter>.gguf"`.
 *
 * @example
 * await exportGguf({ base: 'models/tiny', adapters: [{ name: 'stage1', dir: 'runs/train/stage1/output/adapter' }], out: 'gguf', outType: 'f32', python });
 */
export async function exportGguf(options: ExportGgufOptions): Promise<ExportGgufResult> {
  const base = resolve(options.base);
  checkModelFolder(base, '--base');
  for (const adapter of options.adapters) {
    checkAdapterFolder(adapter.dir);
    if (adapter.base) checkModelFolder(adapter.base, `base of ${adapter.name}`);
  }
  const source = await ensureLlamaCppSource(resolve(options.cwd ?? process.cwd(), LLAMA_CPP_SOURCE_DIR));
  const out = resolve(options.out);
  mkdirSync(out, { recursive: true });
  const env = converterEnvironment(source);
  const result: ExportGgufResult = { bases: {}, adapters: [], modelSpecs: [] };
  const convertBase = async (folder: string, stem: string): Promise<string> => {
    const existing = result.bases[folder];
    if (existing) return existing;
    const file = join(out, `${stem}-${options.outType}.gguf`);
    options.onNotice?.(`converting ${folder} → ${file}`);
    await runPython(join(source, 'convert_hf_to_gguf.py'), [folder, '--outfile', `${file}.tmp`, '--outtype', options.outType], { python: options.python, env });
    renameSync(`${file}.tmp`, file);
    result.bases[folder] = file;
    return file;
  };
  if (!options.adaptersOnly) await convertBase(base, 'base');
  for (const adapter of options.adapters) {
    const adapterBase = adapter.base ? resolve(adapter.base) : base;
    const file = join(out, `${adapter.name}.gguf`);
    options.onNotice?.(`converting ${adapter.dir} (on ${adapterBase}) → ${file}`);
    await runPython(
      join(source, 'convert_lora_to_gguf.py'),
      [resolve(adapter.dir), '--base', adapterBase, '--outfile', `${file}.tmp`, '--outtype', options.outType],
      { python: options.python, env },
    );
    renameSync(`${file}.tmp`, file);
    const baseGguf = options.adaptersOnly
      ? undefined
      : await convertBase(adapterBase, adapterBase === base ? 'base' : (adapter.baseName ?? `${adapter.name}-base`));
    result.adapters.push({ name: adapter.name, gguf: file, base: adapterBase, baseGguf });
    if (baseGguf) result.modelSpecs.push(`llama:${baseGguf}?lora=${file}`);
  }
  return result;
}

/** An adapter's GGUF name from its folder: `stage1=dir` as given, else the folder name (its parent's for `…/adapter`). */
export function parseAdapterArgument(value: string): GgufAdapter {
  const equals = value.indexOf('=');
  if (equals > 0) return { name: value.slice(0, equals), dir: value.slice(equals + 1) };
  const folder = resolve(value);
  const name = basename(folder) === 'adapter' ? basename(dirname(dirname(folder))) || basename(dirname(folder)) : basename(folder);
  return { name, dir: value };
}
