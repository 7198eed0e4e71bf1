/**
 * The command line: the program, its global options, and one registration per command
 * (each in commands/<name>.ts). Exported for tests; `main` runs it.
 */
import { Command } from 'commander'
import { registerCheck } from './commands/check.js'
import { registerConform } from './commands/conform.js'
import { registerExplain } from './commands/explain.js'
import { registerImport } from './commands/import.js'
import { registerInit } from './commands/init.js'
import { registerMcp } from './commands/mcp.js'
import { registerQuestions } from './commands/questions.js'
import { registerRender } from './commands/render.js'
import { registerRules } from './commands/rules.js'
import { registerServe } from './commands/serve.js'
import type { RegisterCommand } from './commands/types.js'
import { EXIT_CODES_HELP } from './help.js'
import type { Io } from './io.js'
import { version } from './version.js'

const COMMANDS: readonly RegisterCommand[] = [
  registerCheck,
  registerRender,
  registerServe,
  registerQuestions,
  registerConform,
  registerRules,
  registerExplain,
  registerInit,
  registerMcp,
  registerImport,
]

/** Builds the program; each action stores its exit code through `setExitCode`. */
export function createProgram(io: Io, setExitCode: (code: number) => void): Command {
  const program = new Command('plumbline')
    .description('Architecture as code: check the decisions a model states, ask the ones it leaves open, draw it.')
    .version(version, '-v, --version', 'print the version')
    .option('--debug', 'show stack traces of internal errors')
    .showHelpAfterError('(run plumbline --help for usage)')
    // Set before the commands are added: commander copies these settings into each of them.
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .addHelpText(
      'after',
      `
Examples:
  $ plumbline init
  $ plumbline check models
  $ plumbline check models/accounts.ts --format json
  $ plumbline render models --out docs/models
  $ plumbline serve models
  $ plumbline questions models
  $ plumbline explain identity/uniqueness-undecided
  $ plumbline conform examples/login/engineered.adapter.ts
  $ plumbline mcp                        (started by a coding agent: see the README)
${EXIT_CODES_HELP}`,
    )
  for (const register of COMMANDS) register(program, { io, setExitCode })
  return program
}
