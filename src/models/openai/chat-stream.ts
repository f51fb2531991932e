import { ModelCallError } from '../model-error.js';
import type { StreamSink } from './http-transport.js';

/**
 * Reads a streamed chat completion (server-sent events: `data: {json}` lines, ended by `data: [DONE]`)
 * and keeps the text, the finish reason and the usage chunk that `stream_options.include_usage` asks for.
 *
 * @example
 * const stream = new ChatStreamReader();
 * stream.write('data: {"choices":[{"delta":{"content":"Hi"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n');
 * stream.end();
 * stream.text // 'Hi'
 */
export class ChatStreamReader implements StreamSink {
  text = '';
  finishReason: string | undefined = undefined;
  inputTokens = 0;
  outputTokens = 0;
  /** `data: [DONE]` arrived. */
  done = false;
  /** The first problem met: a data line that is not JSON, or an error event from the server. */
  error: ModelCallError | undefined = undefined;
  private pending = '';

  write(chunk: string): void {
    const data = this.pending ? this.pending + chunk : chunk;
    let start = 0;
    for (let newline = data.indexOf('\n'); newline >= 0; newline = data.indexOf('\n', start)) {
      this.line(data, start, newline);
      start = newline + 1;
    }
    this.pending = start < data.length ? data.slice(start) : '';
  }

  /** Reads a last line that had no newline. */
  end(): void {
    if (this.pending) {
      const rest = this.pending;
      this.pending = '';
      this.line(rest, 0, rest.length);
    }
  }

  /** Whether the stream said it was finished (`[DONE]` or a finish reason). */
  get finished(): boolean {
    return this.done || this.finishReason !== undefined;
  }

  private line(data: string, start: number, end: number): void {
    if (end > start && data.charCodeAt(end - 1) === 13) end--;
    if (!data.startsWith('data:', start)) return;
    let from = start + 5;
    if (data.charCodeAt(from) === 32) from++;
    const payload = data.slice(from, end);
    if (payload === '[DONE]') {
      this.done = true;
      return;
    }
    if (payload.length === 0) return;
    let event: StreamEvent;
    try {
      event = JSON.parse(payload) as StreamEvent;
    } catch (cause) {
      this.error ??= new ModelCallError(`a streamed event is not valid JSON: ${payload.slice(0, 200)}`, {
        kind: 'malformed',
        isRetryable: true,
        cause,
      });
      return;
    }
    if (event === null || typeof event !== 'object') return;
    if (event.error) {
      const message = typeof event.error === 'string' ? event.error : (event.error.message ?? JSON.stringify(event.error));
      this.error ??= new ModelCallError(`the server reported an error in the stream: ${message}`, {
        kind: 'server',
        isRetryable: true,
      });
      return;
    }
    const choice = event.choices?.[0];
    if (choice) {
      const content = choice.delta?.content;
      if (typeof content === 'string') this.text += content;
      if (choice.finish_reason) this.finishReason = choice.finish_reason;
    }
    if (event.usage) {
      this.inputTokens = event.usage.prompt_tokens ?? this.inputTokens;
      this.outputTokens = event.usage.completion_tokens ?? this.outputTokens;
    }
  }
}

interface StreamEvent {
  choices?: { delta?: { content?: string | null }; finish_reason?: string | null }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: string | { message?: string };
}
