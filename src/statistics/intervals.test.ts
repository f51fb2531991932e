import assert from 'node:assert/strict';
import { test } from 'node:test';
import { studentTQuantile } from './distributions.js';
import { meanInterval, wilsonInterval } from './intervals.js';

// Reference values computed with scipy 1.17 (norm.ppf / t.ppf and the Wilson formula).
const close = (actual: number, expected: number, tolerance = 1e-9) =>
  assert.ok(Math.abs(actual - expected) < tolerance, `${actual} is not within ${tolerance} of ${expected}`);

test('Wilson intervals match the reference values', () => {
  const cases: [number, number, number, number][] = [
    [8, 10, 0.49016247153664183, 0.9433178485456247],
    [0, 5, 0, 0.43448246478317476],
    [50, 100, 0.4038315303659956, 0.5961684696340044],
    [97, 100, 0.9154806357094724, 0.9897454759759611],
  ];
  for (const [successes, n, low, high] of cases) {
    const [actualLow, actualHigh] = wilsonInterval(successes, n);
    close(actualLow, low);
    close(actualHigh, high);
  }
  assert.deepEqual(wilsonInterval(0, 0), [0, 1]);
});

test('Student t quantiles match scipy', () => {
  const reference: [number, number][] = [
    [1, 12.706204736174694],
    [2, 4.302652729749462],
    [3, 3.1824463052837078],
    [5, 2.5705818356363146],
    [10, 2.228138851986274],
    [30, 2.0422724563012378],
    [100, 1.9839715185235518],
  ];
  for (const [degrees, expected] of reference) close(studentTQuantile(0.975, degrees), expected, 1e-9);
});

test('mean interval is the t-interval', () => {
  const values = [0.2, 0.5, 0.9, 0.4, 0.7];
  const sum = values.reduce((a, b) => a + b, 0);
  const squares = values.reduce((a, b) => a + b * b, 0);
  const [low, high] = meanInterval(sum, squares, values.length);
  close(low, 0.2045208615073345, 1e-9);
  close(high, 0.8754791384926656, 1e-9);
});

test('Wilson bounds at 0 and n successes are 0 and 1 exactly (0 of 50 once gave 6.94e-18)', () => {
  for (let n = 1; n <= 2000; n++) {
    assert.equal(wilsonInterval(0, n)[0], 0, `0 of ${n}`);
    assert.equal(wilsonInterval(n, n)[1], 1, `${n} of ${n}`);
    const [low, high] = wilsonInterval(Math.floor(n / 3), n);
    assert.ok(low >= 0 && high <= 1 && low <= high);
  }
});
