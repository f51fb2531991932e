import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fleissKappa, krippendorffAlphaInterval } from './agreement-statistics.js';

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
    close(fleissKappa([[3, 0], [0, 3], [3, 0]]), 1);
    assert.equal(fleissKappa([[3, 0], [3, 0]]), null);
    assert.equal(fleissKappa([]), null);
    assert.equal(fleissKappa([[1, 0]]), null);
    assert.throws(() => fleissKappa([[2, 0], [1, 0]]), RangeError);
  });
});

describe("Krippendorff's α (interval)", () => {
  test("Krippendorff's reliability data with missing values (4 coders, 12 units): α = 0.849", () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", interval α = 0.849. Reference (python3):
    // pairable units only; D_o = Σ_u Σ_{i≠j∈u} (v_i − v_j)² / (m_u − 1) / n; D_e = Σ_{i≠j} (v_i − v_j)² / (n(n − 1));
    // α = 1 − D_o/D_e = 0.8491071428571428
    const units = [[1, 1, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4], [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [5, 5, 5], [1, 1], [3]];
    close(krippendorffAlphaInterval(units), 0.8491071428571428);
  });

  test('perfect agreement is 1; no variation or too few values is undefined', () => {
    close(krippendorffAlphaInterval([[1, 1], [5, 5, 5]]), 1);
    assert.equal(krippendorffAlphaInterval([[4, 4], [4, 4]]), null);
    assert.equal(krippendorffAlphaInterval([[4], [5]]), null);
    assert.equal(krippendorffAlphaInterval([]), null);
  });
});
