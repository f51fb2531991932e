import { InputError } from '../errors/culturekit-error.js';

/** A parsed `--model` spec: `openai:<model>` or `llama:<path.gguf>?lora=<path>&scale=<n>` (lora/scale may repeat). */
export interface ModelSpec {
  provider: 'openai' | 'llama';
  /** Model name (`openai`) or GGUF path (`llama`). */
  model: string;
  /** LoRA adapters for `llama:`; each `lora` takes the `scale` that follows it (default 1). */
  loras: { path: string; scale: number }[];
  /** Other `?key=value` parameters, kept as strings. */
  parameters: Record<string, string>;
}

/**
 * @example
 * parseModelSpec('llama:./m.gguf?lora=./a.gguf&scale=0.5')
 * // { provider: 'llama', model: './m.gguf', loras: [{ path: './a.gguf', scale: 0.5 }], parameters: {} }
 */
export function parseModelSpec(spec: string): ModelSpec {
  const colon = spec.indexOf(':');
  const provider = colon > 0 ? spec.slice(0, colon) : '';
  if (provider !== 'openai' && provider !== 'llama') {
    throw new InputError(`model "${spec}": expected "openai:<model name>" or "llama:<path to .gguf>" (e.g. --model openai:qwen2.5-7b-instruct)`);
  }
  const rest = spec.slice(colon + 1);
  const question = provider === 'llama' ? rest.indexOf('?') : -1;
  const model = question >= 0 ? rest.slice(0, question) : rest;
  if (!model) throw new InputError(`model "${spec}": the ${provider === 'llama' ? 'GGUF path' : 'model name'} is empty`);
  const loras: ModelSpec['loras'] = [];
  const parameters: Record<string, string> = {};
  if (question >= 0) {
    for (const [key, value] of new URLSearchParams(rest.slice(question + 1))) {
      if (key === 'lora') loras.push({ path: value, scale: 1 });
      else if (key === 'scale') {
        const scale = Number(value);
        if (!Number.isFinite(scale)) throw new InputError(`model "${spec}": scale "${value}" is not a number`);
        const last = loras.at(-1);
        if (!last) throw new InputError(`model "${spec}": "scale" must follow a "lora"`);
        last.scale = scale;
      } else parameters[key] = value;
    }
  }
  return { provider, model, loras, parameters };
}
