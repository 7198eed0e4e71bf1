/**
 * `plumbline questions [paths..]`: the decisions each model leaves open, as questions. Open
 * questions are not failures: exit 0, or 2 when the input cannot be used (a model that does
 * not load, or whose shape is too broken to ask anything of).
 */
import { buildQuestionsReport, type ModelQuestions, type QuestionsReport, type SeveritySettings } from '@plumbline/core'
import { settleRun } from '../config/run-settings.js'
import { EXIT_CLEAN, UsageError } from '../errors.js'
import { CHECK_FLAGS } from '../options/check-flags.js'
import { choiceOption } from '../options/choices.js'
import { ruleSeverityOption } from '../options/rule-severities.js'
import { checkSystems, type CheckedSystem } from '../run/check-systems.js'
import { styleFor } from '../style.js'
import { jsonText } from '../text/json.js'
import { formatQuestionsPretty } from '../text/questions.js'
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
      const { models, checkOptions } = await settleRun(paths, options, io, { fresh: false })
      const report = questionsReport(await checkSystems(models, io, { checkOptions, fresh: false }))
      io.stdout.write(
        options.format === 'json' ? jsonText(report) : formatQuestionsPretty(report, styleFor(io.stdout, io.env)),
      )
      setExitCode(EXIT_CLEAN)
    })
}

/** The open questions of checked models; a model too malformed to ask anything of is a usage error. */
function questionsReport(systems: readonly CheckedSystem[]): QuestionsReport {
  const questions: ModelQuestions[] = []
  const malformed: string[] = []
  for (const { shown, check, fallbackName } of systems) {
    if (check.model === undefined) {
      const [first] = check.diagnostics
      const problem = first === undefined ? '' : `: ${first.element || '(model)'}: ${first.message}`
      malformed.push(
        `${shown}: the model is malformed, so its questions cannot be listed${problem} (plumbline check shows every problem)`,
      )
      continue
    }
    questions.push({ file: shown, system: check.system ?? fallbackName, questions: check.questions })
  }
  if (malformed.length > 0) throw new UsageError(malformed.join('\n'))
  return buildQuestionsReport(questions)
}
