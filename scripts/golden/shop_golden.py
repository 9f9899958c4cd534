"""Golden AUCs and calibration ratios for lib/train/agreement.test.ts from scikit-learn and XGBoost
(Debian python3-sklearn, python3-xgboost).

Run:
  npx vite-node scripts/golden/shop-cases.ts /tmp/shop-cases
  /usr/bin/python3 scripts/golden/shop_golden.py /tmp/shop-cases
It reads the app's own encoding of the seeded synthetic shop log (lib/train/agreementCase.ts): the
training and validation rows, every head's labels. Then per head:
- scikit-learn's LogisticRegression (lbfgs) on the dense column and one-hot id slots and id-list
  bags, as the app's linear model weighs them, with C = 1 / (2 · l2 · training rows) — the app's L2
  term l2 · Σw² on the mean loss;
- XGBoost `hist` with the app's GBDT defaults (depth, leaves grown best-first, learning rate, lambda,
  min_child_weight, bins, rounds, early stopping on validation log loss), starting from the head's
  base rate, the numbers as numbers and every id slot as a categorical feature (its vocabulary slot,
  XGBoost's default max_cat_threshold of 64), one thread.
and writes their validation AUC and calibration ratio Σp/Σy to lib/train/fixtures/shop_golden.json.
The unit test never needs Python.
"""
import json
import os
import sys

import numpy as np
import pandas as pd
import scipy.sparse as sp
import sklearn
import xgboost
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

here = os.path.join(os.path.dirname(__file__), '..', '..', 'lib', 'train', 'fixtures')
d = json.load(open(os.path.join(sys.argv[1], 'shop.json')))
V = d['vocabularySize']
T = len(d['tasks'])


def linear_design(part):
    n = part['rows']
    parts = [sp.csr_matrix(np.asarray(part['dense'], dtype=np.float64).reshape(n, part['denseDim']))]
    ids = np.asarray(part['ids']).reshape(n, part['idDim'])
    rows = np.repeat(np.arange(n), part['idDim'])
    parts.append(sp.csr_matrix((np.ones(ids.size), (rows, ids.ravel())), shape=(n, V)))
    if part['bagDim']:
        bag = np.asarray(part['bagIds']).reshape(n, part['bagDim'])
        weights = np.asarray(part['bagWeights'], dtype=np.float64).reshape(n, part['bagDim'])
        rows = np.repeat(np.arange(n), part['bagDim'])
        parts.append(sp.csr_matrix((weights.ravel(), (rows, bag.ravel())), shape=(n, V)))
    return sp.hstack(parts).tocsr()


def tree_frame(part):
    n = part['rows']
    dense = np.asarray(part['dense'], dtype=np.float64).reshape(n, part['denseDim'])
    ids = np.asarray(part['ids']).reshape(n, part['idDim'])
    columns, j = {}, 0
    for e in d['numeric']:
        columns[e['column']] = dense[:, j]
        j += 1
        if e['missing']:
            columns[e['column'] + ' (missing)'] = dense[:, j]
            j += 1
    for s, e in enumerate(d['sparse']):
        columns[e['name']] = pd.Categorical(ids[:, s] - e['offset'], categories=np.arange(e['size']))
    return pd.DataFrame(columns)


n = d['train']['rows']
y_train = np.asarray(d['train']['labels']).reshape(n, T)
x_train, x_valid = linear_design(d['train']), linear_design(d['validation'])
f_train, f_valid = tree_frame(d['train']), tree_frame(d['validation'])
g = d['gbdt']
out = {'sklearn': sklearn.__version__, 'xgboost': xgboost.__version__, 'trainRows': n, 'validationRows': d['validation']['rows'], 'heads': {}}
for t, task in enumerate(d['tasks']):
    y_valid = np.asarray(d['validation']['labels'][t])
    lr = LogisticRegression(C=1 / (2 * d['l2'] * n), max_iter=5000, tol=1e-8).fit(x_train, y_train[:, t])
    p_lr = lr.predict_proba(x_valid)[:, 1]
    xgb = xgboost.XGBClassifier(
        n_estimators=g['trees'], max_depth=g['maxDepth'], max_leaves=g['maxLeaves'], grow_policy='lossguide', learning_rate=g['learningRate'],
        reg_lambda=g['lambda'], min_child_weight=g['minChildWeight'], max_bin=g['maxBins'], tree_method='hist', enable_categorical=True,
        early_stopping_rounds=g['earlyStoppingRounds'], eval_metric='logloss', nthread=1, random_state=0,
        # The base rate to start from, as the app's boosters (and XGBoost ≥ 2.0) do; 1.7's default 0.5
        # leaves an early-stopped model biased towards one half.
        base_score=float(y_train[:, t].mean()),
    ).fit(f_train, y_train[:, t], eval_set=[(f_valid, y_valid)], verbose=False)
    p_xgb = xgb.predict_proba(f_valid, iteration_range=(0, xgb.best_iteration + 1))[:, 1]
    out['heads'][task] = {
        'validationPositives': int(y_valid.sum()),
        'sklearn': {'auc': round(float(roc_auc_score(y_valid, p_lr)), 6), 'calibrationRatio': round(float(p_lr.sum() / y_valid.sum()), 6)},
        'xgboost': {'auc': round(float(roc_auc_score(y_valid, p_xgb)), 6), 'calibrationRatio': round(float(p_xgb.sum() / y_valid.sum()), 6), 'trees': int(xgb.best_iteration + 1)},
    }
    print(task, out['heads'][task])
os.makedirs(here, exist_ok=True)
json.dump(out, open(os.path.join(here, 'shop_golden.json'), 'w'), indent=2)
