import type { CellId } from './cells';

/**
 * Teaching text shown in the cells, written for this product. Each lesson has a "try it" that sets the
 * controls to show its point (lib/store/lessonActions.ts); the text says what to look at afterwards.
 */
export type LessonId = 'labels-from-actions' | 'heavy-light' | 'learning-to-rank' | 'downsample-recalibrate' | 'which-algorithm' | 'value-modeling' | 'never-act' | 'calibration-repair' | 'head-warnings';

export interface Lesson {
  id: LessonId;
  cell: CellId;
  title: string;
  paragraphs: string[];
  tryIt: string;
}

export const LESSONS: Lesson[] = [
  {
    id: 'labels-from-actions',
    cell: 'targets',
    title: 'Why labels come from actions',
    paragraphs: [
      'A recommender never observes "relevance". It observes what people did with what it showed them: a click, a long view, a like, a follow, a report. Each of those actions is a label, and a model predicts the probability of that action given the impression.',
      'Choosing which actions to predict is choosing what the product optimises. One head per action keeps them separate, so the value model can weigh them later without retraining.',
    ],
    tryIt: 'Predict every action',
  },
  {
    id: 'heavy-light',
    cell: 'targets',
    title: 'Heavy and light signals',
    paragraphs: [
      'Light actions (click, long view) are frequent but weak: people click on things they regret. Heavy actions (follow, comment, buy) say much more about what a person values, but they are rare, so a model of them sees few positives and its estimates are noisy.',
      'Production systems predict both and blend them: the light heads give the ranking volume, the heavy heads correct it. Try it to train on the rarest action alone and watch its validation AUC wobble from round to round.',
    ],
    tryIt: 'Predict only the rarest action',
  },
  {
    id: 'learning-to-rank',
    cell: 'targets',
    title: 'Learning to rank',
    paragraphs: [
      'A pointwise head learns calibrated probabilities one impression at a time. A ranking loss learns only the order within a group, here the impressions one user saw: a pairwise loss (BPR, RankNet) pushes each positive above each negative, a listwise softmax treats the group as one choice.',
      'Ranking losses often order better within a slate, but their scores are not probabilities, so they cannot be summed into a value model without calibration. Try it to train one action listwise and compare GAUC in the Evaluate cell.',
    ],
    tryIt: 'Rank the first action listwise',
  },
  {
    id: 'downsample-recalibrate',
    cell: 'sampling',
    title: 'Why downsample, and why recalibrate',
    paragraphs: [
      'Most impressions are negatives. Keeping only a share w of them trains several times faster and barely changes the ranking, but the model then sees positives 1/w times too often, and its probabilities are inflated by about that factor.',
      'Recalibration undoes it exactly: q = p / (p + (1 − p) / w). A value model sums probabilities across actions, so an uncorrected head would outweigh the others. Try it: keep 5 % of negatives with recalibration off, train, and read the calibration ratio in the Evaluate cell (far above 1); untick "Skip recalibration" here and it returns to about 1, without retraining.',
    ],
    tryIt: 'Keep rate 0.05, recalibration off',
  },
  {
    id: 'which-algorithm',
    cell: 'model',
    title: 'Which algorithm suits which features',
    paragraphs: [
      'Logistic regression is the honest baseline: one weight per feature value, fast, and well calibrated. Gradient-boosted trees excel on dense numeric features (counts, ratios, durations) and need no scaling. Embedding models (MLP, Wide & Deep, MMoE) learn from high-cardinality ids such as users and items, and MMoE shares them across tasks. Two-tower models split user and item so items can be retrieved by nearest neighbour; sequence models read a user\'s recent history.',
      'Try it to switch to gradient-boosted trees, train, and compare their AUC with the logistic baseline in the runs table.',
    ],
    tryIt: 'Use gradient-boosted trees',
  },
  {
    id: 'calibration-repair',
    cell: 'evaluate',
    title: 'Sampling correction is not calibration repair',
    paragraphs: [
      'Recalibration after downsampling is a formula: it undoes the bias the kept share of negatives put in, exactly, and needs no data. It cannot fix a head that is miscalibrated for other reasons: overfit to its rows, restored past its best step, or poorly served by layers it shares with other heads.',
      'Post-hoc calibration learns a correction from held-out rows instead: Platt scaling fits a straight line on the log-odds, isotonic regression any increasing curve. Here it is cross-fitted on validation (each half corrected by a map fitted on the other), so the figures after it are not measured on the rows that made it. Try it to switch isotonic repair on and read the before-and-after table: a head that was already calibrated barely moves, one that was not comes back near 1.',
    ],
    tryIt: 'Repair calibration with isotonic regression',
  },
  {
    id: 'head-warnings',
    cell: 'evaluate',
    title: 'Reading a head\'s warnings',
    paragraphs: [
      'A multi-task model shares layers across heads, and the large heads dominate what those layers learn. A rare head trained on a small kept share of negatives can end worse than predicting its base rate (normalized entropy above 1) while its AUC still looks fine: AUC reads the order, not the probabilities a value model adds up.',
      'Each head therefore keeps its own best step, and the Evaluate cell warns under a head whose calibration ratio is outside what a calibrated head gives on those rows, whose entropy is 1 or more, whose AUC is barely above chance, whose validation loss rose for most of the run, or whose kept rows are fewer than ten per weight it fits alone. Try it to train a multi-gate mixture of experts with the rarest action balanced 1:1, then read that head\'s panel.',
    ],
    tryIt: 'MMoE, rarest action balanced 1:1',
  },
  {
    id: 'value-modeling',
    cell: 'value',
    title: 'Value modeling',
    paragraphs: [
      'The ranking score is a weighted sum of calibrated action probabilities: score = Σ w · p(action). The weights are a product decision, what a follow is worth relative to a click, and negative weights demote what people report or hide.',
      'Because each head is calibrated, the weights mean what they say and can change without retraining. Try it to apply the guide\'s example, p(click) + 2·p(cart) + 10·p(buy) − 50·p(report), mapped onto this dataset\'s actions, and watch the top-K rates change.',
    ],
    tryIt: 'Apply the guide\'s example weights',
  },
  {
    id: 'never-act',
    cell: 'value',
    title: 'Users who never act',
    paragraphs: [
      'Many users never take a heavy action: they never follow, never comment. Their probabilities for it are all small, so a weight on that action reorders their slates very little, while it dominates the slates of the few who do act.',
      'Normalising by the user\'s own rate (p × overall rate / the user\'s rate) lets the action matter for everyone, at the cost of promoting it for people who may never want it. Try it to normalise the rarest action and read how many users never took it and how many slates changed.',
    ],
    tryIt: 'Normalise the rarest action per user',
  },
];

export function lessonsFor(cell: CellId): Lesson[] {
  return LESSONS.filter((l) => l.cell === cell);
}
