import { Redis } from 'ioredis';
import { CulturekitError } from '../errors/culturekit-error.js';
import { EXIT_CODES } from '../errors/exit-codes.js';

/** Redis could not be reached (`--queue`): exit code 4, nothing was queued. */
export class QueueUnreachableError extends CulturekitError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { ...options, exitCode: EXIT_CODES.unreachable });
    this.name = 'QueueUnreachableError';
  }
}

/**
 * Connects to Redis for BullMQ (no retry limit per command: a command waits while Redis restarts, and the connection
 * comes back on its own). The first connection must answer PING within `connectTimeoutMs`, else a `QueueUnreachableError`.
 */
export async function connectRedis(settings: { url: string; connectTimeoutMs: number }): Promise<Redis> {
  const redis = new Redis(settings.url, {
    lazyConnect: true,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(100 * times, 1_000),
  });
  // Errors while reconnecting are expected (a restart); BullMQ and the callers see the commands wait, not crash.
  redis.on('error', () => {});
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.connect().then(() => redis.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${settings.connectTimeoutMs} ms`)), settings.connectTimeoutMs);
      }),
    ]);
  } catch (error) {
    redis.disconnect();
    throw new QueueUnreachableError(
      `the queue at ${settings.url} cannot be reached: ${(error as Error).message}. Start Redis (redis-server), or pass another --queue; nothing was queued`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
  return redis;
}
