import type { Command } from 'commander'
import type { Io } from '../io.js'

/** What every command gets: the process seam and a place to put its exit code. */
interface CommandContext {
  io: Io
  setExitCode(code: number): void
}

/** Adds one command (with its options and help) to the program. */
export type RegisterCommand = (program: Command, context: CommandContext) => void
