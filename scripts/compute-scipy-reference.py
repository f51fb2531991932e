#!/usr/bin/env python3
"""Computes the reference values that src/analysis/*.test.ts check against.

Run: python3 scripts/compute-scipy-reference.py > test/fixtures/scipy/reference.json
(scipy 1.17 and numpy 2; the inputs are generated here from a fixed seed and written with the results,
so the tests read both from the JSON and never need Python.)
"""
import json
import re
import math

import numpy as np
import scipy
import scipy.special
from scipy import stats

rng = np.random.default_rng(20240611)
Z975 = stats.norm.ppf(0.975)


def fisher_interval(coefficient, standard_error):
    if not np.isfinite(standard_error) or not np.isfinite(coefficient):
        return [None, None]
    z = math.atanh(coefficient) if abs(coefficient) < 1 else math.copysign(math.inf, coefficient)
    return [math.tanh(z - Z975 * standard_error), math.tanh(z + Z975 * standard_error)]


def number(value):
    value = float(value)
    return None if math.isnan(value) else value


def correlation_case(name, x, y):
    x = [float(v) for v in x]
    y = [float(v) for v in y]
    n = len(x)
    pearson = stats.pearsonr(x, y)
    spearman = stats.spearmanr(x, y)
    kendall = stats.kendalltau(x, y)
    line = stats.linregress(x, y)
    interval = pearson.confidence_interval(0.95) if n > 3 else None
    ties = len(set(x)) < n or len(set(y)) < n
    return {
        "name": name,
        "x": x,
        "y": y,
        "n": n,
        "ties": ties,
        "pearson": {"r": number(pearson.statistic), "p": number(pearson.pvalue), "ci95": [number(interval.low), number(interval.high)] if interval else [None, None]},
        "spearman": {
            "rho": number(spearman.statistic),
            "p": number(spearman.pvalue),
            # Fisher z with Fieller, Hartley & Pearson's variance 1.06 / (n - 3) (not part of scipy: the formula, evaluated here).
            "ci95": fisher_interval(float(spearman.statistic), math.sqrt(1.06 / (n - 3))) if n > 3 else [None, None],
        },
        "kendall": {
            "tau": number(kendall.statistic),
            "p": number(kendall.pvalue),
            "method": "exact" if (not ties and (n <= 33 or min_discordant(x, y) <= 1)) else "asymptotic",
            # Fisher z with variance 0.437 / (n - 4) (Fieller, Hartley & Pearson; Bonett & Wright), evaluated here.
            "ci95": fisher_interval(float(kendall.statistic), math.sqrt(0.437 / (n - 4))) if n > 4 else [None, None],
        },
        "line": {"slope": number(line.slope), "intercept": number(line.intercept)},
    }


def min_discordant(x, y):
    n = len(x)
    discordant = sum(1 for i in range(n) for j in range(i + 1, n) if (x[i] - x[j]) * (y[i] - y[j]) < 0)
    total = n * (n - 1) // 2
    return min(discordant, total - discordant)


correlations = []
# Small n, no ties: Kendall's exact p.
x = rng.normal(size=8)
correlations.append(correlation_case("small n=8, no ties (Kendall exact)", x, 0.6 * x + rng.normal(size=8)))
x = rng.normal(size=25)
correlations.append(correlation_case("n=25, negative, no ties (Kendall exact)", x, -0.4 * x + rng.normal(size=25)))
x = rng.permutation(33).astype(float)
correlations.append(correlation_case("n=33, no ties (largest exact n)", x, x + rng.normal(scale=12, size=33)))
# Almost perfectly ordered: one discordant pair, exact even for n > 33.
x = np.arange(40, dtype=float)
y = np.arange(40, dtype=float)
y[[10, 11]] = y[[11, 10]]
correlations.append(correlation_case("n=40, one discordant pair (Kendall exact for n > 33)", x, y))
# Ties: Kendall asymptotic with the tie-corrected variance.
correlations.append(correlation_case("n=10 with ties", [1, 2, 2, 3, 4, 4, 4, 5, 6, 7], [2, 1, 3, 3, 5, 4, 6, 6, 8, 7]))
correlations.append(correlation_case("scipy docs example (ties)", [12, 2, 1, 12, 2], [1, 4, 7, 1, 0]))
x = rng.normal(size=60)
correlations.append(correlation_case("n=60 continuous (Kendall asymptotic, no ties)", x, 0.3 * x + rng.normal(size=60)))
# Country level: accuracy in [0, 1] vs mean respectfulness on 1..10, many ties.
accuracy = rng.integers(0, 11, size=45) / 10
respect = np.clip(np.round(6 + 2 * accuracy + rng.normal(scale=1.5, size=45)), 1, 10)
correlations.append(correlation_case("n=45 accuracy vs Likert, heavy ties", accuracy, respect))
x = rng.normal(size=2000)
correlations.append(correlation_case("n=2000, weak correlation", x, 0.05 * x + rng.normal(size=2000)))
x = rng.normal(size=300)
correlations.append(correlation_case("n=300, strong correlation", x, x + 0.2 * rng.normal(size=300)))
correlations.append(correlation_case("n=4 (smallest with a Pearson interval)", [1, 2, 3, 4], [1, 3, 2, 5]))
correlations.append(correlation_case("n=5 perfect", [1, 2, 3, 4, 5], [2, 4, 6, 8, 10]))

mcnemar = []
for only_a, only_b in [(0, 5), (5, 0), (3, 10), (10, 3), (7, 7), (1, 0), (6, 7), (40, 60), (250, 300), (1200, 1100)]:
    mcnemar.append({"onlyA": only_a, "onlyB": only_b, "p": float(stats.binomtest(only_a, only_a + only_b, 0.5).pvalue)})


def wilcoxon_case(name, x, y, method):
    x = [float(v) for v in x]
    y = [float(v) for v in y]
    result = stats.wilcoxon(x, y)
    return {"name": name, "x": x, "y": y, "statistic": float(result.statistic), "p": float(result.pvalue), "method": method}


wilcoxon = []
x = rng.normal(size=10)
wilcoxon.append(wilcoxon_case("n=10 exact", x, x + rng.normal(0.8, 1, size=10), "exact"))
x = rng.normal(size=50)
wilcoxon.append(wilcoxon_case("n=50 exact (largest exact n)", x, x + rng.normal(0.2, 1, size=50), "exact"))
x = rng.normal(size=51)
wilcoxon.append(wilcoxon_case("n=51 asymptotic", x, x + rng.normal(0.2, 1, size=51), "asymptotic"))
wilcoxon.append(wilcoxon_case("n=12 with ties and zeros (exact permutation)", [5, 6, 7, 7, 3, 8, 9, 4, 6, 5, 7, 8], [6, 6, 9, 8, 3, 9, 7, 6, 8, 5, 9, 9], "permutation"))
wilcoxon.append(wilcoxon_case("n=13 with ties, no zeros (exact permutation)", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], [2, 4, 4, 6, 6, 7, 9, 9, 10, 11, 13, 14, 15], "permutation"))
before = rng.integers(1, 11, size=30)
after = np.clip(before + rng.integers(-2, 4, size=30), 1, 10)
wilcoxon.append(wilcoxon_case("n=30 Likert with ties and zeros (asymptotic)", before, after, "asymptotic"))
before = rng.integers(1, 11, size=400)
after = np.clip(before + rng.integers(-3, 4, size=400), 1, 10)
wilcoxon.append(wilcoxon_case("n=400 Likert (asymptotic)", before, after, "asymptotic"))
wilcoxon.append(wilcoxon_case("n=6 exact, all positive", [1, 2, 3, 4, 5, 6], [2.5, 4.1, 3.2, 7.7, 5.05, 12], "exact"))

normal = {
    "erfc": [[x, float(scipy.special.erfc(x))] for x in [-3, -0.5, 0, 0.1, 0.5, 1, 1.2247, 1.3, 2, 3, 5, 10, 20, 26]],
    "quantile": [[p, float(stats.norm.ppf(p))] for p in [1e-300, 1e-20, 1e-8, 0.001, 0.025, 0.3, 0.5, 0.975, 0.999999]],
}

text = json.dumps({
    "generatedBy": "scripts/compute-scipy-reference.py",
    "scipy": scipy.__version__,
    "numpy": np.__version__,
    "correlations": correlations,
    "mcnemar": mcnemar,
    "wilcoxon": wilcoxon,
    "normal": normal,
}, indent=1)
# Arrays of numbers on one line each.
print(re.sub(r"\[[-0-9.e,\s\[\]null]*?\]", lambda match: re.sub(r"\s+", "", match.group(0)).replace(",", ", "), text))
