/**
 * The single TensorFlow.js import of the project. Every module takes `tf` from here so that one
 * tfjs-core instance (and so one kernel registry and one backend) serves the whole process.
 *
 * @example
 * ```ts
 * import { tf } from './tf.js';
 * await tf.tidy(() => tf.ones([2]).sum()).data(); // Float32Array [2] (read asynchronously: GPU backends need it)
 * ```
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

// Production mode: no debug checks and no console advice about installing tfjs-node.
tf.env().set('PROD', true);

export { tf };
export type Tensor = tf.Tensor;
export type Variable = tf.Variable;
