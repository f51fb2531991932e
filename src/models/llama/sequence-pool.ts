import type { LlamaContextSequence, Token } from 'node-llama-cpp';
import { ModelCallError } from '../model-error.js';

interface Waiter {
  resolve(sequence: LlamaContextSequence): void;
  reject(error: unknown): void;
}

export function abortedError(signal?: AbortSignal): ModelCallError {
  return new ModelCallError('the model call was aborted', { kind: 'aborted', isRetryable: false, cause: signal?.reason });
}

/**
 * Hands each call a sequence of its own, so concurrent calls never share evaluation state.
 * A free sequence whose cached tokens share the longest prefix with the call's tokens is preferred.
 */
export class SequencePool {
  private readonly free: LlamaContextSequence[];
  private readonly waiters: Waiter[] = [];
  private readonly size: number;
  private closed = false;
  private drained?: () => void;

  constructor(sequences: readonly LlamaContextSequence[]) {
    this.free = [...sequences];
    this.size = sequences.length;
  }

  async use<T>(tokens: readonly Token[], signal: AbortSignal | undefined, run: (sequence: LlamaContextSequence) => Promise<T>): Promise<T> {
    const sequence = await this.acquire(tokens, signal);
    try {
      return await run(sequence);
    } finally {
      this.release(sequence);
    }
  }

  /** Refuses new calls, rejects the waiting ones, and resolves once the running ones are done. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) {
      waiter.reject(new ModelCallError('the model was closed', { kind: 'client', isRetryable: false }));
    }
    if (this.free.length < this.size) await new Promise<void>((resolve) => (this.drained = resolve));
  }

  private acquire(tokens: readonly Token[], signal: AbortSignal | undefined): Promise<LlamaContextSequence> {
    if (signal?.aborted) return Promise.reject(abortedError(signal));
    if (this.closed) return Promise.reject(new ModelCallError('the model was closed', { kind: 'client', isRetryable: false }));
    if (this.free.length > 0) return Promise.resolve(this.takeBest(tokens));
    return new Promise<LlamaContextSequence>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(abortedError(signal));
      };
      const waiter: Waiter = {
        resolve: (sequence) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(sequence);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  private takeBest(tokens: readonly Token[]): LlamaContextSequence {
    let best = 0;
    let bestShared = -1;
    this.free.forEach((sequence, index) => {
      const shared = sequence.compareContextTokens(tokens as Token[]).firstDifferentIndex;
      if (shared > bestShared) {
        best = index;
        bestShared = shared;
      }
    });
    return this.free.splice(best, 1)[0];
  }

  private release(sequence: LlamaContextSequence): void {
    const waiter = this.waiters.shift();
    if (waiter) return waiter.resolve(sequence);
    this.free.push(sequence);
    if (this.free.length === this.size) this.drained?.();
  }
}
