import type { ConvNet } from '../engine/models/convNet.js';
import { tf, type Variable } from '../engine/tf.js';

/**
 * The trainable parameters of a model as one flat float64 vector on the host, and the inverse:
 * the representation Hessian-vector products and power iteration work in (double precision for
 * the orthogonalisation; the network itself stays float32).
 */
export class ParameterSpace {
  readonly variables: readonly Variable[];
  readonly size: number;
  private readonly offsets: number[];

  constructor(model: Pick<ConvNet, 'trainableVariables'>) {
    this.variables = model.trainableVariables();
    this.offsets = [];
    let n = 0;
    for (const v of this.variables) {
      this.offsets.push(n);
      n += v.size;
    }
    this.size = n;
  }

  /** Concatenates one tensor per variable (e.g. gradients) into a flat vector. */
  async flatten(tensors: readonly tf.Tensor[]): Promise<Float64Array> {
    const out = new Float64Array(this.size);
    const values = await Promise.all(tensors.map((t) => t.data()));
    values.forEach((v, i) => out.set(v, this.offsets[i]));
    return out;
  }

  /** The current parameters. */
  read(): Promise<Float64Array> {
    return this.flatten(this.variables);
  }

  /** Sets the parameters to `values` (float32-rounded). */
  write(values: Float64Array): void {
    tf.tidy(() => {
      this.variables.forEach((v, i) => v.assign(tf.tensor(Float32Array.from(values.subarray(this.offsets[i], this.offsets[i] + v.size)), v.shape)));
    });
  }
}

/** Dot product. */
export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Euclidean norm. */
export function norm(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}

/** `a + scale·b` as a new vector. */
export function addScaled(a: Float64Array, b: Float64Array, scale: number): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] + scale * b[i];
  return out;
}
