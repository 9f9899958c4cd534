"""Peers for `npm run bench`, run in the same bench when Debian's python3-pandas / python3-torch exist.

- pandas: read_csv of the same 1M-row CSV the app ingests.
- PyTorch (CPU): the app's logistic regression and MLP with embeddings, on the app's own encoding of
  the synthetic shop log (bench/node.bench.ts writes it), at the same batch sizes, Adam, BCE.
Prints one line: PEERS_JSON {...}. Any peer whose library is missing is null.
"""
import json
import os
import sys
import time

work = os.environ.get("BENCH_DIR", "/tmp/value-lab-bench")
result = {"pandas": None, "torch": None}
csv = sys.argv[1] if len(sys.argv) > 1 else None

try:
    import pandas as pd

    if csv:
        times = []
        for _ in range(2):
            t = time.perf_counter()
            pd.read_csv(csv)
            times.append(time.perf_counter() - t)
        result["pandas"] = {"seconds": min(times), "version": pd.__version__}
except ImportError:
    pass

try:
    import numpy as np
    import torch
    from torch import nn

    torch.manual_seed(1)
    torch.set_num_threads(os.cpu_count() or 1)
    meta = json.load(open(os.path.join(work, "train_meta.json")))
    n, T, V = meta["rows"], meta["tasks"], meta["vocabularySize"]

    def load(name, dtype, cols):
        a = np.fromfile(os.path.join(work, f"train_{name}.bin"), dtype=dtype)
        return torch.from_numpy(a.reshape(n, cols)) if cols else None

    dense = load("dense", np.float32, meta["denseDim"])
    ids = load("ids", np.int32, meta["idDim"]).long()
    bag_ids = load("bagIds", np.int32, meta["bagDim"]).long()
    bag_w = load("bagWeights", np.float32, meta["bagDim"])
    labels = load("labels", np.float32, T)

    class Logistic(nn.Module):
        """logit_t = x·w_t + Σ_c e_t[id_c] + Σ_p bagWeight_p · e_t[bag_p] + b_t (as lib/models/logistic.ts)."""

        def __init__(self):
            super().__init__()
            self.dense = nn.Linear(meta["denseDim"], T)
            self.table = nn.Embedding(V, T)
            nn.init.zeros_(self.table.weight)

        def forward(self, x, i, b, bw):
            return self.dense(x) + self.table(i).sum(1) + (self.table(b) * bw.unsqueeze(2)).sum(1)

    class Mlp(nn.Module):
        """Embeddings (dim E) of every id column and the pooled bag, with the dense features, into ReLU layers and T heads."""

        def __init__(self):
            super().__init__()
            E = meta["embeddingDim"]
            self.table = nn.Embedding(V, E)
            width = meta["denseDim"] + E * (meta["idDim"] + 1)
            layers = []
            for h in meta["hiddenLayers"]:
                layers += [nn.Linear(width, h), nn.ReLU()]
                width = h
            self.body = nn.Sequential(*layers)
            self.head = nn.Linear(width, T)

        def forward(self, x, i, b, bw):
            e = self.table(i).flatten(1)
            bag = (self.table(b) * bw.unsqueeze(2)).sum(1)
            return self.head(self.body(torch.cat([x, e, bag], 1)))

    def rows_per_second(model, batch, seconds=3.0):
        opt = torch.optim.Adam(model.parameters(), lr=meta["learningRate"])
        loss_fn = nn.BCEWithLogitsLoss()
        done, start, warm = 0, None, 2
        while True:
            perm = torch.randperm(n)
            for s in range(0, n, batch):
                j = perm[s : s + batch]
                opt.zero_grad()
                loss = loss_fn(model(dense[j], ids[j], bag_ids[j], bag_w[j]), labels[j])
                loss.backward()
                opt.step()
                if warm > 0:
                    warm -= 1
                    if warm == 0:
                        start = time.perf_counter()
                    continue
                done += len(j)
                if time.perf_counter() - start >= seconds:
                    return done / (time.perf_counter() - start)

    runs = []
    for name, make in (("lr", Logistic), ("mlp", Mlp)):
        for batch in (1024, 4096):
            runs.append({"model": name, "batch": batch, "rowsPerSec": rows_per_second(make(), batch)})
    result["torch"] = {"version": torch.__version__, "threads": torch.get_num_threads(), "runs": runs}
except ImportError:
    pass

print("PEERS_JSON " + json.dumps(result))
