import type { TrainingCheckpoint } from '../engine/train/trainingCheckpoint.js';

const magic = new TextEncoder().encode('GSTCKPT1');

/**
 * Binary layout: the 8 bytes `GSTCKPT1`, a little-endian u32 header length, the JSON header
 * (everything but the values, tensors as name and shape), zero padding to a multiple of 4, then
 * every tensor's float32 values in header order.
 */
export function encodeCheckpoint(checkpoint: TrainingCheckpoint): Uint8Array {
  const { tensors, ...meta } = checkpoint;
  const header = new TextEncoder().encode(JSON.stringify({ ...meta, tensors: tensors.map(({ name, shape }) => ({ name, shape })) }));
  const valuesOffset = Math.ceil((magic.length + 4 + header.length) / 4) * 4;
  const floats = tensors.reduce((n, t) => n + t.values.length, 0);
  const bytes = new Uint8Array(valuesOffset + 4 * floats);
  bytes.set(magic, 0);
  new DataView(bytes.buffer).setUint32(magic.length, header.length, true);
  bytes.set(header, magic.length + 4);
  const values = new Float32Array(bytes.buffer, valuesOffset, floats);
  let at = 0;
  for (const t of tensors) {
    values.set(t.values, at);
    at += t.values.length;
  }
  return bytes;
}

/**
 * Reads {@link encodeCheckpoint}'s layout back.
 * @throws naming `source` when the bytes are not a checkpoint or are truncated.
 */
export function decodeCheckpoint(bytes: Uint8Array, source: string): TrainingCheckpoint {
  const bad = (why: string): never => {
    throw new Error(`checkpoint ${source}: ${why}; delete the file to retrain its prefix`);
  };
  if (bytes.length < magic.length + 4 || !magic.every((b, i) => bytes[i] === b)) bad('not a gst-harness checkpoint (wrong magic bytes)');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(magic.length, true);
  if (magic.length + 4 + headerLength > bytes.length) bad('truncated header');
  let header: Omit<TrainingCheckpoint, 'tensors'> & { tensors: { name: string; shape: number[] }[] };
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(magic.length + 4, magic.length + 4 + headerLength)));
  } catch {
    return bad('unreadable header');
  }
  const valuesOffset = Math.ceil((magic.length + 4 + headerLength) / 4) * 4;
  const sizes = header.tensors.map((t) => t.shape.reduce((a, b) => a * b, 1));
  const floats = sizes.reduce((a, b) => a + b, 0);
  if (bytes.length !== valuesOffset + 4 * floats) bad(`${bytes.length} bytes, expected ${valuesOffset + 4 * floats}`);
  const copy = new Uint8Array(4 * floats);
  copy.set(bytes.subarray(valuesOffset));
  const all = new Float32Array(copy.buffer);
  let at = 0;
  const tensors = header.tensors.map((t, i) => {
    const values = all.subarray(at, at + sizes[i]);
    at += sizes[i];
    return { name: t.name, shape: t.shape, values };
  });
  return { ...header, tensors };
}
