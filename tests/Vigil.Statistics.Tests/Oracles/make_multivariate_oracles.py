#!/usr/bin/python3
"""Oracle cases for multivariate drift (#17), written beside this script as multivariate_oracles.json and committed
with it (the tests read the JSON; CI does not run Python).

Run with Debian's Python and packages:
    apt-get install -y python3-scipy python3-sklearn
    /usr/bin/python3 tests/Vigil.Statistics.Tests/Oracles/make_multivariate_oracles.py

* mannwhitneyu: scipy.stats.mannwhitneyu(x, y, alternative, use_continuity, method="asymptotic"): the normal
  approximation with the tie correction, which the domain classifier applies to its out-of-fold scores (its U / (n1 n2)
  is the ROC AUC, checked against sklearn.metrics.roc_auc_score too).
* reconstruction: SimpleImputer(strategy="mean") -> StandardScaler() -> PCA(n_components=share, svd_solver="full"),
  fitted on reference rows; the error of a row is the Euclidean norm of (standardised row - inverse_transform(transform)),
  as NannyML's data reconstruction drift.
"""
import json
import os

import numpy as np
import scipy
import sklearn
from scipy import stats
from sklearn.decomposition import PCA
from sklearn.impute import SimpleImputer
from sklearn.metrics import roc_auc_score
from sklearn.preprocessing import StandardScaler

rng = np.random.default_rng(17_2026_12_06)


def floats(a):
    return [None if np.isnan(v) else float(v) for v in np.asarray(a, dtype=float).ravel()]


# ---- Mann–Whitney U, asymptotic ----------------------------------------------------------------------------
mw_inputs = [
    ("small, no ties", rng.normal(0, 1, 6), rng.normal(0.5, 1, 8)),
    ("one against one", np.array([2.0]), np.array([1.0])),
    ("all tied", np.full(5, 0.3), np.full(7, 0.3)),
    ("heavy ties, scores of few leaves", np.round(rng.uniform(0, 1, 300), 1), np.round(rng.uniform(0.05, 1, 250), 1)),
    ("separated", rng.normal(2, 1, 40), rng.normal(0, 1, 60)),
    ("reversed", rng.normal(-1, 1, 50), rng.normal(0, 1, 50)),
    ("same law, large", rng.normal(0, 1, 3000), rng.normal(0, 1, 2500)),
    ("slight shift, large, ties", np.round(rng.normal(0.05, 1, 2000), 2), np.round(rng.normal(0, 1, 2500), 2)),
    ("probabilities with many repeats", rng.choice([0.41, 0.5, 0.52, 0.6, 0.77], 800), rng.choice([0.41, 0.5, 0.52, 0.6], 900)),
]
mannwhitneyu = []
for name, x, y in mw_inputs:
    results = []
    for alternative in ("greater", "two-sided", "less"):
        for continuity in (True, False):
            r = stats.mannwhitneyu(x, y, alternative=alternative, use_continuity=continuity, method="asymptotic")
            # SciPy's p is NaN when every value is tied and there is no continuity correction (0/0); Vigil says 1.
            results.append({"alternative": alternative, "continuity": continuity, "u": float(r.statistic),
                            "p_value": "NaN" if np.isnan(r.pvalue) else float(r.pvalue)})
    labels = np.r_[np.ones(len(x)), np.zeros(len(y))]
    mannwhitneyu.append({"name": name, "x": floats(x), "y": floats(y),
                         "auc": float(roc_auc_score(labels, np.r_[x, y])), "results": results})

# ---- PCA reconstruction error --------------------------------------------------------------------------------
def correlated(n, rho, p_extra):
    a = rng.normal(0, 1, n)
    b = rho * a + np.sqrt(1 - rho ** 2) * rng.normal(0, 1, n)
    c = 0.5 * a - 0.3 * b + rng.normal(0, 0.5, n)
    extra = rng.normal(0, 1, (n, p_extra)) * np.arange(1, p_extra + 1)
    return np.column_stack([a * 3 + 10, b, c, extra])


def with_missing(x, share):
    x = x.copy()
    mask = rng.uniform(0, 1, x.shape) < share
    x[mask] = np.nan
    return x


def reconstruction_case(name, reference, current, share):
    imputer = SimpleImputer(strategy="mean").fit(reference)
    scaler = StandardScaler().fit(imputer.transform(reference))
    z_ref = scaler.transform(imputer.transform(reference))
    pca = PCA(n_components=share, svd_solver="full").fit(z_ref)
    z = scaler.transform(imputer.transform(current))
    errors = np.linalg.norm(z - pca.inverse_transform(pca.transform(z)), axis=1)
    return {
        "name": name, "share": share, "width": reference.shape[1],
        "reference": [floats(r) for r in reference], "current": [floats(r) for r in current],
        "components": int(pca.n_components_), "explained": float(pca.explained_variance_ratio_.sum()),
        "ratios": [float(v) for v in pca.explained_variance_ratio_],
        "errors": [float(e) for e in errors], "mean_error": float(errors.mean()),
    }


base = correlated(300, 0.8, 3)
constant = np.column_stack([correlated(120, 0.2, 2), np.full(120, 4.0)])
reconstruction = [
    reconstruction_case("correlated, no missing", base[:200], base[200:], 0.65),
    reconstruction_case("correlated, 10 % missing", with_missing(base[:200], 0.1), with_missing(base[200:], 0.1), 0.65),
    reconstruction_case("a constant column", constant[:80], constant[80:], 0.65),
    reconstruction_case("share 0.9", base[:200], base[200:] * 1.3, 0.9),
    reconstruction_case("correlation flipped in current", base[:200], correlated(60, -0.8, 3), 0.65),
]

out = {
    "scipy": scipy.__version__, "sklearn": sklearn.__version__, "numpy": np.__version__,
    "mannwhitneyu": mannwhitneyu, "reconstruction": reconstruction,
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "multivariate_oracles.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1, allow_nan=False)
print(f"wrote {path}: {len(mannwhitneyu)} x 6 Mann-Whitney and {len(reconstruction)} reconstruction cases")
