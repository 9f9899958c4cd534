/**
 * The middle part of the exported Python script (see pytorchTemplate.ts): derived actions, the split
 * (random, time, user), the per-user cap, per-head negative sampling and the learning-rate schedule,
 * each a port of the app's function named in its docstring, so the script trains on the very same rows.
 */
export const PYTORCH_SAMPLING_PART = String.raw`def compare(values, op, threshold):
    return {">=": values >= threshold, ">": values > threshold, "<=": values <= threshold, "<": values < threshold, "==": values == threshold, "!=": values != threshold}[op]


def apply_derived(df, derived):
    """lib/formulate/derived.ts applyDerived: each derived action appended, in order, as a 0/1 column that
    is empty where an input is missing (a zero denominator has no ratio)."""
    for d in derived:
        if d["name"] in df.columns:
            raise SystemExit(f'a column named "{d["name"]}" already exists')
        missing = np.zeros(len(df), dtype=bool)
        if d["kind"] == "combine":
            inputs = [labels_of(df[c])[0] > 0 for c in d["inputs"]]
            values = np.logical_and.reduce(inputs) if d["op"] == "and" else np.logical_or.reduce(inputs)
        elif d["kind"] == "ratio":
            num, den = as_numbers(df[d["numerator"]]), as_numbers(df[d["denominator"]])
            missing = np.isnan(num) | np.isnan(den) | (den == 0)
            values = compare(np.nan_to_num(num) / np.where(missing, 1.0, den), d["op"], float(d["value"]))
        elif is_numeric_column(df[d["column"]]):
            v = as_numbers(df[d["column"]])
            missing = np.isnan(v)
            values = compare(np.nan_to_num(v), d["op"], float(d["value"]))
        else:
            t = df[d["column"]].str.strip()
            missing = t.str.lower().isin(MISSING_TOKENS).to_numpy()
            same = (t == str(d["value"])).to_numpy()
            values = same if d["op"] == "==" else ~same
        df[d["name"]] = np.where(missing, "", np.asarray(values).astype(int).astype(str))
    return df


def time_values(col):
    """lib/sampling/split.ts timeValues: a number column's values, or a date text's epoch milliseconds (NaN when missing)."""
    if is_numeric_column(col):
        return as_numbers(col)
    stamps = pd.Series(pd.to_datetime(col, errors="coerce", utc=True))
    return (stamps - pd.Timestamp("1970-01-01", tz="UTC")).dt.total_seconds().to_numpy(dtype=np.float64) * 1000.0


def split_rows(df, sampling):
    n = len(df)
    f = sampling["validationFraction"]
    split = sampling["split"]
    if split["kind"] == "random":
        return uniform(sampling["seed"], np.arange(n), 1) < f
    if split["kind"] == "user":
        return uniform(sampling["seed"], key_to_int(group_keys(df[split["column"]])), 1) < f
    times = time_values(df[split["column"]])
    known = np.sort(times[~np.isnan(times)])
    cutoff = known[min(len(known) - 1, int(math.floor(len(known) * (1 - f))))]
    return np.nan_to_num(times, nan=-np.inf) >= cutoff


def sample_rows(df, spec):
    """lib/sampling/sample.ts: row share, duplicates, split, per-task negative sampling and positive weights.
    Returns the training rows, validation rows, labels, per-head weights, known labels and the training
    split's size before sampling."""
    s = spec["sampling"]
    n = len(df)
    eligible = np.ones(n, dtype=bool) if s["rowFraction"] >= 1 else uniform(s["seed"], np.arange(n), 0) < s["rowFraction"]
    if s["dropDuplicates"]:
        dup = np.zeros(n, dtype=bool)
        dup[np.flatnonzero(eligible)] = df[eligible].duplicated(keep="first").to_numpy()
        eligible &= ~dup
    held_out = split_rows(df, s)
    if s["capPerUser"] is not None and spec.get("userColumn"):
        eligible &= ~cap_per_user(df[spec["userColumn"]], s["capPerUser"], s["seed"], eligible & ~held_out)
    validation = held_out & eligible
    train_side = eligible & ~validation
    tasks = spec["targets"]
    weights = np.zeros((n, len(tasks)), dtype=np.float32)
    labels = np.zeros((n, len(tasks)), dtype=np.float32)
    known = np.zeros((n, len(tasks)), dtype=bool)
    for t, task in enumerate(tasks):
        y, missing = labels_of(df[task])
        labels[:, t] = y
        known[:, t] = ~missing
        keep = s["keepRates"].get(task, 1.0)
        up = s["upsample"].get(task, 1.0)
        draw = uniform(s["seed"], np.arange(n), 100 + t) < keep
        w = np.where(missing, 0.0 if s["dropMissingLabels"] else draw.astype(np.float32), np.where(y > 0, up, draw.astype(np.float32)))
        weights[:, t] = np.where(train_side, w, 0.0)
    train = np.flatnonzero(train_side & (weights > 0).any(axis=1))
    # The training split's size before sampling: an epoch feeds that many rows, cycling through the sampled ones.
    return train, np.flatnonzero(validation), labels, weights, known, int(train_side.sum())


`;
