import * as tf from '@tensorflow/tfjs';

/** What our kernels need of the cpu and wasm backends: a synchronous read and a way to make an output. */
export interface HostBackendLike {
  readSync(dataId: object): Float32Array | Int32Array | Uint8Array;
  makeTensorInfo?(shape: number[], dtype: tf.DataType, values: Float32Array | Int32Array): tf.TensorInfo;
  makeOutput?(shape: number[], dtype: tf.DataType, memoryOffset?: number, values?: Float32Array | Int32Array): tf.TensorInfo;
}

/**
 * A tensor's 32-bit values without a copy where the backend allows it: on wasm a view of its heap
 * (readSync copies the whole input, 3 MB for a [40k, 20] input at every batch), elsewhere readSync.
 * Valid until the next allocation on the backend, so read it before making the output.
 */
export function hostBits(backend: unknown, t: tf.TensorInfo): Int32Array {
  const wasm = backend as { dataIdMap?: { get(id: object): { memoryOffset: number } | undefined }; wasm?: { HEAPU8: Uint8Array } };
  const entry = wasm.dataIdMap?.get(t.dataId);
  const heap = wasm.wasm?.HEAPU8;
  const length = t.shape.reduce((p, d) => p * d, 1);
  if (entry && heap && entry.memoryOffset % 4 === 0) return new Int32Array(heap.buffer, heap.byteOffset + entry.memoryOffset, length);
  let values = (backend as HostBackendLike).readSync(t.dataId);
  // The cpu backend may keep a cast tensor's values in the array of the dtype it came from (a float32
  // tensor over an Int32Array): convert those rather than reinterpret their bits.
  if (t.dtype === 'float32' && !(values instanceof Float32Array)) values = Float32Array.from(values);
  else if (t.dtype !== 'float32' && !(values instanceof Int32Array)) values = Int32Array.from(values);
  return new Int32Array(values.buffer, values.byteOffset, values.length);
}

/** The same values seen as floats. */
export function hostFloats(backend: unknown, t: tf.TensorInfo): Float32Array {
  const bits = hostBits(backend, t);
  return new Float32Array(bits.buffer, bits.byteOffset, bits.length);
}

/** A new output tensor on either backend. */
export function makeOutput(backendName: 'cpu' | 'wasm', backend: unknown, shape: number[], dtype: 'float32' | 'int32', values: Float32Array | Int32Array): tf.TensorInfo {
  const host = backend as HostBackendLike;
  // By backend name, not by method: the cpu backend also has a makeOutput, with another signature.
  return backendName === 'wasm' ? host.makeOutput!(shape, dtype, undefined, values) : host.makeTensorInfo!(shape, dtype, values);
}

/**
 * Make a kernel's outputs and let `fill` write them. On wasm they are allocated in its heap first and
 * written there in place — no JavaScript arrays to allocate and zero, no copies into the heap (for Adam
 * on a 7,600-weight table that was half of the kernel's time). Elsewhere fresh arrays are handed over.
 * Outputs come zeroed on cpu only: `fill` must write every element (or zero first). Read inputs inside
 * `fill`, through hostBits/hostFloats: an allocation may move wasm's heap under older views.
 */
export function fillOutputs(backendName: 'cpu' | 'wasm', backend: unknown, outputs: { shape: number[]; dtype: 'float32' | 'int32' }[], fill: (out: (Float32Array | Int32Array)[]) => void): tf.TensorInfo[] {
  const size = (shape: number[]) => shape.reduce((p, d) => p * d, 1);
  if (backendName === 'wasm') {
    const infos = outputs.map((o) => (backend as HostBackendLike).makeOutput!(o.shape, o.dtype));
    fill(infos.map((info, i) => (outputs[i].dtype === 'float32' ? hostFloats(backend, info) : hostBits(backend, info))));
    return infos;
  }
  const arrays = outputs.map((o) => (o.dtype === 'float32' ? new Float32Array(size(o.shape)) : new Int32Array(size(o.shape))));
  fill(arrays);
  return outputs.map((o, i) => makeOutput(backendName, backend, o.shape, o.dtype, arrays[i]));
}

const overridden = new Set<string>();

/**
 * Put `make(stock)` in place of a backend's own kernel, once per thread (later calls do nothing, as
 * does a backend without that kernel). The replacement gets the stock kernel to fall back on.
 */
export function overrideKernel(kernelName: string, backendName: string, make: (stock: tf.KernelConfig) => tf.KernelFunc): void {
  const key = `${kernelName}/${backendName}`;
  if (overridden.has(key)) return;
  const stock = tf.getKernel(kernelName, backendName);
  if (!stock) return;
  overridden.add(key);
  tf.unregisterKernel(kernelName, backendName);
  tf.registerKernel({ ...stock, kernelFunc: make(stock) });
}
