/**
 * Limited-memory BFGS (Nocedal & Wright, "Numerical Optimization", 2nd ed., Algorithms 7.4 and 7.5)
 * with a backtracking line search on the Armijo condition, stepping one iteration per call so the
 * caller can report progress, yield to its event loop and stop between iterations. The solver
 * scikit-learn's LogisticRegression uses by default; on a smooth convex objective it reaches the
 * optimum in tens of iterations where stochastic gradient steps only wander near it.
 */

/** The objective's value at x, with its gradient written into `gradient`. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  /** Curvature pairs kept (m). */
  memory: number;
  /** Stop when the largest gradient component is below this. */
  gradientTolerance: number;
  /** Stop when an iteration lowers the value by less than this share of it. */
  relativeTolerance: number;
}

/** Tolerances that leave AUCs unchanged in the 5th decimal against a 100× stricter run (200k-row shop log). */
export const DEFAULT_LBFGS: LbfgsOptions = { memory: 10, gradientTolerance: 1e-6, relativeTolerance: 1e-9 };

/** One minimisation in progress; `step()` runs one iteration and says whether it converged. */
export class Lbfgs {
  readonly x: Float64Array;
  value: number;
  iterations = 0;
  converged = false;
  private readonly gradient: Float64Array;
  private readonly s: Float64Array[] = [];
  private readonly y: Float64Array[] = [];
  private readonly rho: number[] = [];
  private readonly direction: Float64Array;
  private readonly trial: Float64Array;
  private readonly trialGradient: Float64Array;

  constructor(
    x0: Float64Array,
    private readonly f: Objective,
    private readonly options: LbfgsOptions = DEFAULT_LBFGS,
  ) {
    const n = x0.length;
    this.x = Float64Array.from(x0);
    this.gradient = new Float64Array(n);
    this.direction = new Float64Array(n);
    this.trial = new Float64Array(n);
    this.trialGradient = new Float64Array(n);
    this.value = f(this.x, this.gradient);
    this.converged = maxAbs(this.gradient) < options.gradientTolerance;
  }

  /** One iteration: a search direction from the curvature pairs, a step along it, a new pair. */
  step(): boolean {
    if (this.converged) return true;
    const { x, gradient, direction, trial, trialGradient } = this;
    this.searchDirection();
    let slope = dot(gradient, direction);
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): start the memory over with steepest descent.
      this.s.length = this.y.length = this.rho.length = 0;
      for (let i = 0; i < x.length; i++) direction[i] = -gradient[i];
      slope = -dot(gradient, gradient);
    }
    // The first iteration has no curvature to scale by: a unit step along -g can be wild.
    let alpha = this.iterations === 0 ? Math.min(1, 1 / Math.sqrt(dot(gradient, gradient))) : 1;
    let value = NaN;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < x.length; i++) trial[i] = x[i] + alpha * direction[i];
      value = this.f(trial, trialGradient);
      if (Number.isFinite(value) && value <= this.value + 1e-4 * alpha * slope) break;
      alpha *= 0.5;
    }
    if (!(Number.isFinite(value) && value <= this.value)) {
      this.converged = true; // no step lowers the value: as good as it gets in floating point
      return true;
    }
    const sNew = new Float64Array(x.length);
    const yNew = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) {
      sNew[i] = trial[i] - x[i];
      yNew[i] = trialGradient[i] - gradient[i];
    }
    const sy = dot(sNew, yNew);
    // Only pairs with positive curvature keep the inverse-Hessian estimate positive definite.
    if (sy > 1e-12) {
      this.s.push(sNew);
      this.y.push(yNew);
      this.rho.push(1 / sy);
      if (this.s.length > this.options.memory) {
        this.s.shift();
        this.y.shift();
        this.rho.shift();
      }
    }
    const decrease = this.value - value;
    x.set(trial);
    gradient.set(trialGradient);
    this.value = value;
    this.iterations++;
    this.converged = maxAbs(gradient) < this.options.gradientTolerance || decrease <= this.options.relativeTolerance * Math.max(Math.abs(value), 1);
    return this.converged;
  }

  /** The two-loop recursion: direction = −H·g with H the inverse-Hessian estimate of the kept pairs. */
  private searchDirection(): void {
    const { gradient, direction, s, y, rho } = this;
    direction.set(gradient);
    const m = s.length;
    const a = new Float64Array(m);
    for (let k = m - 1; k >= 0; k--) {
      a[k] = rho[k] * dot(s[k], direction);
      axpy(-a[k], y[k], direction);
    }
    // H0 = γI with γ = sᵀy / yᵀy of the newest pair (Nocedal & Wright eq. 7.20).
    const gamma = m > 0 ? 1 / (rho[m - 1] * dot(y[m - 1], y[m - 1])) : 1;
    for (let i = 0; i < direction.length; i++) direction[i] *= gamma;
    for (let k = 0; k < m; k++) {
      const b = rho[k] * dot(y[k], direction);
      axpy(a[k] - b, s[k], direction);
    }
    for (let i = 0; i < direction.length; i++) direction[i] = -direction[i];
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function axpy(alpha: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += alpha * x[i];
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}
