import { connect } from 'node:net';
import { ModelCallError } from '../models/model-error.js';
import type { LanguageModel } from '../models/language-model.js';

/** Socket error codes that mean "no server there" (as opposed to a server that answered badly or slowly). */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/**
 * Tries a TCP connection to the host and port of `url`. Resolves to a reason (`connection refused`, `host not found`…)
 * when nothing listens there, or `undefined` when something does — or when the answer is unclear (a slow network): the
 * run then goes ahead and the model caller's own timeouts and retries apply.
 *
 * @example
 * await probeEndpoint('http://127.0.0.1:9/v1') // 'connection refused (ECONNREFUSED)'
 */
export function probeEndpoint(url: string, timeoutMs = 3000): Promise<string | undefined> {
  const parsed = new URL(url);
  const port = Number(parsed.port) || (parsed.protocol === 'https:' ? 443 : 80);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (reason: string | undefined) => {
      socket.destroy();
      clearTimeout(timer);
      resolve(reason);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    socket.once('connect', () => finish(undefined));
    socket.once('error', (error: NodeJS.ErrnoException) => finish(UNREACHABLE_CODES.has(error.code ?? '') ? describeCode(error.code!) : undefined));
  });
}

function describeCode(code: string): string {
  const words: Record<string, string> = { ECONNREFUSED: 'connection refused', ENOTFOUND: 'host not found', EAI_AGAIN: 'host name lookup failed' };
  return `${words[code] ?? 'unreachable'} (${code})`;
}

/** Whether a failed model call means the server is not there at all. */
export function isUnreachableError(error: unknown): boolean {
  if (!(error instanceof ModelCallError) || error.kind !== 'network') return false;
  const code = (error.cause as NodeJS.ErrnoException | undefined)?.code;
  return code !== undefined && UNREACHABLE_CODES.has(code);
}

export interface ReachabilityGuardOptions {
  /** Consecutive "nobody there" failures (across all concurrent calls to one server) before the server is probed. Default 8. */
  failures?: number;
  /** …spread over at least this long, so a server restart of a moment does not stop the run. Default 3000 ms. */
  spanMs?: number;
  /** Called once when a server is found gone: stop starting new work. */
  onUnreachable: (message: string) => void;
}

/**
 * Watches the calls to each server while a run goes on. When a server stops answering at the socket level (connection
 * refused, host not found) for `failures` attempts in a row over at least `spanMs`, and a fresh connection attempt
 * fails too, the run is stopped (`onUnreachable`) instead of retrying every remaining item against a dead server; the
 * calls already waiting for a retry then fail at once. A single success resets the count.
 */
export class ReachabilityGuard {
  private readonly streaks = new Map<string, { count: number; since: number; probing: boolean }>();
  /** Why the run was stopped, once it was. */
  stopped: string | undefined;

  constructor(private readonly options: ReachabilityGuardOptions) {}

  /** The model with its calls watched (`endpoint` is the server's base URL; models without one are returned as they are). */
  watch(model: LanguageModel, endpoint: string | undefined): LanguageModel {
    if (!endpoint) return model;
    const wrap =
      <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        if (this.stopped) throw new ModelCallError(`${endpoint}: not called, ${this.stopped}`, { kind: 'network', isRetryable: false });
        try {
          const result = await method.apply(model, args);
          this.streaks.delete(endpoint);
          return result;
        } catch (error) {
          if (isUnreachableError(error)) this.noteFailure(endpoint, model.spec);
          throw error;
        }
      };
    const watched: Partial<LanguageModel> = { generate: wrap(model.generate) };
    if (model.scoreContinuations) watched.scoreContinuations = wrap(model.scoreContinuations);
    if (model.embed) watched.embed = wrap(model.embed);
    return new Proxy(model, {
      get: (target, property, receiver) => (property in watched ? watched[property as keyof LanguageModel] : Reflect.get(target, property, receiver)),
    });
  }

  private noteFailure(endpoint: string, spec: string): void {
    const now = Date.now();
    const streak = this.streaks.get(endpoint) ?? { count: 0, since: now, probing: false };
    streak.count++;
    this.streaks.set(endpoint, streak);
    if (this.stopped || streak.probing || streak.count < (this.options.failures ?? 8) || now - streak.since < (this.options.spanMs ?? 3000)) return;
    streak.probing = true;
    void probeEndpoint(endpoint).then((reason) => {
      streak.probing = false;
      if (!reason || this.stopped || this.streaks.get(endpoint) !== streak) return;
      this.stopped = `the server of ${spec} at ${endpoint} stopped answering: ${reason}`;
      this.options.onUnreachable(this.stopped);
    });
  }
}
