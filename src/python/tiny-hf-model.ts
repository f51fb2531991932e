import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pythonScript, runPython } from './python-env.js';

export interface TinyHfModelOptions {
  /** Interpreter of the trainer environment (`requirePython().python`). */
  python: string;
  /** Folder to write the model into (config, safetensors, tokenizer files). */
  dir: string;
  /** Text the SentencePiece tokenizer is trained on (the training data itself is best). */
  text: string;
  seed?: number;
  vocabSize?: number;
  hidden?: number;
  intermediate?: number;
  layers?: number;
}

export interface TinyHfModel {
  dir: string;
  parameters: number;
  vocabSize: number;
}

/**
 * Creates a tiny random Llama in Hugging Face format with its own tokenizer and chat template, offline
 * (for demos and tests: its scores mean nothing).
 */
export async function createTinyHfModel(options: TinyHfModelOptions): Promise<TinyHfModel> {
  await mkdir(options.dir, { recursive: true });
  const textFile = join(options.dir, 'tokenizer-training-text.txt');
  await writeFile(textFile, options.text);
  const args = ['--out', options.dir, '--text', textFile, '--seed', String(options.seed ?? 0)];
  if (options.vocabSize) args.push('--vocab', String(options.vocabSize));
  if (options.hidden) args.push('--hidden', String(options.hidden));
  if (options.intermediate) args.push('--intermediate', String(options.intermediate));
  if (options.layers) args.push('--layers', String(options.layers));
  const { stdout } = await runPython(pythonScript('make_tiny_llama.py'), args, { python: options.python });
  const last = stdout.trim().split('\n').pop() ?? '{}';
  const parsed = JSON.parse(last) as { dir: string; parameters: number; vocab_size: number };
  return { dir: parsed.dir, parameters: parsed.parameters, vocabSize: parsed.vocab_size };
}
