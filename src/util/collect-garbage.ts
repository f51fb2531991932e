import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/**
 * Asks V8 for a full garbage collection. Between collections V8 lets its heap grow to several times what is alive, so
 * a long run's peak memory follows its allocation rate rather than what it holds; a collection every few thousand
 * results (~30 ms for a 100 MiB heap) keeps the peak near the live size. A no-op where V8 does not allow it.
 */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
