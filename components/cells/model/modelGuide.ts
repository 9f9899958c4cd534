import type { ModelKind } from '@/lib/train/config';

/** What each model kind is, in the words the Model cell shows; each names its paper. */
export const MODEL_GUIDE: Record<ModelKind, { label: string; summary: string }> = {
  'logistic-regression': {
    label: 'Logistic regression',
    summary:
      'One weight per feature value and head (McMahan et al. 2013). Fast, calibrated, a strong baseline. It cannot combine features by itself: add hashed crosses (e.g. user × category) to let it memorise pairs.',
  },
  gbdt: {
    label: 'Gradient-boosted trees (GBDT)',
    summary:
      'Histogram gradient boosting on the log loss (Friedman 2001; XGBoost, Chen & Guestrin 2016; LightGBM, Ke et al. 2017), one booster per action, early-stopped on validation loss. Trees split numbers and categories well but cannot read id lists: those features are left out.',
  },
  mlp: {
    label: 'MLP over embeddings',
    summary: 'Ids and id lists become learned embeddings, concatenated with the numbers and passed through ReLU layers: one multi-task network with a head per action (shared bottom, Caruana 1997) or one network per action.',
  },
  'wide-deep': {
    label: 'Wide & Deep',
    summary: 'A wide linear part over sparse features and hashed crosses (memorisation) plus the deep MLP (generalisation), summed and trained jointly (Cheng et al. 2016).',
  },
  mmoe: {
    label: 'Multi-task MMoE',
    summary:
      'Several expert MLPs; each action mixes them with its own softmax gate (Ma et al. 2018), so actions that disagree can use different experts. The Evaluate cell charts each action\u2019s gate weights. With one expert it is the shared-bottom MLP.',
  },
  'two-tower': {
    label: 'Two-tower',
    summary:
      'A query tower over user and context features and an item tower over the item\u2019s own features; the score is their dot product, so item embeddings can be searched by nearest neighbour (Covington et al. 2016; Yi et al. 2019). Train it pointwise (ranking) or with in-batch softmax and logQ correction (retrieval), which reports recall@k over the item set.',
  },
  sequence: {
    label: 'Sequence model (history)',
    summary:
      'Each impression also sees the user\u2019s previous items, strictly earlier in time, pooled by mean or by attention against the candidate item (DIN, Zhou et al. 2018), and added to the MLP\u2019s input.',
  },
  lightgcn: {
    label: 'Graph model (LightGCN)',
    summary:
      'User and item embeddings smoothed over the user\u2013item graph of training positives (He et al. 2020): each layer averages neighbours with symmetric degree normalisation. Scored by dot product (pure collaborative filtering) or fed into the MLP with all other features. The graph never contains a validation interaction.',
  },
};

/** The modeling guide's point: features and algorithm must fit each other. */
export const KIND_ORDER: ModelKind[] = ['logistic-regression', 'gbdt', 'mlp', 'wide-deep', 'mmoe', 'two-tower', 'sequence', 'lightgcn'];
