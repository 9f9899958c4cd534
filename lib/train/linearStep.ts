import * as tf from '@tensorflow/tfjs';
import type { MultiHeadModel } from '../models/types';
import { LINEAR_PARTS, LINEAR_STEP, LINEAR_STEP_INPUTS, type LinearStepAttrs } from './kernels/linearStep';
import type { FusedAdam } from './optimizer';
import type { DeviceData, StepConstants } from './step';

/**
 * The logistic regression's training step as one kernel on cpu and wasm: forward, the masked loss's
 * gradient, every weight's Adam update and the loss report in a single pass over the batch
 * (lib/train/linearStepMath.ts), where the generic step (lib/train/step.ts) dispatches ~25 kernels
 * whose per-kernel cost, not their arithmetic, was most of the step. Same model, loss and optimiser:
 * lib/train/linearStep.test.ts trains both ways and compares the weights.
 *
 * Returns the step function when the run qualifies — a model with `linear` parts, independent
 * pointwise heads (no funnel chain, no ranked head, no retrieval), the L2 term folded into Adam, and a
 * backend with the kernel — else null, and the generic step is used.
 */
export function linearStepFor(model: MultiHeadModel, optimizer: FusedAdam, all: DeviceData, c: StepConstants, ranked: boolean): ((index: tf.Tensor1D) => tf.Tensor) | null {
  const parts = model.linear;
  if (!parts || !tf.getKernel(LINEAR_STEP, tf.getBackend()) || c.chain || c.retrieval || ranked || all.logQ || !c.penaltyFolded) return null;
  const T = model.tasks.length;
  // Everything but the batch's rows and the moments (made on the first step) is the same every step.
  const fixed: tf.NamedTensorMap = {};
  for (const name of LINEAR_STEP_INPUTS.constants) fixed[name] = c[name];
  const rows: Record<(typeof LINEAR_STEP_INPUTS.rows)[number], tf.Tensor> = { ...all.x, labels: all.labels, masks: all.masks };
  for (const name of LINEAR_STEP_INPUTS.rows) fixed[`x_${name}`] = rows[name];
  const present = LINEAR_PARTS.flatMap((part) => {
    const w = parts[part];
    return w ? [{ part, w }] : [];
  });
  return (index) => {
    try {
      const inputs: tf.NamedTensorMap = { ...fixed, index };
      for (const { part, w } of present) {
        const { m, v } = optimizer.momentsOf(w);
        inputs[`w_${part}`] = w;
        inputs[`m_${part}`] = m;
        inputs[`v_${part}`] = v;
      }
      const attrs: LinearStepAttrs = { ...optimizer.nextStep(), l2: model.l2, tasks: T };
      const out = tf.engine().runKernel(LINEAR_STEP, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
      present.forEach(({ w }, i) => {
        const { m, v } = optimizer.momentsOf(w);
        w.assign(out[3 * i]);
        m.assign(out[3 * i + 1]);
        v.assign(out[3 * i + 2]);
      });
      tf.dispose(out.slice(0, -1));
      return out[out.length - 1];
    } finally {
      index.dispose();
    }
  };
}
