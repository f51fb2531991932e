/** A metric value for tables: 3 decimals below 10, fewer above; `—` when there is none. */
export function formatValue(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  return value.toFixed(3);
}

/** `[0.642, 0.775]`. */
export function formatInterval(interval: readonly [number, number] | undefined): string {
  if (!interval || !Number.isFinite(interval[0]) || !Number.isFinite(interval[1])) return '—';
  return `[${formatValue(interval[0])}, ${formatValue(interval[1])}]`;
}

/** A p-value: `< 0.001`, else 3 significant decimals. */
export function formatPValue(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  if (value < 0.001) return '< 0.001';
  return value.toFixed(3);
}

/** `12,345`. */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—';
}

/** `1.2 s`, `340 ms`. */
export function formatDuration(milliseconds: number): string {
  if (!Number.isFinite(milliseconds)) return '—';
  return milliseconds >= 1000 ? `${(milliseconds / 1000).toFixed(1)} s` : `${Math.round(milliseconds)} ms`;
}
