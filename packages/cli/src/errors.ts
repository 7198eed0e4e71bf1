/**
 * Errors the user can act on. Each ends the command with exit code 2 and a message, never
 * a stack trace (unless --debug). Anything else that escapes is an internal error.
 */

export const EXIT_CLEAN = 0
export const EXIT_FINDINGS = 1
export const EXIT_UNUSABLE = 2

/** Input that cannot be used: a missing path, a model that does not load, a bad option value. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** A model file that could not be loaded: names the file, and the line where it is known. */
export class ModelLoadError extends UsageError {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
    readonly column?: number,
    /** The loader's own error, for --debug. */
    options?: { cause: unknown },
  ) {
    super(
      `${file}${line === undefined ? '' : `:${line}${column === undefined ? '' : `:${column}`}`}: ${reason}`,
      options,
    )
  }
}
