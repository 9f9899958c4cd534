import * as tf from '@tensorflow/tfjs';
import type { HeadPart, MultiHeadModel } from '../models/types';
import type { ValidationPredictions } from './predict';

/**
 * Model selection per head. Every head keeps its own best evaluation (its own validation loss), its
 * own early-stopping patience, and the weights of the step it was best at; the parameters all heads
 * share (embeddings, a shared bottom, MMoE's experts, the towers' hidden layers) come from the step
 * with the best validation loss summed over the heads that can be judged. One summed checkpoint for
 * everything let the large heads choose the step and restored a small head already overfit.
 * Checkpoints stay on the device (no readback) and are shared between heads that were best at the
 * same step.
 */
export class HeadSelection {
  private readonly checkpoints = new Map<number, tf.Tensor[]>();
  private readonly best: { loss: number; step: number }[];
  private shared: { loss: number; step: number } | null = null;
  private readonly sinceBest: number[];
  /** The evaluation round of each step seen, kept only while some head or the shared part points at it. */
  private readonly rounds = new Map<number, ValidationPredictions>();

  constructor(
    private readonly variables: tf.Variable[],
    private readonly judgeable: boolean[],
    private readonly patience: number,
  ) {
    this.best = judgeable.map(() => ({ loss: Infinity, step: -1 }));
    this.sinceBest = judgeable.map(() => 0);
  }

  /** Record an evaluation round at `step`; checkpoints the weights when any head (or the shared part) improved. */
  observe(round: ValidationPredictions, step: number): void {
    const improved: number[] = [];
    round.evaluations.forEach((e, t) => {
      if (e.valLoss < this.best[t].loss - 1e-6) {
        this.best[t] = { loss: e.valLoss, step };
        this.sinceBest[t] = 0;
        improved.push(t);
      } else this.sinceBest[t]++;
    });
    const judged = round.evaluations.filter((_, t) => this.judgeable[t]);
    const summed = (judged.length > 0 ? judged : round.evaluations).reduce((s, e) => s + e.valLoss, 0);
    const sharedImproved = !this.shared || summed < this.shared.loss - 1e-6;
    if (sharedImproved) this.shared = { loss: summed, step };
    if (improved.length === 0 && !sharedImproved) return;
    this.checkpoints.set(step, this.variables.map((v) => tf.keep(tf.clone(v))));
    this.rounds.set(step, round);
    this.release();
  }

  /** True when every head that can be judged has gone `patience` evaluations without improving (never with patience 0). */
  exhausted(): boolean {
    if (this.patience <= 0) return false;
    const judged = this.sinceBest.filter((_, t) => this.judgeable[t]);
    return judged.length > 0 && judged.every((n) => n >= this.patience);
  }

  /** Each head's best step, and the step the shared parameters come from. */
  steps(): { perHead: number[]; shared: number } {
    return { perHead: this.best.map((b) => b.step), shared: this.shared?.step ?? -1 };
  }

  /** True when putting back the best weights changes something (some head's best is not `step`). */
  differsFrom(step: number): boolean {
    return this.best.some((b) => b.step !== step) || (this.shared?.step ?? step) !== step;
  }

  /**
   * Put back each head's own weights from its best step and the shared ones from the shared step.
   * Parts of a variable that belong to one head (its column of a [·, T] matrix, its block of a
   * tower's output, its whole gate) come from that head's checkpoint.
   */
  restore(model: MultiHeadModel): void {
    const T = this.best.length;
    const shared = this.checkpoints.get(this.shared!.step)!;
    const ownerOf = new Map<tf.Variable, HeadPart>((model.headParts ?? []).map((p) => [p.variable, p]));
    model.variables.forEach((v, i) => {
      const part = ownerOf.get(v);
      const from = (t: number) => this.checkpoints.get(this.best[t].step)![i];
      tf.tidy(() => {
        if (!part) return v.assign(shared[i]);
        if ('task' in part) return v.assign(from(part.task));
        const axis = part.axis < 0 ? v.rank - 1 : part.axis;
        const width = v.shape[axis] / T;
        const pieces = Array.from({ length: T }, (_, t) => {
          const begin = v.shape.map((_, a) => (a === axis ? t * width : 0));
          const size = v.shape.map((d, a) => (a === axis ? width : d));
          return tf.slice(from(t), begin, size);
        });
        v.assign(tf.concat(pieces, axis));
      });
    });
  }

  /** The predictions of the round where every head was at its best, when all heads share that step (no assembly needed). */
  roundAt(step: number): ValidationPredictions | undefined {
    return this.rounds.get(step);
  }

  /** Tensors held by the kept checkpoints. */
  heldTensors(): number {
    return this.checkpoints.size * this.variables.length;
  }

  dispose(): void {
    for (const weights of this.checkpoints.values()) weights.forEach((w) => w.dispose());
    this.checkpoints.clear();
    this.rounds.clear();
  }

  /** Let go of checkpoints no head and no shared part points at any more. */
  private release(): void {
    const wanted = new Set([...this.best.map((b) => b.step), this.shared?.step ?? -1]);
    for (const [step, weights] of this.checkpoints) {
      if (wanted.has(step)) continue;
      weights.forEach((w) => w.dispose());
      this.checkpoints.delete(step);
      this.rounds.delete(step);
    }
  }
}
