import * as tf from '@tensorflow/tfjs';
import { FUSED_ADAM, type FusedAdamAttrs } from './kernels/adam';

/**
 * Adam with the same arithmetic as tfjs' AdamOptimizer, whose update is about fifteen kernels and a
 * few scalars per variable per step; dispatch of those dominated small models on cpu and wasm. Where
 * the backend has our fused kernel (lib/train/kernels/adam.ts) each variable takes one; elsewhere
 * (WebGPU, WebGL) this is tfjs' own Adam.
 */
export class FusedAdam extends tf.AdamOptimizer {
  /** First and second moments by variable name (as tfjs' Adam keeps them, made on a variable's first update). */
  private moments = new Map<string, { m: tf.Variable; v: tf.Variable }>();
  private fusedSteps = 0;
  private l2ByName = new Map<string, number>();

  /**
   * Fold a model's L2 term into the update (each penalised variable's gradient gets 2·l2·x inside the
   * Adam kernel) when the fused kernel runs: the same optimisation as adding l2·Σx² to the loss, without
   * the dozen kernels per step its forward and gradient take. Returns whether the caller should leave
   * the term out of its loss.
   */
  foldL2(variables: tf.Variable[], l2: number): boolean {
    if (!tf.getKernel(FUSED_ADAM, tf.getBackend())) return false;
    variables.forEach((v) => this.l2ByName.set(v.name, l2));
    return true;
  }

  constructor(learningRate: number, beta1 = 0.9, beta2 = 0.999) {
    super(learningRate, beta1, beta2);
  }

  override applyGradients(variableGradients: Parameters<tf.AdamOptimizer['applyGradients']>[0]): void {
    if (!tf.getKernel(FUSED_ADAM, tf.getBackend())) return super.applyGradients(variableGradients);
    const named: { name: string; tensor: tf.Tensor | null }[] = Array.isArray(variableGradients) ? variableGradients : Object.entries(variableGradients).map(([name, tensor]) => ({ name, tensor }));
    const base = this.nextStep();
    tf.tidy(() => {
      named.forEach(({ name, tensor: g }) => {
        const x = tf.engine().registeredVariables[name];
        const { m, v } = this.momentsOf(x);
        if (g == null) return;
        const attrs: FusedAdamAttrs = { ...base, l2: this.l2ByName.get(name) ?? 0 };
        const [nx, nm, nv] = tf.engine().runKernel(FUSED_ADAM, { x, g, m, v }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
        x.assign(nx);
        m.assign(nm);
        v.assign(nv);
      });
    });
  }

  /** Count a step and return its Adam constants (a step that updates the weights itself, lib/train/linearStep.ts, calls this too). */
  nextStep(): Omit<FusedAdamAttrs, 'l2'> {
    const self = this as unknown as { learningRate: number; beta1: number; beta2: number; epsilon: number };
    this.fusedSteps++;
    this.incrementIterations();
    return {
      learningRate: self.learningRate,
      beta1: self.beta1,
      beta2: self.beta2,
      epsilon: self.epsilon,
      correction1: 1 - self.beta1 ** this.fusedSteps,
      correction2: 1 - self.beta2 ** this.fusedSteps,
    };
  }

  /** A variable's moments, zero until its first update. */
  momentsOf(x: tf.Variable): { m: tf.Variable; v: tf.Variable } {
    let moments = this.moments.get(x.name);
    if (!moments) {
      moments = tf.tidy(() => ({ m: tf.variable(tf.zerosLike(x), false), v: tf.variable(tf.zerosLike(x), false) }));
      this.moments.set(x.name, moments);
    }
    return moments;
  }

  override dispose(): void {
    this.moments.forEach(({ m, v }) => tf.dispose([m, v]));
    this.moments.clear();
    super.dispose();
  }
}
