/**
 * Scale-out export: a standalone PyTorch script (and its requirements) that reproduces a run on the same
 * CSV — every model family, formulation and sampling setting the app trains. The Python lives in
 * pytorchTemplate.ts and its parts; this fills in the settings.
 */
import type { ProblemSpec } from '../formulate/spec';
import type { TrainConfig } from '../train/config';
import { linkFor } from '../train/chain';
import { formatFormula } from '../value/value';
import { PYTORCH_REQUIREMENTS, PYTORCH_TEMPLATE } from './pytorchTemplate';

export interface PytorchExportInput {
  spec: ProblemSpec;
  config: TrainConfig;
  /** The value formula's weight per action (actions without one weigh 0). */
  weights: Record<string, number>;
  /** The file the run was trained on, named in the script's title. */
  source: string;
}

export interface PytorchExport {
  script: string;
  requirements: string;
}

export function pytorchExport(input: PytorchExportInput): PytorchExport {
  const { spec, config, weights, source } = input;
  const tasks = spec.targets;
  const calibrationRates = tasks.map((t) => (spec.sampling.keepRates[t] ?? 1) / (spec.sampling.upsample[t] ?? 1));
  const valueWeights = Object.fromEntries(tasks.map((t) => [t, weights[t] ?? 0]));
  const config_ = {
    source,
    spec,
    config,
    calibrationRates,
    chain: linkFor(spec).chainMatrix,
    valueWeights,
    valueFormula: formatFormula(tasks, tasks.map((t) => valueWeights[t])),
  };
  // The JSON sits in a Python raw triple-quoted string. JSON escapes every quote inside its strings, so
  // three quotes in a row cannot occur; the check keeps it that way.
  const json = JSON.stringify(config_, null, 1);
  if (json.includes('"""')) throw new Error('the settings cannot be written into the script (three quotes in a row)');
  // The title goes into the script's docstring: no quotes, backslashes or line breaks.
  const title = `${config.modelKind} on ${source}, actions ${tasks.join(', ')}`.replace(/[\r\n\\]/g, ' ').replace(/"/g, "'");
  // Function replacers: a "$&" in a column name must not be read as a replacement pattern.
  return { script: PYTORCH_TEMPLATE.replace('__TITLE__', () => title).replace('__CONFIG__', () => json), requirements: PYTORCH_REQUIREMENTS };
}
