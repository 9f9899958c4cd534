/** Short definitions of the terms the cells use, shown as tooltips (components/ui/Term.tsx). */
export const GLOSSARY = {
  AUC: 'Area under the ROC curve: the chance that a random positive is scored above a random negative. 0.5 is chance; it ignores calibration.',
  GAUC: 'Group AUC: AUC computed within each user\'s impressions, averaged with impression weights. It measures ordering inside a user\'s slate, which is what ranking changes.',
  NE: 'Normalized entropy: log loss divided by the log loss of always predicting the base rate. Below 1 the model beats the base rate; lower is better.',
  ECE: 'Expected calibration error: the average gap between predicted probability and observed rate across bins of predictions. 0 is perfectly calibrated.',
  'calibration ratio': 'Σ predicted ÷ Σ observed positives on validation. 1 means the probabilities add up to what happened; above 1 they are inflated (e.g. by negative downsampling left uncorrected).',
  'keep rate': 'The share of negative training rows kept for a head (positives are always kept). Predictions are recalibrated with it: q = p / (p + (1 − p)/w).',
} as const;

export type Term = keyof typeof GLOSSARY;
