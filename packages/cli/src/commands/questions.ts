/**
 * `plumbline questions [paths..]`: the decisions each model leaves open, as questions. Open
 * questions are not failures: exit 0, or 2 when the input cannot be used (a model that does
 * not load, or whose shape is too broken to ask anything of).
 */
import type { SeveritySettings } from '@plumbline/core'
import { settleRun } from '../config/run-settings.js'
import { EXIT_CLEAN } from '../errors.js'
import { findModelFiles } from '../load/find-model-files.js'
import { CHECK_FLAGS } from '../options/check-flags.js'
import { choiceOption } from '../options/choices.js'
import { ruleSeverityOption } from '../options/rule-severities.js'
import { checkFiles } from '../run/check-files.js'
import { questionsReportOf } from '../run/questions-report.js'
import { styleFor } from '../style.js'
import { jsonText } from '../output/text/json.js'
import { formatQuestionsPretty } from '../output/text/questions.js'
import type { RegisterCommand } from './types.js'

const FORMATS = ['pretty', 'json'] as const
type QuestionsFormat = (typeof FORMATS)[number]

export const registerQuestions: RegisterCommand = (program, { io, setExitCode }) => {
  program
    .command('questions')
    .description('the decisions models leave open, as questions')
    .argument('[paths...]', "model files, folders or globs (default: the config's models, else models/)")
    .addOption(choiceOption('-f, --format <format>', 'output format', FORMATS).default('pretty'))
    .addOption(ruleSeverityOption())
    .addOption(CHECK_FLAGS.config.option)
    .addHelpText(
      'after',
      `
Every finding of a rule that asks a question, unless a decision answers it, and every open
question of a checklist pack (pack:accounts for models with user accounts).

Examples:
  $ plumbline questions                          every model under models/
  $ plumbline questions models/accounts.ts --format json

Exit codes:
  0  listed (open questions are not failures)
  2  unusable input: a model that does not load or is malformed, a missing path, a bad option`,
    )
    .action(async (paths: string[], options: { format: QuestionsFormat; rule?: SeveritySettings; config?: string }) => {
      // The config's models, rules and checklist packs, as for check.
      const { models, checkOptions, stepTimeoutMs } = await settleRun(paths, options, io, { fresh: false })
      // Checked in watched workers, as check checks: a model whose code never returns is stopped, not waited for.
      const checked = await checkFiles(await findModelFiles(models.paths, models.base), {
        cwd: io.cwd,
        checkOptions,
        fresh: false,
        ...(stepTimeoutMs === undefined ? {} : { stepTimeoutMs }),
      })
      const report = questionsReportOf(checked, 'plumbline check')
      io.stdout.write(
        options.format === 'json' ? jsonText(report) : formatQuestionsPretty(report, styleFor(io.stdout, io.env)),
      )
      setExitCode(EXIT_CLEAN)
    })
}
