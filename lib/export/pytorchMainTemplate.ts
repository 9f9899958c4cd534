/**
 * The last part of the exported Python script (see pytorchTemplate.ts): AUC, recalibration, and main —
 * training with Adam on the weighted per-head (linked) loss plus L2 and the ranking loss of a ranked head
 * (DDP under torchrun), then validation metrics, the value formula and the scored validation rows.
 */
export const PYTORCH_MAIN_PART = String.raw`def auc(scores, y):
    """Mann-Whitney AUC with ties counted half, as the app computes it."""
    order = np.argsort(scores, kind="mergesort")
    ranks = pd.Series(scores[order]).rank(method="average").to_numpy()
    pos = y[order] > 0
    n_pos, n_neg = pos.sum(), (~pos).sum()
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def gauc(scores, y, groups):
    """lib/metrics/ranking.ts gauc: per-group AUC weighted by the group's rows, groups of one class skipped."""
    weighted, weight = 0.0, 0
    for rows in pd.Series(np.arange(len(groups))).groupby(groups, sort=False).indices.values():
        a = auc(scores[rows], y[rows])
        if not math.isnan(a):
            weighted, weight = weighted + a * len(rows), weight + len(rows)
    return weighted / weight if weight else float("nan")


def recalibrate(p, rate):
    """q = p / (p + (1 - p) / rate), rate = w/k: undoes the negative sampling of a head."""
    return p / (p + (1.0 - p) / rate)


def slot_of_column(enc, column):
    """The id slot of a column's own value (not its hour or weekday)."""
    return next(s for s, e in enumerate(enc.sparse) if e["column"] == column and e["part"] == "value")


def build_model(df, spec, cfg, enc, inputs, train, labels, weights, bias):
    """The run's model family, with what some need beyond the encoded rows (item tower, graph)."""
    kind, tasks = cfg["modelKind"], spec["targets"]
    dense_dim, id_dim = inputs[0].shape[1], inputs[1].shape[1]
    if kind == "two-tower":
        item_columns = item_side_columns(df, [f["column"] for f in spec["features"]], spec["itemColumn"], train)
        print(f"item tower: {', '.join(item_columns)}", flush=True)
        return TwoTower(enc, tower_selection(enc, item_columns), tasks, cfg, bias)
    if kind == "lightgcn":
        slots = (slot_of_column(enc, spec["userColumn"]), slot_of_column(enc, spec["itemColumn"]))
        t = tasks.index(cfg["graphAction"] or tasks[0])
        positive = train[(weights[train, t] > 0) & (labels[train, t] == 1)]
        ids = inputs[1].numpy()
        return LightGcn(enc, build_graph(ids[positive, slots[0]], ids[positive, slots[1]]), slots, dense_dim, id_dim, tasks, cfg, bias)
    if kind == "sequence":
        return SequenceModel(enc, dense_dim, id_dim, slot_of_column(enc, spec["itemColumn"]), tasks, cfg, bias)
    return Model(kind, enc, dense_dim, id_dim, tasks, cfg, bias)


def fit_neural(df, spec, cfg, enc, inputs, train, validation, labels, weights, ranked, retrieval, rank, world, distributed, natural):
    """Adam on the weighted per-head (linked) loss plus L2, the ranking loss of a ranked head or the in-batch
    softmax of retrieval heads, each process on its shard; returns the validation probabilities on rank 0."""
    tasks = spec["targets"]
    y = torch.from_numpy(labels)
    w = torch.from_numpy(weights)
    chain = torch.tensor(CONFIG["chain"], dtype=torch.float32) if CONFIG["chain"] else None
    if ranked is not None:
        # lib/train/prepare.ts rankingData: the ranked head learns from lists of its sampled rows, not pointwise.
        rank_rows = train[weights[train, ranked] > 0]
        rank_groups = ranking_groups(df, spec)[rank_rows]
        w[:, ranked] = 0
    seen = w[train] > 0
    rate = ((y[train] * seen).sum(0) / seen.sum(0).clamp(min=1)).clamp(1e-4, 1 - 1e-4)
    if ranked is not None:
        rate[ranked] = 0.5  # the app's ranked head starts at bias 0: no pointwise rows to take a base rate from
    model = build_model(df, spec, cfg, enc, inputs, train, labels, weights, torch.log(rate / (1 - rate)).tolist())
    if retrieval:
        log_q = torch.zeros(len(df), len(tasks))
        log_q[torch.from_numpy(train)] = torch.from_numpy(item_log_q(df, spec["itemColumn"], train, labels, weights))
    # Retrieval trains the towers only: the heads' biases get no gradient, which DDP must be told.
    net = nn.parallel.DistributedDataParallel(model, find_unused_parameters=retrieval) if distributed else model
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["learningRate"])
    loss_weight = torch.tensor([cfg["taskLossWeights"].get(t, 1.0) for t in tasks])
    shard = train[rank::world]
    generator = torch.Generator().manual_seed(cfg["seed"])
    # lib/train/trainer.ts: an epoch feeds as many rows as the training split had before sampling, cycling
    # through the sampled rows, so a heavily downsampled head is not given a fraction of the updates.
    epoch_rows = max(len(shard), natural // world)
    total_steps = math.ceil(epoch_rows / cfg["batchSize"]) * cfg["epochs"]
    step = 0
    for epoch in range(cfg["epochs"]):
        passes = [shard[torch.randperm(len(shard), generator=generator).numpy()] for _ in range(math.ceil(epoch_rows / len(shard)))]
        order = np.concatenate(passes)[:epoch_rows]
        if ranked is not None:
            lists, lists_valid = build_lists(rank_groups, labels[rank_rows, ranked], spec["formulation"]["loss"] != "listwise", generator)
            per_step = max(1, min(len(lists), cfg["batchSize"] // LIST_SIZE))
        for start in range(0, len(order), cfg["batchSize"]):
            step += 1
            for group in optimizer.param_groups:
                group["lr"] = learning_rate_at(step, total_steps, cfg["learningRate"], cfg["warmupSteps"], cfg["decay"])
            rows = torch.from_numpy(order[start : start + cfg["batchSize"]])
            mask = w[rows]
            flat = None
            if ranked is not None and len(lists):
                at = (step * per_step) % len(lists)
                chosen = lists[at : at + per_step]
                flat = torch.from_numpy(rank_rows[chosen.reshape(-1)])
            if retrieval:
                query, item = net(*(x[rows] for x in inputs), towers=True)
                per_head = in_batch_softmax_loss(query, item, y[rows] * (mask > 0), log_q[rows])
            else:
                # The batch and the ranking lists in one forward pass: DDP syncs gradients once per forward.
                both = rows if flat is None else torch.cat([rows, flat])
                out = net(*(x[both] for x in inputs))
                ce = linked_cross_entropy(out[: len(rows)], y[rows], chain)
                per_head = (ce * mask).sum(0) / mask.sum(0).clamp(min=1e-6)
            loss = (per_head * loss_weight).sum() + cfg["l2"] * sum((p * p).sum() for p in model.penalised())
            if flat is not None:
                scores = out[len(rows) :, ranked].reshape(chosen.shape)
                loss = loss + loss_weight[ranked] * ranking_loss(scores, y[flat, ranked].reshape(chosen.shape), lists_valid[at : at + per_step], spec["formulation"]["loss"])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        if rank == 0:
            print(f"epoch {epoch + 1}/{cfg['epochs']}: train loss {loss.item():.4f}", flush=True)

    if rank != 0:
        return None
    model.eval()
    with torch.no_grad():
        p_raw = linked_probability(model(*(x[validation] for x in inputs)), chain).numpy().astype(np.float64)
    return p_raw


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
    train, validation, labels, weights, known, natural = sample_rows(df, spec)
    crosses = cfg["crosses"] if cfg["modelKind"] in ("logistic-regression", "wide-deep") else []
    enc = Encoders(df, spec["features"], train, cfg, crosses)
    history = None
    if cfg["modelKind"] == "sequence":
        history = (enc.sparse[slot_of_column(enc, spec["itemColumn"])], history_index(df, spec["userColumn"], spec["timeColumn"], cfg["historyLength"], cfg["historyAction"]))
    inputs = enc.encode(df, history)
    ranked = tasks.index(spec["formulation"]["action"]) if spec["formulation"]["kind"] == "ranking" else None
    retrieval = cfg["modelKind"] == "two-tower" and cfg["towerMode"] == "retrieval"
    if cfg["modelKind"] == "gbdt":
        if rank != 0:
            return  # trees grow in one process
        p_raw = fit_gbdt(enc, inputs, train, validation, labels, weights, known, cfg, CONFIG["calibrationRates"])
    else:
        p_raw = fit_neural(df, spec, cfg, enc, inputs, train, validation, labels, weights.copy(), ranked, retrieval, rank, world, distributed, natural)
        if p_raw is None:
            return
    rates = CONFIG["calibrationRates"]
    users = group_keys(df[spec["userColumn"]])[validation] if spec.get("userColumn") else None
    metrics = {"trainRows": int(len(train)), "validationRows": int(len(validation)), "tasks": {}}
    calibrated = {}
    for t, task in enumerate(tasks):
        # A ranked or retrieval head's σ(score) is no probability: a cross-fitted Platt map, as in the app.
        q = cross_fit_platt(p_raw[:, t], labels[validation, t]) if t == ranked or retrieval else recalibrate(p_raw[:, t], rates[t])
        calibrated[task] = q
        ok = known[validation, t]
        metrics["tasks"][task] = {"auc": auc(q[ok], labels[validation, t][ok]), "calibrationRatio": float(q[ok].sum() / max(labels[validation, t][ok].sum(), 1e-9))}
        if users is not None:
            # Within each user on the model's own scores: what a ranking loss learns.
            metrics["tasks"][task]["gauc"] = gauc(p_raw[ok, t], labels[validation, t][ok], users[ok])
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
