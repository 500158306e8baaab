"""Real datasets beyond ../shared/datasets, for checking the AutoML engine where no FLAML figure exists.

Writes <out>/<name>/{train,test}.csv and meta.json (the layout of ../shared/datasets, so `automl-run` reads them) for
data that ships inside Debian's python3-statsmodels and python3-sklearn, and prints the test score of plain
scikit-learn models on the same split: a floor an AutoML engine at 10 s should reach. The best of them per dataset
goes to OUT_DIR/reference.json, in the shape of ../shared/bench/flaml-reference.json, for the AutoML harness:
    /usr/bin/python3 bench/automl/extra_datasets.py OUT_DIR
    dotnet run -c Release --project bench/Vigil.Bench -- automl --data OUT_DIR --reference OUT_DIR/reference.json
Needs python3-sklearn, python3-pandas and python3-statsmodels (Debian).
"""
import json
import os
import sys
import time

import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.datasets import load_wine
from sklearn.ensemble import (HistGradientBoostingClassifier, HistGradientBoostingRegressor, RandomForestClassifier,
                              RandomForestRegressor)
from sklearn.linear_model import LogisticRegression, RidgeCV
from sklearn.metrics import log_loss, r2_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.compose import make_column_transformer


def fair():
    """statsmodels fair: extramarital affairs survey (Fair 1978), did the respondent report any; occupations as categories."""
    d = sm.datasets.fair.load_pandas().data
    d["occupation"] = "occ" + d["occupation"].astype(int).astype(str)
    d["occupation_husb"] = "occ" + d["occupation_husb"].astype(int).astype(str)
    d["had_affair"] = np.where(d.pop("affairs") > 0, "yes", "no")
    return d, "had_affair", "binary", "roc_auc"


def randhie():
    """statsmodels randhie: RAND health insurance experiment, number of outpatient visits."""
    d = sm.datasets.randhie.load_pandas().data
    return d, "mdvis", "regression", "r2"


def anes96():
    """statsmodels anes96: 1996 US election study, party identification on a 7-point scale."""
    d = sm.datasets.anes96.load_pandas().data.drop(columns=["logpopul"])
    d["PID"] = "pid" + d["PID"].astype(int).astype(str)
    return d, "PID", "multiclass", "log_loss"


def star98():
    """statsmodels star98: California schools 1998, share of students above the national maths median."""
    d = sm.datasets.star98.load_pandas().data
    d["share_above"] = d["NABOVE"] / (d["NABOVE"] + d["NBELOW"])
    return d.drop(columns=["NABOVE", "NBELOW"]), "share_above", "regression", "r2"


def wine():
    """scikit-learn load_wine: three cultivars from chemical analysis."""
    d = load_wine(as_frame=True).frame
    d["target"] = "cultivar" + d["target"].astype(str)
    return d, "target", "multiclass", "log_loss"


def baselines(task, x, y, xt, yt):
    categorical = [c for c in x.columns if x[c].dtype == object]
    encode = make_column_transformer((OneHotEncoder(handle_unknown="ignore"), categorical), remainder="passthrough")
    if task == "regression":
        models = {"hist gradient boosting": HistGradientBoostingRegressor(random_state=0),
                  "random forest": RandomForestRegressor(300, random_state=0, n_jobs=2),
                  "ridge": make_pipeline(StandardScaler(), RidgeCV())}
        score = lambda m: r2_score(yt, m.predict(encode.transform(xt)))
    else:
        models = {"hist gradient boosting": HistGradientBoostingClassifier(random_state=0),
                  "random forest": RandomForestClassifier(300, random_state=0, n_jobs=2),
                  "logistic": make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000))}
        if task == "binary":
            score = lambda m: roc_auc_score(yt, m.predict_proba(encode.transform(xt))[:, 1])
        else:
            score = lambda m: log_loss(yt, m.predict_proba(encode.transform(xt)), labels=m.classes_)
    encode.fit(x)
    scores = {}
    for name, m in models.items():
        start = time.perf_counter()
        scores[name] = (score(m.fit(encode.transform(x), y)), time.perf_counter() - start)
    return scores


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "extra-datasets"
    reference = {"name": "scikit-learn", "system": "best of HistGradientBoosting, RandomForest (300) and ridge/logistic, "
                 "default settings, per dataset (bench/automl/extra_datasets.py)", "datasets": {}}
    for make in (fair, randhie, anes96, star98, wine):
        data, label, task, metric = make()
        name = make.__name__
        stratify = data[label] if task != "regression" else None
        train, test = train_test_split(data, test_size=0.25, random_state=0, stratify=stratify)
        os.makedirs(f"{out}/{name}", exist_ok=True)
        train.to_csv(f"{out}/{name}/train.csv", index=False)
        test.to_csv(f"{out}/{name}/test.csv", index=False)
        meta = {"name": name, "label": label, "task": task, "metric": metric, "source": make.__doc__ or name,
                "train_rows": len(train), "test_rows": len(test), "columns": list(data.columns)}
        with open(f"{out}/{name}/meta.json", "w") as f:
            json.dump(meta, f, indent=1)
        x, y = train.drop(columns=[label]), train[label]
        xt, yt = test.drop(columns=[label]), test[label]
        scores = baselines(task, x, y, xt, yt)
        print(f"{name:8} {task:10} {metric:8} rows {len(train):5}/{len(test):5}  " +
              "  ".join(f"{k} {v:.4f}" for k, (v, _) in scores.items()), flush=True)
        pick = min if metric == "log_loss" else max
        best_name, (best, seconds) = pick(scores.items(), key=lambda kv: kv[1][0])
        entry = {"metric": metric, "median": best, "runs": [{"seed": 0, "value": best, "wall_s": round(seconds, 3), "best": best_name}]}
        reference["datasets"][name] = {"10": entry, "30": entry}
    with open(f"{out}/reference.json", "w") as f:
        json.dump(reference, f, indent=1)


if __name__ == "__main__":
    main()
