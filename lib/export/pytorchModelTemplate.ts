/**
 * The second half of the exported Python script (see pytorchTemplate.ts): the model families (LR, MLP,
 * Wide & Deep, MMoE), AUC,
 * recalibration, and main — training with Adam on the weighted per-head loss plus L2 (DDP under torchrun),
 * then validation metrics, the value formula and the scored validation rows.
 */
export const PYTORCH_MODEL_PART = String.raw`def relu_stack(width, units):
    """ReLU layers of the given widths, as the app's dense stack; returns the stack and its output width."""
    layers = []
    for u in units:
        layers += [nn.Linear(width, u), nn.ReLU()]
        width = u
    return nn.Sequential(*layers), width


class Model(nn.Module):
    """The model families the export reproduces: logistic regression, the MLP (shared bottom or
    separate), Wide & Deep (the linear part plus a shared-bottom MLP, summed) and MMoE (experts mixed
    by a softmax gate per task)."""

    def __init__(self, kind, dense_dim, id_dim, vocab, tasks, cfg, bias):
        super().__init__()
        self.kind, self.T = kind, len(tasks)
        E = cfg["embeddingDim"]
        width = dense_dim + id_dim * E
        if kind in ("logistic-regression", "wide-deep"):
            self.dense = nn.Parameter(torch.zeros(dense_dim, self.T))
            self.table = nn.Parameter(torch.zeros(vocab, self.T))
        if kind == "logistic-regression":
            self.bias = nn.Parameter(torch.tensor(bias, dtype=torch.float32))
            return
        if kind == "mmoe":
            self.embedding = nn.Embedding(vocab, E)
            nn.init.normal_(self.embedding.weight, 0.0, 0.05)
            self.experts = nn.ModuleList(relu_stack(width, cfg["hiddenLayers"])[0] for _ in range(cfg["experts"]))
            hidden = relu_stack(width, cfg["hiddenLayers"])[1]
            self.gates = nn.Parameter(torch.zeros(self.T, width, cfg["experts"]))  # zero: uniform mixing at the start
            self.head = nn.Linear(hidden, self.T)
            with torch.no_grad():
                self.head.bias.copy_(torch.tensor(bias, dtype=torch.float32))
            return
        towers = 1 if kind == "wide-deep" or cfg["sharing"] == "shared-bottom" else self.T
        self.towers = nn.ModuleList()
        for k in range(towers):
            mlp, out = relu_stack(width, cfg["hiddenLayers"])
            head = nn.Linear(out, self.T if towers == 1 else 1)
            with torch.no_grad():
                head.bias.copy_(torch.tensor(bias if towers == 1 else [bias[k]], dtype=torch.float32))
            tower = nn.ModuleDict({"embedding": nn.Embedding(vocab, E), "mlp": mlp, "head": head})
            nn.init.normal_(tower["embedding"].weight, 0.0, 0.05)
            self.towers.append(tower)

    def forward(self, dense, ids):
        if self.kind == "logistic-regression":
            return self.bias + dense @ self.dense + self.table[ids].sum(dim=1)
        if self.kind == "mmoe":
            x = torch.cat([dense, self.embedding(ids).flatten(1)], dim=1)
            outs = torch.stack([expert(x) for expert in self.experts], dim=1)  # [B, experts, H]
            gate = torch.softmax(torch.einsum("bw,twe->bte", x, self.gates), dim=-1)  # [B, T, experts]
            mixture = torch.einsum("bte,beh->bth", gate, outs)  # [B, T, H]: each task's own mix
            return (mixture * self.head.weight.unsqueeze(0)).sum(-1) + self.head.bias
        outs = []
        for tower in self.towers:
            x = torch.cat([dense, tower["embedding"](ids).flatten(1)], dim=1)
            outs.append(tower["head"](tower["mlp"](x)))
        deep = torch.cat(outs, dim=1)
        if self.kind == "wide-deep":
            return deep + dense @ self.dense + self.table[ids].sum(dim=1)
        return deep

    def penalised(self):
        """What the app's L2 covers: a linear model's weights (not its bias); every parameter of the others."""
        if self.kind == "logistic-regression":
            return [self.dense, self.table]
        return list(self.parameters())


def auc(scores, y):
    """Mann-Whitney AUC with ties counted half, as the app computes it."""
    order = np.argsort(scores, kind="mergesort")
    ranks = pd.Series(scores[order]).rank(method="average").to_numpy()
    pos = y[order] > 0
    n_pos, n_neg = pos.sum(), (~pos).sum()
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def recalibrate(p, rate):
    """q = p / (p + (1 - p) / rate), rate = w/k: undoes the negative sampling of a head."""
    return p / (p + (1.0 - p) / rate)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", help="the CSV the run was trained on (or a larger one with the same columns)")
    parser.add_argument("--out", default=None, help="write validation rows with calibrated p per action and the value score")
    parser.add_argument("--metrics", default=None, help="write the validation metrics as JSON")
    args = parser.parse_args()

    distributed = int(os.environ.get("WORLD_SIZE", "1")) > 1
    if distributed:
        torch.distributed.init_process_group("gloo")
    rank = torch.distributed.get_rank() if distributed else 0
    world = torch.distributed.get_world_size() if distributed else 1
    spec, cfg = CONFIG["spec"], CONFIG["config"]
    torch.manual_seed(cfg["seed"])

    df = apply_derived(read_table(args.data), spec["derived"])
    tasks = spec["targets"]
    train, validation, labels, weights, known = sample_rows(df, spec)
    enc = Encoders(df, spec["features"], train, cfg["maxVocabulary"])
    dense, ids = enc.encode(df)
    y = torch.from_numpy(labels)
    w = torch.from_numpy(weights)
    seen = w[train] > 0
    rate = ((y[train] * seen).sum(0) / seen.sum(0).clamp(min=1)).clamp(1e-4, 1 - 1e-4)
    model = Model(cfg["modelKind"], dense.shape[1], ids.shape[1], enc.vocabulary_size, tasks, cfg, torch.log(rate / (1 - rate)).tolist())
    net = nn.parallel.DistributedDataParallel(model) if distributed else model
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["learningRate"])
    loss_weight = torch.tensor([cfg["taskLossWeights"].get(t, 1.0) for t in tasks])
    shard = train[rank::world]
    generator = torch.Generator().manual_seed(cfg["seed"])
    total_steps = math.ceil(len(shard) / cfg["batchSize"]) * cfg["epochs"]
    step = 0
    for epoch in range(cfg["epochs"]):
        order = shard[torch.randperm(len(shard), generator=generator).numpy()]
        for start in range(0, len(order), cfg["batchSize"]):
            step += 1
            for group in optimizer.param_groups:
                group["lr"] = learning_rate_at(step, total_steps, cfg["learningRate"], cfg["warmupSteps"], cfg["decay"])
            rows = torch.from_numpy(order[start : start + cfg["batchSize"]])
            logits = net(dense[rows], ids[rows])
            mask = w[rows]
            ce = nn.functional.binary_cross_entropy_with_logits(logits, y[rows], reduction="none")
            per_head = (ce * mask).sum(0) / mask.sum(0).clamp(min=1e-6)
            loss = (per_head * loss_weight).sum() + cfg["l2"] * sum((p * p).sum() for p in model.penalised())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        if rank == 0:
            print(f"epoch {epoch + 1}/{cfg['epochs']}: train loss {loss.item():.4f}", flush=True)

    if rank != 0:
        return
    model.eval()
    with torch.no_grad():
        p_raw = torch.sigmoid(model(dense[validation], ids[validation])).numpy().astype(np.float64)
    rates = CONFIG["calibrationRates"]
    metrics = {"trainRows": int(len(train)), "validationRows": int(len(validation)), "tasks": {}}
    calibrated = {}
    for t, task in enumerate(tasks):
        q = recalibrate(p_raw[:, t], rates[t])
        calibrated[task] = q
        ok = known[validation, t]
        metrics["tasks"][task] = {"auc": auc(q[ok], labels[validation, t][ok]), "calibrationRatio": float(q[ok].sum() / max(labels[validation, t][ok].sum(), 1e-9))}
        print(f"{task}: validation AUC {metrics['tasks'][task]['auc']:.4f}, calibration ratio {metrics['tasks'][task]['calibrationRatio']:.3f}")
    value = sum(CONFIG["valueWeights"].get(task, 0.0) * calibrated[task] for task in tasks)
    print(f"value formula: {CONFIG['valueFormula']}")
    if args.metrics:
        with open(args.metrics, "w") as f:
            json.dump(metrics, f, indent=2)
    if args.out:
        out = df.iloc[validation].copy()
        for task in tasks:
            out[f"p_{task}"] = calibrated[task]
        out["value_score"] = value
        for column in out.columns[out.dtypes == object]:
            # Cells that a spreadsheet would run as a formula stay text.
            out[column] = out[column].map(lambda s: "'" + s if isinstance(s, str) and s[:1] in ("=", "+", "-", "@", "\t", "\r") else s)
        out.to_csv(args.out, index=False)
        print(f"wrote {len(out)} validation rows to {args.out}")


if __name__ == "__main__":
    main()
`;
