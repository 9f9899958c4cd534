import * as tf from '@tensorflow/tfjs';
import { LOSS_REPORT, lossReport, MASKED_LOSS, MASKED_LOSS_GRAD, maskedLossBackward, maskedLossForward } from '../maskedLoss';
import { hostFloats, makeOutput } from './host';

const registered = new Set<string>();

/** The fused training loss of lib/train/maskedLoss.ts, its gradient and its report, on host backends. */
export function registerMaskedLoss(backendName: 'cpu' | 'wasm'): void {
  if (registered.has(backendName)) return;
  registered.add(backendName);
  const floats = (backend: unknown, inputs: tf.NamedTensorInfoMap, name: string) => hostFloats(backend, inputs[name] as tf.TensorInfo);
  tf.registerKernel({
    kernelName: MASKED_LOSS,
    backendName,
    kernelFunc: ({ inputs, backend }) => {
      const T = (inputs.logits as tf.TensorInfo).shape[1];
      return makeOutput(backendName, backend, [T], 'float32', maskedLossForward(floats(backend, inputs, 'logits'), floats(backend, inputs, 'y'), floats(backend, inputs, 'mask'), T));
    },
  });
  tf.registerKernel({
    kernelName: MASKED_LOSS_GRAD,
    backendName,
    kernelFunc: ({ inputs, backend }) => {
      const logits = inputs.logits as tf.TensorInfo;
      const values = maskedLossBackward(floats(backend, inputs, 'dy'), floats(backend, inputs, 'logits'), floats(backend, inputs, 'y'), floats(backend, inputs, 'mask'), logits.shape[1]);
      return makeOutput(backendName, backend, logits.shape, 'float32', values);
    },
  });
  tf.registerKernel({
    kernelName: LOSS_REPORT,
    backendName,
    kernelFunc: ({ inputs, backend }) => {
      const values = lossReport(floats(backend, inputs, 'logits'), floats(backend, inputs, 'y'), floats(backend, inputs, 'mask'), floats(backend, inputs, 'logKeep'), floats(backend, inputs, 'posWeight'), floats(backend, inputs, 'negWeight'));
      return makeOutput(backendName, backend, [values.length], 'float32', values);
    },
  });
}
