/**
 * A claim that gave no verdict: its test threw before deciding (`claim`), or its spec file failed to
 * import, so none of its claims ran (`file`). Every collected claim file appears in the final report:
 * with its verdicts, or here, as an `error` that counts as a failure.
 */
export interface ErroredClaim {
  readonly outcome: 'error';
  readonly kind: 'claim' | 'file';
  /** The spec file, relative to the repository. */
  readonly file: string;
  /** The claim's id and title, for a claim whose test started. */
  readonly id?: string;
  readonly title?: string;
  /** The error's first line. */
  readonly message: string;
}

/**
 * How an errored claim is named in the reports: its id, else its file.
 *
 * @example
 * ```ts
 * erroredName({ outcome: 'error', kind: 'file', file: 'specs/tradeoff/12-x.spec.ts', message: 'SyntaxError' }); // 'specs/tradeoff/12-x.spec.ts (failed to import)'
 * ```
 */
export function erroredName(errored: ErroredClaim): string {
  return errored.kind === 'file' ? `${errored.file} (failed to import)` : `${errored.id ?? '?'}: ${errored.title ?? ''} (${errored.file})`;
}
