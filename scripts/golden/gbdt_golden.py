"""Fixture and golden AUC for the GBDT (lib/models/gbdt.ts) from XGBoost (Debian python3-xgboost).

Run: /usr/bin/python3 scripts/golden/gbdt_golden.py
Writes lib/models/trees/fixtures/gbdt_fixture.csv (4,000 rows: the first 3,000 by `t` train, the
last 1,000 validate) and lib/models/trees/fixtures/gbdt_golden.json with XGBoost's validation AUC
under the same settings the test uses. The unit test never needs Python.
"""
import json
import os

import numpy as np
import pandas as pd
import xgboost
from sklearn.metrics import roc_auc_score

here = os.path.join(os.path.dirname(__file__), '..', '..', 'lib', 'models', 'trees', 'fixtures')
rng = np.random.default_rng(20261128)
n = 4000
x = rng.normal(size=(n, 4))
c = rng.integers(0, 8, n)
effect = np.array([-1.0, -0.5, 0.0, 0.3, 0.6, 1.0, -1.5, 0.8])
# Non-linear on purpose: a sine, a step, an interaction and a categorical effect.
logit = 1.5 * np.sin(2 * x[:, 0]) + 1.2 * (x[:, 1] > 0.5) - 0.8 * x[:, 2] * x[:, 3] + effect[c] - 0.5
y = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
frame = pd.DataFrame({'t': np.arange(n), 'x1': x[:, 0].round(4), 'x2': x[:, 1].round(4), 'x3': x[:, 2].round(4), 'x4': x[:, 3].round(4), 'c': [f'c{k}' for k in c], 'y': y})
os.makedirs(here, exist_ok=True)
frame.to_csv(os.path.join(here, 'gbdt_fixture.csv'), index=False)

params = dict(trees=100, max_depth=6, learning_rate=0.1, reg_lambda=1.0, min_child_weight=1.0, max_bin=64)
train, valid = frame.iloc[:3000], frame.iloc[3000:]
features = ['x1', 'x2', 'x3', 'x4', 'c']


def matrix(part):
    m = part[features].copy()
    m['c'] = pd.Categorical(m['c'], categories=sorted(frame['c'].unique()))
    return m


model = xgboost.XGBClassifier(n_estimators=params['trees'], max_depth=params['max_depth'], learning_rate=params['learning_rate'], reg_lambda=params['reg_lambda'], min_child_weight=params['min_child_weight'], max_bin=params['max_bin'], tree_method='hist', enable_categorical=True, random_state=0)
model.fit(matrix(train), train['y'])
auc = roc_auc_score(valid['y'], model.predict_proba(matrix(valid))[:, 1])
json.dump({'xgboost': xgboost.__version__, 'params': params, 'validationAuc': round(float(auc), 6), 'trainRows': 3000, 'validationRows': 1000}, open(os.path.join(here, 'gbdt_golden.json'), 'w'), indent=2)
print(auc)
