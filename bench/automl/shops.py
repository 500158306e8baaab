"""Synthetic data with a many-level categorical column (docs/automl.md, featurization).

300 shops, each with its own effect on the target, plus one numeric feature: 12 000 rows, the first 9 000 for
training. Writes shop_train.csv / shop_test.csv (regression, label y) and shopb_train.csv / shopb_test.csv (binary,
label y = yes when the target is above 0.3) into the given folder, and prints the test R² of the true model.
Usage: /usr/bin/python3 bench/automl/shops.py OUT_DIR   (needs python3-pandas)
"""
import sys

import numpy as np
import pandas as pd

out = sys.argv[1] if len(sys.argv) > 1 else "."
rng = np.random.default_rng(1)
n, levels = 12000, 300
effect = rng.normal(size=levels)
shop = rng.integers(0, levels, size=n)
x = rng.normal(size=n)
y = effect[shop] + 0.5 * x + rng.normal(size=n) * 0.7
names = ["c%d" % s for s in shop]
regression = pd.DataFrame({"shop": names, "x": x, "y": y})
regression.iloc[:9000].to_csv(f"{out}/shop_train.csv", index=False)
regression.iloc[9000:].to_csv(f"{out}/shop_test.csv", index=False)
binary = pd.DataFrame({"shop": names, "x": x, "y": np.where(y > 0.3, "yes", "no")})
binary.iloc[:9000].to_csv(f"{out}/shopb_train.csv", index=False)
binary.iloc[9000:].to_csv(f"{out}/shopb_test.csv", index=False)
truth = effect[shop[9000:]] + 0.5 * x[9000:]
print("true model's test R2:", 1 - np.mean((y[9000:] - truth) ** 2) / np.var(y[9000:]))
