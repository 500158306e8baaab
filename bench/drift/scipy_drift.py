#!/usr/bin/env python3
"""SciPy side of the drift speed comparison (see docs/benchmarks.md).

Generates (or reuses) the benchmark data: ROWS reference and ROWS current rows x COLS float64 columns, written
column-major as raw little-endian doubles to DIR/reference.f64 and DIR/current.f64 so the C# harness reads the very
same numbers. Then times, in one process, a loop over the columns of
  scipy.stats.ks_2samp(ref, cur, method='asymp') + scipy.stats.wasserstein_distance(ref, cur) + a NumPy PSI
  (reference decile edges, bins (-inf,e1],...,(ek,inf), shares of 0 -> 1e-4, sum((c-r)*ln(c/r)))
and prints one JSON line with the wall time and peak RSS.

usage: scipy_drift.py DIR [ROWS] [COLS] [SEED]
"""
import json, os, resource, sys, time
import numpy as np
import scipy
from scipy import stats

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
cols = int(sys.argv[3]) if len(sys.argv) > 3 else 20
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 7
os.makedirs(out, exist_ok=True)
ref_path, cur_path = os.path.join(out, "reference.f64"), os.path.join(out, "current.f64")

if not (os.path.exists(ref_path) and os.path.getsize(ref_path) == rows * cols * 8):
    rng = np.random.default_rng(seed)
    ref = np.empty((cols, rows)); cur = np.empty((cols, rows))
    for j in range(cols):
        # A mix of shapes, half of the columns shifted a little, so both drifted and stable columns are timed.
        ref[j] = rng.normal(0, 1, rows) if j % 2 == 0 else rng.lognormal(0, 0.7, rows)
        shift = 0.05 * (j % 4)
        cur[j] = (rng.normal(shift, 1, rows) if j % 2 == 0 else rng.lognormal(shift, 0.7, rows))
    ref.astype("<f8").tofile(ref_path); cur.astype("<f8").tofile(cur_path)

ref = np.fromfile(ref_path, dtype="<f8").reshape(cols, rows)
cur = np.fromfile(cur_path, dtype="<f8").reshape(cols, rows)


def psi(r, c, bins=10):
    edges = np.unique(np.quantile(r, np.linspace(0, 1, bins + 1)[1:-1]))
    rs = np.bincount(np.searchsorted(edges, r, side="left"), minlength=len(edges) + 1) / len(r)
    cs = np.bincount(np.searchsorted(edges, c, side="left"), minlength=len(edges) + 1) / len(c)
    rs = np.where(rs == 0, 1e-4, rs); cs = np.where(cs == 0, 1e-4, cs)
    return float(np.sum((cs - rs) * np.log(cs / rs)))


t0 = time.perf_counter()
results = []
for j in range(cols):
    ks = stats.ks_2samp(ref[j], cur[j], method="asymp")
    w = stats.wasserstein_distance(ref[j], cur[j])
    results.append((float(ks.statistic), float(ks.pvalue), float(w), psi(ref[j], cur[j])))
elapsed = time.perf_counter() - t0
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"engine": f"scipy {scipy.__version__} / numpy {np.__version__}", "rows": rows, "cols": cols,
                  "seconds": round(elapsed, 3), "peak_rss_mb": round(peak_mb, 1),
                  "first_column": dict(zip(["ks_statistic", "ks_pvalue", "wasserstein", "psi"], results[0]))}))
