#!/usr/bin/python3
"""Oracle cases for score calibration (#17, performance estimation), written beside this script as
calibration_oracles.json and committed with it (the tests read the JSON; CI does not run Python).

Run with Debian's Python and packages:
    apt-get install -y python3-sklearn
    /usr/bin/python3 tests/Vigil.Statistics.Tests/Oracles/make_calibration_oracles.py

* isotonic: sklearn.isotonic.IsotonicRegression(out_of_bounds="clip") fitted on (x, y[, sample_weight]); its
  predictions at query points inside, between and outside the fitted range (ties in x are pooled by sklearn first).
* isotonic_calibrator: CalibratedClassifierCV(method="isotonic", cv="prefit") over a classifier that only has
  predict_proba, so the calibrator sees the probability of class 1; calibrated probabilities at query points.
* sigmoid_calibrator: CalibratedClassifierCV(method="sigmoid", cv="prefit") over a classifier whose
  decision_function is logit(p), so Platt's a, b are fitted on the log-odds (P = 1 / (1 + exp(a f + b)), with
  Platt's target smoothing); a, b and the calibrated probabilities at query points.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.isotonic import IsotonicRegression

rng = np.random.default_rng(20261206)


def floats(a):
    return [float(v) for v in a]


class ProbaOnly(ClassifierMixin, BaseEstimator):
    """A fitted classifier whose only output is the probability of class 1 it is given as its single feature."""

    def fit(self, X, y):
        self.classes_ = np.array([0, 1])
        return self

    def predict_proba(self, X):
        p = np.asarray(X)[:, 0]
        return np.column_stack([1 - p, p])

    def predict(self, X):
        return (np.asarray(X)[:, 0] >= 0.5).astype(int)


class LogOddsOnly(ClassifierMixin, BaseEstimator):
    """A fitted classifier whose decision_function is the log-odds of the probability given as its single feature."""

    def fit(self, X, y):
        self.classes_ = np.array([0, 1])
        return self

    def decision_function(self, X):
        p = np.clip(np.asarray(X)[:, 0], 1e-12, 1 - 1e-12)
        return np.log(p / (1 - p))

    def predict(self, X):
        return (np.asarray(X)[:, 0] >= 0.5).astype(int)


def scores_and_labels(kind, n):
    """Scores in (0, 1) and labels drawn from a miscalibrated truth."""
    if kind == "overconfident":
        p = rng.beta(0.6, 0.6, n)
        truth = 0.5 + 0.6 * (p - 0.5)
    elif kind == "underconfident":
        p = rng.beta(4, 4, n)
        truth = 1 / (1 + np.exp(-8 * (p - 0.5)))
    elif kind == "shifted":
        p = rng.uniform(0, 1, n)
        truth = np.clip(p ** 2, 0, 1)
    elif kind == "calibrated":
        p = rng.uniform(0.02, 0.98, n)
        truth = p
    elif kind == "ties":
        p = np.round(rng.uniform(0, 1, n), 1)
        truth = np.clip(0.1 + 0.8 * p, 0, 1)
    else:
        raise ValueError(kind)
    y = (rng.uniform(0, 1, n) < truth).astype(int)
    return p, y


query = np.concatenate([[0.0, 1e-6, 0.001, 0.5, 0.999, 1.0], np.linspace(0.01, 0.99, 25)])

isotonic = []
for name, n, weighted in [("small", 12, False), ("medium", 200, False), ("ties", 300, False),
                          ("weighted", 150, True), ("large", 3000, False)]:
    x = np.round(rng.uniform(-2, 3, n), 2 if name == "ties" else 8)
    y = np.sin(x) + x * 0.5 + rng.normal(0, 0.7, n)
    w = rng.uniform(0.2, 3.0, n) if weighted else None
    model = IsotonicRegression(out_of_bounds="clip").fit(x, y, sample_weight=w)
    q = np.concatenate([[x.min() - 1, x.min(), x.max(), x.max() + 1], np.linspace(x.min(), x.max(), 40), x[:10]])
    isotonic.append({"name": name, "x": floats(x), "y": floats(y), "weights": None if w is None else floats(w),
                     "query": floats(q), "predicted": floats(model.predict(q))})

iso_cal, sig_cal = [], []
for kind, n in [("overconfident", 500), ("underconfident", 800), ("shifted", 400), ("calibrated", 1000),
                ("ties", 600), ("overconfident", 40)]:
    p, y = scores_and_labels(kind, n)
    X = p.reshape(-1, 1)
    q = query.reshape(-1, 1)
    iso = CalibratedClassifierCV(ProbaOnly().fit(X, y), method="isotonic", cv="prefit").fit(X, y)
    iso_cal.append({"name": f"{kind} {n}", "scores": floats(p), "labels": [int(v) for v in y],
                    "query": floats(query), "calibrated": floats(iso.predict_proba(q)[:, 1])})
    sig = CalibratedClassifierCV(LogOddsOnly().fit(X, y), method="sigmoid", cv="prefit").fit(X, y)
    calibrator = sig.calibrated_classifiers_[0].calibrators[0]
    sig_cal.append({"name": f"{kind} {n}", "scores": floats(p), "labels": [int(v) for v in y],
                    "a": float(calibrator.a_), "b": float(calibrator.b_),
                    "query": floats(query), "calibrated": floats(sig.predict_proba(q)[:, 1])})

out = {
    "generator": "tests/Vigil.Statistics.Tests/Oracles/make_calibration_oracles.py",
    "sklearn": sklearn.__version__,
    "numpy": np.__version__,
    "isotonic": isotonic,
    "isotonic_calibrator": iso_cal,
    "sigmoid_calibrator": sig_cal,
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "calibration_oracles.json")
with open(path, "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(f"wrote {path}: {len(isotonic)} isotonic, {len(iso_cal)} isotonic calibrators, {len(sig_cal)} sigmoid calibrators")
