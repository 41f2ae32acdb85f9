import { resolve } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { readSetting } from '../../settings.js';
import { readSuitePlan } from './suiteFiles.js';
import type { SuitePlan } from './suitePlan.js';

/**
 * The runs a spec file needs before its first look: those of the first stage of its first claim in
 * the suite's plan (Infinity for a file outside the plan).
 */
function firstLookRuns(plan: SuitePlan | undefined, file: string): number {
  const first = plan?.claims.find((c) => c.file === file)?.stages[0];
  return first === undefined ? Infinity : first.runs.length;
}

/**
 * Claim files in the order that shows verdicts soonest: fewest runs before the file's first look
 * first (shortest known work first), then by path.
 *
 * @example
 * ```ts
 * claimFileOrder(plan, ['/r/01-stability-order.spec.ts', '/r/06-prune-s-unstable.spec.ts']); // 06 (10 runs at mini) before 01 (40)
 * ```
 */
export function claimFileOrder(plan: SuitePlan | undefined, files: readonly string[]): string[] {
  return [...files].sort((a, b) => firstLookRuns(plan, a) - firstLookRuns(plan, b) || a.localeCompare(b));
}

/**
 * Vitest's sequencer, with the claim files in {@link claimFileOrder}; other files keep vitest's order.
 * The order changes when each claim is decided, never what it decides: every run is the same
 * whoever trains it first.
 *
 * @example
 * ```ts
 * // vitest.config.ts
 * export default defineConfig({ test: { sequence: { sequencer: ClaimSequencer } } });
 * ```
 */
export default class ClaimSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // the claims reporter wrote the plan when the run started, before the files are sorted
    const plan = readSuitePlan(resolve(readSetting('GST_REPORT_DIR')));
    const claims = sorted.filter((s) => s.project.name === 'tradeoff');
    const byFile = new Map(claims.map((s) => [s.moduleId, s]));
    const ordered = claimFileOrder(plan, [...byFile.keys()]).map((file) => byFile.get(file) as TestSpecification);
    let next = 0;
    return sorted.map((s) => (s.project.name === 'tradeoff' ? ordered[next++] : s));
  }
}
