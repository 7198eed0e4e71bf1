/**
 * The one place the process is touched: runs the program, turns known errors into a message
 * and exit code 2, and keeps stack traces for --debug.
 */
import { EXIT_CLEAN } from './errors.js'
import { reportFailure } from './failure.js'
import { processIo, type Io } from './io.js'
import { createProgram } from './program.js'

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode = EXIT_CLEAN
  const program = createProgram(io, (code) => (exitCode = code))
  const debug = argv.includes('--debug')
  try {
    await program.parseAsync(argv, { from: 'user' })
    return exitCode
  } catch (error) {
    return reportFailure(error, io, debug)
  }
}
