import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cohenKappa, krippendorffAlphaNominal } from '../../src/review/nominal-agreement.js';

const close = (actual: number | null, expected: number, digits = 1e-9) => assert.ok(actual !== null && Math.abs(actual - expected) < digits, `${actual} ≠ ${expected}`);

test("Cohen's κ: hand-computed values, perfect agreement, and undefined cases", () => {
  // po = 3/4; rater 1 accepts 3/4, rater 2 accepts 2/4: pe = 3/4·2/4 + 1/4·2/4 = 1/2; κ = (3/4 − 1/2)/(1/2) = 1/2.
  close(cohenKappa([['accept', 'accept'], ['accept', 'reject'], ['reject', 'reject'], ['accept', 'accept']]), 0.5);
  // Textbook 2×2 table: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: po = 0.7, pe = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4.
  const pairs: [string, string][] = [
    ...Array.from({ length: 20 }, () => ['yes', 'yes'] as [string, string]),
    ...Array.from({ length: 5 }, () => ['yes', 'no'] as [string, string]),
    ...Array.from({ length: 10 }, () => ['no', 'yes'] as [string, string]),
    ...Array.from({ length: 15 }, () => ['no', 'no'] as [string, string]),
  ];
  close(cohenKappa(pairs), 0.4);
  close(cohenKappa([['a', 'a'], ['b', 'b'], ['c', 'c']]), 1);
  assert.equal(cohenKappa([]), null);
  assert.equal(cohenKappa([['a', 'a'], ['a', 'a']]), null);
});

test("Krippendorff's α (nominal): Krippendorff's own example with missing values gives 0.743", () => {
  // Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 observers, 12 units, nominal α = 0.743.
  const units = [['1', '1', '1'], ['2', '2', '3', '2'], ['3', '3', '3', '3'], ['3', '3', '3', '3'], ['2', '2', '2', '2'], ['1', '2', '3', '4'], ['4', '4', '4', '4'], ['1', '1', '2', '1'], ['2', '2', '2', '2'], ['5', '5', '5'], ['1', '1'], ['3']];
  close(krippendorffAlphaNominal(units), 0.743, 5e-4);
  // n = 6 values, 3 a and 3 b; one disagreeing unit: D = 2; pairs expected 30 − 6 − 6 = 18; α = 1 − 5·2/18 = 4/9.
  close(krippendorffAlphaNominal([['a', 'a'], ['b', 'b'], ['a', 'b']]), 4 / 9);
  close(krippendorffAlphaNominal([['a', 'a'], ['b', 'b']]), 1);
  assert.equal(krippendorffAlphaNominal([['a', 'a'], ['a', 'a']]), null);
  assert.equal(krippendorffAlphaNominal([['a'], ['b']]), null);
});
