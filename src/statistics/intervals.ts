import { studentTQuantile } from './distributions.js';

const Z95 = 1.959963984540054;

/**
 * Wilson score interval for a proportion: well-behaved near 0 and 1 and for small n.
 *
 * @example
 * wilsonInterval(8, 10) // [0.490…, 0.943…]
 */
export function wilsonInterval(successes: number, n: number, z = Z95): [number, number] {
  if (n === 0) return [0, 1];
  const proportion = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (proportion + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((proportion * (1 - proportion)) / n + z2 / (4 * n * n))) / denominator;
  // At 0 or n successes the bound is 0 or 1 exactly (center − half would round to 6.9e-18 for 0 of 50).
  const lower = successes <= 0 ? 0 : Math.min(1, Math.max(0, center - half));
  const upper = successes >= n ? 1 : Math.max(0, Math.min(1, center + half));
  return [lower, upper];
}

/** A 95% t-interval for a mean. */
export function meanInterval(sum: number, sumOfSquares: number, n: number): [number, number] {
  if (n === 0) return [Number.NaN, Number.NaN];
  const mean = sum / n;
  if (n === 1) return [mean, mean];
  const variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
  const half = studentTQuantile(0.975, n - 1) * Math.sqrt(variance / n);
  return [mean - half, mean + half];
}
