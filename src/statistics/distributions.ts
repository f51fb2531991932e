/** Log of the gamma function (Lanczos, g = 7, n = 9; ~1e-15 relative accuracy). */
export function logGamma(x: number): number {
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = coefficients[0];
  for (let index = 1; index < 9; index++) sum += coefficients[index] / (shifted + index);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Regularized incomplete beta I_x(a, b) by Lentz's continued fraction. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x > (a + 1) / (a + b + 2)) return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
  return (front * betaContinuedFraction(x, a, b)) / a;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let result = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let numerator = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + numerator * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + numerator / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    result *= d * c;
    numerator = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + numerator * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + numerator / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    result *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return result;
}

/** P(T ≤ t) for Student's t with `degrees` degrees of freedom. */
export function studentTCdf(t: number, degrees: number): number {
  const tail = 0.5 * regularizedIncompleteBeta(degrees / (degrees + t * t), degrees / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile of Student's t (bisection on the CDF; accurate to ~1e-12). */
export function studentTQuantile(p: number, degrees: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p === 0.5) return 0;
  let low = -1e3;
  let high = 1e3;
  for (let iteration = 0; iteration < 200 && high - low > 1e-13; iteration++) {
    const middle = (low + high) / 2;
    if (studentTCdf(middle, degrees) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

const LOG_SQRT_PI = 0.5 * Math.log(Math.PI);

/**
 * The complementary error function erfc(x) = 1 − erf(x), accurate to ~1e-15 relative, also far in the tail
 * (as Q(1/2, x²), the regularized upper incomplete gamma: series below x² = 1.5, Lentz's continued fraction above).
 *
 * @example
 * complementaryErrorFunction(1) // 0.157299207050285…
 */
export function complementaryErrorFunction(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - complementaryErrorFunction(-x);
  const squared = x * x;
  if (squared < 1.5) {
    let term = 1 / 0.5;
    let sum = term;
    for (let index = 1; index < 500; index++) {
      term *= squared / (0.5 + index);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - sum * Math.exp(-squared + 0.5 * Math.log(squared) - LOG_SQRT_PI);
  }
  if (squared > 750) return 0;
  const tiny = 1e-300;
  let b = squared + 0.5;
  let c = 1 / tiny;
  let d = 1 / b;
  let fraction = d;
  for (let index = 1; index < 500; index++) {
    const numerator = -index * (index - 0.5);
    b += 2;
    d = numerator * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + numerator / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    fraction *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-squared + 0.5 * Math.log(squared) - LOG_SQRT_PI) * fraction;
}

/**
 * P(Z ≤ z) for the standard normal distribution.
 *
 * @example
 * normalCdf(1.959963984540054) // 0.975
 */
export function normalCdf(z: number): number {
  return 0.5 * complementaryErrorFunction(-z / Math.SQRT2);
}

/**
 * The p-quantile of the standard normal distribution (Newton steps on {@link normalCdf}, bracketed; ~1e-15).
 *
 * @example
 * normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (p > 0.5) return -normalQuantile(1 - p);
  let low = -40;
  let high = 0;
  let z = -Math.sqrt(-2 * Math.log(p));
  for (let iteration = 0; iteration < 100; iteration++) {
    const difference = normalCdf(z) - p;
    if (difference < 0) low = z;
    else high = z;
    const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    let next = z - difference / density;
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - z) <= 1e-15 * Math.max(1, Math.abs(z))) return next;
    z = next;
  }
  return z;
}
