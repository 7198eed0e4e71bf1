/**
 * What checking one file comes to, as plain data that can cross from a worker thread: the
 * checked model, or the reason it could not be loaded, or an internal error. Errors are
 * rebuilt on the main thread, with the worker's stack kept for --debug.
 */
import { ModelLoadError } from '../errors.js'
import { checkModelFile, type CheckedModel, type CheckFileContext } from './check-model-file.js'

export type FileOutcome =
  | { kind: 'checked'; model: CheckedModel }
  | { kind: 'unloadable'; file: string; reason: string; line?: number; column?: number; stack?: string }
  | { kind: 'internal'; message: string; stack?: string }

export async function checkFileOutcome(file: string, context: CheckFileContext): Promise<FileOutcome> {
  try {
    return { kind: 'checked', model: await checkModelFile(file, context) }
  } catch (error) {
    if (error instanceof ModelLoadError)
      return {
        kind: 'unloadable',
        file: error.file,
        reason: error.reason,
        ...(error.line === undefined ? {} : { line: error.line }),
        ...(error.column === undefined ? {} : { column: error.column }),
        ...stackOf(error.cause ?? error),
      }
    return { kind: 'internal', message: error instanceof Error ? error.message : String(error), ...stackOf(error) }
  }
}

/** A model checked, then found at fault (a rejection it left unhandled landed after its check): a load error. */
export function withFault(outcome: FileOutcome, file: string, fault: string | undefined): FileOutcome {
  return fault === undefined || outcome.kind !== 'checked' ? outcome : { kind: 'unloadable', file, reason: fault }
}

/** The load error an `unloadable` outcome stands for; its cause carries the original stack. */
export function loadErrorOf(outcome: Extract<FileOutcome, { kind: 'unloadable' }>): ModelLoadError {
  return new ModelLoadError(outcome.file, outcome.reason, outcome.line, outcome.column, {
    cause: withStack(outcome.reason, outcome.stack),
  })
}

export function internalErrorOf(outcome: Extract<FileOutcome, { kind: 'internal' }>): Error {
  return withStack(outcome.message, outcome.stack)
}

function withStack(message: string, stack: string | undefined): Error {
  const error = new Error(message)
  if (stack !== undefined) error.stack = stack
  return error
}

function stackOf(error: unknown): { stack?: string } {
  return error instanceof Error && error.stack !== undefined ? { stack: error.stack } : {}
}
