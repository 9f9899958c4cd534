/**
 * The LightGCN part of the exported Python script (see pytorchTemplate.ts), a port of
 * lib/features/graph.ts and lib/models/lightgcn.ts: the user–item graph of the training positives and
 * embeddings propagated over it, scored by a dot product or fed to an MLP.
 */
export const PYTORCH_GRAPH_PART = String.raw`def build_graph(users, items):
    """lib/features/graph.ts buildGraph: one undirected edge per distinct (user, item) pair of the positive
    training rows, both directions, weighted 1/sqrt(deg(user) deg(item)); nodes are rows of the shared table."""
    pairs = pd.DataFrame({"u": users, "i": items}).drop_duplicates()
    u, i = pairs["u"].to_numpy(), pairs["i"].to_numpy()
    degree = pd.Series(np.concatenate([u, i])).value_counts()
    w = 1 / np.sqrt(degree.loc[u].to_numpy(dtype=np.float64) * degree.loc[i].to_numpy(dtype=np.float64))
    src, dst = np.concatenate([u, i]), np.concatenate([i, u])
    return torch.from_numpy(src), torch.from_numpy(dst), torch.from_numpy(np.concatenate([w, w]).astype(np.float32))


class LightGcn(nn.Module):
    """lib/models/lightgcn.ts: E(k+1) = D^-1/2 A D^-1/2 E(k) along the edges, averaged over layers 0..K;
    dot: logit_t = sum_d u_d i_d a_td + b_t; mlp: the propagated table replaces an MLP's embedding table."""

    def __init__(self, enc, graph, slots, dense_dim, id_dim, tasks, cfg, bias):
        super().__init__()
        self.layers, self.mode, self.slots, self.bag_lengths = cfg["graphLayers"], cfg["graphScoring"], slots, enc.bag_lengths
        for name, tensor in zip(("src", "dst", "weight"), graph):
            self.register_buffer(name, tensor)
        d = cfg["embeddingDim"]
        self.table = nn.Parameter(torch.randn(enc.vocabulary_size, d) * 0.05)
        if self.mode == "mlp":
            self.mlp, out = relu_stack(dense_dim + (id_dim + len(enc.bag_lengths)) * d, cfg["hiddenLayers"])
            self.head = linear_head(out, bias)
        else:
            self.scale = nn.Parameter(torch.ones(len(tasks), d))
            self.bias = nn.Parameter(torch.tensor(bias, dtype=torch.float32))

    def propagate(self):
        layer = total = self.table
        for _ in range(self.layers):
            layer = torch.zeros_like(self.table).index_add(0, self.dst, layer[self.src] * self.weight.unsqueeze(1))
            total = total + layer
        return total / (self.layers + 1)

    def forward(self, dense, ids, bag_ids, bag_weights, cross_ids, history_ids, history_weights):
        final = self.propagate()
        if self.mode == "mlp":
            return self.head(self.mlp(embed_inputs(final, self.bag_lengths, dense, ids, bag_ids, bag_weights)))
        user, item = final[ids[:, self.slots[0]]], final[ids[:, self.slots[1]]]
        return (user * item) @ self.scale.T + self.bias

    def penalised(self):
        return list(self.parameters())


`;
