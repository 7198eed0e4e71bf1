/**
 * `plumbline questions [paths..]`: the decisions each model leaves open, as questions. Open
 * questions are not failures: exit 0, or 2 when the input cannot be used (a model that does
 * not load, or whose shape is too broken to ask anything of).
 */
import { buildQuestionsReport, checkSystem, type CheckOptions, type ModelQuestions, type QuestionsReport, type SeveritySettings } from '@plumbline/core'
import { Option } from 'commander'
import { EXIT_CLEAN, UsageError } from '../errors.js'
import { checkOptionsFrom } from '../config/check-options.js'
import { loadConfig, modelPathsFrom } from '../config/load-config.js'
import type { Io } from '../io.js'
import { createModelLoader } from '../load/load-model.js'
import { loadModels } from '../load/load-models.js'
import { CHECK_FLAGS } from '../options/check-flags.js'
import { ruleSeverityOption } from '../options/rule-severities.js'
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
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('pretty'))
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
      const loaded = await loadConfig(io.cwd, options.config, createModelLoader(io.cwd))
      const report = await listQuestions(modelPathsFrom(paths, loaded, io.cwd), io, checkOptionsFrom(loaded?.config, options))
      io.stdout.write(options.format === 'json' ? jsonText(report) : formatQuestionsPretty(report, styleFor(io.stdout, io.env)))
      setExitCode(EXIT_CLEAN)
    })
}

export async function listQuestions(models: { paths: readonly string[]; base: string }, io: Io, options: CheckOptions = {}): Promise<QuestionsReport> {
  const loaded = await loadModels(models.paths, io.cwd, { base: models.base })
  const questions: ModelQuestions[] = []
  const malformed: string[] = []
  for (const { shown, exported, fallbackName } of loaded) {
    const result = await checkSystem(exported, options)
    if (result.model === undefined) {
      const [first] = result.diagnostics
      const problem = first === undefined ? '' : `: ${first.element || '(model)'}: ${first.message}`
      malformed.push(`${shown}: the model is malformed, so its questions cannot be listed${problem} (plumbline check shows every problem)`)
      continue
    }
    questions.push({ file: shown, system: result.system ?? fallbackName, questions: result.questions })
  }
  if (malformed.length > 0) throw new UsageError(malformed.join('\n'))
  return buildQuestionsReport(questions)
}
