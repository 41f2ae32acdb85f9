import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type ExperimentStore } from '../../src/store/experimentStore.js';

/** A fresh, empty store in a temporary folder. */
export function tempStore(): ExperimentStore {
  return openStore({ root: mkdtempSync(join(tmpdir(), 'gst-store-')) });
}
