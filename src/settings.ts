/**
 * Every `GST_*` environment variable of the project, parsed in this one place: what it does, what is allowed, its default, and the parser whose errors
 * name the variable, the value, what is allowed and the fix. Code reads {@link settings} (or {@link readSetting}); nothing else in `src/` or `specs/`
 * reads the environment (a test checks it). The README's settings table is checked against this registry.
 */

import { flag, integer, isSet, nonNegative, oneOf, text } from './settingParsers.js';

/** The instruction sets the native kernels are built for (`engine/kernels/native/isa_*.cc`), best first. */
export const nativeInstructionSets = ['avx512', 'avx2', 'sse2'] as const;
/** What `GST_NATIVE_KERNELS` may ask for: the best instruction set, one of them, or none (`0`). */
export const nativeKernelRequests = ['auto', ...nativeInstructionSets, '0'] as const;

/** The profiles (scales) a user may ask for in `GST_PROFILE` (`claims/profiles/profileRegistry.ts` has one for each name). */
export const profileNames = ['mini', 'mini-v1', 'mini-fixed', 'ci', 'paper', 'protocol-c'] as const;
export type ProfileName = (typeof profileNames)[number];

/** The seed sets a user may ask for in `GST_SEEDS` (a protocol defines those it has; `confirmation-2`: docs/methods/verdicts.md §9.8). */
export const seedPhases = ['calibration', 'confirmation', 'confirmation-2'] as const;

/** Backends a user may ask for in `GST_BACKEND`. */
export const backendRequests = ['auto', 'tensorflow', 'webgpu', 'wasm', 'cpu'] as const;
export type BackendRequest = (typeof backendRequests)[number];

/** One variable: documentation and its parser (`undefined` and `''` mean "not set"). */
interface SettingSpec<T> {
  readonly description: string;
  readonly allowed: string;
  readonly fallback: string;
  parse(value: string | undefined, name: string): T;
}

/** The registry: one entry a variable. */
export const settingSpecs = {
  GST_PROFILE: {
    description: 'the scale the claims run at',
    allowed: profileNames.join(', '),
    fallback: 'mini',
    parse: oneOf(profileNames, 'mini', 'a profile'),
  },
  GST_REPLICATES: {
    description: 'seeds per arm, overriding the profile and the spec',
    allowed: 'an integer ≥ 2',
    fallback: "the spec's, else the profile's",
    parse: integer(undefined, 2, 'seeds per arm'),
  },
  GST_SEEDS: {
    description: 'which seed set the claims use',
    allowed: seedPhases.join(', '),
    fallback: 'confirmation',
    parse: oneOf(seedPhases, 'confirmation', 'allowed'),
  },
  GST_BACKEND: {
    description: 'the TensorFlow.js backend',
    allowed: backendRequests.join(', '),
    fallback: 'auto',
    parse: oneOf(backendRequests, 'auto', 'a backend'),
  },
  GST_WEBGPU_SOFTWARE: {
    description: "let GST_BACKEND=webgpu use a software adapter (Mesa's llvmpipe: tests only, never results)",
    allowed: '1',
    fallback: 'off',
    parse: flag(false, '1 allows the software adapter'),
  },
  GST_WASM_FMA: { description: 'fused multiply-adds in the wasm kernels (other rounding)', allowed: '1, 0', fallback: '0', parse: flag(false, '1 fuses') },
  GST_NATIVE_KERNELS: {
    description: "the wasm backend's convolutions as native code (same results)",
    allowed: nativeKernelRequests.join(', '),
    fallback: 'auto',
    parse: oneOf(nativeKernelRequests, 'auto', 'allowed'),
  },
  GST_DATA_DIR: {
    description: 'folder of CIFAR-10 (the paper profile)',
    allowed: 'a folder',
    fallback: 'none (the shipped Fashion-MNIST needs none)',
    parse: text(),
  },
  GST_STORE: {
    description: 'run store: results, prefix checkpoints, final states',
    allowed: 'a folder',
    fallback: '.gst-store',
    parse: (v) => (isSet(v) ? v : '.gst-store'),
  },
  GST_WORKERS: {
    description: 'training processes',
    allowed: 'an integer ≥ 0 (0 trains in the test process)',
    fallback: 'one per core',
    parse: integer(undefined, 0, '0 trains in the test process'),
  },
  GST_SEEDS_TOGETHER: {
    description: 'runs of one training config trained together as one ensemble, each with its result alone',
    allowed: 'an integer ≥ 1 (1 alone)',
    fallback: "the profile's on webgpu, else 1",
    parse: integer(undefined, 1, '1 trains each run alone'),
  },
  GST_PREFIX_CHECKPOINTS: {
    description: 'share training prefixes between runs of a seed',
    allowed: '1, 0',
    fallback: '1',
    parse: flag(true, '1 shares training prefixes, the default; 0 trains every run from scratch'),
  },
  GST_FINAL_STATES: {
    description: "flatness runs measure on their twin's final state",
    allowed: '1, 0',
    fallback: '1',
    parse: flag(true, "1: flatness runs measure on their twin's final state, the default; 0: they train themselves"),
  },
  GST_FINAL_STATE_MB: {
    description: 'largest final state kept for later measurements',
    allowed: 'megabytes ≥ 0',
    fallback: '16',
    parse: nonNegative(16, 'a number of megabytes ≥ 0'),
  },
  GST_PROGRESS: {
    description: 'progress on stderr: a status line (in place on a terminal, else every 30 s), or a line per epoch',
    allowed: '1 (status), 2 (every epoch), 0 (never)',
    fallback: '1 when stderr is a terminal, else 0',
    parse: (v: string | undefined, name: string) => (isSet(v) ? Number(oneOf(['0', '1', '2'] as const, '1', 'a progress level')(v, name)) : undefined),
  },
  GST_REPORT_DIR: {
    description: 'where the claims reports are written',
    allowed: 'a folder',
    fallback: 'reports/latest',
    parse: (v) => (isSet(v) ? v : 'reports/latest'),
  },
  GST_BASELINE: {
    description: 'a stored claims.json to compare with (fails on a verdict flip or effect drift)',
    allowed: 'a file',
    fallback: 'none',
    parse: text(),
  },
  GST_FC_SEED: {
    description: 'fast-check seed of property claims and maps',
    allowed: 'an integer',
    fallback: '20261127',
    parse: integer(20261127, -(2 ** 31), 'the fast-check seed'),
  },
  GST_FC_PATH: { description: 'replay one fast-check path', allowed: 'a path printed by a report', fallback: 'none', parse: text() },
  GST_MAP: { description: 'run the claim maps (specs/tradeoff/maps)', allowed: '1', fallback: 'off', parse: flag(false, '1 runs the claim maps') },
  GST_MAP_BUDGET: { description: 'distinct points a claim map evaluates', allowed: 'an integer ≥ 1', fallback: '6', parse: integer(6, 1, 'points of the map') },
} as const satisfies Record<`GST_${string}`, SettingSpec<unknown>>;

export type SettingName = keyof typeof settingSpecs;

/** The parsed settings. */
export type Settings = { readonly [K in SettingName]: ReturnType<(typeof settingSpecs)[K]['parse']> };

/**
 * One variable, parsed from `env` (default: this process's environment).
 *
 * @example
 * ```ts
 * readSetting('GST_WORKERS', { GST_WORKERS: '2' }); // 2
 * ```
 */
export function readSetting<K extends SettingName>(name: K, env: Readonly<Record<string, string | undefined>> = process.env): Settings[K] {
  const spec: SettingSpec<unknown> = settingSpecs[name];
  return spec.parse(env[name], name) as Settings[K];
}

/**
 * Every variable, parsed (a bad value anywhere is an error naming it).
 *
 * @example
 * ```ts
 * settings({ GST_PROFILE: 'ci' }).GST_PROFILE; // 'ci'
 * ```
 */
export function settings(env: Readonly<Record<string, string | undefined>> = process.env): Settings {
  return Object.fromEntries((Object.keys(settingSpecs) as SettingName[]).map((name) => [name, readSetting(name, env)])) as Settings;
}

/**
 * Gives a variable a value unless the user set one: Mesa's `EGL_PLATFORM` (software adapter), `GST_DATA_DIR` (`gpu:check` makes its own data).
 *
 * @example
 * ```ts
 * defaultEnvironment('EGL_PLATFORM', 'surfaceless');
 * ```
 */
export function defaultEnvironment(name: 'EGL_PLATFORM' | 'GST_DATA_DIR', value: string): void {
  process.env[name] ??= value;
}

/** Whether stderr reaches a terminal: directly, or from a vitest worker, which writes to vitest's terminal through a pipe (vitest sets `FORCE_TTY` then). */
export function stderrIsTerminal(): boolean {
  return process.stderr.isTTY === true || process.env.FORCE_TTY === 'true';
}

/**
 * This process's environment with some settings replaced: the environment of a child process (a suite a test runs).
 *
 * @example
 * ```ts
 * spawn('npx', ['vitest', 'run'], { env: environmentWith({ GST_PROFILE: 'ci' }) });
 * ```
 */
export function environmentWith(overrides: Partial<Record<SettingName, string>>): Record<string, string | undefined> {
  return { ...process.env, ...overrides };
}
