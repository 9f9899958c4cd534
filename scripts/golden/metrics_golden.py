"""Golden values for lib/metrics from scikit-learn (Debian python3-sklearn).

Run: /usr/bin/python3 scripts/golden/metrics_golden.py > lib/metrics/golden.json
The unit tests read the JSON; they never need Python.
"""
import json

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.metrics import (average_precision_score, log_loss, ndcg_score,
                             precision_recall_curve, roc_auc_score, roc_curve)

rng = np.random.default_rng(20261128)
n = 500
groups = rng.integers(0, 40, n)
# Scores rounded to 2 decimals so there are many ties (AUC and curves must treat them exactly).
scores = np.round(rng.uniform(0, 1, n), 2)
labels = (rng.uniform(0, 1, n) < 0.2 + 0.5 * scores).astype(int)
# Distinct probabilities for calibration (quantile bins are only unambiguous without ties).
probs = np.sort(rng.uniform(0.01, 0.6, n))
rng.shuffle(probs)
prob_labels = (rng.uniform(0, 1, n) < probs).astype(int)


def gauc(s, y, g):
    num = den = 0.0
    for k in np.unique(g):
        m = g == k
        if y[m].min() == y[m].max():
            continue
        num += roc_auc_score(y[m], s[m]) * m.sum()
        den += m.sum()
    return num / den


def ndcg_mean(s, y, g, k):
    vals = []
    for key in np.unique(g):
        m = g == key
        if y[m].sum() == 0:
            continue
        if m.sum() == 1:
            vals.append(1.0)
            continue
        # sklearn's gain is linear; with 0/1 relevance that equals 2^rel − 1.
        vals.append(ndcg_score([y[m]], [s[m]], k=k, ignore_ties=False))
    return float(np.mean(vals))


def ece(y, p, strategy):
    """Count-weighted |mean predicted − observed| over calibration_curve's bins (its own binning, with counts)."""
    if strategy == "quantile":
        edges = np.percentile(p, np.linspace(0, 100, 11))
    else:
        edges = np.linspace(0.0, 1.0, 11)
    ids = np.searchsorted(edges[1:-1], p, side="right")
    total = 0.0
    for b in np.unique(ids):
        m = ids == b
        total += m.sum() / len(p) * abs(p[m].mean() - y[m].mean())
    return total


fpr, tpr, roc_thr = roc_curve(labels, scores, drop_intermediate=False)
prec, rec, pr_thr = precision_recall_curve(labels, scores)
out = {
    "generator": f"scripts/golden/metrics_golden.py, scikit-learn {sklearn.__version__}, numpy {np.__version__}",
    "scores": scores.tolist(),
    "labels": labels.tolist(),
    "groups": groups.tolist(),
    "probs": probs.tolist(),
    "probLabels": prob_labels.tolist(),
    "auc": roc_auc_score(labels, scores),
    "gauc": gauc(scores, labels, groups),
    "logLoss": log_loss(prob_labels, probs),
    # Normalized entropy: the log loss over the log loss of predicting the base rate everywhere.
    "normalizedEntropy": log_loss(prob_labels, probs) / log_loss(prob_labels, np.full(n, prob_labels.mean())),
    "eceQuantile": ece(prob_labels, probs, "quantile"),
    "eceUniform": ece(prob_labels, probs, "uniform"),
    "averagePrecision": average_precision_score(labels, scores),
    "roc": {"fpr": fpr.tolist(), "tpr": tpr.tolist()},
    "pr": {"precision": prec[:-1][::-1].tolist(), "recall": rec[:-1][::-1].tolist()},
    "ndcgAt5": ndcg_mean(scores, labels, groups, 5),
    "calibrationUniform": dict(zip(["observed", "predicted"], [a.tolist() for a in calibration_curve(prob_labels, probs, n_bins=10, strategy="uniform")])),
    "calibrationQuantile": dict(zip(["observed", "predicted"], [a.tolist() for a in calibration_curve(prob_labels, probs, n_bins=10, strategy="quantile")])),
}
print(json.dumps(out))
