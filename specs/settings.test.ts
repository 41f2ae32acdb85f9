import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileRegistry } from '../src/claims/profiles/profileRegistry.js';
import { readSetting, settings, settingSpecs, type SettingName } from '../src/settings.js';
import { sourceFiles as sources } from './support/sourceFiles.js';

describe('settings: every GST_* variable parsed in src/settings.ts', () => {
  it('no other file in src/ or specs/ reads the environment', () => {
    const reading = new RegExp(['process', 'env'].join('\\.'));
    const offenders = [...sources('src'), ...sources('specs')].filter((f) => f !== join('src', 'settings.ts') && reading.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('every GST_ name used in src/ and specs/ is in the registry', () => {
    const used = new Set([...sources('src'), ...sources('specs')].flatMap((f) => readFileSync(f, 'utf8').match(/\bGST_[A-Z_]+[A-Z]\b/g) ?? []));
    expect([...used].filter((name) => !(name in settingSpecs)).sort()).toEqual([]);
  });

  it('the README settings table lists exactly the registry, with its defaults', () => {
    const readme = readFileSync('README.md', 'utf8');
    const rows = readme.split('\n').filter((l) => /^\| `GST_[A-Z_]+` \|/.test(l));
    expect(rows.map((l) => l.split('`')[1]).sort()).toEqual(Object.keys(settingSpecs).sort());
    for (const row of rows) {
      const name = row.split('`')[1] as SettingName;
      expect(row, name).toContain(settingSpecs[name].fallback);
    }
  });

  it('GST_PROFILE documents exactly the profile registry', () => {
    expect(settingSpecs.GST_PROFILE.allowed).toBe(Object.keys(profileRegistry).join(', '));
  });

  it('defaults, and errors that name the variable, the value and what is allowed', () => {
    const none = settings({});
    expect(none).toMatchObject({
      GST_PROFILE: 'mini',
      GST_SEEDS: 'confirmation',
      GST_BACKEND: 'auto',
      GST_STORE: '.gst-store',
      GST_PREFIX_CHECKPOINTS: true,
      GST_FINAL_STATE_MB: 16,
      GST_FC_SEED: 20261127,
      GST_MAP: false,
      GST_MAP_BUDGET: 6,
    });
    expect(none.GST_WORKERS).toBeUndefined();
    expect(readSetting('GST_WORKERS', { GST_WORKERS: '0' })).toBe(0);
    expect(readSetting('GST_PROGRESS', { GST_PROGRESS: '0' })).toBe(0);
    expect(readSetting('GST_PROGRESS', { GST_PROGRESS: '2' })).toBe(2);
    expect(() => readSetting('GST_PROGRESS', { GST_PROGRESS: 'yes' })).toThrow("GST_PROGRESS='yes' is not a progress level; allowed: 0, 1, 2");
    expect(() => readSetting('GST_WORKERS', { GST_WORKERS: '-1' })).toThrow(
      "GST_WORKERS='-1' is not allowed; use an integer ≥ 0 (0 trains in the test process)",
    );
    expect(() => readSetting('GST_REPLICATES', { GST_REPLICATES: '1' })).toThrow("GST_REPLICATES='1' is not allowed; use an integer ≥ 2");
    expect(() => readSetting('GST_SEEDS', { GST_SEEDS: 'fresh' })).toThrow("GST_SEEDS='fresh' is not allowed; allowed: calibration, confirmation");
    expect(() => readSetting('GST_PREFIX_CHECKPOINTS', { GST_PREFIX_CHECKPOINTS: 'yes' })).toThrow("GST_PREFIX_CHECKPOINTS='yes' is not allowed; use 1 or 0");
    expect(() => readSetting('GST_FINAL_STATE_MB', { GST_FINAL_STATE_MB: '-2' })).toThrow(
      "GST_FINAL_STATE_MB='-2' is not allowed; use a number of megabytes ≥ 0",
    );
    expect(() => settings({ GST_BACKEND: 'gpu' })).toThrow("GST_BACKEND='gpu' is not a backend; allowed: auto, tensorflow, webgpu, wasm, cpu");
  });
});
