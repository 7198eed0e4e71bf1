/**
 * What the user sees when a command cannot go on: a message per known problem (a file-system
 * error among them) and exit code 2, stack traces only with --debug; anything unknown is an
 * internal error.
 */
import { CommanderError } from 'commander'
import { EXIT_CLEAN, EXIT_UNUSABLE, UsageError } from './errors.js'
import { describeFileSystemError, isFileSystemError } from './files/file-system-errors.js'
import type { Io } from './io.js'
import { ModelLoadErrors } from './load/load-models.js'
import { styleFor } from './style.js'

export function reportFailure(error: unknown, io: Io, debug: boolean): number {
  const style = styleFor(io.stderr, io.env)
  if (error instanceof CommanderError) {
    // Help and --version "fail" with exit code 0; commander has already printed the message.
    return error.exitCode === 0 ? EXIT_CLEAN : EXIT_UNUSABLE
  }
  if (error instanceof UsageError) {
    for (const line of error.message.split('\n')) io.stderr.write(`${style('red', 'error:')} ${line}\n`)
    if (debug) for (const failure of causes(error)) if (failure.stack) io.stderr.write(`${failure.stack}\n`)
    return EXIT_UNUSABLE
  }
  if (isFileSystemError(error)) {
    io.stderr.write(`${style('red', 'error:')} ${describeFileSystemError(error, io.cwd)}\n`)
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`)
    return EXIT_UNUSABLE
  }
  const message = error instanceof Error ? error.message : String(error)
  io.stderr.write(`${style('red', 'internal error:')} ${message}\n`)
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`)
  else
    io.stderr.write('This is a bug in Plumbline. Run again with --debug for the stack trace, and please report it.\n')
  return EXIT_UNUSABLE
}

/** The errors behind a usage error, innermost last: what --debug shows. */
function causes(error: Error): Error[] {
  const nested = error instanceof ModelLoadErrors ? error.errors.flatMap(causes) : []
  return error.cause instanceof Error ? [error.cause, ...nested] : nested.length > 0 ? nested : [error]
}
