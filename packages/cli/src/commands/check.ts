/**
 * `plumbline check [paths..]`: validate every model; exit 0 clean, 1 with findings at error
 * level, 2 when the input cannot be used (thrown as UsageError, handled in main).
 */
import { buildReport, checkSystem, type CheckOptions, type ModelReport, type Report } from '@plumbline/core'
import { Option } from 'commander'
import { EXIT_CLEAN, EXIT_FINDINGS } from '../errors.js'
import { formatNames, formats, type FormatName } from '../formats/index.js'
import type { Io } from '../io.js'
import { loadModels } from '../load/load-models.js'
import { DEFAULT_MODEL_PATHS, EXIT_CODES_HELP } from '../help.js'
import { explorationBounds, explorationOptions, type ExplorationFlags } from '../options/exploration.js'
import { progressLine } from '../progress.js'
import { styleFor } from '../style.js'
import type { RegisterCommand } from './types.js'

export const registerCheck: RegisterCommand = (program, { io, setExitCode }) => {
  const check = program
    .command('check')
    .description('validate models: shape, names, rules, exploration')
    .argument('[paths...]', 'model files or folders', DEFAULT_MODEL_PATHS)
    .addOption(new Option('-f, --format <format>', 'report format').choices(formatNames).default('pretty'))
  for (const option of explorationOptions()) check.addOption(option)
  check
    .addHelpText(
      'after',
      `
Examples:
  $ plumbline check                      check every model under models/
  $ plumbline check models/accounts.ts   one file
  $ plumbline check models --format json > report.json
  $ plumbline check --max-states 100000 --timeout 30s
${EXIT_CODES_HELP}`,
    )
    .action(async (paths: string[], options: { format: FormatName } & ExplorationFlags) => {
      setExitCode(await checkCommand(paths, { format: options.format, bounds: explorationBounds(options) }, io))
    })
}

export interface CheckCommandOptions {
  format: FormatName
  bounds?: CheckOptions['bounds']
}

export async function checkCommand(paths: readonly string[], options: CheckCommandOptions, io: Io): Promise<number> {
  const report = await checkModels(paths, io, options.bounds === undefined ? {} : { bounds: options.bounds })
  io.stdout.write(formats[options.format](report, { style: styleFor(io.stdout, io.env) }))
  return report.summary.errors > 0 ? EXIT_FINDINGS : EXIT_CLEAN
}

export async function checkModels(paths: readonly string[], io: Io, options: Pick<CheckOptions, 'bounds'> = {}): Promise<Report> {
  const loaded = await loadModels(paths, io.cwd)
  const models: ModelReport[] = []
  const progress = progressLine(io)
  for (const { shown, exported, fallbackName } of loaded) {
    const result = await checkSystem(exported, { ...options, ...(progress.onProgress ? { onProgress: progress.onProgress } : {}) }).finally(progress.clear)
    models.push({
      file: shown,
      system: result.system ?? fallbackName,
      diagnostics: result.diagnostics.map((diagnostic) => ({ ...diagnostic, location: diagnostic.location ?? { file: shown } })),
      exploration: result.exploration,
      decided: result.decided,
    })
  }
  return buildReport(models)
}
