import type { EvalProgress } from '../eval/run-eval.js';

/**
 * Shows progress with rate and ETA on stderr: one line rewritten in place on a terminal, a line every few seconds otherwise.
 */
export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr, options: { label?: string; extra?: () => string } = {}) {
  const interactive = Boolean(stream.isTTY);
  const minimumIntervalMs = interactive ? 100 : 5000;
  let started = 0;
  let lastShown = 0;
  let last: EvalProgress | undefined;
  const render = (progress: EvalProgress): string => {
    const elapsed = (performance.now() - started) / 1000;
    const rate = elapsed > 0 ? progress.done / elapsed : 0;
    const remaining = progress.total - progress.done;
    const eta = rate > 0 ? formatDuration(remaining / rate) : '--:--';
    const percent = progress.total === 0 ? 100 : (100 * progress.done) / progress.total;
    const extras = [
      progress.skipped ? `${progress.skipped} already done` : '',
      progress.cached ? `${progress.cached} cached` : '',
      progress.invalid ? `${progress.invalid} invalid` : '',
      progress.errors ? `${progress.errors} errors` : '',
      ...(progress.concurrency ?? [])
        .filter((entry) => entry.limit < entry.max)
        .map((entry) => `backed off ${entry.model.split('?')[0].slice(-32)} ${entry.limit}/${entry.max} in flight`),
      options.extra?.() ?? '',
    ].filter(Boolean);
    return `${options.label ? `${options.label} ` : ''}${progress.done}/${progress.total} (${percent.toFixed(1)}%)  ${rate.toFixed(1)} items/s  ETA ${eta}  elapsed ${formatDuration(elapsed)}${extras.length ? `  ${extras.join(', ')}` : ''}`;
  };
  return {
    update(progress: EvalProgress): void {
      const now = performance.now();
      if (started === 0) started = now;
      last = progress;
      if (now - lastShown < minimumIntervalMs && progress.done < progress.total) return;
      lastShown = now;
      if (interactive) stream.write(`\r\x1b[2K${render(progress)}`);
      else stream.write(`${render(progress)}\n`);
    },
    finish(): void {
      if (!last) return;
      if (interactive) stream.write(`\r\x1b[2K${render(last)}\n`);
      else if (performance.now() - lastShown > 0 && last.done !== last.total) stream.write(`${render(last)}\n`);
    },
  };
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(rest)}` : `${two(minutes)}:${two(rest)}`;
}
