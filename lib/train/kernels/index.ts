import { registerFusedAdam } from './adam';
import { registerFastGather } from './gather';
import { registerSharedIdentity } from './identity';
import { registerLeadingSum } from './leadingSum';
import { registerLinearStep } from './linearStep';
import { registerMaskedLoss } from './maskedLoss';
import { registerTransposeFreeMatMul } from './matMul';
import { registerPooledLookup } from './pooledLookup';
import { registerFastSegmentSum } from './segmentSum';
import { registerInPlaceSlice } from './slice';
import { registerFastTranspose } from './transpose';

/**
 * Our replacements for tfjs kernels that are slow (or missing) on the backends that keep tensors in
 * host memory; each file says what it fixes and by how much. Register before the first step, once per
 * thread and backend (later calls do nothing).
 */
export function registerHostKernels(backendName: 'cpu' | 'wasm'): void {
  registerFastSegmentSum(backendName);
  registerFastGather(backendName);
  registerPooledLookup(backendName);
  registerFusedAdam(backendName);
  registerMaskedLoss(backendName);
  registerLinearStep(backendName);
  if (backendName === 'wasm') {
    registerTransposeFreeMatMul(backendName);
    registerFastTranspose(backendName);
    registerInPlaceSlice(backendName);
    registerLeadingSum(backendName);
    registerSharedIdentity(backendName);
  }
}
