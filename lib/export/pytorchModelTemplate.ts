/**
 * The model part of the exported Python script (see pytorchTemplate.ts): the model families (LR, MLP,
 * Wide & Deep, MMoE) over numbers, ids, id lists and crosses, the funnel link (ESMM) and the ranking
 * losses with their lists. main (pytorchMainTemplate.ts) follows.
 */
export const PYTORCH_MODEL_PART = String.raw`def relu_stack(width, units):
    """ReLU layers of the given widths, as the app's dense stack (He-normal weights, zero biases); returns
    the stack and its output width."""
    layers = []
    for u in units:
        layer = nn.Linear(width, u)
        nn.init.normal_(layer.weight, 0.0, math.sqrt(2 / max(1, width)))
        nn.init.zeros_(layer.bias)
        layers += [layer, nn.ReLU()]
        width = u
    return nn.Sequential(*layers), width


def linear_head(width, bias):
    """lib/models/layers.ts linearHead: N(0, 1/fan-in) weights and the given starting biases."""
    head = nn.Linear(width, len(bias))
    nn.init.normal_(head.weight, 0.0, math.sqrt(1 / max(1, width)))
    with torch.no_grad():
        head.bias.copy_(torch.tensor(bias, dtype=torch.float32))
    return head


def normal_embedding(vocab, E):
    embedding = nn.Embedding(vocab, E)
    nn.init.normal_(embedding.weight, 0.0, 0.05)
    return embedding


def embed_inputs(table, bag_lengths, dense, ids, bag_ids, bag_weights):
    """lib/models/layers.ts embedInputs: numbers, each id's embedding, each bag's mean embedding (rows of
    table, which may be computed from the embedding weights: LightGCN's propagated table)."""
    parts = [dense, table[ids].flatten(1)]
    if bag_lengths:
        pooled = table[bag_ids] * bag_weights.unsqueeze(-1)  # [B, positions, E]
        parts += [bag.sum(dim=1) for bag in torch.split(pooled, bag_lengths, dim=1)]
    return torch.cat(parts, dim=1)


class Model(nn.Module):
    """The model families the export reproduces: logistic regression, the MLP (shared bottom or
    separate), Wide & Deep (the linear part plus a shared-bottom MLP, summed) and MMoE (experts mixed
    by a softmax gate per task). Inputs as Encoders.encode returns them."""

    def __init__(self, kind, enc, dense_dim, id_dim, tasks, cfg, bias):
        super().__init__()
        self.kind, self.T, self.bag_lengths = kind, len(tasks), enc.bag_lengths
        E = cfg["embeddingDim"]
        width = dense_dim + (id_dim + len(enc.bag_lengths)) * E
        if kind in ("logistic-regression", "wide-deep"):
            # lib/models/logistic.ts buildLinearPart: a weight per dense feature, id, bag id and cross bucket, per task.
            self.dense = nn.Parameter(torch.zeros(dense_dim, self.T))
            self.table = nn.Parameter(torch.zeros(enc.vocabulary_size, self.T))
            self.cross = nn.Parameter(torch.zeros(enc.cross_vocabulary_size, self.T))
        if kind == "logistic-regression":
            self.bias = nn.Parameter(torch.tensor(bias, dtype=torch.float32))
            return
        if kind == "mmoe":
            self.embedding = normal_embedding(enc.vocabulary_size, E)
            self.experts = nn.ModuleList(relu_stack(width, cfg["hiddenLayers"])[0] for _ in range(cfg["experts"]))
            hidden = relu_stack(width, cfg["hiddenLayers"])[1]
            self.gates = nn.Parameter(torch.zeros(self.T, width, cfg["experts"]))  # zero: uniform mixing at the start
            self.head = linear_head(hidden, bias)
            return
        towers = 1 if kind == "wide-deep" or cfg["sharing"] == "shared-bottom" else self.T
        self.towers = nn.ModuleList()
        for k in range(towers):
            mlp, out = relu_stack(width, cfg["hiddenLayers"])
            head = linear_head(out, bias if towers == 1 else [bias[k]])
            self.towers.append(nn.ModuleDict({"embedding": normal_embedding(enc.vocabulary_size, E), "mlp": mlp, "head": head}))

    def linear(self, dense, ids, bag_ids, bag_weights, cross_ids):
        """Each bag adds the mean weight of its ids (positions carry 1/length, padding 0)."""
        bags = (self.table[bag_ids] * bag_weights.unsqueeze(-1)).sum(dim=1)
        return dense @ self.dense + self.table[ids].sum(dim=1) + bags + self.cross[cross_ids].sum(dim=1)

    def forward(self, dense, ids, bag_ids, bag_weights, cross_ids, history_ids, history_weights):
        if self.kind == "logistic-regression":
            return self.bias + self.linear(dense, ids, bag_ids, bag_weights, cross_ids)
        if self.kind == "mmoe":
            x = embed_inputs(self.embedding.weight, self.bag_lengths, dense, ids, bag_ids, bag_weights)
            outs = torch.stack([expert(x) for expert in self.experts], dim=1)  # [B, experts, H]
            gate = torch.softmax(torch.einsum("bw,twe->bte", x, self.gates), dim=-1)  # [B, T, experts]
            mixture = torch.einsum("bte,beh->bth", gate, outs)  # [B, T, H]: each task's own mix
            return (mixture * self.head.weight.unsqueeze(0)).sum(-1) + self.head.bias
        outs = []
        for tower in self.towers:
            x = embed_inputs(tower["embedding"].weight, self.bag_lengths, dense, ids, bag_ids, bag_weights)
            outs.append(tower["head"](tower["mlp"](x)))
        deep = torch.cat(outs, dim=1)
        if self.kind == "wide-deep":
            return deep + self.linear(dense, ids, bag_ids, bag_weights, cross_ids)
        return deep

    def penalised(self):
        """What the app's L2 covers: a linear model's weights (not its bias); every parameter of the others."""
        if self.kind == "logistic-regression":
            return [self.dense, self.table, self.cross]
        return list(self.parameters())


def linked_cross_entropy(logits, y, chain):
    """lib/train/link.ts: per-element BCE; down a funnel the probability of a step is the product of the
    conditionals along its chain (ESMM), log p = log σ(l) @ chain."""
    if chain is None:
        return nn.functional.binary_cross_entropy_with_logits(logits, y, reduction="none")
    log_p = nn.functional.logsigmoid(logits) @ chain
    log_not_p = torch.log(torch.clamp(1 - torch.exp(log_p), min=1e-7))
    return -(y * log_p + (1 - y) * log_not_p)


def linked_probability(logits, chain):
    return torch.sigmoid(logits) if chain is None else torch.exp(nn.functional.logsigmoid(logits) @ chain)


LIST_SIZE = 8


def ranking_groups(df, spec):
    """lib/train/lists.ts rankingGroups: the user, or the user and a time window, per table row."""
    f = spec["formulation"]
    users = group_keys(df[spec["userColumn"]])
    if not f["window"]:
        return users
    times = time_values(df[f["window"]["column"]])
    seconds = np.where(times > 1e11, times / 1000, times)
    window = np.where(np.isnan(seconds), -1, np.mod(np.floor(seconds / f["window"]["seconds"]), 1e6))
    return users * 1e6 + window


def build_lists(groups, labels, need_negative, generator):
    """lib/train/lists.ts buildLists: lists of LIST_SIZE positions within a group, each with a positive (and,
    for pairwise losses, a negative); short lists repeat their rows and mark the repeats invalid."""
    positions, valid = [], []
    for rows in pd.Series(np.arange(len(groups))).groupby(groups, sort=False).indices.values():
        rows = rows[torch.randperm(len(rows), generator=generator).numpy()]
        for start in range(0, len(rows), LIST_SIZE):
            chunk = rows[start : start + LIST_SIZE]
            positives = int(labels[chunk].sum())
            if positives == 0 or (need_negative and positives == len(chunk)):
                continue
            positions += [chunk[k % len(chunk)] for k in range(LIST_SIZE)]
            valid += [1.0 if k < len(chunk) else 0.0 for k in range(LIST_SIZE)]
    return np.asarray(positions, dtype=np.int64).reshape(-1, LIST_SIZE), torch.tensor(valid).reshape(-1, LIST_SIZE)


def ranking_loss(scores, y, valid, kind):
    """lib/train/rankingLoss.ts: BPR, RankNet or listwise softmax over lists [G, L]."""
    if kind == "listwise":
        log_softmax = torch.log_softmax(scores + (1 - valid) * -1e9, dim=1)
        return (-(y * valid * log_softmax).sum(1) / (y * valid).sum(1).clamp(min=1)).mean()
    diff = scores.unsqueeze(2) - scores.unsqueeze(1)
    pair_valid = valid.unsqueeze(2) * valid.unsqueeze(1)
    yi, yj = y.unsqueeze(2), y.unsqueeze(1)
    better = yi * (1 - yj) * pair_valid
    log_sigmoid = nn.functional.logsigmoid(diff)
    if kind == "bpr":
        return -(better * log_sigmoid).sum() / better.sum().clamp(min=1)
    tie = (1 - (yi - yj).abs()) * pair_valid * (1 - torch.eye(scores.shape[1]))
    tie_loss = 0.5 * (nn.functional.softplus(-diff) + nn.functional.softplus(diff))
    return ((better * -log_sigmoid).sum() + 0.5 * (tie * tie_loss).sum()) / (better.sum() + 0.5 * tie.sum()).clamp(min=1)


def fit_platt(scores, y, iterations=50):
    """lib/metrics/platt.ts fitPlatt: q = σ(a·s + b) by Newton's method."""
    a, b = 1.0, 0.0
    for _ in range(iterations):
        q = 1 / (1 + np.exp(-(a * scores + b)))
        r, w = q - y, q * (1 - q)
        ga, gb = (r * scores).sum(), r.sum()
        haa, hab, hbb = (w * scores * scores).sum() + 1e-9, (w * scores).sum(), w.sum() + 1e-9
        det = haa * hbb - hab * hab
        if not np.isfinite(det) or abs(det) < 1e-12:
            break
        da, db = (hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det
        a, b = a - da, b - db
        if abs(da) + abs(db) < 1e-10:
            break
    return a, b


def cross_fit_platt(p, y):
    """lib/metrics/platt.ts crossFitPlatt: a ranking score's probability from a Platt map fitted on the
    other half of the rows (odd rows score even ones and the other way round)."""
    s = np.log(np.maximum(p, 1e-12) / np.maximum(1 - p, 1e-12))
    out = np.zeros(len(s))
    for parity in (0, 1):
        fit = np.arange(1 - parity, len(s), 2)
        a, b = fit_platt(s[fit], y[fit])
        out[parity::2] = 1 / (1 + np.exp(-(a * s[parity::2] + b)))
    return out


`;
