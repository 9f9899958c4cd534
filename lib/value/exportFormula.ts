/** The value formula as a file: JSON for a pipeline to read, text for a design doc. */
import { formatFormula } from './value';

export interface FormulaFile {
  format: 'value-lab-formula';
  version: 1;
  formula: string;
  weights: Record<string, number>;
  /** Every p(a) is recalibrated for the head's negative sampling with this w/k (1 = not sampled). */
  calibrationRates: Record<string, number>;
  /** Actions whose probability is divided by the user's smoothed training base rate (times the overall rate). */
  normalisedByUserBaseRate: string[];
  topK: number;
  slates: string;
  model: string;
}

export function formulaFile(input: Omit<FormulaFile, 'format' | 'version' | 'formula'>): FormulaFile {
  const actions = Object.keys(input.weights);
  return { format: 'value-lab-formula', version: 1, formula: `score = ${formatFormula(actions, actions.map((a) => input.weights[a]))}`, ...input };
}

export function formulaText(file: FormulaFile): string {
  const lines = [
    file.formula,
    '',
    'where p(a) is the model\'s probability of action a, recalibrated for negative sampling:',
    '  q = p / (p + (1 − p) / w)',
    ...Object.entries(file.calibrationRates).map(([a, w]) => `  ${a}: w = ${w}`),
  ];
  if (file.normalisedByUserBaseRate.length) lines.push('', `Normalised per user (p · overall rate / user's smoothed training rate): ${file.normalisedByUserBaseRate.join(', ')}`);
  lines.push('', `Evaluated on ${file.slates}, top ${file.topK}; model: ${file.model}.`);
  return lines.join('\n');
}
