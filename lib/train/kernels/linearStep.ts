import * as tf from '@tensorflow/tfjs';
import { linearGradients, type LinearParams, type LinearRows } from '../linearStepMath';
import { adamUpdate, type FusedAdamAttrs } from './adam';
import { fillOutputs, hostBits, hostFloats } from './host';

/** A whole training step of the logistic regression in one kernel (lib/train/linearStep.ts), for cpu and wasm. */
export const LINEAR_STEP = 'ValueLabLinearStep';

/** The weights a logistic regression may have, in the order of the kernel's outputs. */
export const LINEAR_PARTS = ['dense', 'table', 'crosses', 'bias'] as const;
export type LinearPart = (typeof LINEAR_PARTS)[number];

/** Adam's step (l2 applies to every part but the bias) and the heads' count. */
export type LinearStepAttrs = FusedAdamAttrs & { tasks: number };

const ROW_INPUTS = ['dense', 'ids', 'bagIds', 'bagWeights', 'crossIds', 'labels', 'masks'] as const;
const CONSTANTS = ['logKeep', 'posWeight', 'negWeight', 'lossWeight'] as const;

const registered = new Set<string>();

/**
 * Inputs: `w_<part>`, `m_<part>`, `v_<part>` for each part the model has, the training rows (`x_dense`,
 * `x_ids`, … `x_labels`, `x_masks`), the batch's row numbers `index` and the loss constants. Outputs: the
 * updated weight, first and second moment of each part present, in LINEAR_PARTS order, then the
 * report [2, T].
 */
export function registerLinearStep(backendName: 'cpu' | 'wasm'): void {
  if (registered.has(backendName)) return;
  registered.add(backendName);
  tf.registerKernel({
    kernelName: LINEAR_STEP,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const a = attrs as unknown as LinearStepAttrs;
      const info = (name: string) => inputs[name] as tf.TensorInfo | undefined;
      const parts = LINEAR_PARTS.filter((p) => info(`w_${p}`));
      const shapes = parts.flatMap((p) => {
        const s = { shape: info(`w_${p}`)!.shape, dtype: 'float32' as const };
        return [s, s, s];
      });
      return fillOutputs(backendName, backend, [...shapes, { shape: [2, a.tasks], dtype: 'float32' }], (out) => {
        const floats = (name: string) => hostFloats(backend, info(name)!);
        const weight = (p: LinearPart) => (info(`w_${p}`) ? floats(`w_${p}`) : null);
        const params: LinearParams = { dense: weight('dense'), table: weight('table'), crosses: weight('crosses'), bias: floats('w_bias') };
        const rowInput = (name: (typeof ROW_INPUTS)[number]) => info(`x_${name}`)!;
        const width = (name: (typeof ROW_INPUTS)[number]) => rowInput(name).shape[1] ?? 0;
        const rows: LinearRows = {
          dense: hostFloats(backend, rowInput('dense')),
          denseDim: width('dense'),
          ids: hostBits(backend, rowInput('ids')),
          idDim: width('ids'),
          bagIds: hostBits(backend, rowInput('bagIds')),
          bagWeights: hostFloats(backend, rowInput('bagWeights')),
          bagDim: width('bagIds'),
          crossIds: hostBits(backend, rowInput('crossIds')),
          crossDim: width('crossIds'),
          labels: hostFloats(backend, rowInput('labels')),
          masks: hostFloats(backend, rowInput('masks')),
        };
        const [logKeep, posWeight, negWeight, lossWeight] = CONSTANTS.map(floats);
        const { grads, report } = linearGradients(params, rows, hostBits(backend, info('index')!), { logKeep, posWeight, negWeight, lossWeight });
        parts.forEach((p, i) => {
          const [nx, nm, nv] = out.slice(3 * i, 3 * i + 3) as Float32Array[];
          adamUpdate(params[p]!, grads[p]!, floats(`m_${p}`), floats(`v_${p}`), { ...a, l2: p === 'bias' ? 0 : a.l2 }, nx, nm, nv);
        });
        (out[out.length - 1] as Float32Array).set(report);
      });
    },
  });
}

/** The kernel's input names for the training rows and the loss constants (lib/train/linearStep.ts fills them). */
export const LINEAR_STEP_INPUTS = { rows: ROW_INPUTS, constants: CONSTANTS };
