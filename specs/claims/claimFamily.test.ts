import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claimFamilies, claimFamilySize, familySizeOf } from '../../src/claims/dsl/claimFamily.js';
import setup from '../../src/claims/runner/claimFamiliesSetup.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A repository with `specs/tradeoff` (`claims` spec files) and `specs/tradeoff/controls` (`controls`). */
function repository(claims: number, controls: number): string {
  const root = mkdtempSync(join(tmpdir(), 'gst-family-'));
  dirs.push(root);
  mkdirSync(join(root, 'specs/tradeoff/controls'), { recursive: true });
  for (let i = 0; i < claims; i++) writeFileSync(join(root, `specs/tradeoff/${i}.spec.ts`), '');
  for (let i = 0; i < controls; i++) writeFileSync(join(root, `specs/tradeoff/controls/${i}.spec.ts`), '');
  writeFileSync(join(root, 'specs/tradeoff/helper.ts'), '');
  return root;
}

describe('claim families (the correction’s K)', () => {
  it('are the spec files of each folder, controls apart', () => {
    const root = repository(11, 3);
    expect(claimFamilies(join(root, 'specs'))).toEqual({ [join(root, 'specs/tradeoff')]: 11, [join(root, 'specs/tradeoff/controls')]: 3 });
  });

  it('are fixed when the suite starts: a spec file added while it runs changes no claim’s family', () => {
    const root = repository(11, 3);
    let provided: Record<string, number> | undefined;
    setup({ config: { root }, provide: (key: string, value: Record<string, number>) => (provided = key === 'claimFamilies' ? value : provided) } as never);
    const claim = join(root, 'specs/tradeoff/0.spec.ts');
    writeFileSync(join(root, 'specs/tradeoff/new-claim.spec.ts'), '');
    expect(claimFamilySize(claim)).toBe(12); // the folder now
    expect(familySizeOf(provided, claim)).toBe(11); // the suite's
    expect(familySizeOf(provided, join(root, 'specs/tradeoff/controls/0.spec.ts'))).toBe(3);
  });

  it('are read from the folder for a claim run outside a suite, and are 1 without a spec file', () => {
    const root = repository(4, 0);
    expect(familySizeOf(undefined, join(root, 'specs/tradeoff/0.spec.ts'))).toBe(4);
    expect(familySizeOf({}, undefined)).toBe(1);
  });
});
