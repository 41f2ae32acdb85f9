import { defineConfig } from 'vitest/config';
import ClaimSequencer from './src/claims/runner/claimSequencer.js';

/**
 * Two projects:
 * - `framework`: fast tests of the harness itself (`npm test`).
 * - `tradeoff`: the paper's claims (`npx vitest run specs/tradeoff`), which train networks.
 */
export default defineConfig({
  test: {
    // vitest's defaults (on GitHub Actions also its github-actions reporter, which shows each claim's verdict annotation) and the claims reporter
    reporters: ['default', ...(process.env.GITHUB_ACTIONS === 'true' ? ['github-actions'] : []), './src/report/claimsReporter.ts'],
    // claim files with the fewest runs before their first look run first (the soonest verdicts)
    sequence: { sequencer: ClaimSequencer },
    // `npm run coverage`: the framework tests' coverage of src/ (the AssemblyScript kernels are compiled, not run as TS)
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/engine/kernels/wasm/assembly/**'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'coverage',
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'framework',
          include: ['specs/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          name: 'tradeoff',
          include: ['specs/tradeoff/**/*.spec.ts'],
          // the claim families (the correction's K) are read once, when the suite starts
          globalSetup: ['./src/claims/runner/claimFamiliesSetup.ts'],
          testTimeout: 6 * 3_600_000,
          hookTimeout: 6 * 3_600_000,
          pool: 'forks',
          // one claim file at a time: each trains its runs in one worker process per core
          fileParallelism: false,
        },
      },
    ],
  },
});
