/**
 * The encoders of the exported Python script (see pytorchTemplate.ts), a port of lib/features/encode.ts:
 * standardised numbers with a missing flag, id vocabularies (minimum count, or FNV-1a hashing past the
 * maximum), hour and weekday of timestamps, id lists (bags: up to maxLength tokens, averaged) and hashed
 * crosses of two columns. Offsets in the shared embedding table follow the feature order, as in the app.
 */
export const PYTORCH_ENCODERS_PART = String.raw`def fit_vocabulary(counts, min_count, max_vocabulary):
    """lib/features/vocabulary.ts fitVocabulary: (value -> slot, size); slot 0 missing, 1 unseen, 2... most
    frequent first; None when there are too many values, which are then hashed into size buckets."""
    kept = counts[counts >= min_count]
    if len(kept) + 2 <= max_vocabulary:
        items = sorted(kept.items(), key=lambda kv: (-kv[1], kv[0]))
        return {k: i + 2 for i, (k, _) in enumerate(items)}, len(items) + 2
    return None, max_vocabulary


def slot_of(e, key, hashes):
    """lib/features/vocabulary.ts vocabularyLookup: the row of the shared table for a value (None: missing)."""
    if key is None:
        return e["offset"]
    if e["vocab"] is not None:
        return e["offset"] + e["vocab"].get(key, 1)
    if key not in hashes:
        hashes[key] = fnv1a(key)
    return e["offset"] + 1 + hashes[key] % (e["size"] - 1)


def tokens_of(key, separator):
    """An id list's tokens: split, trimmed, empty ones dropped."""
    if key is None:
        return []
    return [t.strip() for t in key.split(separator) if t.strip()]


def value_counts(values):
    return pd.Series(values, dtype=object).value_counts()


class Encoders:
    """lib/features/encode.ts: fitted on the training rows, applied to any rows."""

    def __init__(self, df, features, train_rows, cfg, crosses):
        max_vocabulary = cfg["maxVocabulary"]
        self.numeric, self.sparse, self.bags, self.hashes = [], [], [], {}
        offset = 0
        for f in features:
            col = df[f["column"]]
            if f["encoding"] == "numeric":
                v = as_numbers(col)
                tv = self._transform(v, f["log"])[train_rows]
                present = tv[~np.isnan(tv)]
                std = present.std(ddof=1) if len(present) > 1 else 1.0
                self.numeric.append({"column": f["column"], "log": f["log"], "mean": present.mean() if len(present) else 0.0, "std": std if std > 0 else 1.0, "flag": bool(np.isnan(tv).any())})
            elif f["encoding"] == "embedding":
                keys = keys_of(col)
                vocab, size = fit_vocabulary(value_counts([keys[r] for r in train_rows if keys[r] is not None]), f["minCount"], max_vocabulary)
                self.sparse.append({"column": f["column"], "part": "value", "vocab": vocab, "offset": offset, "size": size})
                offset += size
            elif f["encoding"] == "time":
                for part, size in (("hour", 25), ("weekday", 8)):
                    self.sparse.append({"column": f["column"], "part": part, "vocab": None, "offset": offset, "size": size})
                    offset += size
            else:  # an id list
                keys = keys_of(col)
                vocab, size = fit_vocabulary(value_counts([t for r in train_rows for t in tokens_of(keys[r], f["separator"])]), f["minCount"], max_vocabulary)
                self.bags.append({"column": f["column"], "separator": f["separator"], "maxLength": f["maxLength"], "vocab": vocab, "offset": offset, "size": size})
                offset += size
        self.vocabulary_size = max(offset, 1)
        buckets = cfg["crossBuckets"]
        self.crosses = [{"columns": pair, "offset": i * buckets, "size": buckets} for i, pair in enumerate(crosses)]
        self.cross_vocabulary_size = len(crosses) * buckets
        self.bag_lengths = [b["maxLength"] for b in self.bags]

    @staticmethod
    def _transform(v, log):
        return np.sign(v) * np.log1p(np.abs(v)) if log else v

    def encode(self, df, history=None):
        """(dense, ids, bag_ids, bag_weights, cross_ids, history_ids, history_weights) as tensors, one row
        per table row; history: (the item column's encoder, history_index of the rows) for a sequence model."""
        n = len(df)
        dense = []
        for e in self.numeric:
            v = (self._transform(as_numbers(df[e["column"]]), e["log"]) - e["mean"]) / e["std"]
            dense.append(np.clip(np.nan_to_num(v, nan=0.0), -CLIP, CLIP))
            if e["flag"]:
                dense.append(np.isnan(v).astype(np.float64))
        ids = []
        for e in self.sparse:
            if e["part"] == "value":
                slot = [slot_of(e, k, self.hashes) for k in keys_of(df[e["column"]])]
            else:
                slot = np.asarray(time_slots(df[e["column"]], e["part"]), dtype=np.int64) + e["offset"]
            ids.append(np.asarray(slot, dtype=np.int64))
        bag_ids = np.zeros((n, sum(self.bag_lengths)), dtype=np.int64)
        bag_weights = np.zeros((n, sum(self.bag_lengths)), dtype=np.float32)
        start = 0
        for b in self.bags:
            L = b["maxLength"]
            bag_ids[:, start : start + L] = b["offset"]  # padding: weight 0
            for i, key in enumerate(keys_of(df[b["column"]])):
                tokens = tokens_of(key, b["separator"])[:L]
                # An empty list still counts its "missing" slot, as in the app.
                slots = [slot_of(b, t, self.hashes) for t in tokens] if tokens else [b["offset"]]
                bag_ids[i, start : start + len(slots)] = slots
                bag_weights[i, start : start + len(slots)] = 1.0 / len(slots)
            start += L
        cross_ids = np.zeros((n, len(self.crosses)), dtype=np.int64)
        for k, c in enumerate(self.crosses):
            a, b = (keys_of(df[name]) for name in c["columns"])
            for i in range(n):
                # A missing side is a value of its own, as in the app.
                key = ("\u2205" if a[i] is None else a[i]) + "\x01" + ("\u2205" if b[i] is None else b[i])
                if key not in self.hashes:
                    self.hashes[key] = fnv1a(key)
                cross_ids[i, k] = c["offset"] + self.hashes[key] % c["size"]
        x_dense = np.stack(dense, axis=1).astype(np.float32) if dense else np.zeros((n, 0), dtype=np.float32)
        x_ids = np.stack(ids, axis=1) if ids else np.zeros((n, 0), dtype=np.int64)
        history_ids, history_weights = encode_history(df, history[0], history[1], self.hashes) if history else (torch.zeros(n, 0, dtype=torch.int64), torch.zeros(n, 0))
        return tuple(torch.from_numpy(a) for a in (x_dense, x_ids, bag_ids, bag_weights, cross_ids)) + (history_ids, history_weights)


def time_slots(col, part):
    if is_numeric_column(col):
        v = as_numbers(col)
        date_only = (v >= 19700101) & (v <= 21001231) & (np.mod(v, 1) == 0)
        ms = np.where(v > 1e11, v, v * 1000.0)
        stamps = pd.to_datetime(np.where(date_only, np.nan, ms), unit="ms", utc=True)
        dates = pd.to_datetime(pd.Series(np.where(date_only, v, np.nan)).astype("Int64").astype(str), format="%Y%m%d", errors="coerce", utc=True)
        stamps = pd.Series(stamps).where(~pd.Series(date_only), dates)
    else:
        stamps = pd.Series(pd.to_datetime(col, errors="coerce", utc=True))
        date_only = ~col.str.contains(r"\d{2}:\d{2}", regex=True).to_numpy()
    out = []
    for stamp, dated in zip(stamps, date_only):
        if pd.isna(stamp):
            out.append(0)
        elif part == "hour":
            out.append(0 if dated else 1 + stamp.hour)
        else:
            out.append(1 + (stamp.dayofweek + 1) % 7)
    return out


`;
