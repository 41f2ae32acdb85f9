/**
 * `npm run baseline:accept [-- <report dir> <baseline path>]`: accepts a claims report as the new
 * baseline (default: reports/latest/claims.json → fixtures/baselines/<profile>.json), atomically.
 * Nightly runs then compare with it through GST_BASELINE.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../primitives/atomicFile.js';
import type { ClaimsDocument } from '../report/claimsDocument.js';

const [reportDir = 'reports/latest', target] = process.argv.slice(2);
const source = resolve(reportDir, 'claims.json');
if (!existsSync(source)) throw new Error(`${source} does not exist; run the claims first (npx vitest run specs/tradeoff)`);
const text = readFileSync(source, 'utf8');
const doc = JSON.parse(text) as ClaimsDocument;
const profile = doc.claims[0]?.profile ?? 'unknown';
const destination = resolve(target ?? join('fixtures', 'baselines', `${profile}.json`));
writeFileAtomic(destination, text);
process.stderr.write(`baseline for profile '${profile}' (${doc.claims.length} claims, commit ${doc.gitCommit}) written to ${destination}\n`);
