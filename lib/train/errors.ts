/** Codes for every way a training run can fail; the UI shows `message` and `hint`. */
export type TrainErrorCode =
  | 'invalid-spec'
  | 'invalid-config'
  | 'model-needs-columns'
  | 'no-training-rows'
  | 'no-validation-rows'
  | 'single-class'
  | 'diverged'
  | 'backend-failed'
  | 'worker-crashed'
  | 'device-lost'
  | 'resume-mismatch'
  | 'internal';

/** A user-facing failure of a training run. */
export class TrainError extends Error {
  readonly code: TrainErrorCode;
  readonly hint: string;
  constructor(code: TrainErrorCode, message: string, hint: string) {
    super(message);
    this.name = 'TrainError';
    this.code = code;
    this.hint = hint;
  }
}

/** Plain form that crosses postMessage. */
export interface TrainErrorInfo {
  code: TrainErrorCode;
  message: string;
  hint: string;
}

export function toTrainErrorInfo(err: unknown): TrainErrorInfo {
  if (err instanceof TrainError) return { code: err.code, message: err.message, hint: err.hint };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: `Training failed: ${message}`, hint: 'Try again; if it repeats, lower the batch size or reload the page.' };
}
