/**
 * The sequence-model part of the exported Python script (see pytorchTemplate.ts), a port of
 * lib/features/history.ts and lib/models/sequence.ts: each row's previous items (the same user's strictly
 * earlier rows, optionally only acted-on ones), pooled by mean or by DIN-style attention against the
 * candidate item, next to the MLP's inputs.
 */
export const PYTORCH_SEQUENCE_PART = String.raw`def history_index(df, user_column, time_column, length, action):
    """lib/features/history.ts buildHistoryIndex: per table row, the table rows of the same user's previous
    impressions, newest first, -1 for padding. Rows at the same instant share a history (their outcomes were
    not known yet); rows without a time get none and are never history."""
    users = group_keys(df[user_column])
    times = time_values(df[time_column])
    times = np.where(np.isnan(times), np.inf, times)
    acted = labels_of(df[action])[0] if action else None
    n = len(df)
    previous = np.full((n, length), -1, dtype=np.int64)
    order = np.lexsort((np.arange(n), times, users))
    recent = []
    start = 0
    while start < n:
        row = order[start]
        end = start + 1
        while end < n and users[order[end]] == users[row] and times[order[end]] == times[row]:
            end += 1
        if start > 0 and users[order[start - 1]] != users[row]:
            recent = []
        if np.isfinite(times[row]):
            history = recent[::-1][:length]
            for r in order[start:end]:
                previous[r, : len(history)] = history
            recent += [r for r in order[start:end] if acted is None or acted[r] == 1]
            recent = recent[-length:]
        start = end
    return previous


def encode_history(df, item, previous, hashes):
    """Previous items as rows of the item column's embedding (padding: its missing slot, weight 0)."""
    slots = np.asarray([slot_of(item, k, hashes) for k in keys_of(df[item["column"]])], dtype=np.int64)
    ids = np.where(previous < 0, item["offset"], slots[np.maximum(previous, 0)])
    return torch.from_numpy(ids), torch.from_numpy((previous >= 0).astype(np.float32))


class SequenceModel(nn.Module):
    """lib/models/sequence.ts: the MLP with one more input, the user's history pooled into one embedding."""

    def __init__(self, enc, dense_dim, id_dim, item_slot, tasks, cfg, bias):
        super().__init__()
        d = cfg["embeddingDim"]
        self.d, self.item_slot, self.bag_lengths = d, item_slot, enc.bag_lengths
        self.table = nn.Parameter(torch.randn(enc.vocabulary_size, d) * 0.05)
        self.mlp, out = relu_stack(dense_dim + (id_dim + len(enc.bag_lengths)) * d + d, cfg["hiddenLayers"])
        self.head = linear_head(out, bias)
        self.attention = None
        if cfg["historyPooling"] == "attention":
            self.attention, hidden = relu_stack(4 * d, [max(4, 2 * d)])
            self.attention_out = nn.Parameter(torch.randn(hidden, 1) * math.sqrt(1 / hidden))

    def pooled(self, ids, history_ids, history_weights):
        history = self.table[history_ids]  # [B, L, d]
        w = history_weights
        if self.attention is None:
            return (history * w.unsqueeze(2)).sum(1) / w.sum(1, keepdim=True).clamp(min=1)
        c = self.table[ids[:, self.item_slot]].unsqueeze(1).expand_as(history)
        features = torch.cat([history, c, history - c, history * c], dim=2)
        scores = (self.attention(features.reshape(-1, 4 * self.d)) @ self.attention_out).reshape(w.shape)
        # Softmax over real items only; rows without history pool to zero.
        weights = torch.softmax(scores + (w - 1) * 1e9, dim=1) * w
        return (history * weights.unsqueeze(2)).sum(1)

    def forward(self, dense, ids, bag_ids, bag_weights, cross_ids, history_ids, history_weights):
        x = embed_inputs(self.table, self.bag_lengths, dense, ids, bag_ids, bag_weights)
        return self.head(self.mlp(torch.cat([x, self.pooled(ids, history_ids, history_weights)], dim=1)))

    def penalised(self):
        return list(self.parameters())


`;
