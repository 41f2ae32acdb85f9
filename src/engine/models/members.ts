import { tf } from '../tf.js';

/**
 * The members' parts of an ensemble's tensor along axis 0: batch slices of an activation, or rows of a
 * stacked variable (the leading dimension dropped). tfjs' gradients of a split or unstack into one
 * part fail, so one member is a reshape.
 */
export function memberParts<T extends tf.Tensor>(t: tf.Tensor, members: number, rows: boolean): T[] {
  if (members === 1) return [(rows ? tf.reshape(t, t.shape.slice(1)) : t) as T];
  return (rows ? tf.unstack(t) : tf.split(t, members, 0)) as T[];
}

/** The members' activations one after another along axis 0 (the inverse of {@link memberParts}' slices). */
export function joinMembers<T extends tf.Tensor>(parts: readonly T[]): T {
  return parts.length === 1 ? parts[0] : (tf.concat(parts as T[], 0) as T);
}
