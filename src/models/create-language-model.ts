import { InputError } from '../errors/culturekit-error.js';
import type { ModelEntry } from '../schema/manifest.js';
import type { ModelPrice } from '../schema/price.js';
import { type CostMeter, meteredModel } from './cost-meter.js';
import type { OtlpTracer } from './otlp-tracing.js';
import type { LanguageModel } from './language-model.js';
import { parseModelSpec } from './model-spec.js';

export interface CreateModelDefaults {
  /** Base URL for `openai:` models without their own (`--base-url`, else `OPENAI_BASE_URL`). */
  baseUrl?: string;
  apiKey?: string;
  stream?: boolean;
  /** Backends from plugins, chosen by the spec's provider (`<provider>:<model>`); the built-in `openai` and `llama` cannot be replaced. */
  backends?: readonly ModelBackend[];
  /** With `--max-cost`: each model's calls are charged to this meter at its price in `prices`. */
  costMeter?: CostMeter;
  /** With an OTLP endpoint: a span around each model call. */
  tracer?: Pick<OtlpTracer, 'wrap'>;
  prices?: Readonly<Record<string, ModelPrice>>;
}

/**
 * A model backend a plugin adds: specs `<provider>:<model>[?key=value&…]` are created by it. Retries, rate limits,
 * adaptive concurrency, caching and costs come from the model caller around it, as for the built-in backends.
 *
 * @example
 * const echo: ModelBackend = { provider: 'echo', create: ({ model }) => createEchoModel(model) };
 */
export interface ModelBackend {
  provider: string;
  create(spec: { spec: string; model: string; parameters: Record<string, string> }, entry: ModelEntry): LanguageModel | Promise<LanguageModel>;
}

/**
 * Creates the backend a model entry names. The entry's `timeoutMs`, `concurrency` (the socket pool of an `openai:`
 * model) and `threads` (a `llama:` model) are used as given: resolve them first with `resolveModelSettings`.
 *
 * @example
 * const model = await createLanguageModel({ spec: 'openai:qwen2.5-7b-instruct', baseUrl: 'http://127.0.0.1:8000/v1' });
 */
export async function createLanguageModel(entry: ModelEntry, defaults: CreateModelDefaults = {}): Promise<LanguageModel> {
  const backend = await createBackend(entry, defaults);
  const model = defaults.tracer ? defaults.tracer.wrap(backend) : backend;
  const price = defaults.prices?.[entry.spec];
  return defaults.costMeter && price ? meteredModel(model, price, defaults.costMeter) : model;
}

/** The plugin backend whose provider a spec names (`dictionary:…`), if any. */
export function pluginBackendFor(spec: string, backends: readonly ModelBackend[] | undefined): ModelBackend | undefined {
  const colon = spec.indexOf(':');
  return colon > 0 ? backends?.find((candidate) => candidate.provider === spec.slice(0, colon)) : undefined;
}

async function createBackend(entry: ModelEntry, defaults: CreateModelDefaults): Promise<LanguageModel> {
  const colon = entry.spec.indexOf(':');
  const backend = pluginBackendFor(entry.spec, defaults.backends);
  if (backend) {
    const [model, query = ''] = entry.spec.slice(colon + 1).split(/\?(.*)/s, 2);
    if (!model) throw new InputError(`model "${entry.spec}": the model name is empty`);
    return backend.create({ spec: entry.spec, model, parameters: Object.fromEntries(new URLSearchParams(query)) }, entry);
  }
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
