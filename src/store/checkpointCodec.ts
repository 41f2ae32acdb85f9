import { createHash } from 'node:crypto';
import type { TrainingCheckpoint } from '../engine/train/trainingCheckpoint.js';

const magic = new TextEncoder().encode('GSTCKPT2');
const hashBytes = 32;

type Header = Omit<TrainingCheckpoint, 'tensors'> & { tensors: { name: string; shape: number[] }[] };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

/**
 * Binary layout: the 8 bytes `GSTCKPT2`, a little-endian u32 header length, the JSON header
 * (everything but the values, tensors as name and shape), zero padding to a multiple of 4, every
 * tensor's float32 values in header order, then the SHA-256 of all bytes before it (checked on read).
 */
export function encodeCheckpoint(checkpoint: TrainingCheckpoint): Uint8Array {
  const { tensors, ...meta } = checkpoint;
  const header = new TextEncoder().encode(JSON.stringify({ ...meta, tensors: tensors.map(({ name, shape }) => ({ name, shape })) }));
  const valuesOffset = Math.ceil((magic.length + 4 + header.length) / 4) * 4;
  const floats = tensors.reduce((n, t) => n + t.values.length, 0);
  const body = valuesOffset + 4 * floats;
  const bytes = new Uint8Array(body + hashBytes);
  bytes.set(magic, 0);
  new DataView(bytes.buffer).setUint32(magic.length, header.length, true);
  bytes.set(header, magic.length + 4);
  const values = new Float32Array(bytes.buffer, valuesOffset, floats);
  let at = 0;
  for (const t of tensors) {
    values.set(t.values, at);
    at += t.values.length;
  }
  bytes.set(sha256(bytes.subarray(0, body)), body);
  return bytes;
}

/** The header and where the values start, or what is wrong with the bytes (foreign, truncated, altered). */
function parse(bytes: Uint8Array): { header: Header; valuesOffset: number; floats: number } | string {
  if (bytes.length < magic.length + 4 + hashBytes || !magic.every((b, i) => bytes[i] === b))
    return 'not a gst-harness checkpoint of this layout (wrong magic bytes, or an older layout without a hash)';
  const body = bytes.length - hashBytes;
  if (!sha256(bytes.subarray(0, body)).equals(bytes.subarray(body))) return 'its content does not match its hash (altered or truncated)';
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(magic.length, true);
  if (magic.length + 4 + headerLength > body) return 'truncated header';
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(magic.length + 4, magic.length + 4 + headerLength))) as Header;
  } catch {
    return 'unreadable header';
  }
  const valuesOffset = Math.ceil((magic.length + 4 + headerLength) / 4) * 4;
  const floats = header.tensors.reduce((sum, t) => sum + t.shape.reduce((a, b) => a * b, 1), 0);
  if (body !== valuesOffset + 4 * floats) return `${bytes.length} bytes, expected ${valuesOffset + 4 * floats + hashBytes}`;
  return { header, valuesOffset, floats };
}

/**
 * Reads {@link encodeCheckpoint}'s layout back.
 * @throws naming `source` when the bytes are not a checkpoint, are truncated or were altered (their hash does not match).
 */
export function decodeCheckpoint(bytes: Uint8Array, source: string): TrainingCheckpoint {
  const parsed = parse(bytes);
  if (typeof parsed === 'string') throw new Error(`checkpoint ${source}: ${parsed}`);
  const { header, valuesOffset, floats } = parsed;
  const copy = new Uint8Array(4 * floats);
  copy.set(bytes.subarray(valuesOffset, valuesOffset + 4 * floats));
  const all = new Float32Array(copy.buffer);
  let at = 0;
  const tensors = header.tensors.map((t) => {
    const size = t.shape.reduce((a, b) => a * b, 1);
    const values = all.subarray(at, at + size);
    at += size;
    return { name: t.name, shape: t.shape, values };
  });
  return { ...header, tensors };
}
