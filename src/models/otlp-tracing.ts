import { randomBytes } from 'node:crypto';
import type { LanguageModel } from './language-model.js';

/** One span as OTLP/JSON carries it. */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: { key: string; value: Record<string, unknown> }[];
  status: { code: number; message?: string };
}

export interface OtlpTracerOptions {
  /** The OTLP/HTTP traces URL, e.g. `http://127.0.0.1:4318/v1/traces`. */
  url: string;
  serviceName?: string;
  serviceVersion?: string;
  /** A name for the root span of this invocation (`culturekit eval`). */
  rootName?: string;
  /** Told once when the collector cannot be reached or refuses spans; the run goes on. */
  onWarning?: (message: string) => void;
  /** Spans sent per request. Default 256. */
  batchSize?: number;
}

/**
 * OpenTelemetry spans for model calls, sent as OTLP/HTTP JSON to a collector only when one is configured: one root span
 * per invocation and one CLIENT span per call that reaches a backend (cache hits make none; each retry attempt is its own
 * span), with the GenAI semantic conventions (`gen_ai.operation.name`, `gen_ai.provider.name`, `gen_ai.request.model`,
 * `gen_ai.request.max_tokens`, `gen_ai.request.temperature`, `gen_ai.usage.input_tokens`, `gen_ai.usage.output_tokens`,
 * `gen_ai.response.finish_reasons`, `error.type`). Prompts and replies are not sent.
 *
 * @example
 * const tracer = new OtlpTracer({ url: 'http://127.0.0.1:4318/v1/traces' });
 * const model = tracer.wrap(backend);
 * await tracer.close();
 */
export class OtlpTracer {
  private readonly traceId = randomBytes(16).toString('hex');
  private readonly rootSpanId = randomBytes(8).toString('hex');
  private readonly rootStart = nowNanos();
  private buffer: OtlpSpan[] = [];
  private readonly sending: Promise<void>[] = [];
  private warned = false;

  constructor(private readonly options: OtlpTracerOptions) {}

  /** The model with a span around each `generate` and `scoreContinuations` call. */
  wrap(model: LanguageModel): LanguageModel {
    const tracer = this;
    return new Proxy(model, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        if (property !== 'generate' && property !== 'scoreContinuations') return value.bind(target);
        const operation = property === 'generate' ? 'chat' : 'text_completion';
        return async (...args: unknown[]) => {
          const request = args[0] as { maxTokens?: number; temperature?: number };
          const start = nowNanos();
          const attributes: OtlpSpan['attributes'] = [
            attribute('gen_ai.operation.name', operation),
            attribute('gen_ai.provider.name', target.provider),
            attribute('gen_ai.request.model', target.modelId),
            ...(request.maxTokens === undefined ? [] : [attribute('gen_ai.request.max_tokens', request.maxTokens)]),
            ...(request.temperature === undefined ? [] : [attribute('gen_ai.request.temperature', request.temperature)]),
          ];
          try {
            const result = (await value.apply(target, args)) as { usage: { inputTokens: number; outputTokens: number }; finishReason?: string };
            attributes.push(
              attribute('gen_ai.usage.input_tokens', result.usage.inputTokens),
              attribute('gen_ai.usage.output_tokens', result.usage.outputTokens),
            );
            if (result.finishReason)
              attributes.push({ key: 'gen_ai.response.finish_reasons', value: { arrayValue: { values: [{ stringValue: result.finishReason }] } } });
            tracer.record(`${operation} ${target.modelId}`, start, attributes, { code: 1 });
            return result;
          } catch (error) {
            attributes.push(attribute('error.type', (error as { kind?: string }).kind ?? (error as Error)?.name ?? 'error'));
            tracer.record(`${operation} ${target.modelId}`, start, attributes, { code: 2, message: (error as Error)?.message });
            throw error;
          }
        };
      },
    });
  }

  /** Ends the root span and sends every span still buffered. */
  async close(): Promise<void> {
    this.buffer.push({
      traceId: this.traceId,
      spanId: this.rootSpanId,
      name: this.options.rootName ?? 'culturekit',
      kind: 1,
      startTimeUnixNano: this.rootStart,
      endTimeUnixNano: nowNanos(),
      attributes: [],
      status: { code: 1 },
    });
    this.send();
    await Promise.all(this.sending);
  }

  private record(name: string, start: string, attributes: OtlpSpan['attributes'], status: OtlpSpan['status']): void {
    this.buffer.push({
      traceId: this.traceId,
      spanId: randomBytes(8).toString('hex'),
      parentSpanId: this.rootSpanId,
      name,
      kind: 3,
      startTimeUnixNano: start,
      endTimeUnixNano: nowNanos(),
      attributes,
      status,
    });
    if (this.buffer.length >= (this.options.batchSize ?? 256)) this.send();
  }

  private send(): void {
    if (this.buffer.length === 0) return;
    const spans = this.buffer;
    this.buffer = [];
    const body = {
      resourceSpans: [
        {
          resource: {
            attributes: [attribute('service.name', this.options.serviceName ?? 'culturekit'), attribute('service.version', this.options.serviceVersion ?? '')],
          },
          scopeSpans: [{ scope: { name: 'culturekit' }, spans }],
        },
      ],
    };
    this.sending.push(
      fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      })
        .then(async (response) => {
          await response.arrayBuffer();
          if (!response.ok) this.warn(`the OTLP collector at ${this.options.url} answered ${response.status}; spans were dropped`);
        })
        .catch((error: Error) => this.warn(`the OTLP collector at ${this.options.url} could not be reached (${error.message}); spans were dropped`)),
    );
  }

  private warn(message: string): void {
    if (this.warned) return;
    this.warned = true;
    this.options.onWarning?.(message);
  }
}

function attribute(key: string, value: string | number): OtlpSpan['attributes'][number] {
  if (typeof value === 'string') return { key, value: { stringValue: value } };
  return { key, value: Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value } };
}

function nowNanos(): string {
  return (BigInt(Date.now()) * 1_000_000n + BigInt(Math.floor((performance.now() % 1) * 1_000_000))).toString();
}
