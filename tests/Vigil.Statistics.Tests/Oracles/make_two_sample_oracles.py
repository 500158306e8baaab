#!/usr/bin/python3
"""Oracle cases for the column tests added behind the drift seam (#15), written beside this script as
two_sample_oracles.json and committed with it (the tests read the JSON; CI does not run Python).

Run with Debian's Python and packages, the versions the docs name:
    apt-get install -y python3-scipy python3-statsmodels
    /usr/bin/python3 tests/Vigil.Statistics.Tests/Oracles/make_two_sample_oracles.py

* anderson_ksamp: scipy.stats.anderson_ksamp(samples) with its defaults (midrank=True); statistic, the capped /
  floored p-value and the critical values.
* cramervonmises_2samp: scipy.stats.cramervonmises_2samp(x, y, method) for 'auto', 'exact' (when both sizes are at
  most 20, where SciPy's exact recursion stays quick) and 'asymptotic'.
* proportions_ztest: statsmodels.stats.proportion.proportions_ztest([x1, x2], [n1, n2]) (pooled variance,
  two-sided) — and the same formula in NumPy/SciPy, which is what is stored when statsmodels is absent.
"""
import json
import os
import warnings

import numpy as np
import scipy
from scipy import stats

try:
    from statsmodels.stats.proportion import proportions_ztest
    import statsmodels
    STATSMODELS = statsmodels.__version__
except ImportError:  # the formula below is the reference then
    proportions_ztest = None
    STATSMODELS = None

rng = np.random.default_rng(20261206)


def floats(a):
    return [float(v) for v in a]


def number(v):
    v = float(v)
    if np.isnan(v):
        return "NaN"
    if np.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


# ---- Anderson–Darling k-sample -------------------------------------------------------------------------------
ad_inputs = [
    ("two normals, 5 and 7", [rng.normal(0, 1, 5), rng.normal(0, 1, 7)]),
    ("minimal pooled size 4", [np.array([1.0, 2.0]), np.array([3.0, 4.0])]),
    ("shifted normals, 50 and 30", [rng.normal(0, 1, 50), rng.normal(0.5, 1, 30)]),
    ("integers with ties", [rng.integers(0, 6, 40).astype(float), rng.integers(0, 7, 35).astype(float)]),
    ("two distinct values", [rng.integers(0, 2, 30).astype(float), rng.integers(0, 2, 25).astype(float)]),
    ("identical samples", [np.arange(20.0) % 7, np.arange(20.0) % 7]),
    ("floored p, far apart", [rng.normal(0, 1, 60), rng.normal(3, 1, 60)]),
    ("capped p, same law", [rng.normal(0, 1, 200), rng.normal(0, 1, 180)]),
    ("large, slight shift", [rng.normal(0, 1, 3000), rng.normal(0.08, 1, 2500)]),
    ("large lognormal with rounding ties", [np.round(rng.lognormal(0, 0.7, 4000), 2), np.round(rng.lognormal(0.03, 0.7, 3500), 2)]),
    ("three samples", [rng.normal(0, 1, 50), rng.normal(0, 1, 30), rng.normal(0.2, 1, 20)]),
    ("four samples with ties", [rng.integers(0, 9, n).astype(float) for n in (15, 22, 30, 11)]),
    ("unequal sizes 3 and 400", [rng.normal(0, 1, 3), rng.normal(0, 1, 400)]),
]
ad_cases = []
for name, samples in ad_inputs:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        r = stats.anderson_ksamp(samples)
    ad_cases.append({"name": name, "samples": [floats(s) for s in samples],
                     "statistic": number(r.statistic), "pvalue": number(r.pvalue),
                     "critical_values": floats(r.critical_values)})

# ---- Cramér–von Mises two-sample -----------------------------------------------------------------------------
cvm_inputs = [
    ("smallest, 2 and 2", rng.normal(0, 1, 2), rng.normal(0, 1, 2)),
    ("2 and 3 apart", np.array([0.0, 1.0]), np.array([5.0, 6.0, 7.0])),
    ("5 and 7", rng.normal(0, 1, 5), rng.normal(0.8, 1, 7)),
    ("10 and 10", rng.normal(0, 1, 10), rng.normal(0, 1, 10)),
    ("ties, 12 and 9", rng.integers(0, 4, 12).astype(float), rng.integers(0, 5, 9).astype(float)),
    ("identical samples, 8", np.arange(8.0), np.arange(8.0)),
    ("boundary exact, 20 and 20", rng.normal(0, 1, 20), rng.normal(0.6, 1, 20)),
    ("boundary exact, 20 and 13", rng.normal(0, 1, 20), rng.normal(0.3, 1, 13)),
    ("boundary asymptotic, 21 and 20", rng.normal(0, 1, 21), rng.normal(0.6, 1, 20)),
    ("boundary asymptotic, 3 and 21", rng.normal(0, 1, 3), rng.normal(0, 1, 21)),
    ("ties, 40 and 60", rng.integers(0, 8, 40).astype(float), rng.integers(1, 9, 60).astype(float)),
    ("identical samples, 300", np.arange(300.0) % 11, np.arange(300.0) % 11),
    ("large, slight shift", rng.normal(0, 1, 3000), rng.normal(0.05, 1, 2000)),
    ("large, clear shift", rng.normal(0, 1, 2500), rng.normal(0.3, 1, 2500)),
    ("far apart", rng.normal(0, 1, 80), rng.normal(2.0, 1, 70)),
]
cvm_cases = []
for name, x, y in cvm_inputs:
    results = {}
    methods = ["auto", "asymptotic"] + (["exact"] if max(len(x), len(y)) <= 20 else [])
    for method in methods:
        r = stats.cramervonmises_2samp(x, y, method=method)
        results[method] = {"statistic": number(r.statistic), "pvalue": number(r.pvalue)}
    cvm_cases.append({"name": name, "x": floats(x), "y": floats(y), "results": results})

# ---- two-proportion z-test -----------------------------------------------------------------------------------
z_inputs = [
    ("equal proportions", 50, 100, 50, 100),
    ("60 % vs 40 %", 60, 100, 40, 100),
    ("small samples", 3, 7, 6, 9),
    ("unequal sizes", 120, 1000, 14, 80),
    ("large, tiny difference", 500_000, 1_000_000, 501_000, 1_000_000),
    ("large, clear difference", 30_000, 100_000, 36_000, 100_000),
    ("one sample all false", 0, 40, 7, 50),
    ("one sample all true", 40, 40, 43, 50),
    ("far apart", 5, 500, 480, 500),
]
z_cases = []
for name, x1, n1, x2, n2 in z_inputs:
    p1, p2 = x1 / n1, x2 / n2
    pooled = (x1 + x2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    p = 2 * stats.norm.sf(abs(z))
    case = {"name": name, "x1": x1, "n1": n1, "x2": x2, "n2": n2, "formula_z": number(z), "formula_pvalue": number(p)}
    if proportions_ztest is not None:
        sz, sp = proportions_ztest(np.array([x1, x2]), np.array([n1, n2]))
        case["statsmodels_z"], case["statsmodels_pvalue"] = number(sz), number(sp)
    z_cases.append(case)

out = {
    "generator": "tests/Vigil.Statistics.Tests/Oracles/make_two_sample_oracles.py",
    "scipy": scipy.__version__,
    "numpy": np.__version__,
    "statsmodels": STATSMODELS,
    "anderson_ksamp": ad_cases,
    "cramervonmises_2samp": cvm_cases,
    "proportions_ztest": z_cases,
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "two_sample_oracles.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(f"wrote {path}: {len(ad_cases)} anderson_ksamp, {len(cvm_cases)} cramervonmises_2samp, {len(z_cases)} proportions_ztest")
