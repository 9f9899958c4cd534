/**
 * The two-tower part of the exported Python script (see pytorchTemplate.ts), a port of
 * lib/models/twoTower.ts, lib/features/towers.ts and lib/train/retrieval.ts: which columns describe the
 * item, the query and item towers over one shared embedding table, and the in-batch softmax with logQ
 * correction that retrieval mode trains with.
 */
export const PYTORCH_TOWERS_PART = String.raw`def item_side_columns(df, columns, item_column, train_rows):
    """lib/features/towers.ts itemSideColumns: the item column and every column whose value never changes
    within one item over the training rows; they feed the item tower, the rest the query tower."""
    items = pd.Series(keys_of(df[item_column]), dtype=object).iloc[train_rows].fillna("\u2205")
    side = []
    for c in columns:
        values = pd.Series(keys_of(df[c]), dtype=object).iloc[train_rows].fillna("\u2205")
        if c == item_column or (values.groupby(items.to_numpy()).nunique() <= 1).all():
            side.append(c)
    return side


def tower_selection(enc, item_columns):
    """lib/features/towers.ts towerSplitOf: (dense positions, id slots, bag indices) of the item columns,
    and of the others."""
    dense, j = [], 0
    for e in enc.numeric:
        width = 2 if e["flag"] else 1
        if e["column"] in item_columns:
            dense += list(range(j, j + width))
        j += width
    ids = [s for s, e in enumerate(enc.sparse) if e["column"] in item_columns]
    bags = [k for k, b in enumerate(enc.bags) if b["column"] in item_columns]
    item = (dense, ids, bags)
    query = ([i for i in range(j) if i not in dense], [s for s in range(len(enc.sparse)) if s not in ids], [k for k in range(len(enc.bags)) if k not in bags])
    return query, item


class TwoTower(nn.Module):
    """lib/models/twoTower.ts: a query tower and an item tower, each an MLP ending in a d-dimensional
    embedding per task over one shared embedding table; a head's logit is their dot product plus its bias."""

    def __init__(self, enc, selections, tasks, cfg, bias):
        super().__init__()
        self.T, self.d, self.bag_lengths, self.selections = len(tasks), cfg["embeddingDim"], enc.bag_lengths, selections
        self.embedding = normal_embedding(enc.vocabulary_size, self.d)
        self.stacks, self.outs = nn.ModuleList(), nn.ParameterList()
        for dense, ids, bags in selections:
            width = len(dense) + (len(ids) + len(bags)) * self.d
            stack, out = relu_stack(max(1, width), cfg["hiddenLayers"])
            self.stacks.append(stack)
            self.outs.append(nn.Parameter(torch.randn(out, self.T * self.d) * math.sqrt(1 / out)))
        self.bias = nn.Parameter(torch.tensor(bias, dtype=torch.float32))

    def tower(self, k, dense, ids, bag_ids, bag_weights):
        sel_dense, sel_ids, sel_bags = self.selections[k]
        parts = [dense[:, sel_dense], self.embedding(ids[:, sel_ids]).flatten(1)]
        if sel_bags:
            pooled = self.embedding(bag_ids) * bag_weights.unsqueeze(-1)
            bags = [bag.sum(dim=1) for bag in torch.split(pooled, self.bag_lengths, dim=1)]
            parts += [bags[b] for b in sel_bags]
        x = torch.cat(parts, dim=1)
        if x.shape[1] == 0:
            x = torch.ones(dense.shape[0], 1)
        return (self.stacks[k](x) @ self.outs[k]).reshape(-1, self.T, self.d)

    def forward(self, dense, ids, bag_ids, bag_weights, cross_ids, history_ids, history_weights, towers=False):
        """Logits [B, T]; with towers=True the two embeddings [B, T, d] (through forward, so DDP syncs them)."""
        query, item = self.tower(0, dense, ids, bag_ids, bag_weights), self.tower(1, dense, ids, bag_ids, bag_weights)
        return (query, item) if towers else (query * item).sum(-1) + self.bias

    def penalised(self):
        return [p for p in self.parameters() if p is not self.bias]


def item_log_q(df, item_column, train_rows, labels, weights):
    """lib/train/modelData.ts logQ: per training row and task, log of the row's item share among the task's
    training positives."""
    items = pd.Series(keys_of(df[item_column]), dtype=object).iloc[train_rows].fillna("\u2205").to_numpy()
    out = np.zeros((len(train_rows), labels.shape[1]), dtype=np.float32)
    for t in range(labels.shape[1]):
        positive = (weights[train_rows, t] > 0) & (labels[train_rows, t] == 1)
        counts = pd.Series(items[positive]).value_counts()
        share = pd.Series(items).map(counts).fillna(0).clip(lower=1).to_numpy(dtype=np.float64)
        out[:, t] = np.log(share / max(1, int(positive.sum())))
    return out


def in_batch_softmax_loss(query, item, positive, log_q):
    """lib/train/retrieval.ts inBatchSoftmaxLoss: each positive row's own item against every other positive
    item of the batch, logits s_ij - log q_j; the loss per task."""
    losses = []
    for t in range(query.shape[1]):
        logits = query[:, t] @ item[:, t].T - log_q[:, t].unsqueeze(0) + ((positive[:, t] - 1) * 1e9).unsqueeze(0)
        own = torch.diagonal(torch.log_softmax(logits, dim=1))
        losses.append(-(own * positive[:, t]).sum() / positive[:, t].sum().clamp(min=1))
    return torch.stack(losses)


`;
