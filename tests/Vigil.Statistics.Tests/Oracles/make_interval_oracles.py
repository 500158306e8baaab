#!/usr/bin/python3
"""Oracle cases for the analytic intervals of the performance check (#17), written beside this script as
interval_oracles.json and committed with it (the tests read the JSON; CI does not run Python).

Run with Debian's Python and packages:
    apt-get install -y python3-sklearn python3-statsmodels
    /usr/bin/python3 tests/Vigil.Statistics.Tests/Oracles/make_interval_oracles.py

* delong: the AUC by sklearn.metrics.roc_auc_score and its DeLong et al. (1988) variance computed from the
  definition, the O(m·n) pairwise kernel psi(x, y) = 1 (x > y), 1/2 (tie), 0: V10_i = mean_j psi(X_i, Y_j),
  V01_j = mean_i psi(X_i, Y_j), Var = var(V10, ddof=1)/m + var(V01, ddof=1)/n. (Vigil computes it by sorting.)
* wald: statsmodels.stats.proportion.proportion_confint(count, nobs, alpha, method="normal").
* ratio: the delta-method standard error of sum(u)/sum(v), from the influence values (u - R v)/mean(v) with NumPy
  (plug-in variance, ddof=0, divided by n).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.metrics import roc_auc_score
import statsmodels
from statsmodels.stats.proportion import proportion_confint


def delong_reference(y, s):
    pos = s[y == 1]
    neg = s[y == 0]
    psi = (pos[:, None] > neg[None, :]).astype(float) + 0.5 * (pos[:, None] == neg[None, :])
    v10 = psi.mean(axis=1)
    v01 = psi.mean(axis=0)
    m, n = len(pos), len(neg)
    var = (np.var(v10, ddof=1) / m if m > 1 else 0.0) + (np.var(v01, ddof=1) / n if n > 1 else 0.0)
    return float(psi.mean()), float(var)


def main():
    rng = np.random.default_rng(17)
    delong = []
    for name, n, pos_rate, shift, rounding in [
        ("small_separated", 40, 0.5, 1.5, None),
        ("medium", 300, 0.3, 0.8, None),
        ("ties_rounded", 500, 0.4, 0.6, 1),
        ("heavy_ties", 200, 0.5, 0.3, 0),
        ("rare_positives", 1200, 0.05, 1.0, None),
        ("no_signal", 800, 0.5, 0.0, 2),
        ("perfect", 60, 0.5, 50.0, None),
    ]:
        y = (rng.random(n) < pos_rate).astype(int)
        y[0], y[1] = 0, 1
        s = rng.normal(size=n) + shift * y
        if rounding is not None:
            s = np.round(s, rounding)
        auc_def, var = delong_reference(y, s)
        auc = float(roc_auc_score(y, s))
        assert abs(auc - auc_def) < 1e-12
        delong.append({"name": name, "y": y.tolist(), "score": s.tolist(), "auc": auc, "variance": var})

    wald = []
    for count, nobs, alpha in [(50, 100, 0.05), (815, 1000, 0.05), (3, 40, 0.0125), (999, 1000, 0.01), (120000, 200000, 0.0125)]:
        lo, hi = proportion_confint(count, nobs, alpha=alpha, method="normal")
        wald.append({"count": count, "nobs": nobs, "alpha": alpha, "lower": float(lo), "upper": float(hi)})

    ratio = []
    for name, n in [("precision_like", 400), ("f1_like", 2500), ("continuous", 900)]:
        if name == "continuous":
            u = rng.gamma(2.0, size=n)
            v = u + rng.gamma(3.0, size=n)
        else:
            t = rng.random(n) < 0.4
            p = rng.random(n) < np.where(t, 0.7, 0.2)
            tp = (t & p).astype(float)
            if name == "precision_like":
                u, v = tp, p.astype(float)
            else:
                u, v = 2 * tp, 2 * tp + (t != p).astype(float)
        r = u.sum() / v.sum()
        infl = (u - r * v) / v.mean()
        se = float(np.sqrt(np.var(infl, ddof=0) / n))
        ratio.append({"name": name, "u": u.tolist(), "v": v.tolist(), "ratio": float(r), "se": se})

    out = {
        "numpy": np.__version__, "sklearn": sklearn.__version__, "statsmodels": statsmodels.__version__,
        "delong": delong, "wald": wald, "ratio": ratio,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "interval_oracles.json")
    with open(path, "w") as f:
        json.dump(out, f)
    print("wrote", path)


if __name__ == "__main__":
    main()
