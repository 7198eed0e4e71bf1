/**
 * The command line: commands, options and help. Exported for tests; `main` runs it.
 */
import { Command, Option } from 'commander'
import { checkCommand } from './commands/check.js'
import { formatNames, type FormatName } from './formats/index.js'
import type { Io } from './io.js'
import { version } from './version.js'

export const DEFAULT_MODEL_PATHS = ['models']

const EXIT_CODES = `
Exit codes:
  0  clean: no finding at error level
  1  findings at error level
  2  unusable input: a model that does not load, a missing path, a bad option`

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
    .addHelpText('after', `
Examples:
  $ plumbline check models
  $ plumbline check models/accounts.ts --format json
${EXIT_CODES}`)

  program
    .command('check')
    .description('validate models: shape, names, rules, exploration')
    .argument('[paths...]', 'model files or folders', DEFAULT_MODEL_PATHS)
    .addOption(new Option('-f, --format <format>', 'report format').choices(formatNames).default('pretty'))
    .addHelpText('after', `
Examples:
  $ plumbline check                      check every model under models/
  $ plumbline check models/accounts.ts   one file
  $ plumbline check models --format json > report.json
${EXIT_CODES}`)
    .action(async (paths: string[], options: { format: FormatName }) => {
      setExitCode(await checkCommand(paths, { format: options.format }, io))
    })

  return program
}
