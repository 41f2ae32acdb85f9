import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildClaimReport } from '../../src/claims/buildClaimReport.js';
import type { ClaimDefinition } from '../../src/claims/dsl/claimDefinition.js';
import { paperArms } from '../../src/claims/dsl/paperArms.js';
import { writeReports } from '../../src/report/writeReports.js';
import { syntheticContext } from '../support/syntheticClaims.js';
import { seedMatchedArms } from '../support/syntheticRuns.js';

/** Debian's chromium, when installed (`apt-get install chromium`). */
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars'];

describe.skipIf(chromium === undefined)(
  `index.html in headless Chromium${chromium ? '' : ' (skipped: chromium is not installed; apt-get install chromium)'}`,
  () => {
    const runs = seedMatchedArms({
      n: 8,
      seed: 9,
      seedSd: 0.02,
      arms: { none: { stability: [100, 0], best: [0.75, 0.01] }, l13: { stability: [60, 5], best: [0.78, 0.01] } },
    });
    const claim: ClaimDefinition = {
      id: 'l-beats-"none"',
      title: 'Prune_L <beats> none',
      paperClaim: 'Claim 2',
      arms: { l13: paperArms.pruneLLarge, none: paperArms.baseline },
      hypothesis: { kind: 'greater', metric: 'best', arm: 'l13', than: 'none' },
      minEffect: { measure: 'hedges-g', value: 0.5 },
    };
    const base = { ...syntheticContext, durationSeconds: 1, familySize: 1 };
    // an ordered claim (its steps) and a correlation over arms with an unpruned one (its readings beside)
    const three = seedMatchedArms({
      n: 8,
      seed: 10,
      seedSd: 0.02,
      arms: {
        none: { stability: [100, 0], best: [0.75, 0.01] },
        s1: { stability: [80, 3], best: [0.76, 0.01] },
        l13: { stability: [60, 5], best: [0.78, 0.01] },
      },
    });
    const order: ClaimDefinition = {
      id: 'order',
      title: 'Stability order',
      paperClaim: 'Claim 1',
      arms: { none: paperArms.baseline, s1: paperArms.pruneSSmall, l13: paperArms.pruneLLarge },
      hypothesis: { kind: 'ordered', metric: 'stability', order: ['none', 's1', 'l13'] },
      minEffect: { measure: 'hedges-g', value: 0.5 },
    };
    const correlation: ClaimDefinition = {
      ...order,
      id: 'tradeoff',
      title: 'Stability vs best',
      hypothesis: { kind: 'correlation', x: 'stability', y: 'best', arms: ['none', 's1', 'l13'], sign: 'negative' },
      minEffect: { measure: 'correlation', value: 0.2 },
    };
    const dir = mkdtempSync(join(tmpdir(), 'gst-browser-'));
    writeReports({
      dir,
      reports: [
        { report: buildClaimReport({ ...base, definition: claim, runs }), testPassed: true },
        { report: buildClaimReport({ ...base, definition: order, runs: three }), testPassed: true },
        { report: buildClaimReport({ ...base, definition: correlation, runs: three }), testPassed: true },
      ],
      durationSeconds: 1,
    });
    const page = `file://${join(dir, 'index.html')}`;

    it('parses into the verdict table, the verdicts picture and the figures, with names escaped', () => {
      const dom = execFileSync(chromium as string, [...flags, '--dump-dom', page], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 });
      expect(dom.match(/class="verdict-row /g)).toHaveLength(3);
      // the ordered claim's steps, each with its outcome, and the readings beside the deciding one (§9.2, §9.3)
      expect(dom.match(/<tr class="pair step">/g)).toHaveLength(2);
      expect(dom).toMatch(/<td class="verdict [a-z-]+">step: [a-z ]+<\/td><td colspan="2">none &gt; s1 \(paired-t\)/);
      expect(dom).toContain('endpoints none &gt; l13');
      expect(dom).toContain('pruned arms only (s1, l13)');
      expect(dom).toContain('arm fixed effects');
      expect(dom).toMatch(/steps supported/);
      expect(dom.match(/<svg /g)?.length).toBeGreaterThanOrEqual(3);
      expect(dom).toContain('id="l-beats-&quot;none&quot;"');
      expect(dom).toContain('Prune_L &lt;beats&gt; none');
    });

    it('renders to a screenshot', () => {
      const png = join(dir, 'page.png');
      execFileSync(chromium as string, [...flags, '--window-size=1280,1600', `--screenshot=${png}`, page], { stdio: 'ignore', timeout: 60_000 });
      expect(statSync(png).size).toBeGreaterThan(20_000);
    });
  },
);
