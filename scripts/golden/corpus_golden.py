"""Golden AUCs for the real-file corpus (lib/store/corpus.test.ts) from scikit-learn (Debian python3-sklearn).

Run:
  npx vite-node scripts/golden/corpus-cases.ts /tmp/corpus-cases
  /usr/bin/python3 scripts/golden/corpus_golden.py /tmp/corpus-cases
Each case file holds the app's own encoding of a corpus file's training and validation rows (dense
numbers, id slots, id-list bags). This fits scikit-learn's LogisticRegression (lbfgs) on the same
inputs — the dense part as is, every id slot and bag token one-hot, as the app's linear model weighs
them — with C = 1 / (2 · l2 · training rows), the app's L2 term l2 · Σw² on the mean loss, and writes
its validation AUC to lib/data/corpus/golden.json. The unit test never needs Python.
"""
import glob
import json
import os
import sys

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

here = os.path.join(os.path.dirname(__file__), '..', '..', 'lib', 'data', 'corpus')


def design(part, vocabulary):
    n = part['rows']
    dense = sp.csr_matrix(np.asarray(part['dense'], dtype=np.float64).reshape(n, part['denseDim'])) if part['denseDim'] else sp.csr_matrix((n, 0))
    parts = [dense]
    if part['idDim']:
        ids = np.asarray(part['ids'], dtype=np.int64).reshape(n, part['idDim'])
        rows = np.repeat(np.arange(n), part['idDim'])
        parts.append(sp.csr_matrix((np.ones(ids.size), (rows, ids.ravel())), shape=(n, vocabulary)))
    if part['bagDim']:
        ids = np.asarray(part['bagIds'], dtype=np.int64).reshape(n, part['bagDim'])
        weights = np.asarray(part['bagWeights'], dtype=np.float64).reshape(n, part['bagDim'])
        rows = np.repeat(np.arange(n), part['bagDim'])
        parts.append(sp.csr_matrix((weights.ravel(), (rows, ids.ravel())), shape=(n, vocabulary)))
    return sp.hstack(parts).tocsr()


cases = {}
for path in sorted(glob.glob(os.path.join(sys.argv[1], '*.json'))):
    case = json.load(open(path))
    train, valid = case['train'], case['validation']
    x_train, x_valid = design(train, case['vocabularySize']), design(valid, case['vocabularySize'])
    y_train = np.asarray(train['labels'])
    model = LogisticRegression(C=1 / (2 * case['l2'] * train['rows']), max_iter=5000, tol=1e-8)
    model.fit(x_train, y_train)
    known = np.asarray(valid['known'], dtype=bool)
    y_valid = np.asarray(valid['labels'])[known]
    auc = roc_auc_score(y_valid, model.predict_proba(x_valid[known])[:, 1])
    cases[case['name']] = {'sklearnAuc': round(float(auc), 6), 'trainRows': train['rows'], 'validationRows': valid['rows'], 'validationPositives': int(y_valid.sum()), 'features': case['features']}
    print(case['name'], round(auc, 4), train['rows'], valid['rows'], int(y_valid.sum()))

json.dump({'sklearn': sklearn.__version__, 'cases': cases}, open(os.path.join(here, 'golden.json'), 'w'), indent=2)
