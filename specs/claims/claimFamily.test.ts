import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claimFamilies, claimFamilySize, familySizeOf, familySizeOfClaim } from '../../src/claims/dsl/claimFamily.js';
import setup from '../../src/claims/runner/claimFamiliesSetup.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const collector = resolve('src/claims/runner/claimCollector.ts');
let ids = 0;
/** A spec file of one claim that imports (its claim is handed to a collection; the id is new each time). */
const oneClaim = () =>
  `import { collectClaim } from '${collector}';\nconst verifyClaim = (definition: unknown) => collectClaim({ kind: 'claim', definition } as never);\nverifyClaim(\n  { id: 'c${ids++}' },\n);\n`;

/** A repository with `specs/tradeoff` (`claims` spec files of one claim each) and `specs/tradeoff/controls` (`controls`). */
function repository(claims: number, controls: number): string {
  const root = mkdtempSync(join(tmpdir(), 'gst-family-'));
  dirs.push(root);
  mkdirSync(join(root, 'specs/tradeoff/controls'), { recursive: true });
  mkdirSync(join(root, 'specs/tradeoff/maps'), { recursive: true });
  for (let i = 0; i < claims; i++) writeFileSync(join(root, `specs/tradeoff/${i}.spec.ts`), oneClaim());
  for (let i = 0; i < controls; i++) writeFileSync(join(root, `specs/tradeoff/controls/${i}.spec.ts`), oneClaim());
  writeFileSync(join(root, 'specs/tradeoff/maps/m.map.spec.ts'), 'verifyClaimMap({});\n');
  writeFileSync(join(root, 'specs/tradeoff/helper.ts'), oneClaim());
  return root;
}

describe('claim families (the correction’s K)', () => {
  it('are the claims of each folder, controls apart: a file of two claims counts two, a map or a helper none', () => {
    const root = repository(11, 3);
    writeFileSync(
      join(root, 'specs/tradeoff/two.spec.ts'),
      `${oneClaim()}// verifyClaim( in a comment is not a statement\nverifyPropertyClaim({ id: 'p' });\n`,
    );
    expect(claimFamilies(join(root, 'specs'))).toEqual({ [join(root, 'specs/tradeoff')]: 13, [join(root, 'specs/tradeoff/controls')]: 3 });
    expect(familySizeOfClaim(`c${ids - 1}`, join(root, 'specs'))).toBe(13);
  });

  it("of this repository: the paper's 15 claims in 11 files, and the 4 A/A controls", () => {
    const families = claimFamilies('specs'); // (a test's own claim folder, specs/tradeoff/tmp-*, may exist meanwhile: a family of its own)
    expect([families[resolve('specs/tradeoff')], families[resolve('specs/tradeoff/controls')]]).toEqual([15, 4]);
    expect(familySizeOfClaim('aa-ordered', 'specs')).toBe(4);
    expect(familySizeOfClaim('tradeoff-kendall', 'specs')).toBe(15);
  });

  it('are fixed when the suite starts: a spec file added while it runs changes no claim’s family', async () => {
    const root = repository(11, 3);
    let provided: Record<string, number> | undefined;
    await setup({
      config: { root },
      provide: (key: string, value: Record<string, number>) => (provided = key === 'claimFamilies' ? value : provided),
    } as never);
    const claim = join(root, 'specs/tradeoff/0.spec.ts');
    writeFileSync(join(root, 'specs/tradeoff/new-claim.spec.ts'), oneClaim());
    expect(claimFamilySize(claim)).toBe(12); // the folder now
    expect(familySizeOf(provided, claim)).toBe(11); // the suite's
    expect(familySizeOf(provided, join(root, 'specs/tradeoff/controls/0.spec.ts'))).toBe(3);
  });

  it('count no claim of a file that fails to import, and refuse two claims of one id before anything trains, naming both files', async () => {
    const root = repository(11, 3);
    for (let i = 0; i < 2; i++) writeFileSync(join(root, `specs/tradeoff/broken-${i}.spec.ts`), `${oneClaim()}throw new Error('broken');\n`);
    let provided: Record<string, number> | undefined;
    const project = { config: { root }, provide: (key: string, value: Record<string, number>) => (provided = key === 'claimFamilies' ? value : provided) };
    await setup(project as never);
    expect(provided).toEqual({ [join(root, 'specs/tradeoff')]: 11, [join(root, 'specs/tradeoff/controls')]: 3 });
    const [firstId] = /id: '(c\d+)'/.exec(readFileSync(join(root, 'specs/tradeoff/0.spec.ts'), 'utf8'))?.slice(1) ?? [];
    writeFileSync(join(root, 'specs/tradeoff/twin.spec.ts'), oneClaim().replace(/id: 'c\d+'/, `id: '${firstId}'`));
    await expect(setup(project as never)).rejects.toThrow(
      `claim id '${firstId}' is declared twice: in specs/tradeoff/0.spec.ts and in specs/tradeoff/twin.spec.ts; give each claim its own id (nothing was trained)`,
    );
  });

  it('are read from the folder for a claim run outside a suite, and are 1 without a spec file', () => {
    const root = repository(4, 0);
    expect(familySizeOf(undefined, join(root, 'specs/tradeoff/0.spec.ts'))).toBe(4);
    expect(familySizeOf({}, undefined)).toBe(1);
  });
});
