import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cohenKappa, fleissKappa, krippendorffAlpha, krippendorffAlphaInterval, krippendorffAlphaNominal } from './agreement.js';

function close(actual: number | null, expected: number, tolerance = 1e-9): void {
  assert.ok(actual !== null && Math.abs(actual - expected) < tolerance, `expected ${expected}, got ${actual}`);
}

describe("Fleiss' κ", () => {
  test('the worked example of Fleiss (1971), as on Wikipedia: 10 items, 14 raters, 5 categories, κ = 0.2099', () => {
    // Reference (python3): P_i = (Σ_j n_ij² − n)/(n(n−1)); p_j = Σ_i n_ij/(N n); κ = (mean P_i − Σ p_j²)/(1 − Σ p_j²)
    // → P̄ = 0.378022, P̄e = 0.212755, κ = 0.20993070442195522
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    close(fleissKappa(counts), 0.20993070442195522);
  });

  test('perfect agreement is 1; one category throughout, or no items, is undefined; unequal raters are an error', () => {
    close(
      fleissKappa([
        [3, 0],
        [0, 3],
        [3, 0],
      ]),
      1,
    );
    assert.equal(
      fleissKappa([
        [3, 0],
        [3, 0],
      ]),
      null,
    );
    assert.equal(fleissKappa([]), null);
    assert.equal(fleissKappa([[1, 0]]), null);
    assert.throws(
      () =>
        fleissKappa([
          [2, 0],
          [1, 0],
        ]),
      RangeError,
    );
  });
});

describe("Krippendorff's α (interval)", () => {
  test("Krippendorff's reliability data with missing values (4 coders, 12 units): α = 0.849", () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", interval α = 0.849. Reference (python3):
    // pairable units only; D_o = Σ_u Σ_{i≠j∈u} (v_i − v_j)² / (m_u − 1) / n; D_e = Σ_{i≠j} (v_i − v_j)² / (n(n − 1));
    // α = 1 − D_o/D_e = 0.8491071428571428
    const units = [
      [1, 1, 1],
      [2, 2, 3, 2],
      [3, 3, 3, 3],
      [3, 3, 3, 3],
      [2, 2, 2, 2],
      [1, 2, 3, 4],
      [4, 4, 4, 4],
      [1, 1, 2, 1],
      [2, 2, 2, 2],
      [5, 5, 5],
      [1, 1],
      [3],
    ];
    close(krippendorffAlphaInterval(units), 0.8491071428571428);
  });

  test('perfect agreement is 1; no variation or too few values is undefined', () => {
    close(
      krippendorffAlphaInterval([
        [1, 1],
        [5, 5, 5],
      ]),
      1,
    );
    assert.equal(
      krippendorffAlphaInterval([
        [4, 4],
        [4, 4],
      ]),
      null,
    );
    assert.equal(krippendorffAlphaInterval([[4], [5]]), null);
    assert.equal(krippendorffAlphaInterval([]), null);
  });
});

test("Cohen's κ: hand-computed values, perfect agreement, and undefined cases", () => {
  // po = 3/4; rater 1 accepts 3/4, rater 2 accepts 2/4: pe = 3/4·2/4 + 1/4·2/4 = 1/2; κ = (3/4 − 1/2)/(1/2) = 1/2.
  close(
    cohenKappa([
      ['accept', 'accept'],
      ['accept', 'reject'],
      ['reject', 'reject'],
      ['accept', 'accept'],
    ]),
    0.5,
  );
  // Textbook 2×2 table: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: po = 0.7, pe = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4.
  const pairs: [string, string][] = [
    ...Array.from({ length: 20 }, () => ['yes', 'yes'] as [string, string]),
    ...Array.from({ length: 5 }, () => ['yes', 'no'] as [string, string]),
    ...Array.from({ length: 10 }, () => ['no', 'yes'] as [string, string]),
    ...Array.from({ length: 15 }, () => ['no', 'no'] as [string, string]),
  ];
  close(cohenKappa(pairs), 0.4);
  close(
    cohenKappa([
      ['a', 'a'],
      ['b', 'b'],
      ['c', 'c'],
    ]),
    1,
  );
  assert.equal(cohenKappa([]), null);
  assert.equal(
    cohenKappa([
      ['a', 'a'],
      ['a', 'a'],
    ]),
    null,
  );
});

test("Krippendorff's α (nominal): Krippendorff's own example with missing values gives 0.743", () => {
  // Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 observers, 12 units, nominal α = 0.743.
  const units = [
    ['1', '1', '1'],
    ['2', '2', '3', '2'],
    ['3', '3', '3', '3'],
    ['3', '3', '3', '3'],
    ['2', '2', '2', '2'],
    ['1', '2', '3', '4'],
    ['4', '4', '4', '4'],
    ['1', '1', '2', '1'],
    ['2', '2', '2', '2'],
    ['5', '5', '5'],
    ['1', '1'],
    ['3'],
  ];
  close(krippendorffAlphaNominal(units), 0.743, 5e-4);
  // n = 6 values, 3 a and 3 b; one disagreeing unit: D = 2; pairs expected 30 − 6 − 6 = 18; α = 1 − 5·2/18 = 4/9.
  close(
    krippendorffAlphaNominal([
      ['a', 'a'],
      ['b', 'b'],
      ['a', 'b'],
    ]),
    4 / 9,
  );
  close(
    krippendorffAlphaNominal([
      ['a', 'a'],
      ['b', 'b'],
    ]),
    1,
  );
  assert.equal(
    krippendorffAlphaNominal([
      ['a', 'a'],
      ['a', 'a'],
    ]),
    null,
  );
  assert.equal(krippendorffAlphaNominal([['a'], ['b']]), null);
});

test("Krippendorff's α: one implementation, the level picks the metric (same data, nominal vs interval)", () => {
  // Reliability data of Krippendorff (2011) as numbers: nominal 0.743, interval 0.849.
  const units = [
    [1, 1, 1],
    [2, 2, 3, 2],
    [3, 3, 3, 3],
    [3, 3, 3, 3],
    [2, 2, 2, 2],
    [1, 2, 3, 4],
    [4, 4, 4, 4],
    [1, 1, 2, 1],
    [2, 2, 2, 2],
    [5, 5, 5],
    [1, 1],
    [3],
  ];
  close(krippendorffAlpha(units, 'nominal'), 0.743, 5e-4);
  close(krippendorffAlpha(units, 'interval'), 0.8491071428571428);
  // Near misses are small interval disagreements but full nominal ones. Reference (python3): n = 8; nominal D_o·n = 6,
  // Σ_{i≠j} δ = 56 − 6 = 50, α = 1 − 7·6/50 = 0.16; interval Σ_{i≠j} δ = 2·8·Σ(v − v̄)², α = 0.9639794168096055.
  const nearMisses = [
    [1, 2],
    [4, 5],
    [8, 9],
    [1, 1],
  ];
  close(krippendorffAlpha(nearMisses, 'nominal'), 0.16);
  close(krippendorffAlpha(nearMisses, 'interval'), 0.9639794168096055);
});
