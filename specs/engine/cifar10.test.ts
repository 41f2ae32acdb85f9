import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCifar10 } from '../../src/engine/data/cifar10Download.js';
import { cifarRecordBytes, cifarTestFile, cifarTrainFiles, readCifar10 } from '../../src/engine/data/cifar10Reader.js';
import { writeTar } from '../../src/engine/data/tarArchive.js';

const recordsPerFile = 3;

/** A CIFAR-format file whose record r of file f has label (f + r) % 10 and pixel value (c·7 + p + r) % 256 in channel c. */
function cifarFile(fileIndex: number): Uint8Array {
  const out = new Uint8Array(recordsPerFile * cifarRecordBytes);
  for (let r = 0; r < recordsPerFile; r++) {
    out[r * cifarRecordBytes] = (fileIndex + r) % 10;
    for (let c = 0; c < 3; c++) for (let p = 0; p < 1024; p++) out[r * cifarRecordBytes + 1 + c * 1024 + p] = (c * 7 + p + r) % 256;
  }
  return out;
}

function writeCifarFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
  cifarTrainFiles.forEach((f, i) => writeFileSync(join(dir, f), cifarFile(i)));
  writeFileSync(join(dir, cifarTestFile), cifarFile(9));
}

describe('CIFAR-10 binary reader', () => {
  it('decodes labels and planar RGB into NHWC, train files in order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gst-cifar-'));
    writeCifarFolder(dir);
    const data = readCifar10({ dir, recordsPerFile });
    expect(data.train.count).toBe(15);
    expect(data.test.count).toBe(3);
    expect([...data.train.labels.slice(0, 6)]).toEqual([0, 1, 2, 1, 2, 3]);
    // record 1 of data_batch_1, pixel 5, channels R G B
    const base = 1 * 3072 + 5 * 3;
    expect([...data.train.images.slice(base, base + 3)]).toEqual([6, 13, 20]);
  });

  it('refuses a truncated file instead of returning fewer examples', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gst-cifar-'));
    writeCifarFolder(dir);
    writeFileSync(join(dir, 'data_batch_3.bin'), cifarFile(2).subarray(0, cifarRecordBytes * 2 + 100));
    expect(() => readCifar10({ dir, recordsPerFile })).toThrow(/data_batch_3\.bin: 6246 bytes, expected 9219.*truncated or corrupt/);
  });

  it('refuses a label outside 0..9', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gst-cifar-'));
    writeCifarFolder(dir);
    const bad = cifarFile(0);
    bad[cifarRecordBytes] = 12;
    writeFileSync(join(dir, 'data_batch_1.bin'), bad);
    expect(() => readCifar10({ dir, recordsPerFile })).toThrow(/record 1 has label 12/);
  });

  it('names GST_DATA_DIR when the folder has no CIFAR files', () => {
    expect(() => readCifar10({ dir: mkdtempSync(join(tmpdir(), 'gst-empty-')) })).toThrow(/GST_DATA_DIR/);
  });
});

describe('CIFAR-10 download (against a local server)', () => {
  let server: Server;
  let base: string;
  let requests = 0;
  const files = [...cifarTrainFiles, cifarTestFile].map((f, i) => ({ path: `cifar-10-batches-bin/${f}`, data: cifarFile(i) }));
  const archive = gzipSync(writeTar(files));
  const md5 = createHash('md5').update(archive).digest('hex');

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests += 1;
      if (req.url === '/cifar.tar.gz') res.end(archive);
      else if (req.url === '/corrupt.tar.gz') res.end(archive.subarray(0, archive.length - 10));
      else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('downloads, verifies the checksum, extracts atomically, and does not download again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gst-dl-'));
    const folder = await ensureCifar10({ dir, url: `${base}/cifar.tar.gz`, md5 });
    expect(readCifar10({ dir: folder, recordsPerFile }).train.count).toBe(15);
    expect(readdirSync(dir)).toEqual(['cifar-10-batches-bin']);
    const before = requests;
    await ensureCifar10({ dir, url: `${base}/cifar.tar.gz`, md5 });
    expect(requests).toBe(before);
  });

  it('rejects a corrupt download and leaves nothing behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gst-dl-'));
    await expect(ensureCifar10({ dir, url: `${base}/corrupt.tar.gz`, md5 })).rejects.toThrow(/MD5 .* expected/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reports an HTTP error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gst-dl-'));
    await expect(ensureCifar10({ dir, url: `${base}/missing`, md5 })).rejects.toThrow(/HTTP 404/);
  });
});
