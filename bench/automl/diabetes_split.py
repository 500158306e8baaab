"""How diabetes' train/test split treats linear and tree models (docs/automl.md, "The diabetes 30 s row").

Fits scikit-learn models on ../shared/datasets/diabetes/train.csv and prints, for each, the 5-fold CV R² on the
training rows (two fold seeds) and the R² on test.csv; then blends of linear regression with the average of two tree
models, weight w on the linear model, scored both ways. Usage:
    /usr/bin/python3 bench/automl/diabetes_split.py [../shared/datasets/diabetes]
Needs python3-sklearn and python3-pandas (Debian).
"""
import sys

import numpy as np
import pandas as pd
from sklearn.ensemble import ExtraTreesRegressor, GradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score
from sklearn.model_selection import KFold, cross_val_predict, cross_val_score

folder = sys.argv[1] if len(sys.argv) > 1 else "../shared/datasets/diabetes"
train = pd.read_csv(f"{folder}/train.csv")
test = pd.read_csv(f"{folder}/test.csv")
x, y = train.drop(columns=["target"]), train["target"]
xt, yt = test.drop(columns=["target"]), test["target"]

models = {
    "linear regression": LinearRegression(),
    "extra trees (500, leaf 5, features 0.5)": ExtraTreesRegressor(500, min_samples_leaf=5, max_features=0.5, random_state=0),
    "random forest (500, leaf 5)": RandomForestRegressor(500, min_samples_leaf=5, random_state=0),
    "gradient boosting (150, depth 2, rate 0.03)": GradientBoostingRegressor(
        n_estimators=150, learning_rate=0.03, max_depth=2, subsample=0.8, random_state=0),
}
print(f"{'model':45} {'CV R2 (folds seed 1, 2)':>24} {'test R2':>8}")
for name, model in models.items():
    cv = [cross_val_score(model, x, y, cv=KFold(5, shuffle=True, random_state=s)).mean() for s in (1, 2)]
    test_r2 = model.fit(x, y).score(xt, yt)
    print(f"{name:45} {cv[0]:>11.4f} {cv[1]:>11.4f} {test_r2:>8.4f}")

folds = KFold(5, shuffle=True, random_state=1)
blend = [models["linear regression"], models["gradient boosting (150, depth 2, rate 0.03)"],
         models["extra trees (500, leaf 5, features 0.5)"]]
oof = [cross_val_predict(m, x, y, cv=folds) for m in blend]
fitted = [m.fit(x, y).predict(xt) for m in blend]
print("\nw (linear share)  CV R2   test R2   (trees: average of gradient boosting and extra trees)")
for w in np.arange(0, 1.01, 0.1):
    cv = r2_score(y, w * oof[0] + (1 - w) * (oof[1] + oof[2]) / 2)
    te = r2_score(yt, w * fitted[0] + (1 - w) * (fitted[1] + fitted[2]) / 2)
    print(f"{w:16.1f} {cv:7.4f} {te:9.4f}")
