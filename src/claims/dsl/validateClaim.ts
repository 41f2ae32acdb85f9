import { scoreRegistry } from '../../pruning/scores/scoreRegistry.js';
import { selectionRegistry } from '../../pruning/selections.js';
import { variantRegistry } from '../../pruning/variants/variantRegistry.js';
import { metricRegistry } from '../../readings/runMetrics.js';
import { profileNames } from '../../settings.js';
import type { ArmSpec } from './armSpec.js';
import type { ClaimDefinition } from './claimDefinition.js';
import { pairings, twoArmTests, type Hypothesis } from './hypothesis.js';

/** The measures a minimum effect may use for each kind of hypothesis (docs/methods/verdicts.md). */
export const minimumEffectMeasures = {
  greater: ['hedges-g', 'mean-difference'],
  ordered: ['hedges-g', 'mean-difference'],
  below: ['hedges-g', 'mean-difference'],
  correlation: ['correlation'],
} as const satisfies Record<Hypothesis['kind'], readonly string[]>;

const correlationTests = ['pearson', 'kendall', 'spearman'] as const;

/** A claim definition that cannot run, naming the claim, the field, its value, what is allowed and the fix. */
export class ClaimDefinitionError extends Error {
  constructor(id: unknown, field: string, value: unknown, allowed: string) {
    super(`claim '${String(id)}': ${field} is ${describe(value)}; allowed: ${allowed}`);
    this.name = 'ClaimDefinitionError';
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value) ?? String(value);
}

const names = (values: readonly string[]) => values.join(', ');
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isOneOf = (v: unknown, values: readonly string[]): boolean => typeof v === 'string' && values.includes(v);
const isPositiveInteger = (v: unknown, min: number): boolean => typeof v === 'number' && Number.isInteger(v) && v >= min;

/** Checks one arm; `field` is where it sits (`arms.l13`). */
function validateArm(id: unknown, field: string, arm: ArmSpec): void {
  const fail = (f: string, value: unknown, allowed: string) => {
    throw new ClaimDefinitionError(id, `${field}.${f}`, value, allowed);
  };
  if (typeof arm !== 'object' || arm === null) throw new ClaimDefinitionError(id, field, arm, 'an arm: { label, variant, … } (src/claims/dsl/armSpec.ts)');
  if (!isText(arm.label)) fail('label', arm.label, 'a non-empty text shown in reports');
  if (!isOneOf(arm.variant, Object.keys(variantRegistry))) fail('variant', arm.variant, names(Object.keys(variantRegistry)));
  if (arm.selection !== undefined && !isOneOf(arm.selection, Object.keys(selectionRegistry)))
    fail('selection', arm.selection, names(Object.keys(selectionRegistry)));
  if (arm.rate !== undefined && !(isOneOf(arm.rate, ['small', 'large']) || /^sweep-\d+$/.test(String(arm.rate))))
    fail('rate', arm.rate, 'small, large, sweep-<index>');
  if (arm.perturbationWindow !== undefined && !isOneOf(arm.perturbationWindow, ['short', 'long']))
    fail('perturbationWindow', arm.perturbationWindow, 'short, long');
  if (arm.score !== undefined && !isOneOf(arm.score, Object.keys(scoreRegistry))) fail('score', arm.score, names(Object.keys(scoreRegistry)));
  if (arm.flatness !== undefined && typeof arm.flatness !== 'boolean') fail('flatness', arm.flatness, 'true, false');
  if (arm.seedBlock !== undefined && !isPositiveInteger(arm.seedBlock, 0)) fail('seedBlock', arm.seedBlock, 'an integer ≥ 0');
}

/** Checks the hypothesis against the claim's arms and the metrics and tests there are. */
function validateHypothesis(id: unknown, h: Hypothesis, armIds: readonly string[]): void {
  const fail = (field: string, value: unknown, allowed: string) => {
    throw new ClaimDefinitionError(id, `hypothesis.${field}`, value, allowed);
  };
  const metrics = Object.keys(metricRegistry);
  const arm = (field: string, value: unknown) => {
    if (!isOneOf(value, armIds)) fail(field, value, `the claim's arms: ${names(armIds)}`);
  };
  const metric = (field: string, value: unknown) => {
    if (!isOneOf(value, metrics)) fail(field, value, names(metrics));
  };
  if (typeof h !== 'object' || h === null || !isOneOf(h.kind, Object.keys(minimumEffectMeasures)))
    fail('kind', (h as Partial<Hypothesis> | undefined)?.kind, names(Object.keys(minimumEffectMeasures)));
  if (h.kind === 'correlation') {
    metric('x', h.x);
    metric('y', h.y);
    if (!Array.isArray(h.arms) || h.arms.length === 0) fail('arms', h.arms, `a non-empty list of the claim's arms: ${names(armIds)}`);
    h.arms.forEach((a, i) => arm(`arms[${i}]`, a));
    if (!isOneOf(h.sign, ['negative', 'positive'])) fail('sign', h.sign, 'negative, positive');
    if (h.test !== undefined && !isOneOf(h.test, correlationTests)) fail('test', h.test, names(correlationTests));
    return;
  }
  metric('metric', h.metric);
  if ((h.kind === 'greater' || h.kind === 'ordered') && h.pairBy !== undefined && !isOneOf(h.pairBy, pairings)) fail('pairBy', h.pairBy, names(pairings));
  if (h.kind === 'greater') {
    arm('arm', h.arm);
    arm('than', h.than);
    if (h.arm === h.than) fail('than', h.than, `an arm other than '${h.arm}'`);
    const tests = [...twoArmTests.paired, ...twoArmTests.unpaired];
    if (h.test !== undefined && !isOneOf(h.test, tests)) fail('test', h.test, names(tests));
  } else if (h.kind === 'ordered') {
    if (!Array.isArray(h.order) || h.order.length < 2) fail('order', h.order, 'at least two of the claim’s arms, largest first');
    h.order.forEach((a, i) => arm(`order[${i}]`, a));
    if (new Set(h.order).size !== h.order.length) fail('order', h.order, 'each arm once');
  } else {
    arm('arm', h.arm);
    if (typeof h.value !== 'number' || !Number.isFinite(h.value)) fail('value', h.value, 'a finite number');
  }
}

/**
 * Checks a claim definition completely, before any run is planned: its id and texts, every arm, the
 * hypothesis (kind, arms, metrics, test, order), α in (0, 0.5], the minimum effect's measure for the
 * hypothesis' kind and its value (> 0: a size in the claimed direction; below 1 for a correlation),
 * seeds per arm, expected failures and the baseline tolerance. Throws a {@link ClaimDefinitionError}
 * that names the claim, the field, the value and what is allowed.
 *
 * @example
 * ```ts
 * validateClaim({ ...definition, alpha: 1.5 }); // throws: claim 'x': alpha is 1.5; allowed: a number in (0, 0.5] …
 * ```
 */
export function validateClaim(definition: ClaimDefinition): void {
  const { id } = definition;
  const fail = (field: string, value: unknown, allowed: string) => {
    throw new ClaimDefinitionError(id, field, value, allowed);
  };
  if (!isText(id) || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) fail('id', id, 'lower-case words joined by hyphens, e.g. stability-order');
  if (!isText(definition.title)) fail('title', definition.title, 'a non-empty text');
  if (!isText(definition.paperClaim)) fail('paperClaim', definition.paperClaim, 'the paper claim it encodes, e.g. "Claim 1: …"');
  if (typeof definition.arms !== 'object' || definition.arms === null || Object.keys(definition.arms).length === 0)
    fail('arms', definition.arms, 'a record of at least one arm by id');
  const armIds = Object.keys(definition.arms);
  for (const armId of armIds) validateArm(id, `arms.${armId}`, definition.arms[armId]);
  validateHypothesis(id, definition.hypothesis, armIds);
  const alpha = definition.alpha;
  if (alpha !== undefined && !(typeof alpha === 'number' && alpha > 0 && alpha <= 0.5)) fail('alpha', alpha, 'a number in (0, 0.5], e.g. 0.05');
  const measures: readonly string[] = minimumEffectMeasures[definition.hypothesis.kind];
  const minEffect = definition.minEffect as Partial<ClaimDefinition['minEffect']> | undefined;
  if (minEffect === undefined || !isOneOf(minEffect.measure, measures))
    fail('minEffect.measure', minEffect?.measure, `for a '${definition.hypothesis.kind}' hypothesis: ${names(measures)}`);
  const value = minEffect?.value;
  const upper = minEffect?.measure === 'correlation' ? 1 : Infinity;
  if (!(typeof value === 'number' && value > 0 && value < upper))
    fail('minEffect.value', value, `a size in the claimed direction: a number > 0${upper === 1 ? ' and < 1' : ''} (the direction is the hypothesis')`);
  if (definition.seedsPerArm !== undefined && !isPositiveInteger(definition.seedsPerArm, 2)) fail('seedsPerArm', definition.seedsPerArm, 'an integer ≥ 2');
  for (const [profile, reason] of Object.entries(definition.expectedToFail ?? {})) {
    if (!isOneOf(profile, profileNames)) fail(`expectedToFail.${profile}`, reason, `profiles: ${names(profileNames)}`);
    if (!isText(reason)) fail(`expectedToFail.${profile}`, reason, 'the reason, as a non-empty text');
  }
  if (definition.control !== undefined && typeof definition.control !== 'boolean') fail('control', definition.control, 'true, false');
  const tolerance = definition.baselineTolerance;
  if (tolerance !== undefined && !(typeof tolerance === 'number' && tolerance >= 0 && Number.isFinite(tolerance)))
    fail('baselineTolerance', tolerance, 'a number ≥ 0');
}
