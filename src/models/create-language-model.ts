import { InputError } from '../errors/culturekit-error.js';
import type { ModelEntry } from '../schema/manifest.js';
import type { LanguageModel } from './language-model.js';
import { parseModelSpec } from './model-spec.js';

export interface CreateModelDefaults {
  /** Base URL for `openai:` models without their own (`--base-url`, else `OPENAI_BASE_URL`). */
  baseUrl?: string;
  apiKey?: string;
  stream?: boolean;
}

/**
 * Creates the backend a model entry names. The entry's `timeoutMs`, `concurrency` (the socket pool of an `openai:`
 * model) and `threads` (a `llama:` model) are used as given: resolve them first with `resolveModelSettings`.
 *
 * @example
 * const model = await createLanguageModel({ spec: 'openai:qwen2.5-7b-instruct', baseUrl: 'http://127.0.0.1:8000/v1' });
 */
export async function createLanguageModel(entry: ModelEntry, defaults: CreateModelDefaults = {}): Promise<LanguageModel> {
  const spec = parseModelSpec(entry.spec);
  if (spec.provider === 'openai') {
    const baseUrl = entry.baseUrl ?? defaults.baseUrl ?? process.env.OPENAI_BASE_URL;
    if (!baseUrl) {
      throw new InputError(
        `model "${entry.spec}" needs a server: pass --base-url http://127.0.0.1:8000/v1 (or set OPENAI_BASE_URL, or baseUrl in the config file)`,
      );
    }
    const { createOpenAICompatibleModel } = await import('./openai/openai-compatible-model.js');
    return createOpenAICompatibleModel(spec, {
      baseUrl: baseUrl.replace(/\/+$/, ''),
      apiKey: defaults.apiKey ?? process.env.OPENAI_API_KEY,
      timeoutMs: entry.timeoutMs,
      stream: defaults.stream,
      maxSockets: entry.concurrency,
    });
  }
  const { createLlamaModel } = await import('./llama/llama-model.js');
  return createLlamaModel(spec, { threads: entry.threads });
}
