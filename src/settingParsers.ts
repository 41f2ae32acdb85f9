/**
 * The parsers of the setting registry (`settings.ts`): each takes a variable's value and name, and
 * throws an error that names the variable, the value and what is allowed.
 */

/** Whether a variable is set (`undefined` and `''` mean "not set"). */
export const isSet = (value: string | undefined): value is string => value !== undefined && value !== '';

/** Free text, or `fallback` when not set. */
export const text =
  (fallback?: string) =>
  (value: string | undefined): string | undefined =>
    isSet(value) ? value : fallback;

/** `1` or `0`; `meaning` tells in the error what each does. */
export function flag(fallback: boolean, meaning: string) {
  return (value: string | undefined, name: string): boolean => {
    if (!isSet(value)) return fallback;
    if (value === '1') return true;
    if (value === '0') return false;
    throw new Error(`${name}='${value}' is not allowed; use 1 or 0 (${meaning})`);
  };
}

/** An integer ≥ `min`; `meaning` tells in the error what it counts. */
export function integer<const F extends number | undefined>(fallback: F, min: number, meaning: string) {
  return (value: string | undefined, name: string): number | F => {
    if (!isSet(value)) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name}='${value}' is not allowed; use an integer ≥ ${min} (${meaning})`);
    return n;
  };
}

/** A number ≥ 0, fractions allowed; `allowed` says so in the error. */
export function nonNegative(fallback: number, allowed: string) {
  return (value: string | undefined, name: string): number => {
    if (!isSet(value)) return fallback;
    const n = Number(value);
    if (!(n >= 0)) throw new Error(`${name}='${value}' is not allowed; use ${allowed}`);
    return n;
  };
}

/** One of `values`; `what` names them in the error. */
export function oneOf<const T extends string>(values: readonly T[], fallback: T, what: string) {
  return (value: string | undefined, name: string): T => {
    if (!isSet(value)) return fallback;
    if ((values as readonly string[]).includes(value)) return value as T;
    throw new Error(`${name}='${value}' is not ${what}; allowed: ${values.join(', ')}`);
  };
}
