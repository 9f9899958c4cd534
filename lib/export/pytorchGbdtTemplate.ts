/**
 * The GBDT part of the exported Python script (see pytorchTemplate.ts), a numpy port of lib/models/gbdt.ts
 * and lib/models/trees/: histogram bins on the encoded training values, trees grown leaf-wise on the log
 * loss's gradients and hessians, one booster per action kept at its best validation round. No torch: trees
 * are grown, not trained by gradient steps, and the script grows them in one process.
 */
export const PYTORCH_GBDT_PART = String.raw`CATEGORY_L2 = 10.0  # lib/models/trees/tree.ts: extra L2 on categorical splits
MAX_CATEGORY_SPLIT = 32  # lib/models/trees/tree.ts: at most this many categories on one side of a split
MAX_CATEGORY_BINS = 65536  # lib/models/trees/binning.ts


def numeric_edges(values, max_bins):
    """lib/models/trees/binning.ts numericBins: midpoints between distinct values when there are few, else
    edges just below quantile values; a value's bin is the count of edges below it."""
    s = np.sort(values.astype(np.float64))
    distinct = np.unique(s)
    if len(distinct) <= max_bins:
        return (distinct[:-1] + distinct[1:]) / 2
    edges = []
    for b in range(1, max_bins):
        v = s[(b * len(s)) // max_bins]
        k = np.searchsorted(distinct, v, side="left")
        if k > 0 and (not edges or (distinct[k - 1] + v) / 2 > edges[-1]):
            edges.append((distinct[k - 1] + v) / 2)
    return np.asarray(edges)


def tree_bins(enc, dense, ids, train, max_bins):
    """lib/models/gbdt.ts treeFeatures + binRows: every dense column (and missing flag), every id slot as a
    category (its vocabulary slot, up to 65,535 of them). Returns (kinds, sizes, bins [F, rows])."""
    kinds, sizes, columns = [], [], []
    j = 0
    for e in enc.numeric:
        for k, bins in [(0, max_bins)] + ([(1, 2)] if e["flag"] else []):
            edges = numeric_edges(dense[train, j + k], bins)
            kinds.append("numeric")
            sizes.append(len(edges) + 1)
            columns.append(np.searchsorted(edges, dense[:, j + k].astype(np.float64), side="left"))
        j += 2 if e["flag"] else 1
    for s, e in enumerate(enc.sparse):
        kinds.append("categorical")
        sizes.append(min(e["size"], MAX_CATEGORY_BINS))
        columns.append(np.clip(ids[:, s] - e["offset"], 0, MAX_CATEGORY_BINS - 1))
    return kinds, sizes, np.stack(columns).astype(np.int64)


def best_split(kinds, sizes, hist, G, H, rows, features, p):
    """lib/models/trees/tree.ts bestSplit: numeric thresholds by a scan of the bins; categories with about
    minCategoryRows of the node's rows ordered by their gradient ratio, the best split at most
    MAX_CATEGORY_SPLIT of them from either end of that order (Fisher 1958; LightGBM's max_cat_threshold)."""
    lam, mcw = p["lambda"], p["minChildWeight"]
    parent = G * G / (H + lam)
    best = None
    for f in features:
        g, h = hist[f]
        if kinds[f] == "numeric":
            GL, HL = np.cumsum(g)[:-1], np.cumsum(h)[:-1]
            candidates = [(GL, HL, 0.0, None)]
        else:
            floor = p.get("minCategoryRows", 5) * H / max(1, rows) * (1 - 1e-9)
            used = np.flatnonzero((h > 0) & (h >= floor))
            if len(used) < 2:
                continue
            order = used[np.argsort(g[used] / (h[used] + CATEGORY_L2), kind="stable")]
            limit = min(MAX_CATEGORY_SPLIT, len(used) - 1)
            candidates = [(np.cumsum(g[side])[:limit], np.cumsum(h[side])[:limit], CATEGORY_L2, side) for side in (order, order[::-1])]
        for GL, HL, extra, side in candidates:
            GR, HR = G - GL, H - HL
            gain = GL * GL / (HL + lam + extra) + GR * GR / (HR + lam + extra) - parent
            gain[(HL < mcw) | (HR < mcw)] = -np.inf
            # In order, a candidate beating the best only by more than rounding (lib/models/trees/tree.ts better).
            for k in np.flatnonzero(np.isfinite(gain)):
                if best is None or gain[k] > best["gain"] + 1e-9 * max(1.0, abs(best["gain"])):
                    best = {"gain": float(gain[k]), "feature": f, "threshold": int(k) if side is None else -1, "left_set": None if side is None else side[: k + 1]}
    return best


def grow_tree(kinds, sizes, bins, g, h, rows, features, p):
    """lib/models/trees/tree.ts growTree: best-first (the leaf with the largest gain splits next) up to
    maxLeaves and maxDepth; the smaller child's histogram is built, the larger one's is the parent's minus it."""
    nodes = []

    def histogram(at):
        return {f: (np.bincount(bins[f, at], weights=g[at], minlength=sizes[f]), np.bincount(bins[f, at], weights=h[at], minlength=sizes[f])) for f in features}

    def make_leaf(at, depth, hist):
        nodes.append({"feature": -1, "threshold": 0, "left_set": None, "left": -1, "right": -1, "value": float("nan")})
        leaf = {"node": len(nodes) - 1, "rows": at, "G": g[at].sum(), "H": h[at].sum(), "depth": depth, "hist": hist, "split": None}
        if depth < p["maxDepth"]:
            leaf["split"] = best_split(kinds, sizes, hist, leaf["G"], leaf["H"], len(at), features, p)
        return leaf

    open_leaves = [make_leaf(rows, 0, histogram(rows))]
    while len(open_leaves) < p["maxLeaves"]:
        candidates = [i for i, leaf in enumerate(open_leaves) if leaf["split"] and leaf["split"]["gain"] > 1e-12]
        if not candidates:
            break
        leaf = open_leaves.pop(max(candidates, key=lambda i: (open_leaves[i]["split"]["gain"], -i)))
        split = leaf["split"]
        b = bins[split["feature"], leaf["rows"]]
        left = np.isin(b, split["left_set"]) if split["left_set"] is not None else b <= split["threshold"]
        left_rows, right_rows = leaf["rows"][left], leaf["rows"][~left]
        small = histogram(left_rows if len(left_rows) <= len(right_rows) else right_rows)
        large = {f: (leaf["hist"][f][0] - small[f][0], leaf["hist"][f][1] - small[f][1]) for f in features}
        left_hist, right_hist = (small, large) if len(left_rows) <= len(right_rows) else (large, small)
        node = nodes[leaf["node"]]
        node.update(feature=split["feature"], threshold=split["threshold"], left_set=split["left_set"])
        children = [make_leaf(left_rows, leaf["depth"] + 1, left_hist), make_leaf(right_rows, leaf["depth"] + 1, right_hist)]
        node["left"], node["right"] = children[0]["node"], children[1]["node"]
        open_leaves += children
    for leaf in open_leaves:
        nodes[leaf["node"]]["value"] = -leaf["G"] / (leaf["H"] + p["lambda"]) * p["learningRate"]
    return nodes


def tree_scores(nodes, bins, rows):
    """The score one tree adds to each of the rows."""
    out = np.zeros(len(rows))
    stack = [(0, np.arange(len(rows)))]
    while stack:
        i, at = stack.pop()
        n = nodes[i]
        if n["left"] < 0:
            out[at] = n["value"]
            continue
        b = bins[n["feature"], rows[at]]
        go = np.isin(b, n["left_set"]) if n["left_set"] is not None else b <= n["threshold"]
        stack += [(n["left"], at[go]), (n["right"], at[~go])]
    return out


def fit_gbdt(enc, inputs, train, validation, labels, weights, known, cfg, rates):
    """lib/models/gbdt.ts trainGbdt: one booster per action from its sampled base rate, each kept at the
    round with the best recalibrated validation log loss; returns the validation probabilities [rows, T]."""
    p = cfg["gbdt"]
    kinds, sizes, bins = tree_bins(enc, inputs[0].numpy(), inputs[1].numpy(), train, p["maxBins"])
    rng = np.random.default_rng(cfg["seed"])
    out = np.zeros((len(validation), labels.shape[1]))
    for t in range(labels.shape[1]):
        w, y = weights[train, t].astype(np.float64), labels[train, t].astype(np.float64)
        r = min(1 - 1e-4, max(1e-4, (w * y).sum() / max(w.sum(), 1e-12)))
        base = math.log(r / (1 - r))
        scores, val = np.full(len(train), base), np.full(len(validation), base)
        best = (math.inf, 0, val.copy())
        ok, y_val = known[validation, t], labels[validation, t]
        judgeable = 0 < y_val[ok].sum() < ok.sum()
        for round_ in range(1, p["trees"] + 1):
            prob = 1 / (1 + np.exp(-scores))
            g, h = w * (prob - y), w * np.maximum(prob * (1 - prob), 1e-16)
            rows = np.flatnonzero((w > 0) & ((rng.random(len(w)) < p["rowSubsample"]) if p["rowSubsample"] < 1 else True))
            features = [f for f in range(len(kinds)) if p["columnSubsample"] >= 1 or rng.random() < p["columnSubsample"]] or [int(rng.integers(len(kinds)))]
            nodes = grow_tree(kinds, sizes, bins[:, train], g, h, rows, features, p)
            scores += tree_scores(nodes, bins, train)
            val += tree_scores(nodes, bins, validation)
            q = np.clip(recalibrate(1 / (1 + np.exp(-val[ok])), rates[t]), 1e-15, 1 - 1e-15)
            loss = -np.mean(np.where(y_val[ok] > 0, np.log(q), np.log(1 - q)))
            if loss < best[0] - 1e-7:
                best = (loss, round_, val.copy())
            # lib/models/gbdt.ts: never stopped early on validation rows of one class (they cannot tell a better round)
            elif p["earlyStoppingRounds"] > 0 and judgeable and round_ - best[1] >= p["earlyStoppingRounds"]:
                break
        # Early stopping on: the best round's trees; off: every tree grown.
        keep_best = p["earlyStoppingRounds"] > 0 and best[1] > 0
        print(f"{t + 1}/{labels.shape[1]}: kept {best[1] if keep_best else round_} of {round_} trees", flush=True)
        out[:, t] = 1 / (1 + np.exp(-(best[2] if keep_best else val)))
    return out


`;
